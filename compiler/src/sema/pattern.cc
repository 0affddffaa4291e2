#include "sema/pattern.h"

#include <algorithm>
#include <charconv>
#include <regex>
#include <vector>

namespace specc::sema {
namespace {

// Generates the shortest string a regular expression matches (unbounded quantifiers
// repeated `stretch` more times than their minimum). Covers literals, escapes, character
// classes, groups, alternation (the first alternative) and quantifiers; backreferences make
// it give up, and so do nesting past kMaxPatternNesting (it recurses per group) and values
// past kMaxPatternValue (`((a{256}){256}){256}` would be 16 MB). A lookaround generates
// nothing where it stands; what a positive lookahead requires (`(?=.*[A-Z])`, password
// rules) is kept in lookaheads() for the caller to work into the string, which the caller
// then checks against the pattern.
class PatternGen {
 public:
  PatternGen(std::string_view pattern, int stretch) : p_(pattern), stretch_(stretch) {}

  std::optional<std::string> Run() {
    std::string out;
    if (!Alt(true, &out) || pos_ != p_.size()) return std::nullopt;
    return out;
  }

  // The text each positive lookahead's body generates, without a leading `.*`-like run
  // (which only says where the required text may stand).
  const std::vector<std::string>& lookaheads() const { return lookaheads_; }

 private:
  bool Alt(bool emit, std::string* out) {
    bool first = true;
    while (true) {
      if (!Seq(emit && first, out)) return false;
      if (pos_ < p_.size() && p_[pos_] == '|') {
        ++pos_;
        first = false;
        continue;
      }
      return true;
    }
  }

  bool Seq(bool emit, std::string* out) {
    while (pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      std::string atom;
      if (!Atom(&atom)) return false;
      size_t min = 1, max = 1;
      bool unbounded = false;
      if (pos_ < p_.size()) {
        char q = p_[pos_];
        if (q == '?') {
          min = 0, ++pos_;
        } else if (q == '*') {
          min = 0, unbounded = true, ++pos_;
        } else if (q == '+') {
          unbounded = true, ++pos_;
        } else if (q == '{') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          std::string_view body = p_.substr(pos_ + 1, close - pos_ - 1);
          size_t comma = body.find(',');
          auto parse = [](std::string_view t, size_t* v) {
            auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
            return ec == std::errc() && ptr == t.data() + t.size();
          };
          if (comma == std::string_view::npos) {
            if (!parse(body, &min)) return false;
            max = min;
          } else {
            if (!parse(body.substr(0, comma), &min)) return false;
            if (comma + 1 == body.size()) {
              unbounded = true;
            } else if (!parse(body.substr(comma + 1), &max)) {
              return false;
            }
          }
          pos_ = close + 1;
        } else {
          max = min;
        }
        if (pos_ < p_.size() && (p_[pos_] == '?' || p_[pos_] == '+') && q != '|' &&
            (q == '?' || q == '*' || q == '+' || q == '{')) {
          ++pos_;
        }
      }
      size_t count = min;
      if (unbounded) {
        count = min + static_cast<size_t>(stretch_);
      } else if (max > min) {
        count = std::min(max, min + static_cast<size_t>(stretch_));
      }
      if (count > 256) return false;
      if (emit) {
        if (out->size() + atom.size() * count > kMaxPatternValue) return false;
        for (size_t i = 0; i < count; ++i) *out += atom;
      }
    }
    return true;
  }

