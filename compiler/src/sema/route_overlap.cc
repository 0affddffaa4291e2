#include "sema/route_overlap.h"

#include <algorithm>
#include <map>
#include <optional>
#include <queue>
#include <unordered_map>
#include <utility>

namespace specc::sema {
namespace {

using Token = MatchPattern::Token;

std::vector<Token> Tokens(const PathSegment& segment) {
  std::vector<Token> out;
  for (const PathPart& p : segment.parts) {
    if (p.param) {
      out.push_back(Token{.wild = true, .c = 0});
      continue;
    }
    for (char c : p.text) out.push_back(Token{.wild = false, .c = c});
  }
  return out;
}

SegmentRank RankOf(const PathSegment& s) {
  switch (s.kind()) {
    case SegmentKind::kLiteral: return SegmentRank{0, 0, 0};
    case SegmentKind::kMixed: return SegmentRank{1, s.literal_length(), s.param_count()};
    case SegmentKind::kParam: return SegmentRank{2, 0, 0};
  }
  return SegmentRank{2, 0, 0};
}

// Returns a text both `a` and `b` match, or nullopt when there is none: a breadth-first
// search over pairs of positions, a parameter read as "one character, then any number".
std::optional<std::string> CommonText(const std::vector<Token>& a, const std::vector<Token>& b) {
  enum Step : uint8_t { kChar, kOne, kMore };
  auto expand = [](const std::vector<Token>& tokens) {
    std::vector<std::pair<Step, char>> steps;
    for (const Token& t : tokens) {
      if (t.wild) {
        steps.emplace_back(kOne, 0);
        steps.emplace_back(kMore, 0);
      } else {
        steps.emplace_back(kChar, t.c);
      }
    }
    return steps;
  };
  std::vector<std::pair<Step, char>> x = expand(a), y = expand(b);
  size_t width = y.size() + 1;
  // For each state (i, j): the state it was reached from and the character read (0: none).
  std::vector<std::optional<std::pair<size_t, char>>> from((x.size() + 1) * width);
  std::queue<size_t> queue;
  from[0] = std::make_pair(size_t{0}, '\0');
  queue.push(0);
  auto visit = [&](size_t i, size_t j, size_t prev, char c) {
    size_t state = i * width + j;
    if (from[state]) return;
    from[state] = std::make_pair(prev, c);
    queue.push(state);
  };
  while (!queue.empty()) {
    size_t state = queue.front();
    queue.pop();
    size_t i = state / width, j = state % width;
    if (i < x.size() && x[i].first == kMore) visit(i + 1, j, state, '\0');
    if (j < y.size() && y[j].first == kMore) visit(i, j + 1, state, '\0');
    if (i == x.size() || j == y.size()) continue;
    if (x[i].first == kChar && y[j].first == kChar && x[i].second != y[j].second) continue;
    char c = x[i].first == kChar ? x[i].second : y[j].first == kChar ? y[j].second : 'x';
    visit(x[i].first == kMore ? i : i + 1, y[j].first == kMore ? j : j + 1, state, c);
  }
  size_t end = x.size() * width + y.size();
  if (!from[end]) return std::nullopt;
  std::string text;
  for (size_t state = end; state != 0; state = from[state]->first) {
    if (from[state]->second != '\0') text.push_back(from[state]->second);
  }
  std::reverse(text.begin(), text.end());
  return text;
}

// Returns whether every text `inner` matches, `outer` matches too. Sufficient, not
// necessary: `outer`'s literal characters must meet literal characters of `inner`, and each
// of `outer`'s parameters takes one or more of `inner`'s tokens (so a parameter of `inner`
// lies inside one of `outer`'s).
bool Covers(const std::vector<Token>& outer, const std::vector<Token>& inner) {
  size_t n = inner.size(), m = outer.size();
  // can[j][i]: outer[j..] matches inner[i..].
  std::vector<std::vector<bool>> can(m + 1, std::vector<bool>(n + 1, false));
  can[m][n] = true;
  for (size_t j = m; j-- > 0;) {
    for (size_t i = n + 1; i-- > 0;) {
      if (!outer[j].wild) {
        can[j][i] = i < n && !inner[i].wild && inner[i].c == outer[j].c && can[j + 1][i + 1];
        continue;
      }
      for (size_t k = i + 1; k <= n && !can[j][i]; ++k) can[j][i] = can[j + 1][k];
    }
  }
  return can[0][0];
}

}  // namespace

MatchPattern CompileTemplate(const PathTemplate& t) {
  MatchPattern p;
  for (const PathSegment& s : t.segments) {
    p.segments.push_back(Tokens(s));
    p.ranks.push_back(RankOf(s));
  }
  return p;
}

bool RanksBefore(const MatchPattern& a, const MatchPattern& b) {
  return std::lexicographical_compare(a.ranks.begin(), a.ranks.end(), b.ranks.begin(), b.ranks.end());
}

namespace {

// What two segments share: whether some text matches both (and one that does), and
// whether each covers the other.
struct SegmentOverlap {
  bool overlaps = false;
  bool a_in_b = false, b_in_a = false;
  std::string text;
};

SegmentOverlap CompareSegments(const std::vector<Token>& a, const std::vector<Token>& b) {
  SegmentOverlap s;
  if (a.size() * b.size() > (size_t{1} << 16)) return s;
  std::optional<std::string> text = CommonText(a, b);
  if (!text) return s;
  s.overlaps = true;
  s.text = std::move(*text);
  s.a_in_b = Covers(b, a);
  s.b_in_a = Covers(a, b);
  return s;
}

// Two literal segments overlap only when equal: the common case, checked before any
// segment is compared in full.
bool LiteralsAgree(const MatchPattern& a, const MatchPattern& b) {
  if (a.segments.size() != b.segments.size()) return false;
  for (size_t i = 0; i < a.segments.size(); ++i) {
    if (a.ranks[i].kind != 0 || b.ranks[i].kind != 0) continue;
    if (a.segments[i].size() != b.segments[i].size()) return false;
    for (size_t k = 0; k < a.segments[i].size(); ++k) {
      if (a.segments[i][k].c != b.segments[i][k].c) return false;
    }
  }
  return true;
}

// Folds the segments' answers into the templates' answer; `segment(i)` compares segment i.
template <typename CompareSegment>
TemplateOverlap Combine(size_t segments, const CompareSegment& segment) {
  TemplateOverlap o;
  o.a_in_b = o.b_in_a = true;
  for (size_t i = 0; i < segments; ++i) {
    const SegmentOverlap& s = segment(i);
    if (!s.overlaps) return TemplateOverlap{};
    o.example += "/" + s.text;
    o.a_in_b = o.a_in_b && s.a_in_b;
    o.b_in_a = o.b_in_a && s.b_in_a;
  }
  o.overlaps = true;
  return o;
}

bool TokenLess(const Token& x, const Token& y) { return x.wild != y.wild ? x.wild < y.wild : x.c < y.c; }
struct TokensLess {
  bool operator()(const std::vector<Token>& x, const std::vector<Token>& y) const {
    return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), TokenLess);
  }
};

}  // namespace

