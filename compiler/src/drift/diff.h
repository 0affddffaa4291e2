// Line diffs between what a file holds and what specc would write: the short summary of
// the DriftReport ("+12 -3") and unified diffs for `--diff`. dtl lives in diff.cc only.
#ifndef SPECC_DRIFT_DIFF_H_
#define SPECC_DRIFT_DIFF_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace specc::drift {

struct LineCounts {
  size_t added = 0;
  size_t removed = 0;
  // The edit is not a shortest one: finding that would have cost more than the budget, so
  // the regions between lines that occur once in each version (or the whole span from the
  // first change to the last) count as removed and added entirely.
  bool rewritten = false;
};

// The diff's work, for the tests that bound it: lines read, and steps of the search for
// an edit script.
struct DiffWork {
  uint64_t steps = 0;
};

// Counts the lines an edit from `before` to `after` adds and removes: a shortest edit when
// one is found within a budget of 128 steps per line of the two versions (plus 4,000,000),
// else one that replaces whole regions (`rewritten`). Time and memory are linear in the
// sizes of the two versions. An absent side (std::nullopt) is an empty file. When `work`
// is given, adds the diff's work to it.
LineCounts CountChangedLines(const std::optional<std::string>& before,
                             const std::optional<std::string>& after, DiffWork* work = nullptr);

// "+12 -3", or "+120 -96 (rewritten)".
std::string FormatDiffSummary(const LineCounts& counts);

// Returns a unified diff of `path` from `before` to `after`: `--- a/<path>` and
// `+++ b/<path>` (`/dev/null` for an absent side), then hunks with three lines of context:
// a shortest edit when dtl can write one within the budget, else the regions between
// anchor lines, each replaced whole (a correct patch, not the smallest). Empty when the
// contents are equal.
std::string UnifiedDiff(const std::string& path, const std::optional<std::string>& before,
                        const std::optional<std::string>& after, DiffWork* work = nullptr);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_DIFF_H_