  // One atom, generated once, into `out`.
  bool Atom(std::string* out) {
    char c = p_[pos_];
    if (c == '(') {
      if (++nesting_ > kMaxPatternNesting) return false;
      ++pos_;
      if (p_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (p_.substr(pos_, 2) == "?<" && pos_ + 2 < p_.size() && p_[pos_ + 2] != '=' &&
                 p_[pos_ + 2] != '!') {
        size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) return false;
        pos_ = close + 1;
      } else if (pos_ < p_.size() && p_[pos_] == '?') {
        if (!Lookaround()) return false;
        --nesting_;
        return true;
      }
      if (!Alt(true, out)) return false;
      if (pos_ >= p_.size() || p_[pos_] != ')') return false;
      ++pos_;
      --nesting_;
      return true;
    }
    if (c == '[') return Class(out);
    if (c == '.') {
      ++pos_;
      out->push_back('a');
      return true;
    }
    if (c == '^' || c == '$') {
      ++pos_;
      return true;
    }
    if (c == '\\') {
      if (pos_ + 1 >= p_.size()) return false;
      char e = p_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case 'd': out->push_back('0'); return true;
        case 'w': out->push_back('a'); return true;
        case 's': out->push_back(' '); return true;
        case 'D': case 'S': out->push_back('a'); return true;
        case 'W': out->push_back('-'); return true;
        case 'b': case 'B': return true;
        case 'n': out->push_back('\n'); return true;
        case 't': out->push_back('\t'); return true;
        case 'p': case 'P': {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          pos_ = close + 1;
          out->push_back('a');
          return true;
        }
        default:
          if (e >= '0' && e <= '9') return false;
          if (e == 'u' || e == 'x' || e == 'c' || e == 'k') return false;
          out->push_back(e);
          return true;
      }
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') return false;
    out->push_back(c);
    ++pos_;
    return true;
  }

  // A character class: the first member, or for a negated class the first of a few
  // ordinary characters it does not exclude.
  bool Class(std::string* out) {
    ++pos_;
    bool negated = pos_ < p_.size() && p_[pos_] == '^';
    if (negated) ++pos_;
    std::vector<std::pair<unsigned char, unsigned char>> ranges;
    bool first = true;
    while (pos_ < p_.size() && (p_[pos_] != ']' || first)) {
      first = false;
      unsigned char lo;
      if (p_[pos_] == '\\') {
        if (pos_ + 1 >= p_.size()) return false;
        char e = p_[pos_ + 1];
        pos_ += 2;
        if (e == 'd') {
          ranges.push_back({'0', '9'});
          continue;
        }
        if (e == 'w') {
          ranges.push_back({'a', 'z'});
          ranges.push_back({'A', 'Z'});
          ranges.push_back({'0', '9'});
          ranges.push_back({'_', '_'});
          continue;
        }
        if (e == 's') {
          ranges.push_back({' ', ' '});
          continue;
        }
        if (e == 'p' || e == 'P') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          pos_ = close + 1;
          ranges.push_back({'a', 'z'});
          continue;
        }
        if (e == 'D' || e == 'W' || e == 'S' || e == 'u' || e == 'x') return false;
        lo = static_cast<unsigned char>(e == 'n' ? '\n' : e == 't' ? '\t' : e);
      } else {
        lo = static_cast<unsigned char>(p_[pos_++]);
      }
      unsigned char hi = lo;
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        hi = static_cast<unsigned char>(p_[pos_ + 1]);
        if (hi == '\\') return false;
        pos_ += 2;
      }
      ranges.push_back({lo, hi});
    }
    if (pos_ >= p_.size()) return false;
    ++pos_;
    auto in = [&](unsigned char ch) {
      for (auto [lo, hi] : ranges) {
        if (ch >= lo && ch <= hi) return true;
      }
      return false;
    };
    if (!negated) {
      if (ranges.empty()) return false;
      // Prefer a letter or digit when the class has one: readable values.
      for (unsigned char ch : std::string_view("a0A")) {
        if (in(ch)) {
          out->push_back(static_cast<char>(ch));
          return true;
        }
      }
      out->push_back(static_cast<char>(ranges.front().first));
      return true;
    }
    for (unsigned char ch : std::string_view("a0A_x-Z9")) {
      if (!in(ch)) {
        out->push_back(static_cast<char>(ch));
        return true;
      }
    }
    return false;
  }

  // After `(?`: a lookahead or lookbehind, parsed to its `)`, generating nothing here.
  bool Lookaround() {
    std::string_view kind = p_.substr(pos_, 3);
    bool positive_ahead = kind.substr(0, 2) == "?=";
    if (kind.substr(0, 2) == "?=" || kind.substr(0, 2) == "?!") {
      pos_ += 2;
    } else if (kind == "?<=" || kind == "?<!") {
      pos_ += 3;
    } else {
      return false;
    }
    // A lookahead's body usually starts with a run saying where the text may stand.
    for (std::string_view run : {".*?", ".*", "[\\s\\S]*"}) {
      if (p_.substr(pos_, run.size()) == run) {
        pos_ += run.size();
        break;
      }
    }
    std::string body;
    if (!Alt(true, &body)) return false;
    if (pos_ >= p_.size() || p_[pos_] != ')') return false;
    ++pos_;
    if (positive_ahead && !body.empty()) lookaheads_.push_back(std::move(body));
    return true;
  }

  std::string_view p_;
  size_t pos_ = 0;
  int stretch_;
  int nesting_ = 0;
  std::vector<std::string> lookaheads_;
};

