#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/commands.h"
#include "cli/diff_run.h"
#include "cli/docs.h"
#include "cli/guard.h"
#include "cli/version.h"
#include "driver/parallel.h"
#include "emit/registry.h"
#include "openapi/suggest.h"

namespace specc::cli {
namespace {

// One row per command: the table SPEC.md lists. `formats` are the --format values the
// command honours (none: it takes no --format).
struct CommandRow {
  const char* name;
  const char* summary;
  std::vector<std::string> formats;
};

const std::vector<CommandRow>& Commands() {
  static const std::vector<CommandRow> rows = {
      {"apply", "regenerate; write changed files atomically, remove stale ones, print the drift report",
       {"text", "json", "github"}},
      {"check", "the drift report without writing; exit 1 on drift, 2 on conflicts",
       {"text", "json", "github", "sarif"}},
      // diff takes its own --format (AddDiffOptions): text, json, github, sarif, markdown.
      {"diff", "breaking changes between two versions of the specs; exit 1 when one reaches --fail-on", {}},
      {"plan", "print the provisioning plan, modes resolved from the credentials present", {"text", "json"}},
      {"provision", "carry out the plan's steps for one environment through the providers' APIs", {"text", "json"}},
      {"lint", "parse and validate spec files; diagnostics only", {"text", "json", "github", "sarif"}},
      {"ir", "print the intermediate representation as JSON (--format applies to diagnostics)",
       {"text", "json", "github"}},
      {"emit", "file mode: render artifacts for the given specs into --out DIR", {"text", "json", "github"}},
      {"env", "env contract tools (`specc env check FILE --env NAME`)", {"text", "json", "github"}},
      {"hook", "install or remove the git pre-commit hook (`specc hook install`, `specc hook uninstall`)", {}},
      {"init", "scaffold specs/ and specc.yaml in a new repository", {}},
      {"explain", "print what a diagnostic code means, with a wrong and a right example", {"text", "json"}},
  };
  return rows;
}

std::string Joined(const std::vector<std::string>& words, const char* separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : separator) + w;
  return out;
}

// The first word of `args` that names the command (skipping `-C DIR` and flags), or "".
std::string CommandWord(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-C") {
      ++i;
    } else if (args[i].empty() || args[i][0] != '-') {
      return args[i];
    }
  }
  return "";
}

// Where a project command runs when started in `dir`: `dir` itself when it holds
// specc.yaml or specs/, otherwise the nearest directory above that does, looking no
// further than the git repository's top level (as git finds its repository from a
// subdirectory). `dir` when nothing is found.
std::string ProjectRoot(const std::string& dir) {
  namespace stdfs = std::filesystem;
  std::error_code ec;
  auto is_root = [&](const stdfs::path& p) {
    return stdfs::exists(p / "specc.yaml", ec) || stdfs::is_directory(p / "specs", ec);
  };
  stdfs::path start = stdfs::absolute(dir, ec).lexically_normal();
  if (ec || !stdfs::is_directory(start, ec) || is_root(start)) return dir;
  for (stdfs::path p = start; p.has_relative_path(); p = p.parent_path()) {
    if (is_root(p)) return p.generic_string();
    if (stdfs::exists(p / ".git", ec)) break;
  }
  return dir;
}

int WriteDocs(const CLI::App& app, const std::string& dir, std::ostream& err) {
  const std::pair<const char*, std::string> docs[] = {
      {"specc.1", ManPage(app, SpeccVersion())},
      {"specc.bash", BashCompletion(app)},
      {"_specc", ZshCompletion(app)},
  };
  for (const auto& [name, text] : docs) {
    if (Status written = ReplaceFile(JoinPath(dir, name), text); !written.ok()) {
      err << "specc: " << written.error().message << "\n";
      return kExitUsage;
    }
  }
  return kExitClean;
}

// The options of `specc diff`, whose exit code 1 means "a change reached --fail-on".
void AddDiffOptions(CLI::App& sub, DiffFlags& diff, std::string& format_name) {
  sub.footer(
      "Compares every API and the project spec of two versions: by default the merge base with the remote\n"
      "default branch (else HEAD) and the working tree; `specc diff OLD NEW` compares two files.\n"
      "Exit codes: 0 no change reaches --fail-on, 1 one does (not drift, as for check), 3 the specs of a\n"
      "version do not compile, 4 usage or environment errors. Changes made on purpose are listed in\n"
      "specs/.specc-accepted-breaks.yaml (rule, operation, at, reason).");
  sub.add_option("FILE", diff.files, "file mode: OLD NEW (an OpenAPI document or a project spec each)");
  sub.add_option("--base", diff.base, "the base revision (default: the merge base with the remote default branch, else HEAD)")
      ->option_text("REV");
  sub.add_option("--head", diff.head, "the head revision (default: the working tree)")->option_text("REV");
  sub.add_flag("--staged", diff.staged, "compare the index (what is being committed) with the base");
  sub.add_option("--fail-on", diff.fail_on, "the level that makes the exit code 1: breaking (default), warning, info or never")
      ->option_text("LEVEL");
  sub.add_option("--accepted", diff.accepted, "the accepted-breaks file (default: <specs>/.specc-accepted-breaks.yaml)")
      ->option_text("FILE");
  sub.add_option("--format", format_name, "output format: text, json, github, sarif or markdown")
      ->check(CLI::IsMember({"text", "json", "github", "sarif", "markdown"}));
}

