// What `apply` and `check` share: open the repository that holds the working directory,
// compute the OutputSet in memory (from the working tree, or from the index with
// --staged), classify it against the repository, and print the DriftReport. Defined in
// check.cc.
#ifndef SPECC_CLI_DRIFT_RUN_H_
#define SPECC_CLI_DRIFT_RUN_H_

#include <memory>
#include <optional>

#include "base/file_lock.h"
#include "cli/commands.h"
#include "drift/classify.h"
#include "drift/manifest.h"
#include "drift/worktree.h"

namespace specc::cli {

struct DriftRun {
  std::unique_ptr<drift::Worktree> worktree;
  // Held until the run ends: exclusive for a run that writes, shared otherwise; null when
  // a read-only run could not create the lock file (a read-only .git).
  std::unique_ptr<FileLock> lock;
  drift::Classification classification;
};

// This specc, as the manifest records it.
drift::GeneratorInfo SpeccGenerator();

class RunRecord;  // run_record.h

struct DriftRunOptions {
  // Compile the staged specs and compare the index (`check --staged`).
  bool staged = false;
  // The run is going to write (`apply` without --dry-run): it takes the repository's lock
  // exclusively (a read takes it shared) and first removes the temporary files that
  // interrupted runs left in its directories.
  bool writes = false;
  // When set, every file and git version the run reads is recorded here (run_cache.h).
  RunRecord* record = nullptr;
  // Generate with the built-in generator, taking each unchanged service's share from the
  // service cache (cli/service_cache.h) instead of `generate`.
  bool reuse_services = false;
  // `generate` is the built-in generator: the run settles unchanged files as they are
  // rendered (cli/unchanged_outputs.h). Implied by reuse_services.
  bool built_in_generator = false;
};

// Where a run locks the repository: `specc.lock` in the git directory that linked
// worktrees share.
std::string LockPath(const drift::Worktree& worktree);

// Returns the classified run; otherwise prints why (not a git repository, spec errors,
// an unreadable file) and returns std::nullopt with the exit code in `*exit_code`.
std::optional<DriftRun> StartDriftRun(const DriftRunOptions& options, const GenerateFn& generate,
                                      const CommandContext& ctx, int* exit_code);

// Which command prints a report: the text report ends with what to do next, which
// depends on it.
enum class DriftVerb { kCheck, kCheckStaged, kApply, kApplyDryRun };

// Prints the report of `classification` in ctx.format to ctx.out, and with `diff` the
// unified diffs too (to ctx.out before a text report; to ctx.err beside JSON or
// annotations, so that stdout stays machine-readable). The text report of `check` ends
// with its status and the next step; `apply` lists the files and leaves the last line to
// what it then does (PrintApplied).
void PrintDriftReport(const drift::Classification& classification, bool diff, DriftVerb verb,
                      const CommandContext& ctx);

}  // namespace specc::cli

#endif  // SPECC_CLI_DRIFT_RUN_H_
