// What `specc diff` and `specc check --breaking` share: loading two versions of the specs
// (each from a commit, the index, the working tree or a file, through the drift layer's
// Worktree), comparing them (compare/) and applying the accepted-breaks file. Defined in
// diff.cc; diff_report.h prints the outcome.
#ifndef SPECC_CLI_DIFF_RUN_H_
#define SPECC_CLI_DIFF_RUN_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/diff_report.h"

namespace specc::cli {

struct DiffFlags {
  std::string base;     // --base REV; empty: the default base
  std::string head;     // --head REV; empty: the working tree (or the index with --staged)
  bool staged = false;  // --staged: head is the index
  std::string fail_on = "breaking";
  std::string format = "text";
  std::string accepted;            // --accepted FILE; empty: <specs>/.specc-accepted-breaks.yaml
  std::vector<std::string> files;  // file mode: OLD NEW
};

// A finished comparison: the outcome and the loaded versions its Locs point into.
struct DiffRun {
  struct Version;
  std::unique_ptr<Version> base, head;
  DiffOutcome outcome;
  DiffRun();
  ~DiffRun();
  DiffRun(DiffRun&&) noexcept;
  DiffRun& operator=(DiffRun&&) noexcept;
};

// Loads both versions and compares them. Returns the run; otherwise prints why (a usage
// error, not a git repository, an unknown revision, specs that do not compile at a
// revision) to ctx.err and returns std::nullopt with the exit code in `*exit_code`.
std::optional<DiffRun> StartDiffRun(const DiffFlags& flags, const CommandContext& ctx, int* exit_code);

// `specc diff`: prints the report; exit 1 when a change reaches --fail-on (diff.cc).
int RunDiff(const DiffFlags& flags, const CommandContext& ctx);

}  // namespace specc::cli

#endif  // SPECC_CLI_DIFF_RUN_H_
