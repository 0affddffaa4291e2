// `specc explain` texts for the codes of reading and checking OpenAPI documents (SPEC_*).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts.h"

namespace specc::cli {

const std::vector<Explanation>& SpecExplanations() {
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

      {"SPEC_REF_UNRESOLVED", "a `$ref` points at something that does not exist",
       R"x(The target of a `$ref` is missing: the JSON pointer names a key the document does not have,
or the file part names a file that cannot be read. specc reports the `$ref` itself, says
which step of the pointer failed, and suggests the closest existing name when one is
near (a typo such as `Pett` for `Pet`).

Every generated artifact depends on resolved references, so nothing is generated until
this is fixed.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {type: object}
    Pets: {type: array, items: {$ref: '#/components/schemas/Pett'}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {type: object}
    Pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
)x"}},

      {"SPEC_REF_INVALID", "a `$ref` that is not a well-formed reference",
       R"x(The value of `$ref` is not a reference specc can follow: not a string, a fragment that is not
a JSON pointer (`#components/...` without the leading `/`), or malformed
percent-encoding. This differs from SPEC_REF_UNRESOLVED: the reference is malformed, not
merely pointing at something missing.

A same-document reference looks like `#/components/schemas/Name`; a reference into
another file like `./common.yaml#/Name`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {type: object}
    Pets: {type: array, items: {$ref: '#components/schemas/Pet'}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {type: object}
    Pets: {type: array, items: {$ref: '#/components/schemas/Pet'}}
)x"}},

      {"SPEC_REF_OUTSIDE_ROOT", "a `$ref` leads outside the repository",
       R"x(A relative `$ref` climbs (with `../`) above the repository: the directory specc runs in,
which holds `specc.yaml` and `specs/`. A description may share files across the
repository (`specs/api/openapi.yaml` naming `../common/parameters.yaml` is a common
layout), but specc never reads files the repository's owners did not put there for it,
so that the same commit always compiles the same way on every machine. A symbolic link
that leads out of the repository is refused the same way.

When a single file is linted from outside any repository (`specc lint ../x.yaml`), the
root document's own directory is the boundary.

Move the shared file into the repository.)x",
       {"specs/api/openapi.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: '../../../outside/pet.yaml'}
)x"},
       {"specs/api/openapi.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: '../../shared/pet.yaml'}
)x"}},

      {"SPEC_REF_REMOTE", "a `$ref` to an http(s) URL, which specc does not fetch",
       R"x(specc works offline and deterministically: the same commit must always generate the same
files, in CI and on a plane. A `$ref` to `http://` or `https://` would make the output
depend on a server, so specc does not follow it.

Download the document once, commit it next to the one that refers to it, and refer to it
by relative path. A security scheme given as a remote `$ref` is reported as a warning and
left out.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: 'https://example.com/schemas/pet.yaml'}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {type: object, properties: {name: {type: string}}}
)x"}},

      {"SPEC_REF_CYCLE", "a `$ref` chain that never reaches a value",
       R"x(A chain of references points only at other references and comes back to where it started
(`A` is `$ref: B`, `B` is `$ref: A`), so it never reaches an actual schema, parameter or
response. specc reports the first reference of the cycle and lists the whole chain as
notes.

A recursive schema is fine: `Tree` whose `children` are `Tree` items is a cycle through a
real object, and specc generates it. Only a cycle made of nothing but references is an
error; one of its references must point at a real object.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: '#/components/schemas/Animal'}
    Animal: {$ref: '#/components/schemas/Pet'}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Pet: {$ref: '#/components/schemas/Animal'}
    Animal:
      type: object
      properties:
        name: {type: string}
        offspring: {type: array, items: {$ref: '#/components/schemas/Animal'}}
)x"}},

      {"SPEC_REF_POSITION", "a `$ref` where OpenAPI allows no Reference Object",
       R"x(OpenAPI lists where a Reference Object may stand: a Path Item, a Parameter, a Response, a
Request Body, a Header, an Example, a Link, a Callback, a Security Scheme and a Schema.
Large split descriptions also put `$ref` elsewhere: on an Operation (`get: {$ref:
ops/list.yaml}`), on the whole `paths`, `responses` or `content` map, on a Media Type,
on a `parameters` list or on a group of `components`. Redocly, swagger-parser and the
code generators read such a `$ref` as a JSON Reference and replace it with what it
names; specc does the same, and warns once per kind of place (with a count of the
others), because a tool that follows OpenAPI to the letter will not.

When such a reference cannot be followed, the error is reported at the `$ref` and
nothing else is said about the object it stood for.

To be portable, refer to a whole Path Item (allowed everywhere) or move the object into
`components` and refer to it there.)x",
       {"specs/api/openapi.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get: {$ref: './operations/list-pets.yaml'}
)x"},
       {"specs/api/openapi.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets: {$ref: './paths/pets.yaml'}
)x"}},

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

      {"SPEC_VALUE_TYPE", "a `default` or `example` that its schema's `type` rejects",
       R"x(A schema's `default` or `example` is a value of another JSON type than the schema's `type`
allows: `default: 10` under `type: string`, `example: "yes"` under `type: boolean`. A
client that sends the default, a mock that serves the example, and the Zod schema specc
generates all disagree about such a value, and documentation shows a value the API
rejects. Other validators (Spectral's `oas3-valid-schema-example`, Redocly's
`no-invalid-schema-examples`) report it too.

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
      {"SPEC_BODY_IGNORED", "a request body on GET or HEAD, which is never sent",
       R"x(A GET or HEAD operation declares a `requestBody`. HTTP gives such a body no meaning,
clients and proxies drop it, and OpenAPI 3.1 discourages it, so the generated server
does not read it and the collection does not send it. Move the input to query
parameters, or use POST.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /search:
    get:
      operationId: search
      requestBody:
        content:
          application/json:
            schema: {type: object, properties: {q: {type: string}}}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /search:
    get:
      operationId: search
      parameters:
        - {name: q, in: query, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"}},

      {"SPEC_PARAM_IGNORED", "a header parameter named Accept, Content-Type or Authorization",
       R"x(OpenAPI says a header parameter named `Accept`, `Content-Type` or `Authorization`
SHALL be ignored: the media types of `content` say what Accept and Content-Type carry,
and a security scheme says what Authorization carries. specc drops the parameter, so
the generated server does not require it and the collections do not send it. Describe
credentials with `components.securitySchemes` and a `security` requirement instead.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /orders:
    get:
      operationId: listOrders
      parameters:
        - {name: Authorization, in: header, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
components:
  securitySchemes:
    token: {type: http, scheme: bearer}
security: [{token: []}]
paths:
  /orders:
    get:
      operationId: listOrders
      responses: {'200': {description: ok}}
)x"}},
      {"SPEC_PARAM_DUPLICATE", "the same parameter (name and location) declared twice",
       R"x(An operation lists two parameters with the same `name` and `in`. OpenAPI identifies a
parameter by that pair, so the second cannot be told apart from the first; specc uses the
first and warns at the second, with a note at the first.

An operation's parameter may override one of its path item with the same name and
location: that is not a duplicate.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses: {'200': {description: the pets}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
      responses: {'200': {description: the pets}}
)x"}},

      {"SPEC_PARAM_ALLOW_RESERVED", "`allowReserved` on a parameter that is not in the query",
       R"x(`allowReserved` says whether reserved characters (`:/?#[]@!$&'()*+,;=`) may go unencoded
in a query string. OpenAPI defines it for query parameters only; on a path, header or
cookie parameter it means nothing and suggests a misunderstanding of how the value is
sent.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
components:
  parameters:
    Trace:
      name: X-Trace
      in: header
      allowReserved: true
      schema: {type: string}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
components:
  parameters:
    Trace:
      name: X-Trace
      in: header
      schema: {type: string}
)x"}},

      {"SPEC_OPERATION_ID_DUPLICATE", "two operations share an operationId",
       R"x(OpenAPI requires each `operationId` to be unique across the whole API: specc names
generated handlers, client functions, MCP tools and Postman requests after it, so two
operations with one id would generate two functions of the same name. specc reports the
second and notes the first.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: list
      responses: {'200': {description: the pets}}
  /stores:
    get:
      operationId: list
      responses: {'200': {description: the stores}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
  /stores:
    get:
      operationId: listStores
      responses: {'200': {description: the stores}}
)x"}},

      {"SPEC_SERVER_ENUM_EMPTY", "a server variable whose `enum` lists no values",
       R"x(A Server Variable's `enum` restricts the values the variable may take. An empty `enum`
allows none, so no URL can be formed from the server (OpenAPI forbids it). List the
values, or drop `enum` to allow any value.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: https://api.example.com/{stage}
    variables:
      stage: {enum: [], default: prod}
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: https://api.example.com/{stage}
    variables:
      stage: {enum: [prod, staging], default: prod}
paths: {}
)x"}},

      {"SPEC_SERVER_VARIABLE", "a `{name}` in a server URL with no variable defined",
       R"x(A server URL uses a `{name}` placeholder that its `variables` do not define, so there is no
default to substitute and generated clients and Postman collections cannot form a base
URL. Reported as a warning.

Define it under `variables` with a `default`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: https://{region}.api.example.com
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: https://{region}.api.example.com
    variables:
      region: {default: eu}
paths: {}
)x"}},

      {"SPEC_SECURITY_UNDEFINED", "a security requirement names no declared scheme",
       R"x(A Security Requirement (top-level `security` or an operation's) names a scheme that
`components.securitySchemes` does not declare. The requirement cannot be enforced or
documented, and generated clients will not send credentials for it. Reported as a
warning.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
security: [{bearerAuth: []}]
paths: {}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
security: [{bearerAuth: []}]
paths: {}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
)x"}},

      {"SPEC_SECURITY_SCOPES", "OpenAPI 3.0: scopes listed for a scheme that has none",
       R"x(In OpenAPI 3.0 the list beside a scheme's name in a security requirement holds OAuth2
(or OpenID Connect) scopes, and "for other security scheme types, the array MUST be
empty". An http bearer, basic or apiKey scheme has no scopes: `bearerAuth: [admin]` means
nothing a server can check, and a reader may believe the operation is restricted to
admins when it is not. specc ignores the list. OpenAPI 3.1 allows role names there.

Write `bearerAuth: []`, describe the roles in the operation's description, or move to
OpenAPI 3.1 if the roles are meant.)x",
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
security:
  - bearerAuth: [admin]
)x"},
       {"specs/api.yaml", R"x(openapi: 3.0.3
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  securitySchemes:
    bearerAuth: {type: http, scheme: bearer}
security:
  - bearerAuth: []
)x"}},
      {"SPEC_RESPONSE_CODE", "a response key that is not a status code",
       R"x(The keys of `responses` are HTTP status codes from 100 to 599, the ranges `1XX` to `5XX`,
or `default`. Anything else (`2OO` with letter Os, `600`, `2xx` in lowercase in 3.0) names
no response a server can send.

Quote codes in YAML (`'200'`) so they stay strings.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '2OO': {description: the pets}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200': {description: the pets}
)x"}},

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

      {"SPEC_ONEOF_TWINS", "oneOf branches that accept the same values",
       R"x(Two branches of a `oneOf` check the same things (the same type and constraints;
formats no validator checks do not count), so every value that matches one matches
the other, and read literally no value matches exactly one. specc reads such a oneOf
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
