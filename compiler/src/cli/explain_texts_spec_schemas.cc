// `specc explain` texts for extensions and schema compositions (SPEC_EXTENSION_SHAPE, SPEC_SCHEMA_INHERITANCE_CYCLE, SPEC_ONEOF_TWINS, SPEC_PATTERN_LENGTH, SPEC_ALLOF_STRICT_BRANCH).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecSchemaExplanations() {
  static const std::vector<Explanation> table = {
      {"SPEC_EXTENSION_SHAPE", "an `x-` extension that specc reads is malformed",
       R"x(Some extensions change what specc generates (for example `x-tagGroups`, which groups the
Postman collection's folders). When one of them does not have the shape its vendor
defines, specc ignores the malformed entry and warns, rather than guessing.

`x-tagGroups` is a list of `{name: Heading, tags: [tagA, tagB]}`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
tags: [{name: pets}, {name: orders}]
x-tagGroups:
  - name: Catalogue
    tags: pets
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
tags: [{name: pets}, {name: orders}]
x-tagGroups:
  - name: Catalogue
    tags: [pets]
paths: {}
)x"}},

      {"SPEC_SCHEMA_INHERITANCE_CYCLE", "a schema extends one whose oneOf/anyOf lists it",
       R"x(`Cat` extends `Pet` with `allOf: [Pet]` while `Pet` is `oneOf: [Cat, Dog]`. Read literally,
a Cat must be a Pet, which must be a Cat or a Dog, which must be a Pet... without end.
The pattern is common (it is how many APIs write polymorphism), so specc warns and reads
the `allOf` as inheriting `Pet`'s own properties only.

To say it without the cycle, move the shared properties into a base schema that the
branches extend.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet:
      type: object
      properties: {name: {type: string}}
      oneOf: [{$ref: '#/components/schemas/Cat'}]
    Cat:
      allOf:
        - $ref: '#/components/schemas/Pet'
        - {type: object, properties: {meows: {type: boolean}}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    PetBase:
      type: object
      properties: {name: {type: string}}
    Pet:
      oneOf: [{$ref: '#/components/schemas/Cat'}]
    Cat:
      allOf:
        - $ref: '#/components/schemas/PetBase'
        - {type: object, properties: {meows: {type: boolean}}}
)x"}},

      {"SPEC_ONEOF_TWINS", "oneOf branches that accept the same values, or one that accepts all",
       R"x(Two branches of a `oneOf` check the same things (the same type and constraints;
formats no validator checks do not count), so every value that matches one matches
the other, and read literally no value matches exactly one. The same holds for a
branch that checks nothing but its type (`{type: object}`) beside another branch of
that type: every value of the other branch matches both. specc reads such a oneOf
as anyOf: the generated server accepts a value that matches any branch. Tell the
branches apart with an enum or const, or a discriminator, or write `anyOf`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /assets:
    get:
      operationId: listAssets
      parameters:
        - name: asset
          in: query
          schema:
            oneOf:
              - {type: string, format: upload-id}
              - {type: string, format: asset-id}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /assets:
    get:
      operationId: listAssets
      parameters:
        - name: asset
          in: query
          schema:
            anyOf:
              - {type: string, format: upload-id}
              - {type: string, format: asset-id}
      responses: {'200': {description: ok}}
)x"}},
      {"SPEC_PATTERN_LENGTH", "a pattern that matches no string of the length minLength/maxLength allow",
       R"x(A string schema has a `pattern` and a `minLength` or `maxLength`, and specc finds no
string of an allowed length that the pattern matches: it tries the shortest strings the
pattern matches, with its repetitions stretched, as it does for the collections' example
values. Every value the collections send then fails the schema, and so does every value
anyone else sends if none exists.

A common cause is an unescaped `.`, which matches any character: in
`^[a-z]((?!..)[a-z.])+$` the lookahead `(?!..)` rejects every position followed by two
more characters, so the pattern only matches two-character strings. `(?!\.\.)` is
what forbids two dots in a row.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Label:
      type: string
      minLength: 3
      pattern: '^[a-z]((?!..)[a-z.])+$'
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Label:
      type: string
      minLength: 3
      pattern: '^[a-z]((?!\.\.)[a-z.])+$'
)x"}},
      {"SPEC_ALLOF_STRICT_BRANCH", "an `allOf` branch with `additionalProperties: false`",
       R"x(A schema extends another through `allOf`, and that branch has `additionalProperties: false`.
Read literally (as JSON Schema validators do), the strict branch rejects every property
the other branches add, so no object is valid. specc warns, merges the branches, and
applies `additionalProperties: false` to the merged object, which is what authors mean.

Put `additionalProperties: false` on the complete schemas, not on the ones others extend.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    NewPet:
      type: object
      additionalProperties: false
      properties: {name: {type: string}}
    Pet:
      allOf:
        - $ref: '#/components/schemas/NewPet'
        - {type: object, properties: {id: {type: string}}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    NewPet:
      type: object
      properties: {name: {type: string}}
    Pet:
      allOf:
        - $ref: '#/components/schemas/NewPet'
        - {type: object, properties: {id: {type: string}}}
)x"}},
  };
  return table;
}

}  // namespace specc::cli
