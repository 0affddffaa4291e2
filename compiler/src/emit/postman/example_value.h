// Example values for Postman requests and saved responses. A value comes from the spec
// when it has one that is valid (an example, then a default), and is otherwise generated
// from the schema so that it satisfies it: required properties, enums and consts, formats
// (uuid, email, date-time, uri, ...), length and numeric bounds, patterns (a small regex
// generator covering the usual character-class patterns), allOf merged, the first branch
// of oneOf/anyOf that makes the whole value valid (the discriminator's value set),
// recursion cut off. A mock server that
// validates requests (Prism) must accept what a generated collection sends; a placeholder
// such as `<string>` would be rejected, so none is ever produced.
#ifndef SPECC_EMIT_POSTMAN_EXAMPLE_VALUE_H_
#define SPECC_EMIT_POSTMAN_EXAMPLE_VALUE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

// Requests leave readOnly properties out; responses leave writeOnly ones out. Parameters
// are checked as the text they are sent as, coerced the way a validating server coerces
// them ("1" is both an integer and a string, so `oneOf: [integer, string]` needs "a").
enum class ExampleUse : uint8_t { kRequest, kResponse, kParameter };

// Builds and checks example values for the schemas of one API, by what the schemas mean
// (sema/): the values the generated server's zod schemas accept. Keeps caches (compiled
// patterns), so one instance serves a whole emitter run. `meanings` must outlive it.
class ExampleBuilder {
 public:
  explicit ExampleBuilder(const sema::SchemaMeanings& meanings);
  ~ExampleBuilder();
  ExampleBuilder(const ExampleBuilder&) = delete;
  ExampleBuilder& operator=(const ExampleBuilder&) = delete;

  // Returns, as JSON text, the first of `candidates` (JSON texts, the spec's examples in
  // order of preference) that is valid for schema `id`, then the schema's own examples
  // and default when valid, else a value generated from the schema. The text is compact
  // when `indent` is negative, else one member or item per line, indented by `indent`
  // spaces per level: a caller that shows the value pretty-printed asks for that layout
  // here rather than parsing the compact text again (GitHub's response examples run to
  // megabytes). The text lives as long as the builder: values are built once per distinct
  // arguments.
  const std::string& Value(ir::SchemaId id, const std::vector<std::string_view>& candidates, ExampleUse use,
                           int indent = -1);

  // Returns whether JSON text `json` is valid for schema `id` (as far as specc checks:
  // types, enums, bounds, lengths, patterns, common formats, required and additional
  // properties, allOf/anyOf/oneOf/not).
  bool Valid(ir::SchemaId id, std::string_view json, ExampleUse use);

  // The work done so far, in steps: schemas visited, values checked, nodes copied,
  // characters matched against pattern states. Each Value() or Valid() call may spend a
  // fixed budget of steps, past which it finishes with the smallest values and counts
  // every check as passed, so the work grows linearly with the number of calls whatever
  // the schemas (the hostile-input tests bound it).
  uint64_t steps() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_EXAMPLE_VALUE_H_
