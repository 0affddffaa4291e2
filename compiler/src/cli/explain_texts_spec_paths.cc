// `specc explain` texts for path templates, their parameters and routes (SPEC_PATH_*).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecPathExplanations() {
  static const std::vector<Explanation> table = {
      {"SPEC_PATH_PARAM_UNDECLARED", "a `{name}` in a path that no path parameter declares",
       R"x(The path template has a `{name}` segment (before or after a `?` written into the path key),
but the operation (with its path item's shared parameters) declares no parameter `name`
with `in: path`. specc reads it as a required string parameter: the generated route
validates it and hands it to the handler, the Postman requests send a value for it, and
the bundle declares it. Reported as a warning, once per operation and name.

Declare the parameter, with `required: true` as OpenAPI requires of path parameters.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      responses: {'200': {description: the pet}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: the pet}}
)x"}},

      {"SPEC_PATH_PARAM_UNUSED", "a path parameter whose name is not in the path template",
       R"x(A parameter declared `in: path` does not occur as `{name}` in the path it belongs to, usually
because one of the two was renamed. No URL can ever supply it. Reported as a warning.

Rename the parameter or the template segment so that they match.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: the pet}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: the pet}}
)x"}},

      {"SPEC_PATH_PARAM_CASE", "a path parameter spelled like a template name except for case",
       R"x(A parameter declared `in: path` as `ID` occurs in the path template only as `{id}`.
Parameter names are case-sensitive, so by OpenAPI's letter these are two things: a
template name nobody declares and a parameter no request can carry. Since exactly one
declared parameter and one template name match when case is ignored, specc reads them as
one parameter, spelled as the template spells it (`id`), with the declared schema: the
route, its validation, the handler's input and the Postman request all use that name.
Reported as a warning. When several names match without regard to case, nothing is
joined (SPEC_PATH_PARAM_UNDECLARED and SPEC_PATH_PARAM_UNUSED instead).

Spell the parameter and the template name the same.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: ID, in: path, required: true, schema: {type: integer}}
      responses: {'200': {description: the pet}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: integer}}
      responses: {'200': {description: the pet}}
)x"}},

      {"SPEC_PATH_QUERY_CONFLICT", "a path key's query string and a query parameter send one value under two names",
       R"x(Some documents write a query string into the path key: `/top.json?period={flag}` sends the
value of `flag` as the query parameter `period`. That reading breaks when the operation
also declares a query parameter that says otherwise:

- `flag` itself is declared `in: query`: the declaration sends it as `?flag=`, the key
  as `?period=`;
- a query parameter `period` is declared too: two parameters, with two schemas, claim
  the one query parameter `period`.

A server generated from either reading refuses what a client of the other sends (a
required parameter is missing, or one value fails the other schema), so specc refuses
the document (an error) rather than generate code that rejects every request.
`/search?q={q}` with `q` declared `in: query` is no conflict: it is the query parameter
`q`, written into the key, and specc sends and reads it once.

Drop the pair from the path key and declare the query parameter the server should read.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /top.json?period={flag}:
    get:
      operationId: listTop
      parameters:
        - {name: flag, in: path, required: true, schema: {type: string, enum: [day, week]}}
        - {name: period, in: query, schema: {type: integer}}
      responses: {'200': {description: the top posts}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /top.json:
    get:
      operationId: listTop
      parameters:
        - {name: period, in: query, required: true, schema: {type: string, enum: [day, week]}}
      responses: {'200': {description: the top posts}}
)x"}},

      {"SPEC_PATH_TEMPLATE", "a malformed path template",
       R"x(A key of `paths` is not a valid path template: it does not start with `/`, or has an
unclosed `{` or an unbalanced `}`. specc cannot build a route from it. A path that holds a
query string (`/pets?limit`) or uses the same `{name}` twice is reported with this code
as a warning.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id:
    get:
      operationId: getPet
      responses: {'200': {description: the pet}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: the pet}}
)x"}},

      {"SPEC_PATH_DUPLICATE", "paths that differ only in their parameter names",
       R"x(Two keys of `paths` differ only in the names of their parameters (`/pets/{id}` and
`/pets/{name}`). OpenAPI calls such paths identical and invalid: every request that
matches one matches the other, so the second operation can never be reached. It is an
error when the two share a method and nothing else tells them apart; otherwise a
warning. Give the paths distinct literal segments.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /pets/{name}:
    get:
      operationId: getPetByName
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /pets/by-name/{name}:
    get:
      operationId: getPetByName
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"}},

      {"SPEC_PATH_SHARED", "operations on one route, told apart only by a query string or fragment in their path keys",
       R"x(Two path keys differ only in a query string or a fragment (`/files/{id}#copy` and
`/files/{id}#move`), which are not part of the path: on the wire both are the same
route. The generated route serves the operation whose path-key query parameters are
present, and among equals the first whose input validates; nothing else can tell them
apart. Give each operation a path of its own.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /files/{id}#copy:
    post:
      operationId: copyFile
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /files/{id}#move:
    post:
      operationId: moveFile
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /files/{id}/copy:
    post:
      operationId: copyFile
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /files/{id}/move:
    post:
      operationId: moveFile
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"}},

      {"SPEC_PATH_AMBIGUOUS", "two path templates that match the same requests, neither more concrete",
       R"x(Two templates can match the same request and no segment makes one more concrete than
the other, so only their order in the document decides which operation serves it
(OpenAPI leaves the choice to the tool). specc serves the one declared first, and says
which request both match. Make the paths distinct.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /archives/{name}-{version}:
    get:
      operationId: getArchiveByVersion
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: version, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /archives/{name}.{format}:
    get:
      operationId: getArchiveByFormat
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: format, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /archives/{name}-{version}:
    get:
      operationId: getArchiveByVersion
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: version, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /archives/{name}/formats/{format}:
    get:
      operationId: getArchiveByFormat
      parameters:
        - {name: name, in: path, required: true, schema: {type: string}}
        - {name: format, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"}},

      {"SPEC_PATH_UNMOUNTED", "a path item in a referenced file that the root never mounts",
       R"x(A split description often keeps path items in files of their own (`paths/pets.yaml` with
`/pets` and `/pets/{id}`) and mounts each in the root's `paths` with a `$ref`
(`/pets: {$ref: './paths/pets.yaml#/~1pets'}`). When someone adds a path item to such a
file but not to the root's `paths`, its operations are silently not part of the API. specc
warns about each path item of a file whose other path items the root does mount. (A file
none of whose paths are mounted is read as something else, such as another description
whose components the root uses, and is not reported.)

Add the path to the root's `paths`, or remove it from the file.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets: {$ref: './paths.yaml#/~1pets'}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets: {$ref: './paths.yaml#/~1pets'}
  /stores: {$ref: './paths.yaml#/~1stores'}
)x"}},
  };
  return table;
}

}  // namespace specc::cli
