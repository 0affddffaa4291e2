#include "emit/plan/plan_model.h"

#include <algorithm>
#include <map>

#include "base/json_writer.h"
#include "emit/escape.h"
#include "emit/project_model.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "plan";

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(sep)) + item;
  return out;
}

std::string Quoted(const std::vector<std::string>& items) {
  std::vector<std::string> q;
  for (const std::string& i : items) q.push_back("`" + i + "`");
  return Join(q, ", ");
}

// The key segment of FR-021 for a resource's main step: githubRepo, neonProject, ...
std::string Segment(ir::ResourceType type) {
  switch (type) {
    case ir::ResourceType::kNeonPostgres: return "neonProject";
    case ir::ResourceType::kUpstashRedis: return "upstashRedis";
    case ir::ResourceType::kUpstashVector: return "upstashVector";
    case ir::ResourceType::kVercelProject: return "vercelProject";
    case ir::ResourceType::kCloudflareWorker: return "cloudflareWorker";
    case ir::ResourceType::kCloudflarePages: return "cloudflarePage";
    case ir::ResourceType::kPostmanWorkspace: return "postmanWorkspace";
    case ir::ResourceType::kGithubRepo: return "githubRepo";
  }
  return "resource";
}

// The prefix of a deploy target's derived steps: vercelEnv, cloudflareWorkerEnv, ...
std::string TargetPrefix(ir::ResourceType type) {
  return type == ir::ResourceType::kVercelProject ? "vercel" : Segment(type);
}

std::string ProviderTitle(ir::Provider p) {
  switch (p) {
    case ir::Provider::kNeon: return "Neon";
    case ir::Provider::kUpstash: return "Upstash";
    case ir::Provider::kVercel: return "Vercel";
    case ir::Provider::kCloudflare: return "Cloudflare";
    case ir::Provider::kPostman: return "Postman";
    case ir::Provider::kGithub: return "GitHub";
  }
  return "";
}

std::string Setting(const ir::Resource& r, std::string_view key, std::string_view environment, std::string fallback = "") {
  std::string value = std::move(fallback);
  for (const ir::Setting& s : r.settings) {
    if (s.key == key) value = s.value;
  }
  for (const ir::ResourceOverride& o : r.overrides) {
    if (o.environment != environment) continue;
    for (const ir::Setting& s : o.settings) {
      if (s.key == key) value = s.value;
    }
  }
  return value;
}

std::string VercelEnvironment(std::string_view env) {
  if (env == "prod" || env == "production") return "Production";
  if (env == "dev" || env == "development") return "Development";
  return "Preview";
}

std::string Lowercase(std::string text) {
  for (char& c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (!keep) {
      c = '-';
    }
  }
  return text;
}

// The Cloudflare Pages environment an environment of the project deploys to: Pages knows
// only Production and Preview.
std::string PagesEnvironment(std::string_view env) {
  return env == "prod" || env == "production" ? "Production" : "Preview";
}

