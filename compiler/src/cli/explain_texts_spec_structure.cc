// `specc explain` texts for the structure of OpenAPI objects and schemas (SPEC_FIELD_*, SPEC_SCHEMA_INVALID, SPEC_VALUE_TYPE, SPEC_DISCRIMINATOR_IMPLICIT).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecStructureExplanations() {
  static const std::vector<Explanation> table = {
      {"SPEC_FIELD_MISSING", "an OpenAPI object lacks a field the specification requires",
       R"x(An object is missing a field OpenAPI requires of it: a Response Object without
`description`, an Info Object without `title` or `version`, a parameter without `name`
or `in`, a 3.0 document without `paths`. Tools disagree on what to do with
such objects, so specc reports them instead of guessing.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200': {content: {application/json: {schema: {type: array}}}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: the pets
          content: {application/json: {schema: {type: array}}}
)x"}},

      {"SPEC_FIELD_TYPE", "a field holds a value of the wrong JSON type",
       R"x(A field of an OpenAPI object has the wrong type: a number where a string is required, a
mapping where a list is, and so on. The classic case is `version: 1.0` in `info`: YAML
reads it as the number 1 (losing `.0`), while OpenAPI requires a string. specc says what
it expected and what it found, and suggests quoting where that is the fix.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0}
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: "1.0"}
paths: {}
)x"}},

      {"SPEC_FIELD_UNKNOWN", "a field that the OpenAPI object does not have",
       R"x(A key is not a field of the object it appears in, for the document's OpenAPI version. Most
often it is a typo (`operationid`, `descripton`), which other tools silently ignore, so the
operation quietly loses its id or the response its text; or a field from another version
(`summary` in an Info Object exists only from 3.1 on).

Custom data belongs in extensions, whose names start with `x-`. specc suggests the closest
field name when one is near.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationid: listPets
      responses: {'200': {description: the pets}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
)x"}},

      {"SPEC_FIELD_VALUE", "a field holds a value outside the allowed set",
       R"x(A field has the right type but a value OpenAPI does not allow there: a parameter `in`
other than path, query, header or cookie (Swagger 2.0's `body` and `formData` became
`requestBody` in OpenAPI 3), a `style` that does not apply to the parameter's location, an
unknown security scheme type, and similar. A path parameter without `required: true` is
reported with this code as a warning (specc treats it as required).

The hint lists the allowed values.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: sort, in: query, style: matrix, schema: {type: string}}
      responses: {'200': {description: the pets}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: sort, in: query, style: form, schema: {type: string}}
      responses: {'200': {description: the pets}}
)x"}},

      {"SPEC_FIELD_CONFLICT", "two fields that exclude each other",
       R"x(An object sets two fields OpenAPI says are mutually exclusive: `example` and `examples` on
a parameter, header or media type, `value` and `externalValue` on an Example Object,
`operationId` and `operationRef` on a Link Object. Tools pick one at random; keep the one
you mean.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: sort
          in: query
          schema: {type: string}
          example: name
          examples:
            byName: {value: name}
      responses: {'200': {description: the pets}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: sort
          in: query
          schema: {type: string}
          examples:
            byName: {value: name}
      responses: {'200': {description: the pets}}
)x"}},

      {"SPEC_SCHEMA_INVALID", "a Schema Object that cannot be one",
       R"x(A schema is malformed: not a mapping, a `type` that does not exist in the document's
OpenAPI version (`null` in 3.0, which has `nullable: true` instead), `items` given as a
list, `required` that is not a list of names, a negative `minLength`. These make every
generator and validator disagree, so they are errors. An empty `oneOf`/`anyOf`, which
matches nothing, is reported with this code as a warning.)x",
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Nickname: {type: "null"}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Nickname: {type: string, nullable: true}
)x"}},

      {"SPEC_VALUE_TYPE", "a `default`, `example` or `enum` value that its schema's `type` rejects",
       R"x(A schema's `default` or `example` is a value of another JSON type than the schema's `type`
allows: `default: 10` under `type: string`, `example: "yes"` under `type: boolean`. A
client that sends the default, a mock that serves the example, and the Zod schema specc
generates all disagree about such a value, and documentation shows a value the API
rejects. Other validators (Spectral's `oas3-valid-schema-example`, Redocly's
`no-invalid-schema-examples`) report it too.

An `enum` value of another type is reported the same way. Where it quotes a number of a
numeric type (`type: integer, enum: ["6", "12"]`, a common way to write it), specc reads
it as that number for every artifact, which is what the examples of such APIs send.

Make the value match the type (quote a number meant as a string), or fix `type`.)x",
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Page:
      type: object
      properties:
        size: {type: string, default: 10}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Page:
      type: object
      properties:
        size: {type: integer, default: 10}
)x"}},
      {"SPEC_DISCRIMINATOR_IMPLICIT", "a discriminator mapping names a schema by bare name outside the root document",
       R"x(A discriminator's `mapping` value may be a reference (`#/components/schemas/Cat`,
`./cat.yaml`) or a bare schema name (`Cat`). In the root document a bare name plainly means
`#/components/schemas/Cat` there. In another file of a split description, OpenAPI 3.0.0 to
3.0.3 do not say which document's components the name means, and tools differ; OpenAPI
3.0.4 (and 3.1.1) recommend the entry document's `components/schemas`, which is what specc
reads, with this warning.

Write the mapping as a reference, so that every tool reads the same schema.)x",
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: './pet-by-name.yaml'}
    Cat: {type: object, properties: {kind: {type: string}}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: './pet-by-ref.yaml'}
    Cat: {type: object, properties: {kind: {type: string}}}
)x"}},
  };
  return table;
}

}  // namespace specc::cli