int RunCommand(const std::vector<std::string>& args, const RunOptions& options, std::ostream& out,
               std::ostream& err, std::set<std::string>* accepted_secrets) {
  CLI::App app{"specc: compiles OpenAPI and project specs into code, collections and plans, "
               "and reports drift against git",
               "specc"};
  app.require_subcommand(1);
  // `-C DIR` works before or after the command (`specc check -C repo`).
  app.fallthrough();
  std::string directory;
  std::string format_name = "text";
  app.add_option("-C", directory, "run as if started in DIR")->option_text("DIR");
  app.set_version_flag("--version", VersionLine());

  std::vector<std::string> files;
  std::string out_dir, only, env_name, templates_dir;
  bool dry_run = false, show_diff = false, staged = false, no_cache = false;
  int jobs = 0;
  HookFlags hook;
  std::vector<std::string> extra;
  DiffFlags diff;
  bool breaking = false;
  ProvisionFlags provision;
  std::string runtime = "node";
  std::string code;
  std::vector<std::string> kinds;
  for (const emit::EmitterInfo& info : emit::Emitters()) kinds.emplace_back(info.kind);
  for (const CommandRow& row : Commands()) {
    CLI::App* sub = app.add_subcommand(row.name, row.summary);
    std::string name = row.name;
    if (name == "diff") {
      AddDiffOptions(*sub, diff, format_name);
      continue;
    }
    if (!row.formats.empty()) {
      sub->add_option("--format", format_name, "output format: " + Joined(row.formats, ", "))
          ->check(CLI::IsMember(row.formats))
          ->option_text("FORMAT");
    }
    if (name == "lint" || name == "ir" || name == "emit") {
      sub->add_option("FILE", files, "spec files (default: the OpenAPI documents under specs/)");
    }
    if (name == "emit") {
      sub->add_option("--out", out_dir, "output directory")->option_text("DIR");
      sub->add_option("--only", only, "comma-separated artifact kinds: " + Joined(kinds, ", "))->option_text("KINDS");
      sub->add_option("--templates", templates_dir, "a directory whose files override built-in templates")
          ->option_text("DIR");
    }
    if (name == "apply" || name == "check") {
      sub->add_flag("--diff", show_diff, "print unified diffs");
    }
    if (name == "apply" || name == "check" || name == "emit") {
      sub->add_option("-j,--jobs", jobs, "render on N threads (default: the number of cores); output is the same")
          ->check(CLI::Range(1, 1024))
          ->option_text("N");
    }
    if (name == "apply") sub->add_flag("--dry-run", dry_run, "write nothing");
    if (name == "apply" || name == "check") {
      sub->add_flag("--no-cache", no_cache,
                    "neither read nor write the run cache (.git/specc/cache, .git/specc/services; also "
                    "SPECC_NO_CACHE=1)");
    }
    if (name == "check") {
      sub->add_flag("--staged", staged, "check the index, not the working tree");
      sub->add_flag("--breaking", breaking,
                    "also report breaking changes against the base (the merge base with the remote default "
                    "branch, else HEAD), as `specc diff` does");
    }
    if (name == "hook") {
      sub->add_option("ACTION", extra, "install or uninstall");
      sub->add_flag("--force", hook.force, "install: replace a foreign hook, keeping a backup");
      sub->add_flag("--chain", hook.chain, "install: keep a foreign hook and run it before specc's check");
    }
    if (name == "provision") {
      sub->add_option("--env", provision.environment, "the environment to provision")->option_text("ENV");
      sub->add_flag("--dry-run", provision.dry_run, "look up every resource, change nothing");
      sub->add_option("--approve", provision.approve, "approve the side effects of step KEY (repeatable)")->option_text("KEY");
      sub->add_flag("--approve-all", provision.approve_all, "approve every step (refused for prod)");
    }
    if (name == "init") {
      sub->add_option("--runtime", runtime, "where the service runs: node (default), cloudflare-worker, vercel")
          ->check(CLI::IsMember({"node", "cloudflare-worker", "vercel"}))
          ->option_text("RUNTIME");
    }
    if (name == "explain") sub->add_option("CODE", code, "a diagnostic code, e.g. SPEC_REF_CYCLE (none: list them all)");
    if (name == "env") {
      sub->add_option("ARGS", extra, "subcommand and its arguments (`check FILE`)");
      sub->add_option("--env", env_name, "environment name")->option_text("ENV");
    }
  }

  // Build plumbing, not a command: the build writes the man page and the completions from
  // this very table (compiler/CMakeLists.txt), so they list what --help lists.
  if (args.size() == 2 && args[0] == "--generate-docs") return WriteDocs(app, args[1], err);

  // `specc` alone: the help, as a usage error. A misspelt command: the closest one.
  std::string word = CommandWord(args);
  bool asks_for_help_or_version = false;
  for (const std::string& a : args) asks_for_help_or_version |= a == "-h" || a == "--help" || a == "--version";
  if (word.empty() && !asks_for_help_or_version) {
    out << app.help();
    return kExitUsage;
  }
  std::vector<std::string_view> names;
  for (const CommandRow& row : Commands()) names.push_back(row.name);
  if (!word.empty() && std::find(names.begin(), names.end(), word) == names.end()) {
    std::string_view closest = openapi::ClosestMatch(word, names);
    err << "specc: unknown command `" << word << "`"
        << (closest.empty() ? "" : "; did you mean `" + std::string(closest) + "`?") << "\n"
        << "  run `specc --help` for the commands\n";
    return kExitUsage;
  }

  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    const auto parsed = app.get_subcommands();
    out << (parsed.empty() ? app.help() : parsed.front()->help());
    return kExitClean;
  } catch (const CLI::CallForAllHelp& e) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitClean;
  } catch (const CLI::CallForVersion& e) {
    out << e.what() << '\n';
    return kExitClean;
  } catch (const CLI::ParseError& e) {
    err << "specc: " << e.what() << "\n  run `specc --help` for usage\n";
    return kExitUsage;
  }

  OutputFormat format = OutputFormat::kText;
  ParseOutputFormat(format_name, &format);
  std::string working_dir = directory.empty() ? options.working_dir
                                              : JoinPath(options.working_dir, directory);
  CLI::App* sub = app.get_subcommands().front();
  std::string name = sub->get_name();
  // Commands on the project work from any of its subdirectories; a FILE the user names
  // stays relative to where they are.
  if (name == "plan" || name == "provision" || name == "env" || ((name == "lint" || name == "ir") && files.empty())) {
    std::string root = ProjectRoot(working_dir);
    if (root != working_dir && name == "env" && extra.size() == 2) {
      std::error_code ec;
      std::filesystem::path file = std::filesystem::absolute(JoinPath(working_dir, extra[1]), ec).lexically_normal();
      std::filesystem::path top = std::filesystem::absolute(root, ec).lexically_normal();
      extra[1] = file.lexically_relative(top).generic_string();
    }
    working_dir = root;
  }
  CommandContext ctx{working_dir, options.free_memory, format, out, err, accepted_secrets, options.emit_piece_bytes};
  driver::SetJobs(jobs);
  if (name == "lint") return RunLint(files, ctx);
  if (name == "ir") return RunIr(files, ctx);
  if (name == "emit") return RunEmit(files, out_dir, only, templates_dir, ctx);
  if (name == "init") return RunInit(runtime, ctx);
  if (name == "explain") return RunExplain(code, ctx);
  const GenerateFn& generate = options.generate ? options.generate : GenerateFn(DefaultGenerate);
  if (name == "apply") {
    // The cache knows the built-in generator only: a replaced one may render differently.
    return RunApply({.dry_run = dry_run, .diff = show_diff, .staged = false, .cache = !no_cache && !options.generate,
                     .built_in = !options.generate},
                    generate, ctx);
  }
  if (name == "check") {
    // The cache knows the built-in generator only: a replaced one may render differently.
    bool cache = !no_cache && !options.generate;
    return RunCheck({.dry_run = false, .diff = show_diff, .staged = staged, .breaking = breaking, .cache = cache,
                     .built_in = !options.generate},
                    generate, ctx);
  }
  if (name == "diff") {
    diff.format = format_name;
    return RunDiff(diff, ctx);
  }
  if (name == "hook") return RunHook(extra, hook, ctx);
  if (name == "plan") return RunPlan(ctx);
  if (name == "provision") return RunProvision(provision, ctx);
  if (name == "env") return RunEnvCommand(extra, env_name, ctx);
  return kExitUsage;
}

}  // namespace

int Run(const std::vector<std::string>& args, const RunOptions& options, std::ostream& out,
        std::ostream& err) {
  // The secret guard: everything a command prints is held back until it has been scanned.
  // Values the spec review accepted (allowlisted, documentation examples) pass.
  std::ostringstream out_buffer, err_buffer;
  std::set<std::string> accepted_secrets;
  int code = RunCommand(args, options, out_buffer, err_buffer, &accepted_secrets);
  std::vector<std::string> problems;
  out << GuardPrinted(std::move(out_buffer).str(), "stdout", &problems, accepted_secrets);
  err << GuardPrinted(std::move(err_buffer).str(), "stderr", &problems, accepted_secrets);
  for (const std::string& problem : problems) err << problem;
  if (!problems.empty() && code != kExitUsage) code = kExitSpecErrors;
  return code;
}

}  // namespace specc::cli
