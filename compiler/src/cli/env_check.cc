// `specc env check FILE --env NAME`: checks a dotenv file against the project's env
// contract: required variables that are missing, variables the contract does not know,
// values outside the allowed set, secrets with values in a file git tracks (or would
// commit: not ignored), and secrets that a build would inline into client bundles. It
// names every problem and never prints a value: diagnostics point into a masked copy of
// the file, in which every value reads `****`, so even a quoted source line cannot leak.
#include <algorithm>
#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/secret_scan.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "drift/git_worktree.h"
#include "driver/front_end.h"
#include "emit/project_model.h"

namespace specc::cli {
namespace {

struct DotenvEntry {
  std::string key;
  std::string value;    // held to compare with allowed values; never printed
  uint32_t offset = 0;  // of the key in the masked text
};

std::string_view Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Parses `text` (KEY=VALUE lines, `export KEY=VALUE`, `#` comments, single, double or
// back quotes) and returns the entries; `masked` receives the same lines with every value
// replaced by `****` and every comment emptied, so offsets stay meaningful.
std::vector<DotenvEntry> ParseDotenv(std::string_view text, std::string* masked) {
  std::vector<DotenvEntry> entries;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line[0] == '#') {
      masked->append(line.empty() ? "" : "#").push_back('\n');
      continue;
    }
    if (line.substr(0, 7) == "export ") line = Trim(line.substr(7));
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      masked->append("#\n");
      continue;
    }
    DotenvEntry entry;
    entry.key = std::string(Trim(line.substr(0, eq)));
    std::string_view value = Trim(line.substr(eq + 1));
    if (!value.empty() && (value[0] == '"' || value[0] == '\'' || value[0] == '`')) {
      size_t close = value.find(value[0], 1);
      value = close == std::string_view::npos ? value.substr(1) : value.substr(1, close - 1);
    } else if (size_t hash = value.find(" #"); hash != std::string_view::npos) {
      value = Trim(value.substr(0, hash));
    }
    entry.value = std::string(value);
    entry.offset = static_cast<uint32_t>(masked->size());
    masked->append(entry.key).append("=").append(value.empty() ? "" : "****").push_back('\n');
    entries.push_back(std::move(entry));
  }
  return entries;
}

// True when git tracks `path` (it is in the index) or would pick it up with `git add .`
// (it is not ignored); false outside a repository.
bool GitCanCommit(const std::string& working_dir, const std::string& path) {
  Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(working_dir);
  if (!opened.ok()) return false;
  const drift::Worktree& worktree = *opened.value();
  Result<std::string> canonical = RealFs().Canonical(path);
  if (!canonical.ok()) return false;
  std::string relative = RelativeTo(canonical.value(), worktree.root());
  if (relative.rfind("..", 0) == 0) return false;
  Result<std::optional<std::string>> in_index = worktree.Read(drift::Version::kIndex, relative);
  if (in_index.ok() && in_index.value().has_value()) return true;
  Result<bool> ignored = worktree.IsIgnored(relative);
  return ignored.ok() && !ignored.value();
}

}  // namespace

