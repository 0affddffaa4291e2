// The subcommands behind cli::Run, one file each. Each returns the process exit code.
#ifndef SPECC_CLI_COMMANDS_H_
#define SPECC_CLI_COMMANDS_H_

#include <iosfwd>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/diag_printer.h"
#include "driver/front_end.h"
#include "driver/secret_review.h"

namespace specc::cli {

struct CommandContext {
  std::string working_dir;  // where relative paths start (after -C)
  bool free_memory = true;  // RunOptions::free_memory
  OutputFormat format = OutputFormat::kText;
  std::ostream& out;
  std::ostream& err;
  // Fingerprints of the secret-shaped values the spec review accepted (allowlisted or
  // documentation examples): the guard of printed output lets them through. Owned by Run.
  std::set<std::string>* accepted_secrets = nullptr;
  size_t emit_piece_bytes = kPieceBytes;  // RunOptions::emit_piece_bytes
};

// `specc lint [FILE...]`: parse and validate; prints diagnostics only.
int RunLint(const std::vector<std::string>& files, const CommandContext& ctx);
// `specc ir [FILE...]`: prints the IR as JSON.
int RunIr(const std::vector<std::string>& files, const CommandContext& ctx);
// Flags of the drift commands (`apply` and `check`).
struct DriftFlags {
  bool dry_run = false;  // apply: report, write nothing
  bool diff = false;     // print unified diffs
  bool staged = false;   // check: compare the index, compiling the specs staged there
  bool breaking = false;  // check: also compare the specs with the base, as `specc diff` does
  bool cache = false;     // check: answer from the run cache when it holds (run_cache.h)
  // `generate` is the built-in generator (DefaultGenerate), which can leave the bytes of
  // unchanged files out as it renders (cli/unchanged_outputs.h).
  bool built_in = false;
};
// `specc apply`: regenerates with `generate` and writes what changed (apply.cc).
int RunApply(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx);
// `specc check`: the same drift report; writes nothing (check.cc).
int RunCheck(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx);
// The generator apply and check use unless RunOptions::generate replaces it (check.cc).
Result<Generation> DefaultGenerate(const std::string& root, const Fs& fs, SourceMap& sources,
                                   DiagSink& sink);
// `specc hook install [--force]`: installs the git pre-commit hook (hook.cc).
struct HookFlags {
  bool force = false;  // replace a foreign hook, keeping a backup
  bool chain = false;  // keep a foreign hook and run it before specc's check
};
int RunHook(const std::vector<std::string>& args, HookFlags flags, const CommandContext& ctx);
// `specc emit FILE... --out DIR [--only KIND,...] [--templates DIR]`: renders artifacts
// into DIR without git (emit_command.cc).
int RunEmit(const std::vector<std::string>& files, const std::string& out_dir, const std::string& only,
            const std::string& templates_dir, const CommandContext& ctx);
// `specc plan [--format text|json]`: the provisioning plan, modes resolved from the
// credential variables present (plan.cc).
int RunPlan(const CommandContext& ctx);
// The names of `project`'s credential variables that are set (non-empty) in the
// environment; values are never looked at beyond that (plan.cc).
std::set<std::string> CredentialsPresent(const ir::Project& project);
// Flags of `specc provision`.
struct ProvisionFlags {
  std::string environment;           // --env
  bool dry_run = false;              // look, change nothing
  std::vector<std::string> approve;  // --approve KEY (full or without the project id)
  bool approve_all = false;          // refused for prod
};
// `specc provision --env ENV ...`: carries out the plan's steps for one environment
// through the providers' APIs (provision.cc).
int RunProvision(const ProvisionFlags& flags, const CommandContext& ctx);
// `specc env check FILE --env NAME`: checks a dotenv file against the env contract
// (env_check.cc). `args` are the words after `env`.
int RunEnvCommand(const std::vector<std::string>& args, const std::string& env_name, const CommandContext& ctx);

// Shared by lint and ir: the spec files a command works on. With no FILE arguments,
// repository mode: specc.yaml (read into `sources`, problems to `sink`) says where the
// specs are. Returns false after printing when there are none.
// `*specs_dir`, when given, is set to the specs directory specc.yaml names.
bool ResolveInputs(const std::vector<std::string>& files, const CommandContext& ctx,
                   SourceMap& sources, DiagSink& sink, std::vector<std::string>* inputs,
                   std::string* specs_dir = nullptr);
// Runs the secret review (driver/secret_review.h) over the spec files `sources` holds from
// `first_file` on, with the allowlists of `files` (repository mode: of `specs_dir`), and
// adds what it accepted to ctx.accepted_secrets.
driver::SecretReview ReviewSecrets(FileId first_file, const std::vector<std::string>& files,
                                   const std::string& specs_dir, const Fs& fs, SourceMap& sources,
                                   DiagSink& sink, const CommandContext& ctx);
// Repository mode for commands that need the whole project but review no secrets (plan,
// provision, env check; the load then records none): specc.yaml and the specs it
// names under ctx.working_dir, loaded. Returns them, or prints why there are none
// (`command` names the caller in the message) and returns std::nullopt. Problems in the
// specs go to `sink`; the caller decides what to print.
struct RepositorySpecs {
  spec::ProjectConfig config;
  driver::LoadedSpecs specs;
};
std::optional<RepositorySpecs> LoadRepository(const std::string& command, const CommandContext& ctx,
                                              const Fs& fs, SourceMap& sources, DiagSink& sink);
// `specc explain [CODE]`: the long description of a diagnostic code with a wrong and a
// right example; without CODE, every code with its title (explain.cc).
int RunExplain(const std::string& code, const CommandContext& ctx);
// `specc init`: scaffolds specs/ and specc.yaml in a repository that has neither.
int RunInit(const std::string& runtime, const CommandContext& ctx);
// The file system lint and ir read: confined to ctx.working_dir in repository mode (no
// FILE given), anywhere the named files lead in file mode (lint.cc).
RealFs RepositoryFs(const std::vector<std::string>& files, const CommandContext& ctx);
// Keeps `specs` alive until the process ends when `ctx` says not to free memory, so a
// large IR is not torn down just before exit.
void ReleaseAtExit(driver::LoadedSpecs&& specs, const CommandContext& ctx);
// The exit code for a run whose problems are in `sink`: 4 when a named file could not
// be read, 3 on spec errors, otherwise 0.
int ExitCodeFor(const class DiagSink& sink);

}  // namespace specc::cli

#endif  // SPECC_CLI_COMMANDS_H_
