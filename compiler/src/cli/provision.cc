// `specc provision --env ENV [--dry-run] [--approve KEY... | --approve-all] [--format
// text|json]`: carries out the plan's steps for one environment through the providers'
// APIs. This file is the command line around provision::RunProvision: it reads the
// credential variables (the one place their values are read, and they go straight into the
// clients' auth headers), the SPECC_*_API_URL overrides, the approvals, and prints the
// report. Approval: --approve names steps, --approve-all takes every step (refused for
// prod, where each key must be named), and on a terminal a step not named is asked for.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>

#include "base/fs.h"
#include "base/secret_scan.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/provision_files.h"
#include "drift/git_worktree.h"
#include "dsl/catalog.h"
#include "emit/plan/plan_model.h"
#include "provision/github_client.h"
#include "provision/http.h"
#include "provision/neon_client.h"
#include "provision/postman_client.h"
#include "provision/report.h"
#include "provision/runner.h"
#include "provision/upstash_client.h"
#include "provision/vercel_client.h"

namespace specc::cli {
namespace {

// The value of environment variable `name`, or "" when it is unset.
std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

// The API base URL of a provider: the override variable when set (tests point it at
// 127.0.0.1), else the provider's own, without a trailing slash.
std::string BaseUrl(const char* variable, const char* fallback) {
  std::string url = Env(variable);
  if (url.empty()) url = fallback;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

long EnvNumber(const char* name, long fallback, long min, long max) {
  std::string text = Env(name);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 9) return fallback;
  return std::clamp(std::stol(text), min, max);
}

provision::RetryPolicy PolicyFromEnvironment() {
  provision::RetryPolicy policy;
  policy.max_attempts = static_cast<int>(EnvNumber("SPECC_HTTP_MAX_ATTEMPTS", policy.max_attempts, 1, 10));
  policy.base_delay_ms = EnvNumber("SPECC_HTTP_RETRY_BASE_MS", policy.base_delay_ms, 0, 60'000);
  policy.timeout_ms = EnvNumber("SPECC_HTTP_TIMEOUT_MS", policy.timeout_ms, 100, 600'000);
  policy.connect_timeout_ms = std::min(policy.connect_timeout_ms, policy.timeout_ms);
  return policy;
}

// The clients of the providers whose credentials are all set.
provision::Clients MakeClients(provision::HttpClient& http) {
  provision::Clients clients;
  if (!Env("NEON_API_KEY").empty()) {
    clients.neon = std::make_unique<provision::NeonClient>(
        http, BaseUrl("SPECC_NEON_API_URL", "https://console.neon.tech/api/v2"), Env("NEON_API_KEY"));
  }
  if (!Env("UPSTASH_EMAIL").empty() && !Env("UPSTASH_API_KEY").empty()) {
    clients.upstash = std::make_unique<provision::UpstashClient>(
        http, BaseUrl("SPECC_UPSTASH_API_URL", "https://api.upstash.com/v2"), Env("UPSTASH_EMAIL"), Env("UPSTASH_API_KEY"));
  }
  if (!Env("VERCEL_TOKEN").empty()) {
    clients.vercel = std::make_unique<provision::VercelClient>(http, BaseUrl("SPECC_VERCEL_API_URL", "https://api.vercel.com"),
                                                               Env("VERCEL_TOKEN"), Env("VERCEL_TEAM_ID"));
  }
  if (!Env("GITHUB_TOKEN").empty()) {
    clients.github = std::make_unique<provision::GithubClient>(http, BaseUrl("SPECC_GITHUB_API_URL", "https://api.github.com"),
                                                               Env("GITHUB_TOKEN"));
  }
  if (!Env("POSTMAN_API_KEY").empty()) {
    clients.postman = std::make_unique<provision::PostmanClient>(
        http, BaseUrl("SPECC_POSTMAN_API_URL", "https://api.getpostman.com"), Env("POSTMAN_API_KEY"));
  }
  return clients;
}

// Approvals from the command line, and on a terminal from the person at it.
class CommandApprover final : public provision::Approver {
 public:
  CommandApprover(std::set<std::string> keys, bool all, bool interactive)
      : keys_(std::move(keys)), all_(all), interactive_(interactive) {}

  bool Approve(const emit::PlanStep& step, const std::string& what) override {
    if (all_ || keys_.count(step.key) > 0) return true;
    if (!interactive_) return false;
    std::string prompt = "specc provision: " + step.title + " will " + what + ". Approve? [y/N] ";
    // The prompt goes to the terminal now (printed output is held back until the run
    // ends); it names resources only, and is scanned like everything specc prints.
    if (!ScanForSecrets(prompt).empty()) return false;
    std::cerr << prompt << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "y" || answer == "Y" || answer == "yes";
  }

 private:
  std::set<std::string> keys_;
  bool all_;
  bool interactive_;
};

// The environment's Postman files that `specc apply` wrote, by repository path.
std::map<std::string, std::string> PostmanFiles(const spec::ProjectConfig& config, const ir::Project& project,
                                                const std::string& environment, provision::LocalFiles& files) {
  std::map<std::string, std::string> found;
  std::string out = "postman";
  for (const spec::ArtifactConfig& a : config.artifacts) {
    if (a.kind == "postman") out = a.out;
  }
  for (const ir::Service& service : project.services) {
    for (const char* suffix : {".postman_collection.json", ".postman_environment.json"}) {
      std::string path = out + "/" + service.name + "/" + environment + suffix;
      Result<std::optional<std::string>> text = files.Read(path);
      if (text.ok() && text.value().has_value()) found[path] = *text.value();
    }
  }
  return found;
}

}  // namespace

int RunProvision(const ProvisionFlags& flags, const CommandContext& ctx) {
  if (flags.environment.empty()) {
    ctx.err << "specc provision: --env ENV is required (one of the project's environments)\n";
    return kExitUsage;
  }
  RealFs fs;
  SourceMap sources;
  DiagSink sink;
  std::optional<RepositorySpecs> repository = LoadRepository("provision", ctx, fs, sources, sink);
  if (!repository) return kExitUsage;
  if (!repository->specs.project && !sink.has_errors()) {
    ctx.err << "specc provision: `" << repository->config.specs_dir << "/` holds no project spec (`*.specc`); the plan comes from one\n";
    return kExitUsage;
  }
  if (!sink.diagnostics().empty()) PrintDiagnostics(sink, sources, OutputFormat::kText, ctx.err);
  if (sink.has_errors()) return ExitCodeFor(sink);
  const ir::Project& project = *repository->specs.project;

  std::vector<std::string_view> names;
  for (const ir::Environment& e : project.environments) names.push_back(e.name);
  if (std::find(names.begin(), names.end(), flags.environment) == names.end()) {
    ctx.err << "specc provision: the project has no environment `" << flags.environment << "` (it has " << dsl::JoinNames(names)
            << ")\n";
    return kExitUsage;
  }
  if (flags.approve_all && flags.environment == "prod") {
    ctx.err << "specc provision: --approve-all is refused for prod: name each step to approve with --approve KEY\n"
            << "  hint: `specc provision --env prod --dry-run` lists the steps and what each would do\n";
    return kExitUsage;
  }
  emit::Plan plan = emit::BuildPlan(project, CredentialsPresent(project));

  // Approvals name steps of this run, by full key or by the key without the project id.
  std::set<std::string> approved;
  std::vector<std::string> known;
  for (const emit::PlanStep& step : plan.steps) {
    if (step.environment == "all" || step.environment == flags.environment) known.push_back(step.key);
  }
  for (const std::string& key : flags.approve) {
    std::string full = key.rfind(plan.project_id + "-", 0) == 0 ? key : plan.project_id + "-" + key;
    if (std::find(known.begin(), known.end(), full) == known.end()) {
      std::vector<std::string> shorts;
      for (const std::string& k : known) shorts.push_back(k.substr(plan.project_id.size() + 1));
      std::vector<std::string_view> views(shorts.begin(), shorts.end());
      std::string_view near = dsl::ClosestMatch(key, views);
      ctx.err << "specc provision: --approve `" << key << "` names no step of " << flags.environment << "\n";
      if (!near.empty()) ctx.err << "  hint: did you mean `" << near << "`?\n";
      return kExitUsage;
    }
    approved.insert(full);
  }

  Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(ctx.working_dir);
  if (!opened.ok()) {
    ctx.err << "specc provision: " << opened.error().message << "\n";
    return kExitUsage;
  }
  std::unique_ptr<provision::LocalFiles> files = NewRepositoryFiles(*opened.value());
  std::unique_ptr<provision::HttpClient> http = provision::NewCurlHttpClient(PolicyFromEnvironment());
  provision::Clients clients = MakeClients(*http);
  bool interactive = ctx.format == OutputFormat::kText && !flags.dry_run && ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
  CommandApprover approver(approved, flags.approve_all, interactive);
  provision::RunInputs inputs{plan, project, flags.environment, flags.dry_run,
                              PostmanFiles(repository->config, project, flags.environment, *files)};
  provision::RunReport report = provision::RunProvision(inputs, clients, *files, approver);
  ctx.out << (ctx.format == OutputFormat::kJson ? provision::ReportJson(report) : provision::ReportText(report));
  ctx.err << provision::ReportErrors(report);
  return report.ExitCode();
}

}  // namespace specc::cli
