// `specc explain` texts for reading spec files and the document as a whole (SPEC_FILE_*, SPEC_YAML_*, SPEC_JSON_SYNTAX, SPEC_VERSION_*, ...).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecFileExplanations() {
  static const std::vector<Explanation> table = {
      {"SPEC_FILE_UNREADABLE", "a spec file specc was asked to read cannot be read",
       R"x(A file named on the command line, or a project spec found under `specs/`, does not exist or
cannot be opened (permissions, a directory in its place). specc names the file and the
operating system's reason. The exit code is 4 (usage or environment), not 3: the problem
is where specc was pointed, not what the specs say.

A `$ref` that names a missing file is SPEC_REF_UNRESOLVED instead, at the `$ref`.)x",
       {"command line", "specc lint specs/openapi.yml\n"},
       {"command line", "specc lint specs/openapi.yaml\n"}},

      {"SPEC_FILE_OUTSIDE_REPOSITORY", "a path or a symbolic link leads outside the repository",
       R"x(In repository mode specc reads only files inside the repository: a spec path that climbs out
with `..`, or a symbolic link whose target lies outside, is refused and nothing is read
there. This keeps `specc check` in CI and in a pre-commit hook from depending on (or
leaking) files of whoever runs it.

Move the file into the repository and refer to it by a path inside it.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  service api { openapi = "../../api/openapi.yaml"; runtime = cloudflare.worker }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  service api { openapi = "api/openapi.yaml"; runtime = cloudflare.worker }
}
)x"}},

      {"SPEC_YAML_SYNTAX", "the file is not well-formed YAML",
       R"x(The YAML parser stopped: an unclosed flow mapping or sequence, a bad indentation, a tab
where YAML wants spaces, an unterminated quote. specc reports the parser's position and
message; nothing of the file is used until it parses.

The position is where the parser noticed the problem, which can be after the mistake
(an unclosed `{` is noticed at the end of the file).)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
)x"}},

      {"SPEC_JSON_SYNTAX", "the file is not well-formed JSON",
       R"x(A `.json` spec file does not parse as JSON (RFC 8259). The usual causes are a trailing comma,
a comment, single quotes or an unquoted key: all fine in YAML or JavaScript, none allowed
in JSON. specc points at the offending character and, for the common cases, says which
one it is.)x",
       {"specs/api.json", R"x({
  "openapi": "3.1.0",
  "info": {"title": "Shop", "version": "1.0.0"},
  "paths": {},
}
)x"},
       {"specs/api.json", R"x({
  "openapi": "3.1.0",
  "info": {"title": "Shop", "version": "1.0.0"},
  "paths": {}
}
)x"}},

      {"SPEC_YAML_ALIAS_LIMIT", "YAML aliases expand the document beyond a million nodes",
       R"x(YAML anchors (`&a`) and aliases (`*a`) let a small file stand for an enormous tree: each
level below multiplies the one above ("billion laughs"). specc counts the nodes the
aliases expand to and stops at 1,000,000, reporting the alias that crossed the limit,
instead of running out of memory.

No real API description needs this; write the values out, or share them with `$ref`,
which specc resolves without copying.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
x-a: &a [l, l, l, l, l, l, l, l, l, l]
x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
x-e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
x-f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
x-g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
x-regions: &regions [eu-west-1, us-east-1]
x-fallback-regions: *regions
)x"}},

      {"SPEC_YAML_UNSUPPORTED", "a YAML feature an API description cannot use",
       R"x(specc reads the JSON-compatible subset of YAML that OpenAPI documents are written in. It
refuses, with this code: a second document in one file (`---`), mapping keys that are
themselves mappings or sequences (`? [a, b]`), and anchors or aliases used as keys. Each
would mean something other tools read differently or not at all.

Split several documents into files joined by `$ref`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
---
openapi: 3.1.0
info: {title: Admin, version: 1.0.0}
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
)x"}},

      {"SPEC_NESTING_TOO_DEEP", "the document nests deeper than 1000 levels",
       R"x(A mapping or sequence is nested more than 1000 levels deep. No hand-written or generated API
description comes near that; such a file is usually produced by mistake or crafted to
exhaust a parser's stack. specc stops at the level that crossed the limit rather than
recursing on.

The examples are abbreviated: the wrong one stands for 1001 nested arrays.)x",
       {"specs/api.json", R"x({"openapi": "3.1.0", "x-deep": [[[[ ... 1001 levels ... ]]]]}
)x"},
       {"specs/api.json", R"x({"openapi": "3.1.0", "x-deep": [[1, 2], [3, 4]]}
)x"}},

      {"SPEC_DUPLICATE_KEY", "the same key twice in one mapping",
       R"x(A YAML mapping or JSON object holds the same key twice. Many parsers silently keep the last
one, so two tools can read two different APIs out of the same file; specc refuses and
points at both occurrences (the second as the error, the first as a note).

Merge the two entries, or rename one of them.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
  /pets:
    post:
      operationId: createPet
      responses: {'201': {description: created}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
    post:
      operationId: createPet
      responses: {'201': {description: created}}
)x"}},

      {"SPEC_ENCODING_INVALID", "the file is not valid UTF-8",
       R"x(A spec file (YAML, JSON or a `.specc` project spec) holds bytes that are not UTF-8, typically
a file saved as Latin-1 or Windows-1252 by an editor. YAML 1.2 and JSON are UTF-8 (specc
accepts no other encoding), and generated code must not carry bytes whose meaning
depends on a guess. specc points at the first invalid byte.

Save the file as UTF-8. The wrong example shows the byte as `\xE9` (é in Latin-1); the
file itself would hold the raw byte.)x",
       {"specs/api.json", R"x({"openapi": "3.1.0", "info": {"title": "Caf\xE9", "version": "1.0.0"}, "paths": {}}
)x"},
       {"specs/api.json", R"x({"openapi": "3.1.0", "info": {"title": "Café", "version": "1.0.0"}, "paths": {}}
)x"}},

      {"SPEC_FILE_UNREACHED", "a spec file under `specs/` that no description reaches",
       R"x(In repository mode (`specc lint`, `check` and `apply` with no file named), specc reads the
root documents under `specs/` and every file their `$ref`s reach. A YAML or JSON file under
`specs/` that none of them reaches contributes nothing: a path, schema or response added
there and never mounted is silently not part of any API, and its generated code, Postman
requests and docs are missing without a word.

Mount what the file holds with a `$ref` from a root document, or move the file out of
`specs/` (or delete it) if it is not meant to be part of the API.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
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
          content:
            application/json:
              schema: {$ref: './schemas/pet.yaml'}
)x"}},
      {"SPEC_VERSION_MISSING", "a file read as an API description has no `openapi` field",
       R"x(specc was asked to read a file as an OpenAPI document, but its top level has no `openapi`
field. Usually the file is a fragment (a schema, a set of parameters) that other documents
reach through `$ref`, and it was named on the command line by mistake.

In repository mode specc reads as roots only the files under `specs/` that have an
`openapi` field, so fragments are never linted on their own. Name the root document, or
give the file the header of one.)x",
       {"specs/pet.yaml", R"x(type: object
required: [name]
properties:
  name: {type: string}
)x"},
       {"specs/pet.yaml", R"x(openapi: 3.1.0
info: {title: Pets, version: 1.0.0}
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: {type: string}
)x"}},

      {"SPEC_VERSION_UNSUPPORTED", "an OpenAPI version specc does not read",
       R"x(specc reads OpenAPI 3.0.x and 3.1.x. It reports this code for Swagger 2.0 documents
(`swagger: "2.0"`), for 3.2 and later, and for a version that is not three parts (`3.1`
instead of `3.1.0`).

Convert a Swagger 2.0 document first (`npx swagger2openapi`, or the Swagger Editor's
converter); write the version in full.)x",
       {"specs/api.yaml", R"x(openapi: "3.1"
info: {title: Shop, version: 1.0.0}
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
)x"}},

      {"SPEC_DOCUMENT_EMPTY", "the document has no paths, webhooks or components",
       R"x(An OpenAPI 3.1 document must describe something: it needs at least one of `paths`,
`webhooks` or `components`. A document with only `openapi` and `info` generates nothing,
and is usually a file whose content was lost. (In 3.0, `paths` itself is required; its
absence is SPEC_FIELD_MISSING.)

Add the operations, or an empty `paths: {}` if the document only shares components.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
)x"}},
  };
  return table;
}

}  // namespace specc::cli
