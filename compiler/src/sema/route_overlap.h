// Which requests two route templates share, for sema/routes: whether some request path
// matches both, whether every one that matches one matches the other too, and how concrete
// each segment is. A template segment is read as a pattern: literal characters, and
// parameters that each match one or more characters other than `/`.
#ifndef SPECC_SEMA_ROUTE_OVERLAP_H_
#define SPECC_SEMA_ROUTE_OVERLAP_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "sema/routes.h"

namespace specc::sema {

// How concrete a segment is, for the matching order: text, then text with parameters
// (more text first, then more parameters), then a lone parameter. Smaller is tried first.
struct SegmentRank {
  int kind = 0;
  size_t literal = 0;  // compared in reverse
  size_t params = 0;   // compared in reverse
  bool operator<(const SegmentRank& o) const {
    if (kind != o.kind) return kind < o.kind;
    if (literal != o.literal) return literal > o.literal;
    return params > o.params;
  }
};

// A template prepared for comparisons.
struct MatchPattern {
  struct Token {
    bool wild = false;  // a parameter
    char c = 0;         // a literal character
  };
  std::vector<std::vector<Token>> segments;
  std::vector<SegmentRank> ranks;  // parallel to segments
};

MatchPattern CompileTemplate(const PathTemplate& t);

// Returns whether `a` is tried before `b` by rank alone, segment by segment from the left.
bool RanksBefore(const MatchPattern& a, const MatchPattern& b);

struct TemplateOverlap {
  bool overlaps = false;                // some request path matches both
  bool a_in_b = false, b_in_a = false;  // every request path one matches, the other matches too
  std::string example;                  // a request path both match, when they overlap
};

// Compares `a` and `b`. The containment answers are sufficient, not necessary: true means
// contained; false means not shown to be (it never is for what real specs write). Two
// segments mixing text and parameters whose sizes multiply past 2^16 are taken not to
// overlap: only a hostile spec writes them, and the comparison would cost their product.
TemplateOverlap CompareTemplates(const MatchPattern& a, const MatchPattern& b);

// Calls `f(a, b, overlap)` for each pair of indices a < b into `patterns` whose templates
// overlap, and returns true. Only templates with as many segments are compared: no request
// matches others. Past kMaxComparedPairs pairs to compare (a hostile spec, hundreds of
// times GitHub's), compares nothing and returns false.
bool ForEachOverlap(const std::vector<MatchPattern>& patterns,
                    const std::function<void(size_t, size_t, const TemplateOverlap&)>& f);

inline constexpr size_t kMaxComparedPairs = 2'000'000;

}  // namespace specc::sema

#endif  // SPECC_SEMA_ROUTE_OVERLAP_H_
