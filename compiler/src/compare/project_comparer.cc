#include "compare/project_comparer.h"

#include <algorithm>

namespace specc::compare {
namespace {

template <typename T>
const T* FindNamed(const std::vector<T>& list, const std::string& name, std::string T::*field) {
  auto it = std::find_if(list.begin(), list.end(), [&](const T& item) { return item.*field == name; });
  return it == list.end() ? nullptr : &*it;
}

std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "`" : ", `") + n + "`";
  return out;
}

class ProjectComparer {
 public:
  ProjectComparer(const ir::Project& base, const ir::Project& head, const std::string& path,
                  std::vector<Change>& out)
      : base_(base), head_(head), path_(path), out_(out) {}

  void Run() {
    Environments();
    Resources();
    EnvVars();
    Preview();
  }

 private:
  void Add(Rule rule, std::string operation, std::string message, Loc base_loc, Loc head_loc) {
    out_.push_back(Change{.rule = rule, .api = path_, .operation = std::move(operation), .at = {},
                          .message = std::move(message), .base = base_loc, .head = head_loc, .accepted = false,
                          .reason = {}});
  }

  void Environments() {
    for (const ir::Environment& e : base_.environments) {
      if (FindNamed(head_.environments, e.name, &ir::Environment::name) == nullptr) {
        Add(Rule::kEnvironmentRemoved, "environment " + e.name, "environment `" + e.name + "` removed", e.loc,
            head_.loc);
      }
    }
    for (const ir::Environment& e : head_.environments) {
      if (FindNamed(base_.environments, e.name, &ir::Environment::name) == nullptr) {
        Add(Rule::kEnvironmentAdded, "environment " + e.name, "environment `" + e.name + "` added", base_.loc, e.loc);
      }
    }
  }

  // The region a resource has in `environment` ("" for its default), overrides applied.
  static std::string Region(const ir::Resource& r, const std::string& environment) {
    std::string region;
    for (const ir::Setting& s : r.settings) {
      if (s.key == "region") region = s.value;
    }
    for (const ir::ResourceOverride& o : r.overrides) {
      if (o.environment != environment) continue;
      for (const ir::Setting& s : o.settings) {
        if (s.key == "region") region = s.value;
      }
    }
    return region;
  }

  void Resources() {
    for (const ir::Resource& x : base_.resources) {
      std::string operation = "resource " + x.name;
      const ir::Resource* y = FindNamed(head_.resources, x.name, &ir::Resource::name);
      if (y == nullptr) {
        Add(Rule::kResourceRemoved, operation,
            "resource `" + x.name + "` (" + std::string(ir::ResourceTypeName(x.type)) + ") removed", x.loc, head_.loc);
        continue;
      }
      if (x.type != y->type) {
        Add(Rule::kResourceTypeChanged, operation,
            "type changed from `" + std::string(ir::ResourceTypeName(x.type)) + "` to `" +
                std::string(ir::ResourceTypeName(y->type)) + "`",
            x.loc, y->loc);
        continue;
      }
      std::vector<std::string> environments{""};
      for (const ir::Environment& e : head_.environments) environments.push_back(e.name);
      for (const std::string& env : environments) {
        std::string from = Region(x, env), to = Region(*y, env);
        if (from == to || (!env.empty() && from == Region(x, "") && to == Region(*y, ""))) continue;
        Add(Rule::kResourceRegionChanged, operation,
            "region" + (env.empty() ? std::string() : " in `" + env + "`") + " changed from `" + from + "` to `" + to +
                "`",
            x.loc, y->loc);
      }
      auto sharing = [](const ir::Resource& r) {
        return r.branch_per_environment ? "a branch per environment"
               : r.per_environment      ? "one per environment"
                                        : "shared by all environments";
      };
      if (x.per_environment != y->per_environment || x.branch_per_environment != y->branch_per_environment) {
        Add(Rule::kResourceSharingChanged, operation,
            std::string("changed from ") + sharing(x) + " to " + sharing(*y), x.loc, y->loc);
      }
    }
    for (const ir::Resource& y : head_.resources) {
      if (FindNamed(base_.resources, y.name, &ir::Resource::name) == nullptr) {
        Add(Rule::kResourceAdded, "resource " + y.name,
            "resource `" + y.name + "` (" + std::string(ir::ResourceTypeName(y.type)) + ") added", base_.loc, y.loc);
      }
    }
  }

