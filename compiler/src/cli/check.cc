// `specc check`, and the steps it shares with `specc apply` (drift_run.h).
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "base/diag_sink.h"
#include "base/json_writer.h"
#include "base/path.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/diff_run.h"
#include "cli/drift_run.h"
#include "cli/guard.h"
#include "cli/project_generate.h"
#include "cli/run_cache.h"
#include "cli/run_record.h"
#include "cli/service_cache.h"
#include "cli/unchanged_outputs.h"
#include "cli/version.h"
#include "drift/apply.h"
#include "drift/git_worktree.h"
#include "drift/index_fs.h"
#include "drift/report.h"
#include "driver/front_end.h"
#include "driver/secret_review.h"
#include "driver/generate.h"
#include "emit/registry.h"
#include "emit/template_set.h"

namespace specc::cli {

drift::GeneratorInfo SpeccGenerator() {
  drift::GeneratorInfo info;
  info.version = SpeccVersion();
  return info;
}

std::string LockPath(const drift::Worktree& worktree) {
  return worktree.CommonGitDir() + "/specc.lock";
}

namespace {

// Takes the repository's lock for a run into `*lock`: exclusive when it `writes`, shared
// otherwise. Returns false after saying why when another run holds it (or the lock file
// cannot be made, except for a read-only run, which then goes on without it).
bool LockRepository(const drift::Worktree& worktree, bool writes, const CommandContext& ctx,
                    std::unique_ptr<FileLock>* lock) {
  std::string path = LockPath(worktree);
  Result<std::unique_ptr<FileLock>> taken =
      FileLock::TryAcquire(path, writes ? FileLock::Mode::kExclusive : FileLock::Mode::kShared);
  if (!taken.ok()) {
    if (!writes) return true;  // e.g. a read-only checkout: nothing can write here either
    ctx.err << "specc: cannot lock the repository: " << taken.error().message << "\n";
    return false;
  }
  if (taken.value() == nullptr) {
    std::string holder = FileLock::Holder(path);
    ctx.err << "specc: another specc run " << (holder.empty() ? "" : "(process " + holder + ") ")
            << "is " << (writes && holder.empty() ? "reading" : "writing")
            << " this repository; nothing was done\n"
            << "  hint: wait for it to finish, then run this again (the lock, " << path
            << ", is released when that run ends, even if it is killed)\n";
    return false;
  }
  *lock = std::move(taken).value();
  return true;
}

}  // namespace

std::optional<DriftRun> StartDriftRun(const DriftRunOptions& run_options, const GenerateFn& generate,
                                      const CommandContext& ctx, int* exit_code) {
  const bool staged = run_options.staged;
  *exit_code = kExitUsage;
  Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(ctx.working_dir);
  if (!opened.ok()) {
    ctx.err << "specc: " << opened.error().message << "\n"
            << "  hint: apply and check work inside a git repository (use -C DIR for another "
               "one); `specc emit` renders files without git\n";
    return std::nullopt;
  }
  DriftRun run{std::move(opened).value(), nullptr, {}};
  const drift::Worktree& worktree = *run.worktree;
  if (!LockRepository(worktree, run_options.writes, ctx, &run.lock)) return std::nullopt;

  // With --staged the specs come from the index too, so the hook checks the commit that is
  // being made even when the working tree holds other edits.
  // Reads stay inside the repository, through links too (base/fs.h), and see each file as
  // git stores it, whatever line ends the checkout has.
  RealFs disk(worktree.root(), [&worktree](const std::string& path, std::string bytes) {
    return worktree.Clean(path, std::move(bytes));
  });
  drift::IndexFs index(worktree);
  const Fs& read_fs = staged ? static_cast<const Fs&>(index) : disk;
  std::optional<RecordingFs> recording_fs;
  std::optional<RecordingWorktree> recording_worktree;
  if (run_options.record != nullptr) {
    recording_fs.emplace(read_fs, *run_options.record, worktree.root(), staged ? &worktree : nullptr);
    recording_worktree.emplace(worktree, *run_options.record);
  }
  const Fs& fs = recording_fs ? static_cast<const Fs&>(*recording_fs) : read_fs;
  const drift::Worktree& observed = recording_worktree ? static_cast<const drift::Worktree&>(*recording_worktree)
                                                       : worktree;
  std::optional<ServiceCache> services;
  if (run_options.reuse_services) {
    services.emplace(worktree.CommonGitDir(), read_fs, worktree, staged, run_options.record,
                     run_options.record != nullptr ? run_options.record->started_ns() : NowNs());
  }
  SourceMap sources;
  DiagSink sink;
  // Asks the repository itself, from the emitters' threads: what it asked is added to the
  // record below, in path order.
  std::unique_ptr<UnchangedOutputs> unchanged;
  if (services || run_options.built_in_generator) unchanged = UnchangedOutputs::Open(worktree, staged, SpeccGenerator());
  Result<Generation> outputs =
      services                          ? GenerateProject(worktree.root(), fs, sources, sink, &*services, unchanged.get())
      : run_options.built_in_generator ? GenerateProject(worktree.root(), fs, sources, sink, nullptr, unchanged.get())
                                        : generate(worktree.root(), fs, sources, sink);
  if (unchanged != nullptr && run_options.record != nullptr) unchanged->RecordTo(*run_options.record);
  if (sink.has_errors()) {
    PrintDiagnostics(sink, sources, ctx.format,
                     ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
    *exit_code = ExitCodeFor(sink);
    return std::nullopt;
  }
  // Warnings go to stderr, so that stdout holds nothing but the report; with SARIF the
  // log of spec problems is what stdout holds (empty when there are none), and the drift
  // report goes to stderr.
  if (ctx.format == OutputFormat::kSarif) {
    PrintDiagnostics(sink, sources, OutputFormat::kSarif, ctx.out);
  } else if (!sink.diagnostics().empty()) {
    PrintDiagnostics(sink, sources, OutputFormat::kText, ctx.err);
  }
  if (!outputs.ok()) {
    ctx.err << "specc: " << outputs.error().message << "\n";
    return std::nullopt;
  }
  // The secret guard: a file holding a secret-shaped string stops apply before anything
  // is written, and fails check.
  const driver::SecretReview& secrets = outputs.value().secrets;
  if (ctx.accepted_secrets != nullptr) ctx.accepted_secrets->insert(secrets.accepted.begin(), secrets.accepted.end());
  if (!GuardFiles(outputs.value().files, "", ctx.err, secrets.accepted)) {
    *exit_code = kExitSpecErrors;
    return std::nullopt;
  }

  if (run_options.writes) {
    Result<size_t> removed = drift::RemoveStaleTempFiles(*run.worktree, outputs.value().ownership);
    if (!removed.ok()) {
      ctx.err << "specc: " << removed.error().message << "\n";
      return std::nullopt;
    }
    if (removed.value() > 0) {
      if (run_options.record != nullptr) run_options.record->MarkUnstorable();
      ctx.err << "specc: removed " << removed.value() << " temporary file"
              << (removed.value() == 1 ? "" : "s") << " that an interrupted run left behind\n";
    }
  }
  drift::ClassifyOptions options;
  options.generator = SpeccGenerator();
  options.staged = staged;
  options.ownership = std::move(outputs.value().ownership);
  Result<drift::Classification> classification =
      drift::Classify(outputs.value().files, observed, options);
  if (!classification.ok()) {
    ctx.err << "specc: " << classification.error().message << "\n";
    return std::nullopt;
  }
  run.classification = std::move(classification).value();
  if (services) StoreServiceRecords(outputs.value(), run.classification, staged, *services, unchanged.get());
  *exit_code = kExitClean;
  return run;
}

namespace {

std::string Files(size_t n) { return std::to_string(n) + (n == 1 ? " file" : " files"); }

// The last lines of a text report: what the run found and what the user does next.
std::string NextStep(const drift::DriftReport& report, DriftVerb verb) {
  size_t changed = report.changed_files.size();
  if (!report.conflicts.empty()) {
    return verb == DriftVerb::kApply || verb == DriftVerb::kApplyDryRun
               ? ""  // apply explains that it wrote nothing
               : "next: resolve each conflict as its line says, then run `specc apply`\n";
  }
  switch (verb) {
    case DriftVerb::kCheck:
      return changed == 0 ? "" : "next: run `specc apply`, then `git add` the " + Files(changed) + " and commit\n";
    case DriftVerb::kCheckStaged:
      return changed == 0 ? ""
                          : "commit refused: run `specc apply`, then `git add` the " + Files(changed) +
                                " and commit again\n";
    case DriftVerb::kApplyDryRun:
      return changed == 0 ? "dry run: up to date, nothing to write\n"
                          : "dry run: would update " + Files(changed) + "; nothing was written\n";
    case DriftVerb::kApply:
      return "";
  }
  return "";
}

}  // namespace

void PrintDriftReport(const drift::Classification& classification, bool diff, DriftVerb verb,
                      const CommandContext& ctx) {
  drift::DriftReport report = drift::BuildReport(classification);
  if (diff) {
    (ctx.format == OutputFormat::kText ? ctx.out : ctx.err)
        << drift::ClassificationDiffs(classification);
  }
  switch (ctx.format) {
    case OutputFormat::kSarif:
      // stdout holds the SARIF log of spec problems (StartDriftRun): the report is for people.
      ctx.err << drift::ReportToText(report) << NextStep(report, verb);
      break;
    case OutputFormat::kText:
      if (verb == DriftVerb::kCheck || verb == DriftVerb::kCheckStaged || !report.conflicts.empty()) {
        ctx.out << drift::ReportToText(report);
      } else {
        ctx.out << drift::ReportLinesToText(report);
      }
      ctx.out << NextStep(report, verb);
      break;
    case OutputFormat::kJson:
      ctx.out << drift::ReportToJson(report);
      break;
    case OutputFormat::kGithub:
      ctx.out << drift::ReportToGithub(report);
      break;
  }
}

namespace {

int CheckOnce(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx, RunRecord* record);

}  // namespace

int RunCheck(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx) {
  // --breaking reads commits and the accepted-breaks file beyond what the record covers.
  if (!flags.cache || CacheDisabledByEnvironment()) {
    DriftFlags uncached = flags;
    uncached.cache = false;
    return CheckOnce(uncached, generate, ctx, nullptr);
  }
  // --breaking reads commits and the accepted-breaks file beyond what the record covers:
  // only its services are reused.
  if (flags.breaking) return CheckOnce(flags, generate, ctx, nullptr);
  std::string key = "check" + std::string(flags.staged ? " --staged" : "") + (flags.diff ? " --diff" : "") +
                    " --format " + std::to_string(static_cast<int>(ctx.format));
  return RunWithCache(key, flags.staged, ctx, [&](const CommandContext& run_ctx, RunRecord* record) {
    return CheckOnce(flags, generate, run_ctx, record);
  });
}

namespace {

int CheckOnce(const DriftFlags& flags, const GenerateFn& generate, const CommandContext& ctx, RunRecord* record) {
  int exit_code = kExitUsage;
  std::optional<DriftRun> run =
      StartDriftRun({.staged = flags.staged,
                     .writes = false,
                     .record = record,
                     .reuse_services = flags.cache,
                     .built_in_generator = flags.built_in},
                    generate, ctx, &exit_code);
  if (!run) return exit_code;
  int code = run->classification.has_conflicts() ? kExitConflicts
             : run->classification.has_changes() ? kExitDrift
                                                 : kExitClean;
  if (!flags.breaking) {
    PrintDriftReport(run->classification, flags.diff, flags.staged ? DriftVerb::kCheckStaged : DriftVerb::kCheck, ctx);
    return code;
  }
  // --breaking: the same comparison as `specc diff` (base: the default base; head: the
  // working tree, or the index with --staged), after the drift report.
  DiffFlags diff;
  diff.staged = flags.staged;
  int diff_code = kExitUsage;
  std::optional<DiffRun> breaking = StartDiffRun(diff, ctx, &diff_code);
  if (!breaking) return diff_code;
  std::ostringstream drift_report;
  PrintDriftReport(run->classification, flags.diff, flags.staged ? DriftVerb::kCheckStaged : DriftVerb::kCheck,
                   CommandContext{ctx.working_dir, ctx.free_memory, ctx.format,
                                                                   drift_report, ctx.err});
  switch (ctx.format) {
    case OutputFormat::kText:
      ctx.out << drift_report.str() << "\n" << FormatDiff(breaking->outcome, DiffFormat::kText);
      break;
    case OutputFormat::kSarif:
      // The spec problems' log is on stdout already; the breaking changes are a second
      // log of their own (`specc diff --format sarif`), so here they are told as text.
      ctx.err << "\n" << FormatDiff(breaking->outcome, DiffFormat::kText);
      break;
    case OutputFormat::kGithub:
      ctx.out << drift_report.str() << FormatDiff(breaking->outcome, DiffFormat::kGithub);
      break;
    case OutputFormat::kJson: {
      // One document: {"drift": <the DriftReport>, "breaking": <the diff report>}.
      auto trimmed = [](std::string json) {
        while (!json.empty() && json.back() == '\n') json.pop_back();
        return json;
      };
      JsonWriter json;
      json.BeginObject();
      json.Key("drift").Raw(trimmed(drift_report.str()));
      json.Key("breaking").Raw(trimmed(FormatDiff(breaking->outcome, DiffFormat::kJson)));
      json.EndObject();
      ctx.out << json.Finish();
      break;
    }
  }
  if (code == kExitClean && DiffFails(breaking->outcome)) code = kExitDrift;
  return code;
}

}  // namespace

}  // namespace specc::cli
