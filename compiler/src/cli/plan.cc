// `specc plan [--format text|json]`: the provisioning plan of the project spec, with each
// step's mode resolved from the credential variables present in the environment. Presence
// only: a credential's value is never read into a variable of specc, let alone printed.
#include <cstdlib>
#include <map>
#include <ostream>
#include <set>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/source_map.h"
#include "base/utf8.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "driver/front_end.h"
#include "emit/plan/plan_model.h"
#include "emit/template_set.h"
#include "provision/desired.h"
#include "provision/state.h"

namespace specc::cli {
namespace {

// True when `name` is set to something non-empty. The value is looked at only to tell
// empty from non-empty, and never leaves this function.
bool IsSet(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value != nullptr && value[0] != '\0';
}

std::string Suffix(const std::string& key, const std::string& project_id) {
  return key.rfind(project_id + "-", 0) == 0 ? key.substr(project_id.size() + 1) : key;
}

// Sets each step's status from the provisioning state (.specc/state/), when there is one:
// what `specc provision` would do, as far as the recorded state tells.
// Returns, by key, what differs for the steps in drift.
std::map<std::string, std::vector<std::string>> ReadStatuses(emit::Plan& plan, const ir::Project& project,
                                                              const CommandContext& ctx, const Fs& fs) {
  std::map<std::string, std::vector<std::string>> drift;
  std::map<std::string, provision::State> states;
  bool any = false;
  std::vector<std::string> environments = {"all"};
  for (const ir::Environment& e : project.environments) environments.push_back(e.name);
  for (const std::string& env : environments) {
    std::string path = provision::StatePath(env);
    Result<std::string> text = fs.Read(JoinPath(ctx.working_dir, path));
    if (!text.ok()) continue;
    Result<provision::State> state = provision::ParseState(text.value(), path);
    if (!state.ok()) {
      ctx.err << "specc plan: warning: " << state.error().message << "\n";
      continue;
    }
    states[env] = std::move(state).value();
    any = true;
  }
  if (!any) return drift;
  for (emit::PlanStep& step : plan.steps) {
    const provision::StateRecord* recorded = nullptr;
    auto state = states.find(step.environment);
    if (state != states.end()) {
      auto it = state->second.steps.find(step.key);
      if (it != state->second.steps.end()) recorded = &it->second;
    }
    step.status = provision::PlannedStatus(step, project, recorded);
    if (step.status != "drift") continue;
    for (const provision::DriftItem& d : provision::Differences(step, project, recorded->attributes)) {
      drift[step.key].push_back(d.field + ": the spec says `" + d.wanted + "`, the state records `" + d.actual + "`");
    }
  }
  return drift;
}

void PrintText(const emit::Plan& plan, const std::map<std::string, std::vector<std::string>>& drift, std::ostream& out) {
  // Names and titles carry the project spec's text: shown through VisibleText, so an ESC
  // sequence in a resource name cannot rewrite the terminal.
  out << "specc plan: " << VisibleText(plan.project) << " (" << VisibleText(plan.project_id) << ")\n";
  out << "Steps are idempotent; nothing is ever deleted. Symbols: + ensure, ~ connect, ? verify.\n";
  std::vector<std::string> order;
  std::map<std::string, std::vector<const emit::PlanStep*>> by_env;
  for (const emit::PlanStep& s : plan.steps) {
    if (by_env.count(s.environment) == 0) order.push_back(s.environment);
    by_env[s.environment].push_back(&s);
  }
  size_t width = 0;
  for (const emit::PlanStep& s : plan.steps) width = std::max(width, Suffix(s.key, plan.project_id).size());
  for (const std::string& env : order) {
    out << "\n" << (env == "all" ? "all environments" : "environment " + env) << ":\n";
    for (const emit::PlanStep* s : by_env[env]) {
      char symbol = s->action == "ensure" ? '+' : s->action == "connect" ? '~' : '?';
      std::string key = Suffix(s->key, plan.project_id);
      out << "  " << symbol << " " << key << std::string(width - key.size() + 2, ' ') << VisibleText(s->title) << "  [" << s->mode
          << (s->approval_required ? ", approval required" : "") << "]";
      if (!s->status.empty() && s->status != "manual") out << " " << s->status;
      out << "\n";
      if (auto it = drift.find(s->key); it != drift.end()) {
        for (const std::string& line : it->second) out << "      drift: " << VisibleText(line) << "\n";
      }
    }
  }
  // Why steps are not automated, grouped by reason so a missing credential shows once.
  std::vector<std::string> reasons;
  std::map<std::string, std::vector<std::string>> keys_by_reason;
  for (const emit::PlanStep& s : plan.steps) {
    if (s.mode == "automated") continue;
    std::string why = s.mode + ": " + s.reason;
    if (keys_by_reason.count(why) == 0) reasons.push_back(why);
    keys_by_reason[why].push_back(Suffix(s.key, plan.project_id));
  }
  if (!reasons.empty()) out << "\nNot automated:\n";
  for (const std::string& why : reasons) {
    const std::vector<std::string>& keys = keys_by_reason[why];
    out << "  " << why << " (" << keys.size() << (keys.size() == 1 ? " step" : " steps") << ": ";
    for (size_t i = 0; i < keys.size(); ++i) out << (i ? ", " : "") << keys[i];
    out << ")\n";
  }
  std::map<std::string, size_t> actions, modes;
  size_t approvals = 0;
  for (const emit::PlanStep& s : plan.steps) {
    ++actions[s.action];
    ++modes[s.mode];
    approvals += s.approval_required;
  }
  out << "\nPlan: " << actions["ensure"] << " to ensure, " << actions["connect"] << " to connect, " << actions["verify"]
      << " to verify; " << modes["automated"] << " automated, " << modes["assisted"] << " assisted, " << modes["manual"]
      << " manual; " << approvals << " need approval.\n";
  std::map<std::string, size_t> statuses;
  for (const emit::PlanStep& s : plan.steps) {
    if (!s.status.empty()) ++statuses[s.status];
  }
  if (!statuses.empty()) {
    out << "State (.specc/state/): " << statuses["create"] << " to create, " << statuses["no-op"] << " no-op, " << statuses["drift"]
        << " drift, " << statuses["manual"] << " manual; `specc provision --env ENV` carries it out.\n";
  }
  if (modes["manual"] > 0) out << "Manual steps, in order, with instructions: infra/PROVISIONING.md (`specc apply` writes it).\n";
}

}  // namespace

std::set<std::string> CredentialsPresent(const ir::Project& project) {
  std::set<std::string> present;
  for (const ir::Integration& i : project.integrations) {
    for (const std::vector<std::string>* list : {&i.credentials, &i.optional_credentials}) {
      for (const std::string& name : *list) {
        if (IsSet(name)) present.insert(name);
      }
    }
  }
  return present;
}

int RunPlan(const CommandContext& ctx) {
  RealFs fs(ctx.working_dir);
  SourceMap sources;
  DiagSink sink;
  std::optional<RepositorySpecs> repository = LoadRepository("plan", ctx, fs, sources, sink);
  if (!repository) return kExitUsage;
  const spec::ProjectConfig& config = repository->config;
  driver::LoadedSpecs& specs = repository->specs;
  emit::TemplateSet templates = emit::TemplateSet::BuiltIn(sources);
  if (!config.templates_dir.empty() && !sink.has_errors()) {
    Status status = templates.Override(JoinPath(ctx.working_dir, config.templates_dir), config.templates_dir, fs, sources, sink);
    if (!status.ok()) {
      ctx.err << "specc plan: " << status.error().message << "\n";
      return kExitUsage;
    }
  }
  if (!specs.project && !sink.has_errors()) {
    ctx.err << "specc plan: `" << config.specs_dir << "/` holds no project spec (`*.specc`); the plan comes from one\n"
            << "  hint: `specc init` scaffolds one\n";
    return kExitUsage;
  }
  std::optional<std::string> json;
  emit::Plan plan;
  std::map<std::string, std::vector<std::string>> drift;
  if (!sink.has_errors()) {
    plan = emit::BuildPlan(*specs.project, CredentialsPresent(*specs.project));
    drift = ReadStatuses(plan, *specs.project, ctx, fs);
    if (ctx.format == OutputFormat::kJson) json = emit::RenderPlanJson(plan, templates, sink);
  }
  if (!sink.diagnostics().empty()) PrintDiagnostics(sink, sources, OutputFormat::kText, ctx.err);
  if (sink.has_errors()) return ExitCodeFor(sink);
  if (ctx.format == OutputFormat::kJson) {
    ctx.out << *json;
  } else {
    PrintText(plan, drift, ctx.out);
  }
  return kExitClean;
}

}  // namespace specc::cli
