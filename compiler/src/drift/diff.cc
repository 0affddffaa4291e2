#include "drift/diff.h"

#include <dtl/dtl.hpp>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace specc::drift {
namespace {

// A diff may take this many steps per line of the two versions (plus kMinSteps) to find a
// shortest edit script; past that it settles for one that replaces whole regions. A
// shortest script costs about D^2 steps for D changed lines however long the file, so a
// 384,000-line collection rewritten throughout cost dtl 40 s; with this bound a diff costs
// at most a small multiple of writing the file.
constexpr uint64_t kStepsPerLine = 128;
constexpr uint64_t kMinSteps = 4'000'000;

// Splits into lines without their '\n'. A last line without a newline is marked, so that
// adding the final newline shows up as a change, as in `git diff`.
std::vector<std::string> Lines(const std::optional<std::string>& text) {
  std::vector<std::string> lines;
  if (!text || text->empty()) return lines;
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text->substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(text->substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A region of the two versions: lines [a_begin, a_end) of the old one became lines
// [b_begin, b_end) of the new one.
struct Region {
  size_t a_begin, a_end, b_begin, b_end;
  size_t removed() const { return a_end - a_begin; }
  size_t added() const { return b_end - b_begin; }
};

// The two versions with every line replaced by a number, equal lines by equal numbers, so
// that comparing lines costs one integer comparison.
class LineDiff {
 public:
  LineDiff(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::unordered_map<std::string_view, uint32_t> ids;
    ids.reserve(a.size() + b.size());
    auto intern = [&](const std::vector<std::string>& lines, std::vector<uint32_t>* out) {
      out->reserve(lines.size());
      for (const std::string& line : lines) {
        out->push_back(ids.emplace(line, static_cast<uint32_t>(ids.size())).first->second);
      }
    };
    intern(a, &a_);
    intern(b, &b_);
    steps_ = a.size() + b.size();
    budget_ = kMinSteps + kStepsPerLine * (a.size() + b.size());
  }

  // Finds the changed lines: a shortest edit script's counts when one is found within the
  // budget (`exact`), else the regions between lines that occur once in each version and
  // keep their order (patience diff's anchors), each counted as rewritten.
  void Run() {
    all_ = Region{0, a_.size(), 0, b_.size()};
    Trim(&all_);
    if (all_.removed() == 0 || all_.added() == 0) {
      // Only insertions or only deletions: that is the shortest script.
      counts_ = {all_.added(), all_.removed(), false};
      exact_ = true;
      return;
    }
    if (std::optional<size_t> d = EditDistance(all_)) {
      // D = removed + added, and added - removed is the difference in length.
      size_t removed = (*d + all_.removed() - all_.added()) / 2;
      counts_ = {*d - removed, removed, false};
      exact_ = true;
      return;
    }
    regions_ = Anchored(all_);
    counts_.rewritten = true;
    for (const Region& r : regions_) {
      counts_.added += r.added();
      counts_.removed += r.removed();
    }
  }

  bool exact() const { return exact_; }
  const LineCounts& counts() const { return counts_; }
  // Whether dtl may write the hunks of the shortest script: its O((N+M) P) search (P the
  // deletions) then fits in the budget too.
  bool DtlWithinBudget() const {
    return exact_ && (counts_.removed + 1) * (a_.size() + b_.size()) <= budget_;
  }
  // The replaced regions, in order: the anchored ones when !exact(), computed now otherwise.
  const std::vector<Region>& Regions() {
    if (!exact_ || !regions_.empty()) return regions_;
    regions_ = all_.removed() == 0 && all_.added() == 0 ? std::vector<Region>{} : Anchored(all_);
    return regions_;
  }
  uint64_t steps() const { return steps_; }

 private:
  // Moves the region's edges past the lines it starts and ends with in both versions.
  void Trim(Region* r) {
    while (r->a_begin < r->a_end && r->b_begin < r->b_end && a_[r->a_begin] == b_[r->b_begin]) {
      ++r->a_begin, ++r->b_begin, ++steps_;
    }
    while (r->a_begin < r->a_end && r->b_begin < r->b_end && a_[r->a_end - 1] == b_[r->b_end - 1]) {
      --r->a_end, --r->b_end, ++steps_;
    }
  }

  // Myers' greedy algorithm over the region (O((N+M) D) time, O(D) memory): the length of
  // a shortest edit script, or std::nullopt once the steps pass the budget.
  std::optional<size_t> EditDistance(const Region& r) {
    const int64_t n = static_cast<int64_t>(r.removed()), m = static_cast<int64_t>(r.added());
    const uint32_t* a = a_.data() + r.a_begin;
    const uint32_t* b = b_.data() + r.b_begin;
    // v[k + offset]: the furthest x reached on diagonal k = x - y.
    std::vector<int64_t> v;
    int64_t offset = 0;
    for (int64_t d = 0; d <= n + m; ++d) {
      steps_ += static_cast<uint64_t>(2 * d + 1);
      if (steps_ > budget_) return std::nullopt;
      if (offset < d + 1) {
        // Room for diagonals -d-1 .. d+1, doubled as d grows: memory follows D, not N + M.
        int64_t grown = 2 * (d + 1);
        std::vector<int64_t> wider(static_cast<size_t>(2 * grown + 1), 0);
        std::copy(v.begin(), v.end(), wider.begin() + (grown - offset));
        v = std::move(wider);
        offset = grown;
      }
      for (int64_t k = -d; k <= d; k += 2) {
        int64_t x = (k == -d || (k != d && v[k - 1 + offset] < v[k + 1 + offset])) ? v[k + 1 + offset]
                                                                                 : v[k - 1 + offset] + 1;
        int64_t y = x - k;
        while (x < n && y < m && a[x] == b[y]) ++x, ++y, ++steps_;
        v[k + offset] = x;
        // A path that left the grid (x > n or y > m) ends later than the real one, which
        // reaches (n, m) first.
        if (x >= n && y >= m) return static_cast<size_t>(d);
      }
    }
    return static_cast<size_t>(n + m);
  }

  // Patience diff's anchors: lines that occur exactly once in each version, kept where
  // they appear in the same order in both (a longest increasing subsequence). Returns the
  // regions between anchors, each trimmed of the lines it starts and ends with.
  std::vector<Region> Anchored(const Region& all) {
    struct Seen {
      uint32_t in_a = 0, in_b = 0;
      size_t at_a = 0, at_b = 0;
    };
    std::unordered_map<uint32_t, Seen> seen;
    for (size_t i = all.a_begin; i < all.a_end; ++i) {
      Seen& s = seen[a_[i]];
      ++s.in_a;
      s.at_a = i;
    }
    for (size_t j = all.b_begin; j < all.b_end; ++j) {
      Seen& s = seen[b_[j]];
      ++s.in_b;
      s.at_b = j;
    }
    steps_ += all.removed() + all.added();
    std::vector<std::pair<size_t, size_t>> unique;  // (line in a, line in b), by line in a
    for (size_t i = all.a_begin; i < all.a_end; ++i) {
      const Seen& s = seen[a_[i]];
      if (s.in_a == 1 && s.in_b == 1) unique.emplace_back(i, s.at_b);
    }
    // Longest subsequence increasing in b: patience sorting with back links.
    std::vector<size_t> tails;     // index into `unique` of the smallest tail of each length
    std::vector<size_t> previous(unique.size(), SIZE_MAX);
    for (size_t i = 0; i < unique.size(); ++i) {
      auto at = std::lower_bound(tails.begin(), tails.end(), unique[i].second,
                                 [&](size_t t, size_t b) { return unique[t].second < b; });
      if (at != tails.begin()) previous[i] = *(at - 1);
      if (at == tails.end()) {
        tails.push_back(i);
      } else {
        *at = i;
      }
    }
    steps_ += unique.size() * (1 + static_cast<uint64_t>(std::log2(unique.size() + 1)));
    std::vector<std::pair<size_t, size_t>> anchors;
    for (size_t i = tails.empty() ? SIZE_MAX : tails.back(); i != SIZE_MAX; i = previous[i]) {
      anchors.push_back(unique[i]);
    }
    std::reverse(anchors.begin(), anchors.end());
    anchors.emplace_back(all.a_end, all.b_end);
    std::vector<Region> regions;
    size_t a_at = all.a_begin, b_at = all.b_begin;
    for (const auto& [a_anchor, b_anchor] : anchors) {
      Region gap{a_at, a_anchor, b_at, b_anchor};
      Trim(&gap);
      if (gap.removed() > 0 || gap.added() > 0) regions.push_back(gap);
      a_at = a_anchor + 1;
      b_at = b_anchor + 1;
    }
    return regions;
  }

  std::vector<uint32_t> a_, b_;
  uint64_t steps_ = 0;
  uint64_t budget_ = 0;
  bool exact_ = false;
  Region all_{0, 0, 0, 0};  // the span from the first changed line to the last
  LineCounts counts_;
  std::vector<Region> regions_;
};

// Writes hunks with three lines of context for `regions` (in order), joining regions whose
// contexts meet, in dtl's layout ("@@ -a,b +c,d @@", removed lines before added ones).
void WriteHunks(const std::vector<Region>& regions, const std::vector<std::string>& a,
                const std::vector<std::string>& b, std::ostream& out) {
  constexpr size_t kContext = 3;
  size_t i = 0;
  while (i < regions.size()) {
    size_t j = i;
    while (j + 1 < regions.size() && regions[j + 1].a_begin - regions[j].a_end <= 2 * kContext) ++j;
    size_t a_from = regions[i].a_begin - std::min(kContext, regions[i].a_begin);
    size_t b_from = regions[i].b_begin - (regions[i].a_begin - a_from);
    size_t a_to = std::min(a.size(), regions[j].a_end + kContext);
    size_t b_to = regions[j].b_end + (a_to - regions[j].a_end);
    size_t a_count = a_to - a_from, b_count = b_to - b_from;
    // As diff does, a side with no line names the line before the hunk.
    out << "@@ -" << (a_count == 0 ? a_from : a_from + 1) << "," << a_count << " +"
        << (b_count == 0 ? b_from : b_from + 1) << "," << b_count << " @@\n";
    size_t at = a_from;
    for (size_t r = i; r <= j; ++r) {
      for (; at < regions[r].a_begin; ++at) out << ' ' << a[at] << '\n';
      for (size_t k = regions[r].a_begin; k < regions[r].a_end; ++k) out << '-' << a[k] << '\n';
      for (size_t k = regions[r].b_begin; k < regions[r].b_end; ++k) out << '+' << b[k] << '\n';
      at = regions[r].a_end;
    }
    for (; at < a_to; ++at) out << ' ' << a[at] << '\n';
    i = j + 1;
  }
}

}  // namespace

LineCounts CountChangedLines(const std::optional<std::string>& before,
                             const std::optional<std::string>& after, DiffWork* work) {
  LineCounts counts;
  if (before == after) return counts;
  std::vector<std::string> a = Lines(before), b = Lines(after);
  LineDiff diff(a, b);
  diff.Run();
  if (work != nullptr) work->steps += diff.steps();
  return diff.counts();
}

std::string FormatDiffSummary(const LineCounts& counts) {
  return "+" + std::to_string(counts.added) + " -" + std::to_string(counts.removed) +
         (counts.rewritten ? " (rewritten)" : "");
}

std::string UnifiedDiff(const std::string& path, const std::optional<std::string>& before,
                        const std::optional<std::string>& after, DiffWork* work) {
  if (before == after) return {};
  std::vector<std::string> a = Lines(before), b = Lines(after);
  std::ostringstream out;
  out << "--- " << (before ? "a/" + path : std::string("/dev/null")) << '\n';
  out << "+++ " << (after ? "b/" + path : std::string("/dev/null")) << '\n';
  if (a == b) return out.str();
  LineDiff line_diff(a, b);
  line_diff.Run();
  if (!line_diff.DtlWithinBudget()) {
    // Past the budget, or a shortest script that dtl would spend too long writing out: the
    // anchored regions, whole. Still a correct patch, only not the smallest one.
    WriteHunks(line_diff.Regions(), a, b, out);
    if (work != nullptr) work->steps += line_diff.steps();
    return out.str();
  }
  if (work != nullptr) work->steps += line_diff.steps() + (line_diff.counts().removed + 1) * (a.size() + b.size());
  // A shortest script that dtl (Wu's O((N+M) P)) finds within the budget: its hunks, as
  // `specc check --diff` always printed them.
  dtl::Diff<std::string> diff(a, b);
  diff.onHuge();
  diff.compose();
  diff.composeUnifiedHunks();
  diff.printUnifiedFormat(out);
  return out.str();
}

}  // namespace specc::drift
