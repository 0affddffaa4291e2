#include "sema/schema_lint.h"

#include <string>

namespace specc::sema {
namespace {

std::string Named(const ir::Api& api, ir::SchemaId id, const char* fallback) {
  const std::string& name = api.schemas[id].name;
  return name.empty() ? std::string(fallback) : "`" + name + "`";
}

}  // namespace

void LintSchemas(const SchemaMeanings& meanings, DiagSink& sink) {
  const ir::Api& api = meanings.api();
  for (ir::SchemaId id = 0; id < api.schemas.size(); ++id) {
    const SchemaMeaning& m = meanings.Of(id);
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
