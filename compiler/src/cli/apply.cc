// `specc apply`: regenerate, and write what changed (drift/apply.h) unless the report has
// a conflict or --dry-run asks for a preview.
#include "drift/apply.h"

#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/drift_run.h"
#include "cli/run_cache.h"
#include "drift/classify.h"

namespace specc::cli {

int RunApply(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx) {
  int exit_code = kExitUsage;
  std::optional<DriftRun> run =
      StartDriftRun({.staged = false,
                     .writes = !flags.dry_run,
                     .reuse_services = flags.cache && !CacheDisabledByEnvironment()},
                    generate, ctx, &exit_code);
  if (!run) return exit_code;
  // The report lists what apply found; its last line says what apply did.
  PrintDriftReport(run->classification, flags.diff, flags.dry_run ? DriftVerb::kApplyDryRun : DriftVerb::kApply, ctx);
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
  if (ctx.format == OutputFormat::kText) {
    size_t changed = 0;
    for (const drift::FileEntry& f : run->classification.files) changed += f.state != drift::FileState::kUnchanged;
    if (changed == 0) {
      ctx.out << "up to date: nothing to write\n";
    } else {
      ctx.out << "updated " << changed << (changed == 1 ? " file" : " files") << " (" << applied.value().written
              << " written, " << applied.value().removed << " removed); `git add` them with the specs and commit\n";
    }
  }
  return kExitClean;
}

}  // namespace specc::cli
