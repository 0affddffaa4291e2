#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <ostream>
#include <set>
#include <sstream>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/commands.h"
#include "cli/docs.h"
#include "cli/guard.h"
#include "cli/version.h"

namespace specc::cli {
namespace {

// One row per command: the table SPEC.md lists.
struct CommandRow {
  const char* name;
  const char* summary;
};

constexpr CommandRow kCommands[] = {
    {"apply", "regenerate; write changed files atomically, remove stale ones, print the drift report"},
    {"check", "the drift report without writing; exit 1 on drift, 2 on conflicts"},
    {"plan", "print the provisioning plan, modes resolved from the credentials present"},
    {"provision", "carry out the plan's steps for one environment through the providers' APIs"},
    {"lint", "parse and validate spec files; diagnostics only"},
    {"ir", "print the intermediate representation as JSON"},
    {"emit", "file mode: render artifacts for the given specs into --out DIR"},
    {"env", "env contract tools (`specc env check FILE --env NAME`)"},
    {"hook", "install the git pre-commit hook (`specc hook install`)"},
    {"init", "scaffold specs/ and specc.yaml in a new repository"},
};

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
  bool dry_run = false, show_diff = false, staged = false, force = false;
  std::vector<std::string> extra;
  ProvisionFlags provision;
  for (const CommandRow& row : kCommands) {
    CLI::App* sub = app.add_subcommand(row.name, row.summary);
    sub->add_option("--format", format_name, "output format: text, json or github")
        ->check(CLI::IsMember({"text", "json", "github"}));
    std::string name = row.name;
    if (name == "lint" || name == "ir" || name == "emit") {
      sub->add_option("FILE", files, "spec files (default: the OpenAPI documents under specs/)");
    }
    if (name == "emit") {
      sub->add_option("--out", out_dir, "output directory");
      sub->add_option("--only", only, "comma-separated artifact kinds: routes, schemas, mcp, openapi");
      sub->add_option("--templates", templates_dir, "a directory whose files override built-in templates")
          ->option_text("DIR");
    }
    if (name == "apply" || name == "check") {
      sub->add_flag("--diff", show_diff, "print unified diffs");
    }
    if (name == "apply") sub->add_flag("--dry-run", dry_run, "write nothing");
    if (name == "check") sub->add_flag("--staged", staged, "check the index, not the working tree");
    if (name == "hook") sub->add_flag("--force", force, "replace a foreign hook, keeping a backup");
    if (name == "provision") {
      sub->add_option("--env", provision.environment, "the environment to provision")->option_text("ENV");
      sub->add_flag("--dry-run", provision.dry_run, "look up every resource, change nothing");
      sub->add_option("--approve", provision.approve, "approve the side effects of step KEY (repeatable)")->option_text("KEY");
      sub->add_flag("--approve-all", provision.approve_all, "approve every step (refused for prod)");
    }
    if (name == "env" || name == "hook") {
      sub->add_option("ARGS", extra, "subcommand and its arguments");
      sub->add_option("--env", env_name, "environment name");
    }
  }

  // Build plumbing, not a command: the build writes the man page and the completions from
  // this very table (compiler/CMakeLists.txt), so they list what --help lists.
  if (args.size() == 2 && args[0] == "--generate-docs") return WriteDocs(app, args[1], err);

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
  CommandContext ctx{working_dir, options.free_memory, format, out, err, accepted_secrets};
  CLI::App* sub = app.get_subcommands().front();
  std::string name = sub->get_name();
  if (name == "lint") return RunLint(files, ctx);
  if (name == "ir") return RunIr(files, ctx);
  if (name == "emit") return RunEmit(files, out_dir, only, templates_dir, ctx);
  if (name == "init") return RunInit(ctx);
  const GenerateFn& generate = options.generate ? options.generate : GenerateFn(DefaultGenerate);
  if (name == "apply") {
    return RunApply({.dry_run = dry_run, .diff = show_diff, .staged = false}, generate, ctx);
  }
  if (name == "check") {
    return RunCheck({.dry_run = false, .diff = show_diff, .staged = staged}, generate, ctx);
  }
  if (name == "hook") return RunHook(extra, force, ctx);
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