  // The environments of the head version where `var` is required.
  std::vector<std::string> RequiredEnvironments(const ir::EnvVar& var) const {
    std::vector<std::string> out;
    for (const ir::Environment& e : head_.environments) {
      if (ir::RequiredIn(var, e.name)) out.push_back(e.name);
    }
    return out;
  }

  void EnvVars() {
    for (const ir::EnvVar& x : base_.env) {
      std::string operation = "env " + x.key;
      const ir::EnvVar* y = FindNamed(head_.env, x.key, &ir::EnvVar::key);
      if (y == nullptr) {
        Add(Rule::kEnvVarRemoved, operation, "env var `" + x.key + "` removed", x.loc, head_.loc);
        continue;
      }
      std::vector<std::string> newly_required;
      for (const std::string& env : RequiredEnvironments(*y)) {
        bool existed = FindNamed(base_.environments, env, &ir::Environment::name) != nullptr;
        if (existed && !ir::RequiredIn(x, env)) newly_required.push_back(env);
      }
      if (!newly_required.empty()) {
        Add(Rule::kEnvVarBecameRequired, operation, "required in " + Quoted(newly_required) + " now", x.loc, y->loc);
      }
      if (x.secret && !y->secret) {
        Add(Rule::kEnvVarNoLongerSecret, operation, "env var `" + x.key + "` is no longer secret", x.loc, y->loc);
      } else if (!x.secret && y->secret) {
        Add(Rule::kEnvVarBecameSecret, operation, "env var `" + x.key + "` became secret", x.loc, y->loc);
      }
      if (!y->allowed.empty()) {
        if (x.allowed.empty()) {
          Add(Rule::kEnvVarAllowedValueRemoved, operation, "restricted to " + Quoted(y->allowed) + " now", x.loc,
              y->loc);
        }
        for (const std::string& value : x.allowed) {
          if (std::find(y->allowed.begin(), y->allowed.end(), value) == y->allowed.end()) {
            Add(Rule::kEnvVarAllowedValueRemoved, operation, "value `" + value + "` no longer allowed", x.loc, y->loc);
          }
        }
      }
    }
    for (const ir::EnvVar& y : head_.env) {
      if (FindNamed(base_.env, y.key, &ir::EnvVar::key) != nullptr) continue;
      std::vector<std::string> required = RequiredEnvironments(y);
      if (required.empty()) {
        Add(Rule::kEnvVarAdded, "env " + y.key, "optional env var `" + y.key + "` added", base_.loc, y.loc);
      } else {
        Add(Rule::kRequiredEnvVarAdded, "env " + y.key,
            "env var `" + y.key + "` added, required in " + Quoted(required), base_.loc, y.loc);
      }
    }
  }

  void Preview() {
    const ir::PreviewPolicy& x = base_.preview;
    const ir::PreviewPolicy& y = head_.preview;
    std::vector<std::string> what;
    if (y.ttl_hours < x.ttl_hours) {
      what.push_back("ttl lowered from " + std::to_string(x.ttl_hours) + "h to " + std::to_string(y.ttl_hours) + "h");
    }
    if (y.max < x.max) {
      what.push_back("max lowered from " + std::to_string(x.max) + " to " + std::to_string(y.max));
    }
    if (what.empty()) return;
    std::string message;
    for (const std::string& w : what) message += (message.empty() ? "" : "; ") + w;
    Add(Rule::kPreviewPolicyTightened, "preview", message, x.declared ? x.loc : base_.loc,
        y.declared ? y.loc : head_.loc);
  }

  const ir::Project& base_;
  const ir::Project& head_;
  const std::string& path_;
  std::vector<Change>& out_;
};

}  // namespace

void CompareProjects(const ir::Project& base, const ir::Project& head, const std::string& path,
                     std::vector<Change>& out) {
  ProjectComparer(base, head, path, out).Run();
}

}  // namespace specc::compare
