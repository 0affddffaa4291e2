// Regular expressions of JSON Schema `pattern` and `format`, for the example values of
// emit/postman/example_value.cc and the lint of patterns no value of the schema's length
// matches (sema/schema_lint.cc): the shortest string a pattern matches, and a matcher
// whose cost is bounded by the text and the pattern. Patterns come from the spec, so both
// must survive hostile ones: std::regex's default (backtracking) executor takes
// exponential time on `^(a|a)*$` and recurses once per character, and its compiler once
// per nesting level, so a long text or a deeply nested pattern overflowed the stack.
#ifndef SPECC_SEMA_PATTERN_H_
#define SPECC_SEMA_PATTERN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specc::sema {

// Patterns nested deeper than this (groups in groups) are neither generated nor matched.
constexpr int kMaxPatternNesting = 64;
// Generated values longer than this are given up.
constexpr size_t kMaxPatternValue = 4096;
// Texts longer than this, and patterns longer than kMaxPatternLength, are not matched.
constexpr size_t kMaxMatchedText = 2000;
constexpr size_t kMaxPatternLength = 4096;

// Returns the shortest string `pattern` matches, with unbounded quantifiers repeated
// `stretch` more times than their minimum. Covers literals, escapes, character classes,
// groups, alternation (the first alternative) and quantifiers (a lookaround generates
// nothing); returns std::nullopt for back-references, and for a pattern nested deeper than
// kMaxPatternNesting or whose value would pass kMaxPatternValue bytes.
std::optional<std::string> ShortestMatch(std::string_view pattern, int stretch);

// ShortestMatch's value first, then, for a pattern with positive lookaheads (password
// rules such as `^(?=.*[A-Z])(?=.*\d).{8,}$`), the value with the texts they require worked
// in: candidates the caller checks against the pattern. Empty when nothing is generated.
std::vector<std::string> ShortestMatchCandidates(std::string_view pattern, int stretch);

// What SearchPatternValue found.
struct PatternValue {
  std::optional<std::string> value;     // a string the pattern matches, of an allowed length
  std::optional<std::string> fallback;  // else the shortest string generated, if any
};

// Looks for a string `pattern` matches with between `min` and `max` code points, among
// ShortestMatchCandidates' values at growing stretches (0 to 64). `matches(text)` judges a
// candidate (the caller decides what a pattern it cannot judge means) and `charge(work)`
// is told the cost of each generation.
PatternValue SearchPatternValue(std::string_view pattern, size_t min, size_t max,
                                const std::function<bool(const std::string&)>& matches,
                                const std::function<void(size_t)>& charge);

// The number of code points of UTF-8 text `s`.
size_t CodePoints(std::string_view s);

// Returns the ECMAScript pattern a string of `format` must match, or "" for a format
// specc does not check (date-time, date, time, uuid, email, uri, ipv4 are checked).
std::string_view FormatPattern(std::string_view format);

// Searches texts for ECMAScript patterns (unanchored, as JSON Schema's `pattern`) in time
// proportional to the text's length times the pattern's automaton, without recursing per
// character. Compiled patterns are kept, so one matcher serves a whole emitter run.
class PatternMatcher {
 public:
  PatternMatcher();
  ~PatternMatcher();
  PatternMatcher(const PatternMatcher&) = delete;
  PatternMatcher& operator=(const PatternMatcher&) = delete;

  // Returns whether `pattern` matches somewhere in `text`, or std::nullopt when specc
  // cannot judge: a pattern std::regex cannot compile or that has back-references, one
  // nested deeper than kMaxPatternNesting, longer than kMaxPatternLength or with a larger
  // automaton than kMaxAutomaton, or a text longer than kMaxMatchedText. Adds what the
  // match cost (text length times automaton size, and compiling a new pattern) to `*work`.
  std::optional<bool> Search(const std::string& pattern, std::string_view text, uint64_t* work);

  // The largest automaton (estimated states) a pattern may have.
  static constexpr uint64_t kMaxAutomaton = 50000;

 private:
  struct Compiled;
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> compiled_;
};

// Returns an upper estimate of the states std::regex builds for `pattern`: counted
// repetition copies its operand, so `(a{100}){100}` has about 10,000. Saturates at
// `limit` + 1; returns `limit` + 1 too for a pattern nested deeper than
// kMaxPatternNesting.
uint64_t EstimateAutomaton(std::string_view pattern, uint64_t limit);

}  // namespace specc::sema

#endif  // SPECC_SEMA_PATTERN_H_