uint64_t SaturatingMul(uint64_t a, uint64_t b, uint64_t cap) {
  if (a != 0 && b > cap / a) return cap;
  return std::min(a * b, cap);
}

}  // namespace

std::optional<std::string> ShortestMatch(std::string_view pattern, int stretch) {
  return PatternGen(pattern, stretch).Run();
}

std::vector<std::string> ShortestMatchCandidates(std::string_view pattern, int stretch) {
  PatternGen gen(pattern, stretch);
  std::optional<std::string> made = gen.Run();
  if (!made) return {};
  const std::vector<std::string>& lookaheads = gen.lookaheads();
  if (lookaheads.empty()) return {*made};
  // The texts the lookaheads require in place of the value's start (the length stays),
  // then before it.
  std::string required;
  for (const std::string& text : lookaheads) required += text;
  std::vector<std::string> out{*made};
  if (required.size() <= made->size()) out.push_back(required + made->substr(required.size()));
  if (required.size() + made->size() <= kMaxPatternValue) out.push_back(required + *made);
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

PatternValue SearchPatternValue(std::string_view pattern, size_t min, size_t max,
                                const std::function<bool(const std::string&)>& matches,
                                const std::function<void(size_t)>& charge) {
  PatternValue out;
  // Stretches 0 to 8, then doubling; and the one that reaches `min` exactly when each
  // stretch adds as much as the first did (GitHub's commit SHA, `^[0-9a-fA-F]+$` with
  // 40 characters, would skip from 33 to 65).
  std::vector<int> stretches = {0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 64};
  size_t first_length = 0;
  for (size_t i = 0; i < stretches.size(); ++i) {
    int stretch = stretches[i];
    charge(pattern.size());
    std::vector<std::string> candidates = ShortestMatchCandidates(pattern, stretch);
    if (candidates.empty()) break;
    if (!out.fallback) out.fallback = candidates.front();
    size_t length = CodePoints(candidates.front());
    if (stretch == 0) first_length = length;
    if (stretch == 1 && length > first_length && first_length < min) {
      size_t step = length - first_length;
      size_t target = (min - first_length + step - 1) / step;
      if (target > 1 && target < 4096 && std::find(stretches.begin(), stretches.end(), static_cast<int>(target)) == stretches.end()) {
        stretches.insert(std::upper_bound(stretches.begin() + static_cast<std::ptrdiff_t>(i) + 1, stretches.end(),
                                          static_cast<int>(target)),
                         static_cast<int>(target));
      }
    }
    if (length > max) break;
    for (const std::string& candidate : candidates) {
      size_t n = CodePoints(candidate);
      if (n >= min && n <= max && matches(candidate)) {
        out.value = candidate;
        return out;
      }
    }
  }
  return out;
}

std::string_view FormatPattern(std::string_view format) {
  if (format == "date-time") return R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)";
  if (format == "date") return R"(^\d{4}-\d{2}-\d{2}$)";
  if (format == "time") return R"(^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)";
  if (format == "uuid") return R"(^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$)";
  if (format == "email") return R"(^[^\s@]+@[^\s@]+\.[^\s@]+$)";
  if (format == "uri" || format == "url") return R"(^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$)";
  if (format == "ipv4") return R"(^(\d{1,3}\.){3}\d{1,3}$)";
  return "";
}

