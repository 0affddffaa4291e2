// The DriftReport of seed 002 FR-010, field names unchanged (SPEC.md, Drift):
//   {"changedFiles": [{"path", "type", "diffSummary"}],
//    "conflicts": [{"path", "reason", "suggestion"}],
//    "summary": {"changedCount", "conflictCount", "status"}}
// built from a Classification and printed as text for people, as that JSON, or as GitHub
// workflow annotations for CI. Every list is sorted by path, so output is deterministic.
#ifndef SPECC_DRIFT_REPORT_H_
#define SPECC_DRIFT_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "drift/classify.h"

namespace specc::drift {

enum class ChangeType { kAdded, kModified, kRemoved };
// "added", "modified", "removed".
std::string_view ChangeTypeName(ChangeType type);

enum class ReportStatus { kClean, kDrift, kConflicts };
// "clean", "drift", "conflicts".
std::string_view ReportStatusName(ReportStatus status);

struct ChangedFile {
  std::string path;
  ChangeType type = ChangeType::kModified;
  std::string diff_summary;  // "+12 -3"
};

struct ConflictEntry {
  std::string path;
  ConflictReason reason = ConflictReason::kManualDivergence;
  std::string suggestion;
};

struct DriftReport {
  std::vector<ChangedFile> changed_files;
  std::vector<ConflictEntry> conflicts;

  // kConflicts when there is any conflict, otherwise kDrift when any file changes.
  ReportStatus status() const;
};

// The report for `classification`, with a line-diff summary for each changed file.
DriftReport BuildReport(const Classification& classification);

// The seed's JSON, two-space indented, with a final newline.
std::string ReportToJson(const DriftReport& report);
// A short listing for people: one line per changed file and per conflict, then the status.
std::string ReportToText(const DriftReport& report);
// The same listing without the status line (apply says what it did instead).
std::string ReportLinesToText(const DriftReport& report);
// GitHub workflow commands (`::error file=...::...`), one per changed file and conflict,
// and a `::notice` with the status, so that a CI run marks each stale file.
std::string ReportToGithub(const DriftReport& report);

// Unified diffs (diff.h) of every changed or conflicted file, from what it holds now to
// what specc would write, in path order.
std::string ClassificationDiffs(const Classification& classification);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_REPORT_H_
