#include "sema/schema_lint.h"

#include <limits>
#include <string>

#include "sema/pattern.h"

namespace specc::sema {
namespace {

std::string Named(const ir::Api& api, ir::SchemaId id, const char* fallback) {
  const ThinString& name = api.schemas[id].name;
  return name.empty() ? std::string(fallback) : "`" + name + "`";
}

// Warns (SPEC_PATTERN_LENGTH) when schema `s`'s pattern matches strings, but none of the
// length its minLength and maxLength allow that specc can find: Linode's labels,
// `^[a-zA-Z]((?!--|__|..)[a-zA-Z0-9-_.])+$` with minLength 3, where each `(?!..)` means "not
// followed by two more characters", so every label it matches has two. The search is
// the example generator's (shortest matches, repetitions stretched), so the warning says
// what specc found, not that no value exists.
void LintPatternLength(const ir::Schema& s, PatternMatcher& matcher, DiagSink& sink) {
  if (s.pattern().empty() || (!s.min_length() && !s.max_length()) || !s.enum_values.empty()) return;
  uint64_t work = 0;
  auto matches = [&](const std::string& text) { return matcher.Search(s.pattern(), text, &work).value_or(true); };
  size_t min = s.min_length().value_or(0);
  size_t max = s.max_length() ? static_cast<size_t>(*s.max_length()) : std::numeric_limits<size_t>::max();
  PatternValue found = SearchPatternValue(s.pattern(), min, max, matches, [](size_t) {});
  if (found.value || !found.fallback || !matches(*found.fallback)) return;
  std::string bounds = s.min_length() && s.max_length()
                           ? std::to_string(*s.min_length()) + " to " + std::to_string(*s.max_length()) + " characters"
                       : s.min_length() ? "at least " + std::to_string(*s.min_length()) + " characters"
                                      : "at most " + std::to_string(*s.max_length()) + " characters";
  sink.Report(Diagnostic{
      .severity = Severity::kWarning, .code = DiagCode::kSpecPatternLength, .loc = s.loc,
      .message = "specc finds no string of " + bounds + " that `pattern` matches (it matches `" + *found.fallback +
                 "`, of " + std::to_string(CodePoints(*found.fallback)) + " characters" +
                 "): the collections send that value, and the generated server, like any validator, rejects it",
      .hint = "check the pattern against the length: an unescaped `.` matches any character (`\\.` matches a dot), "
              "and a lookahead such as `(?!..)` rejects every position followed by two more characters",
      .notes = {}});
}

}  // namespace

void LintSchemas(const SchemaMeanings& meanings, DiagSink& sink) {
  const ir::Api& api = meanings.api();
  PatternMatcher matcher;
  for (ir::SchemaId id = 0; id < api.schemas.size(); ++id) {
    LintPatternLength(api.schemas[id], matcher, sink);
    const Boxed<LeftToReader>& readings = meanings.Of(id).left_to_reader;
    if (!readings) continue;
    const LeftToReader& m = *readings;
    std::string self = Named(api, id, "this schema");
    for (ir::SchemaId base : m.inherited_bases) {
      std::string parent = Named(api, meanings.Resolve(base), "its allOf branch");
      sink.Report(Diagnostic{
          .severity = Severity::kWarning, .code = DiagCode::kSpecSchemaInheritanceCycle, .loc = api.schemas[id].loc,
          .message = self + " extends " + parent + " through `allOf` while " + parent + "'s oneOf/anyOf lists " +
                     self + ": read literally each requires the other without end; specc reads the allOf as " +
                     "inheriting " + parent + "'s own properties",
          .hint = "to say it without the cycle, move the shared properties into a base schema that " + parent +
                  "'s branches extend",
          .notes = {}});
    }
    if (m.one_of_twins) {
      sink.Report(Diagnostic{
          .severity = Severity::kWarning, .code = DiagCode::kSpecOneOfTwins, .loc = api.schemas[id].loc,
          .message = "two `oneOf` branches of " + self +
                     " accept the same values, so read literally no value matches exactly one of them; specc " +
                     "reads the oneOf as anyOf",
          .hint = "tell the branches apart (an enum or const on a property, a discriminator), or write `anyOf`",
          .notes = {}});
    }
    if (m.one_of_catch_all != ir::kNoSchema) {
      std::string name = Named(api, meanings.Resolve(m.one_of_catch_all), "");
      std::string branch = name.empty() ? "a `oneOf` branch" : "`oneOf` branch " + name;
      sink.Report(Diagnostic{
          .severity = Severity::kWarning, .code = DiagCode::kSpecOneOfTwins, .loc = api.schemas[id].loc,
          .message = branch + " of " + self +
                     " checks nothing but its type, so read literally every value of another branch of that " +
                     "type matches two branches; specc reads the oneOf as anyOf",
          .hint = "give that branch a property that tells it apart, drop it, or write `anyOf`",
          .notes = {}});
    }
    for (ir::SchemaId branch : m.strict_merged_branches) {
      std::string strict = Named(api, meanings.Resolve(branch), "an allOf branch");
      sink.Report(Diagnostic{
          .severity = Severity::kWarning, .code = DiagCode::kSpecAllOfStrictBranch, .loc = api.schemas[id].loc,
          .message = strict + " has `additionalProperties: false`, so read literally " + self +
                     " rejects the properties its other allOf branches add; specc merges the branches and applies " +
                     "`additionalProperties: false` to the merged object",
          .hint = "move `additionalProperties: false` from " + strict + " to the schemas that are complete objects",
          .notes = {}});
    }
  }
}

}  // namespace specc::sema