TemplateOverlap CompareTemplates(const MatchPattern& a, const MatchPattern& b) {
  if (!LiteralsAgree(a, b)) return TemplateOverlap{};
  SegmentOverlap s;
  return Combine(a.segments.size(), [&](size_t i) -> const SegmentOverlap& {
    s = CompareSegments(a.segments[i], b.segments[i]);
    return s;
  });
}

bool ForEachOverlap(const std::vector<MatchPattern>& patterns,
                    const std::function<void(size_t, size_t, const TemplateOverlap&)>& f) {
  std::map<size_t, std::vector<size_t>> by_length;
  for (size_t i = 0; i < patterns.size(); ++i) by_length[patterns[i].segments.size()].push_back(i);
  size_t pairs = 0;
  for (const auto& [length, members] : by_length) pairs += members.size() * (members.size() - 1) / 2;
  if (pairs > kMaxComparedPairs) return false;
  // A description repeats a few segments (`repos`, `{owner}`) across hundreds of
  // templates: each pair of distinct segments is compared once, not once per pair of
  // templates (GitHub: 150 million instructions before).
  std::map<std::vector<Token>, uint32_t, TokensLess> segment_ids;
  std::vector<std::vector<uint32_t>> ids(patterns.size());
  for (size_t p = 0; p < patterns.size(); ++p) {
    for (const std::vector<Token>& segment : patterns[p].segments) {
      ids[p].push_back(segment_ids.emplace(segment, static_cast<uint32_t>(segment_ids.size())).first->second);
    }
  }
  std::vector<const std::vector<Token>*> segments(segment_ids.size());
  for (const auto& [tokens, id] : segment_ids) segments[id] = &tokens;
  std::unordered_map<uint64_t, SegmentOverlap> known;
  auto compare = [&](uint32_t a, uint32_t b) -> const SegmentOverlap& {
    uint64_t key = (uint64_t{a} << 32) | b;
    auto it = known.find(key);
    if (it == known.end()) it = known.emplace(key, CompareSegments(*segments[a], *segments[b])).first;
    return it->second;
  };
  for (const auto& [length, members] : by_length) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const MatchPattern& a = patterns[members[x]];
        const MatchPattern& b = patterns[members[y]];
        const std::vector<uint32_t>& ia = ids[members[x]];
        const std::vector<uint32_t>& ib = ids[members[y]];
        // LiteralsAgree by segment ids: equal literals have one id.
        bool agree = true;
        for (size_t i = 0; i < length && agree; ++i) {
          agree = a.ranks[i].kind != 0 || b.ranks[i].kind != 0 || ia[i] == ib[i];
        }
        if (!agree) continue;
        TemplateOverlap o = Combine(length, [&](size_t i) -> const SegmentOverlap& { return compare(ia[i], ib[i]); });
        if (o.overlaps) f(members[x], members[y], o);
      }
    }
  }
  return true;
}

}  // namespace specc::sema