bool IsAutomatable(const std::string& kind) {
  const std::vector<std::string>& kinds = AutomatableKinds();
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

// Why a step of `kind` stays manual even with credentials.
std::string ManualOnlyReason(const std::string& kind) {
  if (kind.rfind("cloudflare", 0) == 0) return "specc has no Cloudflare client yet: this step is manual";
  if (kind.find("Deploy") != std::string::npos) return "specc does not deploy: the platform builds what is pushed to the repository";
  if (kind.find("Verify") != std::string::npos) return "a person checks the deployment";
  if (kind.find("Promote") != std::string::npos) return "promotion to production is a person's decision";
  return "specc cannot do this step through an API";
}

class Builder {
 public:
  Builder(const ir::Project& project, const std::set<std::string>& present) : project_(project), present_(present) {}

  Plan Run() {
    Plan plan{project_.name, project_.id, {}};
    // Shared resources first: repositories (deploy targets link to them), then the rest,
    // then the deploy targets themselves.
    auto shared_pass = [&](auto pick) {
      for (const ir::Resource& r : project_.resources) {
        if (pick(r)) ResourceSteps(r, /*environment=*/"");
      }
    };
    auto is_target = [](const ir::Resource& r) {
      return r.type == ir::ResourceType::kVercelProject || r.type == ir::ResourceType::kCloudflareWorker ||
             r.type == ir::ResourceType::kCloudflarePages;
    };
    shared_pass([](const ir::Resource& r) { return r.type == ir::ResourceType::kGithubRepo; });
    shared_pass([&](const ir::Resource& r) { return r.type != ir::ResourceType::kGithubRepo && !is_target(r); });
    shared_pass(is_target);
    for (const ir::Environment& e : project_.environments) {
      for (const ir::Resource& r : project_.resources) ResourceSteps(r, e.name);
      // The repository's environment holds what no deploy target does; workspaces get
      // the environment's collections.
      for (const ir::Resource& r : project_.resources) {
        if (r.type == ir::ResourceType::kGithubRepo) GithubEnvironmentStep(r, e.name);
        if (r.type == ir::ResourceType::kPostmanWorkspace) PostmanCollectionStep(r, e.name);
      }
      for (const ir::Resource* t : DeployTargets(project_)) TargetSteps(*t, e.name);
    }
    if (project_.environments.size() > 0) {
      for (const ir::Resource* t : DeployTargets(project_)) PromoteStep(*t);
    }
    plan.steps = std::move(steps_);
    return plan;
  }

 private:
  // The key is a function of the project id, the resource's declared name, the step and
  // the environment only: adding, removing, reordering or renaming other resources never
  // moves it, so an orchestrator that stored a key converges instead of duplicating.
  std::string Key(const std::string& segment, const ir::Resource& r, std::string_view env) const {
    return project_.id + "-" + segment + "." + r.name + "-" + std::string(env.empty() ? "all" : env);
  }

  // The key of the step that creates `resource` for `environment` (its branch, its
  // per-environment instance, or the shared one).
  std::string ProviderKey(const ir::Resource& r, std::string_view env) const {
    if (r.type == ir::ResourceType::kNeonPostgres && r.branch_per_environment) return Key("neonBranch", r, env);
    return Key(Segment(r.type), r, r.per_environment ? env : "");
  }

  // Fills provider, mode and reason from the provider's integration and what is present.
  void Resolve(PlanStep& step, ir::Provider provider, bool connect) {
    step.provider = std::string(ir::ProviderName(provider));
    if (connect) {
      step.mode = "assisted";
      step.reason = "connects an existing resource: specc validates it and maps its outputs";
      return;
    }
    if (!IsAutomatable(step.kind)) {
      // No credential would change this step's mode, so none is listed as needed.
      step.mode = "manual";
      step.reason = ManualOnlyReason(step.kind);
      return;
    }
    for (const ir::Integration& i : project_.integrations) {
      if (i.provider == provider && !i.credentials.empty()) step.credentials = i.credentials;
    }
    step.automatable = !step.credentials.empty();
    std::vector<std::string> missing;
    for (const std::string& c : step.credentials) {
      if (present_.count(c) == 0) missing.push_back(c);
    }
    std::string creds = Join(step.credentials, " and ") + (step.credentials.size() > 1 ? " are" : " is") + " set";
    if (step.automatable && missing.empty()) {
      step.mode = "automated";
      step.reason = creds;
    } else if (step.automatable) {
      step.mode = "manual";
      step.reason = "automated only when " + creds;
      if (provider == ir::Provider::kUpstash) step.reason += "; the Upstash Developer API serves native Upstash accounts only";
    } else {
      step.mode = "manual";
      step.reason = "no integration declares credentials for " + step.provider;
    }
  }

  void Provides(PlanStep& step, const ir::Resource& r, std::string_view env) const {
    for (const ir::EnvVar& var : project_.env) {
      bool from = false;
      for (const ir::Environment& e : project_.environments) {
        if (!env.empty() && e.name != env) continue;
        const ir::EnvSource& s = SourceIn(var, e.name);
        from = from || (s.kind == ir::EnvSourceKind::kProvisioned && s.resource == r.name);
      }
      if (from) step.provides.push_back(var.key);
    }
  }

  void Settings(PlanStep& step, const ir::Resource& r, std::string_view env) const {
    std::vector<std::string> keys;
    for (const ir::Setting& s : r.settings) keys.push_back(s.key);
    for (const ir::ResourceOverride& o : r.overrides) {
      if (o.environment != env) continue;
      for (const ir::Setting& s : o.settings) {
        if (std::find(keys.begin(), keys.end(), s.key) == keys.end()) keys.push_back(s.key);
      }
    }
    for (const std::string& k : keys) step.settings.emplace_back(k, Setting(r, k, env));
    if (!r.existing.empty()) step.settings.emplace_back("existing", r.existing);
  }

  // The steps a resource itself needs in `env` ("" for the shared pass).
  void ResourceSteps(const ir::Resource& r, const std::string& env) {
    bool neon_branches = r.type == ir::ResourceType::kNeonPostgres && r.branch_per_environment;
    if (env.empty()) {
      if (r.per_environment && !neon_branches) return;
      PlanStep step = Base(Segment(r.type), r, "");
      if (neon_branches) {
        step.title = "Neon project `" + r.name + "`";
      } else {
        Provides(step, r, "");
      }
      Finish(step, r, "", !r.existing.empty());
      return;
    }
    if (neon_branches) {
      PlanStep step = Base("neonBranch", r, env);
      step.name = env;
      step.title = "Neon branch `" + env + "` of `" + r.name + "`";
      step.depends_on.push_back(Key("neonProject", r, ""));
      Provides(step, r, env);
      Finish(step, r, env, false);
    } else if (r.per_environment) {
      PlanStep step = Base(Segment(r.type), r, env);
      Provides(step, r, env);
      Finish(step, r, env, !r.existing.empty());
    }
  }

  PlanStep Base(const std::string& segment, const ir::Resource& r, const std::string& env) {
    PlanStep step;
    step.key = Key(segment, r, env);
    step.kind = segment;
    step.name = ExternalName(project_, r, env);
    step.resource = r.name;
    step.resource_type = std::string(ir::ResourceTypeName(r.type));
    step.environment = env.empty() ? "all" : env;
    step.title = ProviderTitle(ir::ProviderOf(r.type)) + " " + std::string(ir::ResourceTypeName(r.type)).substr(std::string(ir::ResourceTypeName(r.type)).find('.') + 1) +
                 " `" + r.name + "`" + (env.empty() ? "" : " (" + env + ")");
    Settings(step, r, env);
    return step;
  }

  void Finish(PlanStep& step, const ir::Resource& r, const std::string& env, bool connect) {
    step.action = connect ? "connect" : "ensure";
    step.approval_required = !connect;
    Resolve(step, ir::ProviderOf(r.type), connect);
    // A project linked to a repository of this spec needs the repository first.
    std::string repo = Setting(r, "repository", env);
    if (const ir::Resource* linked = FindResource(project_, repo); linked != nullptr && linked != &r) {
      step.depends_on.push_back(ProviderKey(*linked, env));
    }
    step.instructions = Instructions(step, r, env, connect);
    steps_.push_back(std::move(step));
  }

  // The output of resource `resource` that env var `key` takes (in `env`, or in any
  // environment when `env` is empty).
  std::string ProvidedOutput(const std::string& key, const std::string& resource, std::string_view env) const {
    for (const ir::EnvVar& var : project_.env) {
      if (var.key != key) continue;
      for (const ir::Environment& e : project_.environments) {
        if (!env.empty() && e.name != env) continue;
        const ir::EnvSource& s = SourceIn(var, e.name);
        if (s.kind == ir::EnvSourceKind::kProvisioned && s.resource == resource) return s.output;
      }
    }
    return {};
  }

  // Where the Upstash console shows output `output`.
  static std::string UpstashOutputText(const std::string& output) {
    if (output == "redisUrl") return "the Redis URL (`rediss://default:...@<endpoint>:6379`, on the database's Connect panel)";
    if (output == "restUrl") return "the REST URL (REST API section)";
    if (output == "restToken") return "the REST token (REST API section)";
    if (output == "readOnlyToken") return "the read-only REST token (REST API section)";
    if (output == "endpoint") return "the endpoint (Details)";
    return "the `" + output + "` value";
  }

  // Where the secret values among `keys` go in `env` ("" for every environment), named as
  // this plan's steps name it: a deploy target's env vars step, the repository's GitHub
  // environment step, or, when the plan has neither, the store of the services' runtime.
  // Empty when none of `keys` is a secret.
  std::string SecretNote(const std::vector<std::string>& keys, const std::string& env) const {
    std::vector<std::string> places;
    for (const ir::EnvVar& var : project_.env) {
      if (!var.secret || std::find(keys.begin(), keys.end(), var.key) == keys.end()) continue;
      std::string place = SecretPlace(var, env);
      if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
    }
    if (places.empty()) return {};
    return "Paste secret values only into " + Join(places, " or ") + "; never into a file under git, an issue or a chat.";
  }

  std::string SecretPlace(const ir::EnvVar& var, const std::string& env) const {
    if (const ir::Resource* t = TargetHolding(project_, var)) {
      return env.empty() ? "the \"env vars of `" + t->name + "`\" steps" : "the step \"env vars of `" + t->name + "` (" + env + ")\"";
    }
    std::string store = SecretStore(project_, var);
    if (store == "githubEnvironmentSecret") {
      for (const ir::Resource& r : project_.resources) {
        if (r.type != ir::ResourceType::kGithubRepo) continue;
        return env.empty() ? "the \"GitHub environment ... of `" + r.name + "`\" steps"
                           : "the step \"GitHub environment `" + env + "` of `" + r.name + "`\"";
      }
    }
    if (store == "cloudflareBinding") {
      return "the service's Cloudflare secrets (`npx wrangler secret put NAME`, or `npx wrangler pages secret put NAME` for Pages; both prompt for the value)";
    }
    if (store == "vercelEnvVar") return "the Vercel project's Environment Variables, with Sensitive turned on";
    if (store == "railwayVariable") return "the Railway service's Variables";
    return "the environment of the server that runs the service (from your secret manager)";
  }

  std::vector<std::string> Instructions(const PlanStep& step, const ir::Resource& r, const std::string& env, bool connect) const {
    std::vector<std::string> out;
    const std::string& name = step.name;
    if (connect) {
      out.push_back("Sign in to " + ProviderTitle(ir::ProviderOf(r.type)) + " and open the existing resource `" + r.existing + "`.");
      out.push_back("Check that it matches the spec (" + std::string(ir::ResourceTypeName(r.type)) + ") and that your account can read it.");
    }
    std::string provides = Quoted(step.provides);
    std::string secret_note = SecretNote(step.provides, env);
    switch (r.type) {
      case ir::ResourceType::kGithubRepo: {
        const std::string& repo = step.name;
        out.push_back("Open https://github.com/new (choose the owner `" + repo.substr(0, repo.find('/')) + "`).");
        out.push_back("Create the repository `" + repo + "` with visibility " + Setting(r, "visibility", env, "private") +
                      "; if it already exists, open it instead.");
        out.push_back("Under Settings > General, make `" + Setting(r, "defaultBranch", env, "main") + "` the default branch.");
        break;
      }
      case ir::ResourceType::kNeonPostgres:
        if (step.kind == "neonBranch") {
          out.push_back("Open https://console.neon.tech, select the project `" + ExternalName(project_, r, "") + "` and go to Branches.");
          out.push_back("Create the branch `" + env + "` from the default branch (skip if it exists)" +
                        (Setting(r, "plan", env).empty() ? "" : "; set its compute to the `" + Setting(r, "plan", env) + "` plan") + ".");
          out.push_back("On the branch, click Connect, choose the database `" + NeonDatabaseName(project_, r, env) + "` and the role `" + NeonRoleName(project_, r, env) +
                        "`, turn on connection pooling and copy the connection string.");
          if (!step.provides.empty()) out.push_back("Use it as " + provides + " in " + env + "." + (secret_note.empty() ? "" : " " + secret_note));
        } else if (!connect) {
          out.push_back("Open https://console.neon.tech and click New project (skip if `" + step.name + "` exists).");
          out.push_back("Name it `" + step.name + "`, region `" + Setting(r, "region", env, "(any)") + "`" +
                        (Setting(r, "postgres", env).empty() ? "" : ", Postgres " + Setting(r, "postgres", env)) + ", database `" +
                        NeonDatabaseName(project_, r, env) + "` owned by the role `" + NeonRoleName(project_, r, env) + "`.");
          out.push_back("Record the project id (Settings > General); it is not a secret.");
        }
        break;
      case ir::ResourceType::kUpstashRedis:
      case ir::ResourceType::kUpstashVector: {
        bool redis = r.type == ir::ResourceType::kUpstashRedis;
        const std::string& db = step.name;
        if (!connect) {
          out.push_back(std::string("Open https://console.upstash.com, go to ") + (redis ? "Redis" : "Vector") + " and click Create " +
                        (redis ? "database" : "index") + " (skip if `" + db + "` exists).");
          std::string details = "Name it `" + db + "`, region `" + Setting(r, "region", env, "(any)") + "`";
          if (redis && Setting(r, "eviction", env) == "true") details += ", eviction on";
          if (!redis) details += ", dimensions " + Setting(r, "dimensions", env, "(model's)") + ", metric " + Setting(r, "metric", env, "cosine");
          out.push_back(details + ".");
        }
        if (step.provides.empty()) out.push_back("Open its REST API section and copy the REST URL and token.");
        // Each variable gets the output it names: a Redis URL is not the REST URL.
        for (const std::string& key : step.provides) {
          out.push_back("Copy " + UpstashOutputText(ProvidedOutput(key, r.name, env)) + " into `" + key + "`" +
                        (env.empty() ? "" : " in " + env) + ".");
        }
        if (!secret_note.empty()) out.push_back(secret_note);
        out.push_back("Accounts created through the Vercel Marketplace have no Developer API: this manual path works for them too.");
        break;
      }
      case ir::ResourceType::kCloudflareWorker:
      case ir::ResourceType::kCloudflarePages: {
        bool worker = r.type == ir::ResourceType::kCloudflareWorker;
        if (!connect) {
          out.push_back(std::string("Open https://dash.cloudflare.com, go to Workers & Pages and click Create > ") + (worker ? "Worker" : "Pages") +
                        " (skip if `" + name + "` exists).");
          std::string details = "Name it `" + name + "`";
          if (!Setting(r, "compatibilityDate", env).empty()) details += ", compatibility date " + Setting(r, "compatibilityDate", env);
          out.push_back(details + ".");
        }
        for (const ir::ResourceOverride& o : r.overrides) {
          for (const ir::Setting& s : o.settings) {
            if (s.key == "route") out.push_back("Under Settings > Domains & Routes, add the route `" + s.value + "` for " + o.environment + ".");
          }
        }
        if (!step.provides.empty()) out.push_back("Record its URL for " + provides + ".");
        break;
      }
      case ir::ResourceType::kVercelProject:
        if (!connect) {
          out.push_back("Open https://vercel.com/new and import the Git repository `" + RepositoryOf(r, env) + "` as the project `" + step.name +
                        "` (skip if it exists).");
          std::string details = "Set the framework preset to `" + Setting(r, "framework", env, "(detected)") + "`";
          if (!Setting(r, "rootDirectory", env).empty()) details += " and the root directory to `" + Setting(r, "rootDirectory", env) + "`";
          out.push_back(details + "; do not deploy yet: the env vars come first.");
        }
        break;
      case ir::ResourceType::kPostmanWorkspace:
        if (!connect) {
          out.push_back("Open Postman, click Workspaces > Create Workspace (skip if `" + name + "` exists).");
          out.push_back("Name it `" + name + "` with visibility " + Setting(r, "visibility", env, "team") + ".");
        }
        break;
    }
    return out;
  }

  // The "owner/name" of the repository a resource links to: its `repository` setting, or
  // the repository of the github.repo resource it names.
  std::string RepositoryOf(const ir::Resource& r, const std::string& env) const {
    std::string repo = Setting(r, "repository", env);
    if (const ir::Resource* linked = FindResource(project_, repo); linked != nullptr && linked != &r) return ExternalName(project_, *linked, "");
    return repo.empty() ? "(the project's)" : repo;
  }

  // Adds the provider steps of `var`'s provisioned source in `env` to `step`'s
  // dependencies, and a manual source to its inputs.
  void Needs(PlanStep& step, const ir::EnvVar& var, const std::string& env) const {
    const ir::EnvSource& s = SourceIn(var, env);
    if (s.kind == ir::EnvSourceKind::kManual) step.inputs.push_back(var.key);
    if (s.kind != ir::EnvSourceKind::kProvisioned) return;
    if (const ir::Resource* r = FindResource(project_, s.resource)) {
      std::string dep = ProviderKey(*r, env);
      if (std::find(step.depends_on.begin(), step.depends_on.end(), dep) == step.depends_on.end()) step.depends_on.push_back(dep);
    }
  }

  // The GitHub environment `env` of the repository, with the secrets and variables of the
  // env vars no deploy target holds.
  void GithubEnvironmentStep(const ir::Resource& repo, const std::string& env) {
    PlanStep step = Base("githubEnvironment", repo, env);
    step.name = env;
    step.title = "GitHub environment `" + env + "` of `" + repo.name + "`";
    step.settings.clear();
    step.depends_on.push_back(ProviderKey(repo, env));
    std::vector<std::string> plain, secret;
    for (const ir::EnvVar* var : GithubEnvironmentVars(project_)) {
      if (SourceIn(*var, env).kind == ir::EnvSourceKind::kDetected) continue;
      step.provides.push_back(var->key);
      (var->secret ? secret : plain).push_back(var->key);
      Needs(step, *var, env);
    }
    step.action = "ensure";
    step.approval_required = true;
    Resolve(step, ir::Provider::kGithub, false);
    std::string full = ExternalName(project_, repo, "");
    step.instructions.push_back("Open https://github.com/" + full + "/settings/environments and create the environment `" + env +
                                "` (skip if it exists).");
    if (!secret.empty()) step.instructions.push_back("Under Environment secrets, add " + Quoted(secret) + ".");
    if (!plain.empty()) step.instructions.push_back("Under Environment variables, add " + Quoted(plain) + ".");
    if (!step.provides.empty()) {
      step.instructions.push_back("Take provisioned values from the steps this one depends on" +
                                  std::string(step.inputs.empty() ? "." : "; " + Quoted(step.inputs) + " come from your team's secret store."));
    }
    steps_.push_back(std::move(step));
  }

  // The environment's Postman collections and environment files, imported into `workspace`.
  void PostmanCollectionStep(const ir::Resource& workspace, const std::string& env) {
    PlanStep step = Base("postmanCollection", workspace, env);
    step.name = ExternalName(project_, workspace, "");
    step.title = "Postman collections of " + env + " in `" + workspace.name + "`";
    step.settings.clear();
    step.depends_on.push_back(ProviderKey(workspace, env));
    step.action = "ensure";
    step.approval_required = true;
    Resolve(step, ir::Provider::kPostman, false);
    step.instructions.push_back("In Postman, open the workspace `" + step.name + "` and click Import.");
    // `{service}`, not `<service>`: the text is escaped for Markdown, where `<` becomes
    // `&lt;`, and inside a code span that would show literally.
    step.instructions.push_back("Import `{service}/" + env + ".postman_collection.json` and `{service}/" + env +
                                ".postman_environment.json` of each service from the Postman directory `specc apply` writes; "
                                "replace an earlier import of the same name instead of adding a second one.");
    steps_.push_back(std::move(step));
  }

  void TargetSteps(const ir::Resource& t, const std::string& env) {
    ir::Provider provider = ir::ProviderOf(t.type);
    std::string prefix = TargetPrefix(t.type);
    bool vercel = t.type == ir::ResourceType::kVercelProject;
    bool pages = t.type == ir::ResourceType::kCloudflarePages;
    std::string name = Setting(t, "name", env, t.name);
    // Env vars.
    PlanStep vars = Base(prefix + "Env", t, env);
    vars.title = "env vars of `" + t.name + "` (" + env + ")";
    vars.depends_on.push_back(ProviderKey(t, env));
    std::vector<std::string> plain, secret;
    for (const ir::EnvVar& var : project_.env) {
      if (!SetOn(project_, var, t)) continue;
      const ir::EnvSource& s = SourceIn(var, env);
      if (s.kind == ir::EnvSourceKind::kDetected) continue;
      vars.provides.push_back(var.key);
      (var.secret ? secret : plain).push_back(var.key);
      Needs(vars, var, env);
    }
    vars.settings.clear();
    vars.action = "ensure";
    vars.approval_required = true;
    Resolve(vars, provider, false);
    if (vercel) {
      vars.instructions.push_back("Open the Vercel project `" + t.name + "` > Settings > Environment Variables.");
      vars.instructions.push_back("For the " + VercelEnvironment(env) + " environment, add " + (plain.empty() ? "no plain values" : Quoted(plain)) + ".");
      if (!secret.empty()) vars.instructions.push_back("Add " + Quoted(secret) + " with Sensitive turned on.");
    } else if (pages) {
      // Pages has two environments, Production and Preview, not the project's names.
      std::string pages_env = PagesEnvironment(env);
      vars.instructions.push_back("Open https://dash.cloudflare.com > Workers & Pages > `" + name + "` > Settings > Variables and Secrets and choose the " +
                                  pages_env + " environment (for " + env + ").");
      if (!plain.empty()) vars.instructions.push_back("Add the text variables " + Quoted(plain) + ".");
      if (!secret.empty()) {
        vars.instructions.push_back("Add " + Quoted(secret) + " as type Secret" +
                                    (pages_env == "Production" ? " (or run `npx wrangler pages secret put NAME --project-name " + name +
                                                                     "`, which prompts for the value: never pass a secret on the command line)"
                                                               : "") +
                                    ".");
      }
    } else {
      vars.instructions.push_back("Open https://dash.cloudflare.com > Workers & Pages > `" + name + "` > Settings > Variables and Secrets (environment `" + env + "`).");
      if (!plain.empty()) vars.instructions.push_back("Add the text variables " + Quoted(plain) + ".");
      if (!secret.empty()) {
        vars.instructions.push_back("Add " + Quoted(secret) + " as type Secret (or run `npx wrangler secret put NAME --env " + env +
                                    "`, which prompts for the value: never pass a secret on the command line).");
      }
    }
    vars.instructions.push_back("Take provisioned values from the steps this one depends on" +
                                std::string(vars.inputs.empty() ? "." : "; " + Quoted(vars.inputs) + " come from your team's secret store."));
    std::string vars_key = vars.key;
    steps_.push_back(std::move(vars));
    // Deploy.
    PlanStep deploy = Base(prefix + "Deploy", t, env);
    deploy.title = "deploy `" + t.name + "` (" + env + ")";
    deploy.settings.clear();
    deploy.depends_on.push_back(vars_key);
    deploy.action = "ensure";
    deploy.approval_required = true;
    Resolve(deploy, provider, false);
    bool last = env == project_.environments.back().name && project_.environments.size() > 1;
    if (vercel) {
      deploy.instructions.push_back(std::string("Run `npx vercel deploy") + (env == "prod" || last ? " --prod --skip-domain" : "") +
                                    "` in the project's root directory, or push to the branch Vercel builds for " + VercelEnvironment(env) + ".");
    } else if (pages) {
      // A Pages deployment of the production branch is live at once; any other branch is a Preview.
      std::string branch = PagesEnvironment(env) == "Production" ? Setting(t, "branch", env, "main") : env;
      deploy.instructions.push_back("Run `npx wrangler pages deploy DIR --project-name " + name + " --branch " + branch +
                                    "` in the repository, DIR being the built site's directory" +
                                    (PagesEnvironment(env) == "Production" ? " (`" + branch + "` is the production branch)." : "."));
    } else {
      deploy.instructions.push_back(std::string("Run `npx wrangler ") + (last ? "versions upload" : "deploy") + " --env " + env + "` in the repository.");
    }
    deploy.instructions.push_back("Wait until the deployment is ready and note its URL.");
    std::string deploy_key = deploy.key;
    steps_.push_back(std::move(deploy));
    // Verify.
    PlanStep verify = Base(prefix + "Verify", t, env);
    verify.title = "verify `" + t.name + "` (" + env + ")";
    verify.settings.clear();
    verify.depends_on.push_back(deploy_key);
    verify.action = "verify";
    verify.approval_required = false;
    Resolve(verify, provider, false);
    verify.instructions.push_back("Open the deployment URL of " + env + " and check that it answers (services: `GET /openapi.json`).");
    verify.instructions.push_back("Check the deployment's logs for missing env vars; fix them in the `Env` step, never in code.");
    steps_.push_back(std::move(verify));
  }

  void PromoteStep(const ir::Resource& t) {
    const std::string& env = project_.environments.back().name;
    if (project_.environments.size() < 2) return;
    std::string prefix = TargetPrefix(t.type);
    PlanStep step = Base(prefix + "Promote", t, env);
    step.title = "promote `" + t.name + "` to " + env;
    step.settings.clear();
    step.depends_on.push_back(Key(prefix + "Verify", t, env));
    step.depends_on.push_back(Key(prefix + "Verify", t, project_.environments[project_.environments.size() - 2].name));
    step.action = "ensure";
    step.approval_required = true;
    Resolve(step, ir::ProviderOf(t.type), false);
    if (t.type == ir::ResourceType::kVercelProject) {
      step.instructions.push_back("Open the Vercel project `" + t.name + "` > Deployments and pick the verified " + env + " deployment.");
      step.instructions.push_back("Click Promote to Production and confirm.");
    } else if (t.type == ir::ResourceType::kCloudflarePages) {
      // Pages cannot promote a Preview: production is what its production branch builds,
      // live as soon as the deploy step of this environment is ready.
      step.instructions.push_back("Open Workers & Pages > `" + Setting(t, "name", env, t.name) +
                                  "` > Deployments and check that the production deployment is the commit verified in " +
                                  project_.environments[project_.environments.size() - 2].name + ".");
      step.instructions.push_back("To go back, use Rollback on the previous production deployment.");
      steps_.push_back(std::move(step));
      return;
    } else {
      step.instructions.push_back("Run `npx wrangler versions deploy --env " + env + "` and choose the verified version at 100%.");
    }
    step.instructions.push_back("Keep the previous deployment: rolling back is promoting it again.");
    steps_.push_back(std::move(step));
  }

  const ir::Project& project_;
  const std::set<std::string>& present_;
  std::vector<PlanStep> steps_;
};

std::string StringArray(const std::vector<std::string>& items) {
  JsonWriter w(0);
  w.BeginArray();
  for (const std::string& item : items) w.String(item);
  w.EndArray();
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

View StepView(const PlanStep& s) {
  View v;
  v.Set("key_json", JsonQuote(s.key));
  v.Set("title_json", JsonQuote(s.title));
  v.Set("kind_json", JsonQuote(s.kind));
  v.Set("name_json", JsonQuote(s.name));
  v.Set("provider_json", JsonQuote(s.provider));
  v.Set("resource_json", JsonQuote(s.resource));
  v.Set("resource_type_json", JsonQuote(s.resource_type));
  v.Set("environment_json", JsonQuote(s.environment));
  v.Set("action_json", JsonQuote(s.action));
  v.Set("mode_json", JsonQuote(s.mode));
  v.Set("reason_json", JsonQuote(s.reason));
  v.Set("automatable_json", s.automatable ? "true" : "false");
  v.Set("credentials_json", StringArray(s.credentials));
  v.Set("approval_json", JsonQuote(s.approval_required ? "required" : "none"));
  v.Set("depends_on_json", StringArray(s.depends_on));
  v.Set("provides_json", StringArray(s.provides));
  v.Set("inputs_json", StringArray(s.inputs));
  JsonWriter w(0);
  w.BeginObject();
  for (const auto& [k, value] : s.settings) w.Key(k).String(value);
  w.EndObject();
  std::string settings = w.Finish();
  settings.pop_back();
  v.Set("settings_json", settings);
  v.Set("instructions_json", StringArray(s.instructions));
  if (!s.status.empty()) v.Set("status_json", JsonQuote(s.status));
  // Markdown fields.
  v.Set("key", MarkdownText(s.key));
  v.Set("title", MarkdownText(s.title));
  v.Set("name", MarkdownText(s.name));
  v.Set("action", MarkdownText(s.action));
  v.Set("mode", MarkdownText(s.mode));
  v.Set("reason", MarkdownText(s.reason));
  v.Set("provider", MarkdownText(s.provider));
  v.Set("approval", s.approval_required ? "required" : "none");
  v.Set("depends_on", s.depends_on.empty() ? std::string() : MarkdownText(Quoted(s.depends_on)));
  v.Set("provides", s.provides.empty() ? std::string() : MarkdownText(Quoted(s.provides)));
  v.Set("credentials", s.credentials.empty() ? std::string() : MarkdownText(Quoted(s.credentials)));
  View steps = View::List();
  for (size_t i = 0; i < s.instructions.size(); ++i) {
    View line;
    line.Set("text", std::to_string(i + 1) + ". " + MarkdownText(s.instructions[i]));
    steps.Add(std::move(line));
  }
  v.Set("instructions", std::move(steps));
  return v;
}

}  // namespace

const std::vector<std::string>& AutomatableKinds() {
  static const std::vector<std::string> kinds = {
      "githubRepo",   "githubEnvironment", "neonProject",   "neonBranch",       "upstashRedis",
      "upstashVector", "vercelProject",    "vercelEnv",     "postmanWorkspace", "postmanCollection",
  };
  return kinds;
}

std::string ExternalName(const ir::Project& project, const ir::Resource& r, std::string_view environment) {
  // A resource to connect to is called what it is called already.
  if (!r.existing.empty()) return r.existing;
  std::string fixed = Setting(r, r.type == ir::ResourceType::kGithubRepo ? "repository" : "name", environment);
  if (!fixed.empty()) return fixed;
  if (r.type == ir::ResourceType::kGithubRepo) return r.name;
  bool per_environment = r.per_environment && !(r.type == ir::ResourceType::kNeonPostgres && r.branch_per_environment);
  std::string name = project.name + "-" + r.name + (per_environment && !environment.empty() ? "-" + std::string(environment) : "");
  // Vercel project names are lowercase letters, digits, `.`, `_` and `-`.
  return r.type == ir::ResourceType::kVercelProject ? Lowercase(name) : name;
}

std::string NeonDatabaseName(const ir::Project& project, const ir::Resource& r, std::string_view environment) {
  return Setting(r, "database", environment, project.name);
}

std::string NeonRoleName(const ir::Project& project, const ir::Resource& r, std::string_view environment) {
  return Setting(r, "role", environment, NeonDatabaseName(project, r, environment) + "_owner");
}

std::vector<const ir::EnvVar*> GithubEnvironmentVars(const ir::Project& project) {
  std::vector<const ir::EnvVar*> vars;
  std::vector<const ir::Resource*> targets = DeployTargets(project);
  for (const ir::EnvVar& var : project.env) {
    bool held = false, detected = var.source.kind == ir::EnvSourceKind::kDetected;
    for (const ir::Resource* t : targets) held = held || SetOn(project, var, *t);
    if (!held && !detected) vars.push_back(&var);
  }
  return vars;
}

Plan BuildPlan(const ir::Project& project, const std::set<std::string>& present) {
  return Builder(project, present).Run();
}

std::optional<std::string> RenderPlanJson(const Plan& plan, const TemplateSet& templates, DiagSink& sink) {
  View view;
  view.Set("project_id_json", JsonQuote(plan.project_id));
  view.Set("project_json", JsonQuote(plan.project));
  View steps = View::List();
  for (const PlanStep& s : plan.steps) steps.Add(StepView(s));
  steps.MarkLast();
  view.Set("steps", std::move(steps));
  return RenderJson(templates, kId, "plan/plan.json.mustache", view, sink);
}

std::optional<std::string> RenderProvisioningMd(const Plan& plan, const std::string& source,
                                                const TemplateSet& templates, DiagSink& sink) {
  View view;
  view.Set("source", MarkdownText(source));
  view.Set("project", MarkdownText(plan.project));
  view.Set("project_id", MarkdownText(plan.project_id));
  size_t approvals = 0, automatable = 0;
  View steps = View::List();
  for (const PlanStep& s : plan.steps) {
    approvals += s.approval_required;
    automatable += s.automatable;
    steps.Add(StepView(s));
  }
  view.Set("summary", std::to_string(plan.steps.size()) + " steps, " + std::to_string(approvals) + " need approval, " +
                          std::to_string(automatable) + " can be automated when their provider's credentials are set.");
  view.Set("steps", std::move(steps));
  return Render(templates, kId, "plan/PROVISIONING.md.mustache", view, sink);
}

}  // namespace specc::emit
