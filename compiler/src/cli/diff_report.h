// Prints the result of `specc diff` (a list of compare::Change) in each of its formats:
// text grouped by operation with both versions' file:line:col, JSON (the shape the README
// documents), GitHub workflow annotations, SARIF 2.1.0 and a Markdown changelog.
#ifndef SPECC_CLI_DIFF_REPORT_H_
#define SPECC_CLI_DIFF_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "base/source_map.h"
#include "compare/change.h"

namespace specc::cli {

enum class DiffFormat { kText, kJson, kGithub, kSarif, kMarkdown };

// Parses "text", "json", "github", "sarif" or "markdown".
std::optional<DiffFormat> ParseDiffFormat(const std::string& name);

// One of the two versions compared.
struct DiffSide {
  std::string name;    // "HEAD", "merge base of HEAD and origin/main", "the working tree", "old.yaml"
  std::string commit;  // 40 hex digits; empty for the working tree, the index and files
  // Where the Locs of this side's changes are; null when the side has no specs.
  const SourceMap* sources = nullptr;
};

struct DiffOutcome {
  DiffSide base, head;
  std::vector<compare::Change> changes;
  // The lowest level that fails the run; std::nullopt for `--fail-on never`.
  std::optional<compare::Level> fail_on;
  bool repository_mode = false;
};

// True when a change that is not accepted reaches the threshold.
bool DiffFails(const DiffOutcome& outcome);

// Returns the report in `format`.
std::string FormatDiff(const DiffOutcome& outcome, DiffFormat format);

}  // namespace specc::cli

#endif  // SPECC_CLI_DIFF_REPORT_H_
