// `specc explain` texts for `$ref` resolution (SPEC_REF_*).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecRefExplanations() {
  static const std::vector<Explanation> table = {
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
  };
  return table;
}

}  // namespace specc::cli
