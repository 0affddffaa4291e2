// `specc apply`: regenerate, and write what changed (drift/apply.h) unless the report has
// a conflict or --dry-run asks for a preview.
#include "drift/apply.h"

#include <ostream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/drift_run.h"
#include "cli/run_cache.h"
#include "cli/run_record.h"
#include "drift/classify.h"

namespace specc::cli {

namespace {

int ApplyOnce(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx, RunRecord* record) {
  int exit_code = kExitUsage;
  std::optional<DriftRun> run = StartDriftRun(
      {.staged = false,
       .writes = !flags.dry_run,
       .record = record,
       .reuse_services = flags.cache,
       .built_in_generator = flags.built_in},
      generate, ctx,
      &exit_code);
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
  size_t changed = 0;
  for (const drift::FileEntry& f : run->classification.files) changed += f.state != drift::FileState::kUnchanged;
  if (changed > 0 || applied.value().written > 0 || applied.value().removed > 0) {
    // What the run read is no longer there: the next apply starts cold.
    if (record != nullptr) record->MarkUnstorable();
  }
  if (ctx.format == OutputFormat::kText) {
    if (changed == 0) {
      ctx.out << "up to date: nothing to write\n";
    } else {
      ctx.out << "updated " << changed << (changed == 1 ? " file" : " files") << " (" << applied.value().written
              << " written, " << applied.value().removed << " removed); `git add` them with the specs and commit\n";
    }
  }
  return kExitClean;
}

}  // namespace

int RunApply(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx) {
  if (!flags.cache || CacheDisabledByEnvironment()) {
    DriftFlags uncached = flags;
    uncached.cache = false;
    return ApplyOnce(uncached, generate, ctx, nullptr);
  }
  // An apply that finds nothing to write is answered like a check (run_cache.h): the
  // next one with everything it read unchanged would write nothing either. One that
  // wrote is not kept.
  std::string key = std::string("apply") + (flags.dry_run ? " --dry-run" : "") + (flags.diff ? " --diff" : "") +
                    " --format " + std::to_string(static_cast<int>(ctx.format));
  return RunWithCache(key, /*staged=*/false, ctx, [&](const CommandContext& run_ctx, RunRecord* record) {
    return ApplyOnce(flags, generate, run_ctx, record);
  });
}

}  // namespace specc::cli
