#include "drift/report.h"

#include "base/json_writer.h"
#include "base/workflow_command.h"
#include "drift/diff.h"

namespace specc::drift {
namespace {

std::string Summary(const DriftReport& report) {
  return std::string(ReportStatusName(report.status())) + " (" +
         std::to_string(report.changed_files.size()) + " changed, " +
         std::to_string(report.conflicts.size()) +
         (report.conflicts.size() == 1 ? " conflict)" : " conflicts)");
}

}  // namespace

std::string_view ChangeTypeName(ChangeType type) {
  switch (type) {
    case ChangeType::kAdded:
      return "added";
    case ChangeType::kModified:
      return "modified";
    case ChangeType::kRemoved:
      return "removed";
  }
  return "modified";
}

std::string_view ReportStatusName(ReportStatus status) {
  switch (status) {
    case ReportStatus::kClean:
      return "clean";
    case ReportStatus::kDrift:
      return "drift";
    case ReportStatus::kConflicts:
      return "conflicts";
  }
  return "conflicts";
}

ReportStatus DriftReport::status() const {
  if (!conflicts.empty()) return ReportStatus::kConflicts;
  if (!changed_files.empty()) return ReportStatus::kDrift;
  return ReportStatus::kClean;
}

DriftReport BuildReport(const Classification& classification) {
  DriftReport report;
  for (const FileEntry& f : classification.files) {
    switch (f.state) {
      case FileState::kUnchanged:
        break;
      case FileState::kConflict:
        report.conflicts.push_back({f.path, f.reason, f.suggestion});
        break;
      case FileState::kAdded:
      case FileState::kModified:
      case FileState::kRemoved: {
        ChangeType type = f.state == FileState::kAdded      ? ChangeType::kAdded
                          : f.state == FileState::kModified ? ChangeType::kModified
                                                            : ChangeType::kRemoved;
        report.changed_files.push_back(
            {f.path, type, FormatDiffSummary(CountChangedLines(f.current, f.generated))});
        break;
      }
    }
  }
  return report;
}

std::string ReportToJson(const DriftReport& report) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("changedFiles").BeginArray();
  for (const ChangedFile& f : report.changed_files) {
    w.BeginObject();
    w.Key("path").String(f.path);
    w.Key("type").String(ChangeTypeName(f.type));
    w.Key("diffSummary").String(f.diff_summary);
    w.EndObject();
  }
  w.EndArray();
  w.Key("conflicts").BeginArray();
  for (const ConflictEntry& c : report.conflicts) {
    w.BeginObject();
    w.Key("path").String(c.path);
    w.Key("reason").String(ConflictReasonName(c.reason));
    w.Key("suggestion").String(c.suggestion);
    w.EndObject();
  }
  w.EndArray();
  w.Key("summary").BeginObject();
  w.Key("changedCount").Int(static_cast<int64_t>(report.changed_files.size()));
  w.Key("conflictCount").Int(static_cast<int64_t>(report.conflicts.size()));
  w.Key("status").String(ReportStatusName(report.status()));
  w.EndObject();
  w.EndObject();
  return w.Finish();
}

std::string ReportToText(const DriftReport& report) {
  return ReportLinesToText(report) + "status: " + Summary(report) + "\n";
}

std::string ReportLinesToText(const DriftReport& report) {
  std::string out;
  for (const ChangedFile& f : report.changed_files) {
    std::string type(ChangeTypeName(f.type));
    out += type + std::string(10 - type.size(), ' ') + f.path + "  " + f.diff_summary + "\n";
  }
  for (const ConflictEntry& c : report.conflicts) {
    out += "conflict  " + c.path + "  " + std::string(ConflictReasonName(c.reason)) + "\n";
    out += "          " + c.suggestion + "\n";
  }
  return out;
}

std::string ReportToGithub(const DriftReport& report) {
  std::string out;
  for (const ChangedFile& f : report.changed_files) {
    out += "::error file=" + GithubProperty(f.path) +
           ",title=" + GithubProperty("specc drift: " + std::string(ChangeTypeName(f.type))) +
           "::" +
           GithubData("generated file is stale (" + std::string(ChangeTypeName(f.type)) + ", " +
                      f.diff_summary + "); run `specc apply` and commit the result") +
           "\n";
  }
  for (const ConflictEntry& c : report.conflicts) {
    out += "::error file=" + GithubProperty(c.path) + ",title=" +
           GithubProperty("specc conflict: " + std::string(ConflictReasonName(c.reason))) +
           "::" + GithubData(c.suggestion) + "\n";
  }
  out += "::notice title=specc drift::" + GithubData(Summary(report)) + "\n";
  return out;
}

std::string ClassificationDiffs(const Classification& classification) {
  std::string out;
  for (const FileEntry& f : classification.files) {
    if (f.state == FileState::kUnchanged) continue;
    if (f.state == FileState::kConflict && !f.generated) continue;
    out += UnifiedDiff(f.path, f.current, f.generated);
  }
  return out;
}

}  // namespace specc::drift
