// The drift diff (drift/diff.h): exact counts where a shortest edit is found within the
// budget, the same counts dtl finds; past the budget, a whole-region summary whose hunks
// still turn the old version into the new one, for work linear in the two versions (#17,
// item 12: a 384,000-line collection rewritten throughout cost 40 s in dtl).
#include <gtest/gtest.h>

#include <dtl/dtl.hpp>
#include <cstdint>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "drift/diff.h"

namespace specc::drift {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What the diff counted before it was bounded: dtl's shortest edit script.
LineCounts DtlCounts(const std::string& a, const std::string& b) {
  dtl::Diff<std::string> diff(SplitLines(a), SplitLines(b));
  diff.onHuge();
  diff.compose();
  LineCounts counts;
  for (const auto& [line, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_ADD) ++counts.added;
    if (info.type == dtl::SES_DELETE) ++counts.removed;
  }
  return counts;
}

// Applies the hunks of unified diff `patch` to `before` (every line ending in '\n').
// Fails the test when a context or removed line does not match.
std::string ApplyPatch(const std::string& before, const std::string& patch) {
  std::vector<std::string> a = SplitLines(before), p = SplitLines(patch);
  std::string out;
  size_t at = 0;  // next line of `a` to copy
  for (size_t i = 2; i < p.size(); ++i) {
    const std::string& line = p[i];
    if (line.rfind("@@ -", 0) == 0) {
      size_t start = std::stoul(line.substr(4));
      size_t count = std::stoul(line.substr(line.find(',') + 1));
      // A hunk without old lines names the line before it.
      size_t first = count == 0 ? start : start - 1;
      EXPECT_GE(first, at) << line;
      for (; at < first && at < a.size(); ++at) out += a[at] + "\n";
      continue;
    }
    char kind = line.empty() ? '?' : line[0];
    std::string text = line.substr(1);
    if (kind == ' ' || kind == '-') {
      EXPECT_LT(at, a.size()) << line;
      if (at < a.size()) EXPECT_EQ(a[at], text) << "at line " << at + 1;
      ++at;
      if (kind == ' ') out += text + "\n";
    } else if (kind == '+') {
      out += text + "\n";
    } else {
      ADD_FAILURE() << "not a hunk line: " << line;
    }
  }
  for (; at < a.size(); ++at) out += a[at] + "\n";
  return out;
}

// `n` lines drawn from an alphabet of `distinct` lines: small alphabets give many equal
// lines, as generated code has.
std::string RandomText(std::mt19937& rng, int n, int distinct) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "line " + std::to_string(rng() % distinct) + "\n";
  return text;
}

// `text` with about one line in `every` replaced, deleted or preceded by a new one.
std::string Edit(std::mt19937& rng, const std::string& text, int every) {
  std::string out;
  for (const std::string& line : SplitLines(text)) {
    switch (rng() % (3 * every)) {
      case 0: out += "changed " + std::to_string(rng()) + "\n"; break;
      case 1: break;
      case 2: out += "inserted " + std::to_string(rng()) + "\n" + line + "\n"; break;
      default: out += line + "\n";
    }
  }
  return out;
}

TEST(BoundedDiff, SmallEditsCountAsDtlCountsThem) {
  std::mt19937 rng(17);
  for (int round = 0; round < 300; ++round) {
    std::string a = RandomText(rng, static_cast<int>(rng() % 60), 1 + static_cast<int>(rng() % 8));
    std::string b = round % 3 == 0 ? RandomText(rng, static_cast<int>(rng() % 60), 4) : Edit(rng, a, 4);
    LineCounts counts = CountChangedLines(a, b);
    LineCounts expected = DtlCounts(a, b);
    EXPECT_FALSE(counts.rewritten);
    EXPECT_EQ(counts.added, expected.added) << a << "----\n" << b;
    EXPECT_EQ(counts.removed, expected.removed) << a << "----\n" << b;
    EXPECT_EQ(ApplyPatch(a, UnifiedDiff("f", a, b)), b);
  }
}

// A file whose every line changed: no shortest edit within the budget, so the whole span is
// one rewritten region, found in linear work.
TEST(BoundedDiff, ARewrittenFileCostsLinearWork) {
  auto work_for = [](int n) {
    std::string a, b;
    for (int i = 0; i < n; ++i) {
      a += "      \"old\": " + std::to_string(i) + ",\n";
      b += "      \"new\": " + std::to_string(i) + ",\n";
    }
    DiffWork work;
    LineCounts counts = CountChangedLines(a, b, &work);
    EXPECT_TRUE(counts.rewritten);
    EXPECT_EQ(counts.added, static_cast<size_t>(n));
    EXPECT_EQ(counts.removed, static_cast<size_t>(n));
    EXPECT_EQ(FormatDiffSummary(counts), "+" + std::to_string(n) + " -" + std::to_string(n) + " (rewritten)");
    DiffWork diff_work;
    EXPECT_EQ(ApplyPatch(a, UnifiedDiff("f", a, b, &diff_work)), b);
    EXPECT_EQ(diff_work.steps, work.steps);
    return work.steps;
  };
  uint64_t small = work_for(100'000), large = work_for(200'000);
  // dtl took about n^2 steps (1e10 at n = 100,000); the search may take 128 per line and
  // 4e6, reading the lines and anchoring them a few more per line.
  EXPECT_LE(small, 4'000'000u + 160u * 200'000u);
  EXPECT_LE(large, 4'000'000u + 160u * 400'000u);
  EXPECT_LE(large, 2 * small + 4'000'000u);
}

// Changes scattered through a large file (one line in ten): too many for a shortest edit
// within the budget. Lines that occur once in each version anchor the regions, so the
// summary stays close to the real change, and its hunks still produce the new version.
TEST(BoundedDiff, ScatteredChangesInALargeFileAreAnchored) {
  std::mt19937 rng(12);
  std::string a;
  for (int i = 0; i < 300'000; ++i) a += "  field" + std::to_string(i) + ": value\n";
  std::string b = Edit(rng, a, 10);
  DiffWork work;
  LineCounts counts = CountChangedLines(a, b, &work);
  EXPECT_TRUE(counts.rewritten);
  EXPECT_LE(work.steps, 4'000'000u + 160u * 600'000u);
  // Each edit touches one or two lines; anchors keep the count near that, far from 600,000.
  EXPECT_LT(counts.added + counts.removed, 150'000u);
  EXPECT_EQ(static_cast<int64_t>(counts.added) - static_cast<int64_t>(counts.removed),
            static_cast<int64_t>(SplitLines(b).size()) - static_cast<int64_t>(SplitLines(a).size()));
  EXPECT_EQ(ApplyPatch(a, UnifiedDiff("f", a, b)), b);
}

// A few changes in a large file stay exact: the budget is spent on the changes, not on the
// file's length.
TEST(BoundedDiff, AFewChangesInALargeFileStayExact) {
  std::string a;
  for (int i = 0; i < 400'000; ++i) a += "line " + std::to_string(i % 1000) + "\n";
  std::string b = a;
  b.insert(b.find('\n', b.size() / 2) + 1, "new line\n");
  b.replace(0, 4, "LINE");
  DiffWork work;
  LineCounts counts = CountChangedLines(a, b, &work);
  EXPECT_FALSE(counts.rewritten);
  EXPECT_EQ(counts.added, 2u);
  EXPECT_EQ(counts.removed, 1u);
  EXPECT_LE(work.steps, 4'000'000u + 160u * 800'000u);
  EXPECT_EQ(ApplyPatch(a, UnifiedDiff("f", a, b)), b);
}

}  // namespace
}  // namespace specc::drift
