// `specc apply`: regenerate, and write what changed (drift/apply.h) unless the report has
// a conflict or --dry-run asks for a preview.
#include "drift/apply.h"

#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/drift_run.h"

namespace specc::cli {

int RunApply(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx) {
  int exit_code = kExitUsage;
  std::optional<DriftRun> run =
      StartDriftRun({.staged = false, .writes = !flags.dry_run}, generate, ctx, &exit_code);
  if (!run) return exit_code;
  // The report says what apply found and (unless this is a preview) changed: status
  // `drift` when it writes, `clean` when nothing was stale.
  PrintDriftReport(run->classification, flags.diff, ctx);
  if (run->classification.has_conflicts()) {
    ctx.err
        << "specc: nothing was written: resolve the conflicts above, then re-run `specc apply`\n";
    return kExitConflicts;
  }
  if (flags.dry_run) return kExitClean;
  Result<drift::ApplyStats> applied = drift::Apply(run->classification, *run->worktree);
  if (!applied.ok()) {
    ctx.err << "specc: " << applied.error().message << "\n"
            << "  every file is either old or new; re-run `specc apply` to finish\n";
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace specc::cli