int RunEnvCommand(const std::vector<std::string>& args, const std::string& env_name, const CommandContext& ctx) {
  if (args.size() != 2 || args[0] != "check" || env_name.empty()) {
    ctx.err << "specc env: usage: specc env check FILE --env NAME\n";
    return kExitUsage;
  }
  RealFs fs(ctx.working_dir);
  SourceMap sources;
  DiagSink sink;
  std::optional<RepositorySpecs> repository = LoadRepository("env check", ctx, fs, sources, sink);
  if (!repository) return kExitUsage;
  const spec::ProjectConfig& config = repository->config;
  driver::LoadedSpecs& specs = repository->specs;
  if (sink.has_errors()) {
    PrintDiagnostics(sink, sources, ctx.format, ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
    return ExitCodeFor(sink);
  }
  if (!specs.project) {
    ctx.err << "specc env check: `" << config.specs_dir << "/` holds no project spec (`*.specc`); the env contract comes from one\n";
    return kExitUsage;
  }
  const ir::Project& project = *specs.project;
  bool known_env = false;
  std::string env_names;
  for (const ir::Environment& e : project.environments) {
    known_env = known_env || e.name == env_name;
    env_names += (env_names.empty() ? "" : ", ") + e.name;
  }
  if (!known_env) {
    ctx.err << "specc env check: `" << env_name << "` is not an environment of " << project.name << " (" << env_names << ")\n";
    return kExitUsage;
  }
  const std::string& file = args[1];
  std::string full = JoinPath(ctx.working_dir, file);
  Result<std::string> text = fs.Read(full);
  if (!text.ok()) {
    ctx.err << "specc env check: cannot read `" << NormalizePath(file) << "`\n";
    return kExitUsage;
  }
  std::string masked;
  std::vector<DotenvEntry> entries = ParseDotenv(text.value(), &masked);
  // Only the masked copy goes into the SourceMap: diagnostics quote lines from it.
  std::string display = NormalizePath(file);
  FileId id = sources.Add(display, std::move(masked));
  bool exposure = GitCanCommit(ctx.working_dir, full);

  auto find_entry = [&](const std::string& key) -> const DotenvEntry* {
    const DotenvEntry* found = nullptr;
    for (const DotenvEntry& e : entries) {
      if (e.key == key) found = &e;  // the last assignment wins, as in dotenv loaders
    }
    return found;
  };
  for (const ir::EnvVar& var : project.env) {
    const DotenvEntry* entry = find_entry(var.key);
    bool has_value = entry != nullptr && !entry->value.empty();
    const ir::EnvSource& source = emit::SourceIn(var, env_name);
    if (!has_value && ir::RequiredIn(var, env_name) && source.kind != ir::EnvSourceKind::kDetected &&
        !emit::DefaultIn(var, env_name).has_value()) {
      sink.Report(DiagCode::kEnvMissing, entry ? Loc{id, entry->offset} : Loc{},
                  "`" + var.key + "` is required in `" + env_name + "` but " +
                      (entry ? "empty in `" + display + "`" : "missing from `" + display + "`"),
                  source.kind == ir::EnvSourceKind::kProvisioned
                      ? "it is provisioned from `" + source.resource + "." + source.output + "`: see `specc plan`"
                      : var.description);
    }
    if (!has_value) continue;
    if (!var.allowed.empty() && std::find(var.allowed.begin(), var.allowed.end(), entry->value) == var.allowed.end()) {
      std::string allowed;
      for (const std::string& a : var.allowed) allowed += (allowed.empty() ? "`" : ", `") + a + "`";
      sink.Report(DiagCode::kEnvValueNotAllowed, Loc{id, entry->offset},
                  "`" + var.key + "` has a value outside its allowed set (" + allowed + ")");
    }
    if (var.secret && exposure) {
      // One wording whether git tracks the file or merely does not ignore it: either way
      // the secret is one commit away from the history.
      sink.Report(DiagCode::kEnvSecretTracked, Loc{id, entry->offset},
                  "the secret `" + var.key + "` has a value in `" + display + "`, a file git can commit",
                  "add `" + display + "` to .gitignore (and `git rm --cached " + display +
                      "` if git tracks it); rotate the secret if it was ever committed");
    }
    if (var.secret && var.scope == ir::EnvScope::kBuild) {
      sink.Report(DiagCode::kEnvBuildSecret, Loc{id, entry->offset},
                  "the secret `" + var.key + "` is build-scoped: a build inlines it into what it ships",
                  "make it `scope = runtime` in the project spec, or not a secret");
    }
  }
  for (const DotenvEntry& entry : entries) {
    bool known = false;
    for (const ir::EnvVar& var : project.env) known = known || var.key == entry.key;
    const ir::Framework* framework = nullptr;
    for (const ir::Framework& f : project.frameworks) {
      if (entry.key.rfind(f.public_prefix, 0) == 0) framework = &f;
    }
    if (framework != nullptr && IsSecretName(entry.key) && !entry.value.empty()) {
      sink.Report(DiagCode::kEnvBuildSecret, Loc{id, entry.offset},
                  "`" + entry.key + "` looks like a secret, but `" + framework->public_prefix + "` variables are inlined into " +
                      framework->name + "'s client bundles",
                  "drop the prefix and read it on the server");
    }
    if (known) continue;
    sink.Report(DiagCode::kEnvUnknown, Loc{id, entry.offset},
                "`" + entry.key + "` is not in the env contract of " + project.name,
                framework != nullptr ? "declare it in the project spec (`env " + entry.key + " { scope = build }`); `" +
                                           framework->public_prefix + "` variables are public build variables of " + framework->name
                                     : "declare it in the project spec, or remove it");
  }
  if (ctx.format == OutputFormat::kText) {
    PrintDiagnostics(sink, sources, ctx.format, ctx.err);
    if (!sink.has_errors()) {
      ctx.out << "`" << display << "` satisfies the env contract of " << project.name << " for " << env_name << " ("
              << project.env.size() << " variables, " << sink.warning_count()
              << (sink.warning_count() == 1 ? " warning" : " warnings") << ")\n";
    }
  } else {
    PrintDiagnostics(sink, sources, ctx.format, ctx.out);
  }
  return sink.has_errors() ? kExitSpecErrors : kExitClean;
}

}  // namespace specc::cli