uint64_t EstimateAutomaton(std::string_view p, uint64_t limit) {
  const uint64_t cap = limit + 1;
  // The size of each open group, innermost last, and of the last atom (a quantifier's
  // operand).
  std::vector<uint64_t> groups{0};
  uint64_t last = 0;
  auto add = [&](uint64_t n) { groups.back() = std::min(groups.back() + n, cap); };
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      ++i;
      last = 1;
      add(1);
    } else if (c == '[') {
      // A class is one state however long; skip to its end.
      size_t k = i + 1;
      if (k < p.size() && p[k] == '^') ++k;
      if (k < p.size() && p[k] == ']') ++k;
      while (k < p.size() && p[k] != ']') k += p[k] == '\\' ? 2 : 1;
      i = k;
      last = 1;
      add(1);
    } else if (c == '(') {
      if (static_cast<int>(groups.size()) > kMaxPatternNesting) return cap;
      groups.push_back(0);
      last = 0;
    } else if (c == ')') {
      if (groups.size() > 1) {
        last = std::min(groups.back() + 2, cap);
        groups.pop_back();
        add(last);
      }
    } else if (c == '{') {
      // {m}, {m,} or {m,n} copies its operand up to max(n, m + 1) times; anything else is
      // a literal brace.
      size_t close = p.find('}', i);
      std::string_view body = close == std::string_view::npos ? std::string_view() : p.substr(i + 1, close - i - 1);
      size_t comma = body.find(',');
      std::string_view lo = body.substr(0, comma);
      std::string_view hi = comma == std::string_view::npos ? lo : body.substr(comma + 1);
      uint64_t m = 0, n = 0;
      auto number = [](std::string_view t, uint64_t* v) {
        auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
        return ec == std::errc() && ptr == t.data() + t.size();
      };
      if (!body.empty() && number(lo, &m) && (hi.empty() || number(hi, &n))) {
        uint64_t copies = std::max<uint64_t>({m + (hi.empty() ? 1 : 0), n, 1});
        uint64_t grown = SaturatingMul(last, copies, cap);
        add(grown - std::min(grown, last) + 2);
        last = grown;
        i = close;
      } else {
        last = 1;
        add(1);
      }
    } else if (c == '*' || c == '+' || c == '?') {
      add(2);
    } else {
      last = 1;
      add(1);
    }
    if (groups.front() >= cap) return cap;
  }
  uint64_t total = 0;
  for (uint64_t g : groups) total = std::min(total + g, cap);
  return total;
}

struct PatternMatcher::Compiled {
  // std::nullopt: specc cannot judge this pattern.
  std::optional<std::regex> search;
  uint64_t states = 0;
};

PatternMatcher::PatternMatcher() = default;
PatternMatcher::~PatternMatcher() = default;

std::optional<bool> PatternMatcher::Search(const std::string& pattern, std::string_view text, uint64_t* work) {
  auto it = compiled_.find(pattern);
  if (it == compiled_.end()) {
    auto compiled = std::make_unique<Compiled>();
    if (pattern.size() <= kMaxPatternLength) {
      compiled->states = EstimateAutomaton(pattern, kMaxAutomaton);
      *work += pattern.size() + compiled->states;
    }
    if (pattern.size() <= kMaxPatternLength && compiled->states <= kMaxAutomaton) {
      // libstdc++'s polynomial mode runs the automaton breadth first: no backtracking and
      // no recursion per character (it refuses back-references, which then cannot be
      // judged). A search is a whole-text match of the pattern between two runs of
      // anything, one pass over the text; std::regex_search would restart the automaton
      // at every position. The pattern is compiled alone first, so that the wrapping
      // cannot make a malformed one (`a)(b`) well-formed.
      constexpr auto kFlags = std::regex::ECMAScript | std::regex_constants::__polynomial;
      try {
        std::regex alone(pattern, kFlags);
        compiled->search.emplace("[\\s\\S]*(?:" + pattern + ")[\\s\\S]*", kFlags);
      } catch (const std::regex_error&) {
        compiled->search.reset();
      }
    }
    it = compiled_.emplace(pattern, std::move(compiled)).first;
  }
  const Compiled& compiled = *it->second;
  if (!compiled.search || text.size() > kMaxMatchedText) return std::nullopt;
  *work += (text.size() + 1) * (compiled.states + 4);
  try {
    return std::regex_match(text.begin(), text.end(), *compiled.search);
  } catch (const std::regex_error&) {
    return std::nullopt;
  }
}

}  // namespace specc::sema
