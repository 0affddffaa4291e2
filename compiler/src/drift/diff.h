// Line diffs between what a file holds and what specc would write: the short summary of
// the DriftReport ("+12 -3") and unified diffs for `--diff`. dtl lives in diff.cc only.
#ifndef SPECC_DRIFT_DIFF_H_
#define SPECC_DRIFT_DIFF_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace specc::drift {

struct LineCounts {
  size_t added = 0;
  size_t removed = 0;
};

// Counts the lines a minimal edit from `before` to `after` adds and removes. An absent
// side (std::nullopt) is an empty file.
LineCounts CountChangedLines(const std::optional<std::string>& before,
                             const std::optional<std::string>& after);

// "+12 -3".
std::string FormatDiffSummary(const LineCounts& counts);

// Returns a unified diff of `path` from `before` to `after`: `--- a/<path>` and
// `+++ b/<path>` (`/dev/null` for an absent side), then hunks with three lines of context.
// Empty when the contents are equal.
std::string UnifiedDiff(const std::string& path, const std::optional<std::string>& before,
                        const std::optional<std::string>& after);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_DIFF_H_
