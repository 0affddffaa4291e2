// `specc explain` texts for path templates, their parameters and routes (SPEC_PATH_*).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecPathExplanations() {
  static const std::vector<Explanation> table = {
      {"SPEC_PATH_PARAM_UNDECLARED", "a `{name}` in a path that no path parameter declares",
       R"x(The path template has a `{name}` segment, but the operation (with its path item's shared
parameters) declares no parameter `name` with `in: path`. The generated route would match
the URL but hand the handler nothing typed for that segment. Reported as a warning, once
per operation.

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
