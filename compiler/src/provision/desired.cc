#include "provision/desired.h"

#include <cctype>

#include "emit/project_model.h"

namespace specc::provision {
namespace {

std::string Setting(const emit::PlanStep& step, const std::string& key) {
  for (const auto& [k, v] : step.settings) {
    if (k == key) return v;
  }
  return "";
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string LinkedRepository(const ir::Project& project, const emit::PlanStep& step) {
  std::string repo = Setting(step, "repository");
  if (const ir::Resource* linked = emit::FindResource(project, repo); linked != nullptr) {
    return emit::ExternalName(project, *linked, "");
  }
  return repo;
}

std::map<std::string, std::string> DesiredAttributes(const emit::PlanStep& step, const ir::Project& project) {
  std::map<std::string, std::string> want;
  auto from = [&](const std::string& attribute, const std::string& setting) {
    std::string value = Setting(step, setting);
    if (!value.empty()) want[attribute] = value;
  };
  if (step.kind == "neonProject") {
    from("region", "region");
    from("pgVersion", "postgres");
  } else if (step.kind == "upstashRedis") {
    from("region", "region");
    from("eviction", "eviction");
  } else if (step.kind == "upstashVector") {
    from("region", "region");
    from("dimensions", "dimensions");
    if (!Setting(step, "metric").empty()) want["metric"] = Upper(Setting(step, "metric"));
  } else if (step.kind == "vercelProject") {
    from("framework", "framework");
    from("rootDirectory", "rootDirectory");
    if (!LinkedRepository(project, step).empty()) want["repository"] = LinkedRepository(project, step);
  } else if (step.kind == "githubRepo") {
    want["visibility"] = Setting(step, "visibility").empty() ? "private" : Setting(step, "visibility");
    from("defaultBranch", "defaultBranch");
  } else if (step.kind == "postmanWorkspace") {
    from("visibility", "visibility");
  }
  return want;
}

std::vector<DriftItem> Differences(const emit::PlanStep& step, const ir::Project& project,
                                   const std::map<std::string, std::string>& observed) {
  std::vector<DriftItem> drift;
  for (const auto& [attribute, wanted] : DesiredAttributes(step, project)) {
    auto it = observed.find(attribute);
    std::string actual = it == observed.end() ? "" : it->second;
    if (actual != wanted) drift.push_back({attribute, wanted, actual.empty() ? "(none)" : actual});
  }
  return drift;
}

std::string PlannedStatus(const emit::PlanStep& step, const ir::Project& project, const StateRecord* recorded) {
  if (step.mode != "automated") return "manual";
  if (recorded == nullptr) return "create";
  return Differences(step, project, recorded->attributes).empty() ? "no-op" : "drift";
}

}  // namespace specc::provision
