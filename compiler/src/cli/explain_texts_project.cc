// `specc explain` texts for the project spec language (DSL_*), templates (TEMPLATE_*),
// specc.yaml (CONFIG_*), the env contract (ENV_*) and the secret guard (SECRET_*). One
// entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts.h"

namespace specc::cli {

const std::vector<Explanation>& ProjectExplanations() {
  static const std::vector<Explanation> table = {
      {"DSL_SYNTAX", "the project spec does not parse",
       R"x(A `.specc` file breaks the grammar of the project spec language: a field without `=`, an
unknown escape in a string, a stray character, a missing `}` or `,`, or a declaration
after the project's closing brace. specc reports every syntax error it can recover from,
each at its position, and reads nothing of the file until they are fixed.

A field is `name = value`; flags (`secret`, `optional`, `shared`) stand alone; `;` between
fields is optional; comments are `//`, `#` or `/* ... */`.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { scope runtime }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { scope = runtime }
}
)x"}},

      {"DSL_UNKNOWN_FIELD", "a field or flag the block does not have",
       R"x(A block of the project spec (the project, a service, a resource, an env var, an
integration, preview) has a field or flag it does not define, or a resource has a
setting its type does not take. Usually a typo; specc suggests the closest name. An
unknown field is an error rather than ignored so that a misspelt `secret` never leaves a
secret unmarked.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { descripton = "port to listen on"; default = "8080" }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { description = "port to listen on"; default = "8080" }
}
)x"}},

      {"DSL_MISSING_FIELD", "a required field is absent",
       R"x(A block lacks a field it must have: the project its `id`, `version` or `constitution`, a
service its `openapi` or `runtime`. The project id is what provisioning names resources
after, so it cannot be left out; `uuidgen -r` makes one.)x",
       {"specs/shop.specc", R"x(project "shop" {
  version = "1.0.0"
  constitution = "1.0.0"
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
}
)x"}},

      {"DSL_DUPLICATE_NAME", "two declarations with the same name",
       R"x(Two services, resources, env vars, integrations or environments share a name. Names are
how the rest of the spec refers to declarations (`provisioned(db.connectionUri)`) and how
generated files and provisioned resources are named, so each must be unique within its
kind.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { default = "8080" }
  env PORT { default = "3000" }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { default = "8080" }
}
)x"}},

      {"DSL_INVALID_VALUE", "a value of the wrong kind or outside the allowed set",
       R"x(A field has a value it cannot take: `scope` other than `build` or `runtime`, an unknown env
var `source`, a `runtime` that is not one specc deploys to, a number where a string is
expected, an env value holding a line break (a `.env` line cannot hold one). The hint
lists the allowed values or suggests the closest.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { scope = runtim }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env PORT { scope = runtime }
}
)x"}},

      {"DSL_CONFLICT", "fields that exclude each other",
       R"x(A declaration sets two things that contradict each other: a resource that is both `shared`
(one instance for every environment) and `per environment` (one instance each), or both
`per environment` and `branch per environment`; an env var that is both `required` and
`optional`. specc cannot honour both; keep the one you mean.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource cache : upstash.redis { shared; per environment }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource cache : upstash.redis { per environment }
}
)x"}},

      {"DSL_INVALID_UUID", "the project id is not a UUID v4",
       R"x(The project `id` must be a version 4 UUID (32 hex digits as 8-4-4-4-12, with the version
digit 4). Provisioning derives the names and idempotency keys of every resource from it,
so it has to be unique and stable: generate it once (`uuidgen -r`) and never change it.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-1a6b-9c2e"
  version = "1.0.0"
  constitution = "1.0.0"
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
}
)x"}},

      {"DSL_INVALID_VERSION", "a version that is not MAJOR.MINOR.PATCH",
       R"x(The project's `version` and `constitution` are semantic versions: three numbers separated by
dots, as in `1.4.0`. specc compares them to decide what changed, so `1.4`, `v2` or
`latest` are refused.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.4"
  constitution = "1.0.0"
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.4.0"
  constitution = "1.0.0"
}
)x"}},

      {"DSL_TTL_RANGE", "a preview TTL outside 24h..168h",
       R"x(Preview environments are archived after `ttl` without activity. specc allows 24 to 168 hours
(one to seven days): shorter archives previews reviewers still use, longer keeps paying
for forgotten ones. The default is 72h.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  preview { ttl = 200h }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  preview { ttl = 168h }
}
)x"}},

      {"DSL_PREVIEW_LIMIT", "a preview `max` outside 1..15",
       R"x(`max` caps how many preview environments are alive at once; each one holds provisioned
resources (a database branch, a worker). specc allows 1 to 15, which stays inside the
free tiers of the providers it provisions.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  preview { ttl = 72h; max = 20 }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  preview { ttl = 72h; max = 15 }
}
)x"}},

      {"DSL_UNKNOWN_RESOURCE", "a resource type specc does not know",
       R"x(A `resource NAME : provider.type` names a type specc cannot provision. The known types are
neon.postgres, upstash.redis, upstash.vector, vercel.project, cloudflare.worker,
cloudflare.pages, postman.workspace and github.repo; specc suggests the closest.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgresql {}
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgres {}
}
)x"}},

      {"DSL_UNKNOWN_OUTPUT", "`provisioned(resource.output)` names an output the type lacks",
       R"x(An env var's `source = provisioned(db.output)` takes its value from what provisioning the
resource returns. The resource's type has no output by that name; the hint lists the
outputs it has (for neon.postgres: connectionUri, pooledConnectionUri, host, database,
user, password, projectId, branchId).)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgres {}
  env DATABASE_URL { secret; source = provisioned(db.url) }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgres {}
  env DATABASE_URL { secret; source = provisioned(db.connectionUri) }
}
)x"}},

      {"DSL_UNKNOWN_PROVIDER", "an integration for a provider specc does not know",
       R"x(An `integration NAME { ... }` block declares the credentials specc uses to talk to a
provider. The providers are neon, upstash, vercel, cloudflare, postman and github; specc
suggests the closest.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  integration nein { credentials = [NEON_API_KEY] }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  integration neon { credentials = [NEON_API_KEY] }
}
)x"}},

      {"DSL_UNDECLARED_REFERENCE", "a reference to a resource or service that is not declared",
       R"x(The spec refers by name to a resource or service it does not declare, most often in
`source = provisioned(cache.redisUrl)` before `resource cache : ...` was written, or after
it was renamed. Declare it, or fix the name.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env REDIS_URL { secret; source = provisioned(cache.redisUrl) }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource cache : upstash.redis {}
  env REDIS_URL { secret; source = provisioned(cache.redisUrl) }
}
)x"}},

      {"DSL_UNKNOWN_ENVIRONMENT", "an override for an environment that is not declared",
       R"x(An env var or resource has a block of per-environment overrides (`prod { default = "warn" }`)
for an environment the project does not declare. Without `environments { ... }` they are
dev, staging and prod. Overrides for other names would silently never apply.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { default = "info"; production { default = "warn" } }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { default = "info"; prod { default = "warn" } }
}
)x"}},

      {"DSL_DEFAULT_NOT_ALLOWED", "a default or example outside the allowed values",
       R"x(An env var lists its `allowed` values and also gives a `default` or `example` that is not
one of them. Every environment that relies on the default would fail `specc env check`;
the hint lists the allowed values.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { default = "verbose"; allowed = ["debug", "info", "warn"] }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env LOG_LEVEL { default = "info"; allowed = ["debug", "info", "warn"] }
}
)x"}},

      {"DSL_SECRET_DEFAULT", "a secret with a default value",
       R"x(An env var marked `secret` has a `default`. A default is committed with the spec and
written into generated `.env.example` files and contracts, so a secret's value would sit
in the repository's history. Set secrets per environment (`specc provision`, your host's
settings), never in the spec.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env API_KEY { secret; default = "abc123" }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env API_KEY { secret; description = "the payment provider's API key" }
}
)x"}},

      {"DSL_SECRET_EXAMPLE", "a secret whose example looks like a real credential",
       R"x(The `example` of a secret env var looks like a real credential: a known token prefix
(`ghp_`, `sk_live_`, `sk_test_`, `xoxb-`, ...) with a realistic length, a URL with a
password, or a long random-looking string. Examples are committed and copied into
`.env.example`; a pasted real token there is a leak. specc errs on the side of "real":
write a placeholder such as `"<your token>"` or `"sk_test_..."`.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env STRIPE_KEY { secret; example = "sk_test_4eC39HqLyjWDarjtT1zdp7dc" }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env STRIPE_KEY { secret; example = "sk_test_..." }
}
)x"}},

      {"DSL_SECRET_UNMARKED", "an env var provisioned from a secret output is not marked secret",
       R"x(An env var takes its value from a resource output that is a secret (a connection string, a
password, a token), but the env var itself is not marked `secret`. specc would then treat
the value as public: print it, put it in client-visible places. Reported as a warning;
add `secret`.)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgres {}
  env DATABASE_URL { source = provisioned(db.connectionUri) }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource db : neon.postgres {}
  env DATABASE_URL { secret; source = provisioned(db.connectionUri) }
}
)x"}},

      {"DSL_BUILD_SECRET", "a secret env var with `scope = build`",
       R"x(Build-scoped variables are read when the front end is bundled and end up inlined in the
JavaScript shipped to every browser. A secret there is public. Reported as a warning:
make it `scope = runtime` and read it on the server, or drop `secret` if the value is
meant to be public (a publishable key).)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env STRIPE_KEY { scope = build; secret }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env STRIPE_KEY { scope = runtime; secret }
}
)x"}},

      {"DSL_OPENAPI_NOT_FOUND", "a service's OpenAPI file does not exist",
       R"x(A `service` names its OpenAPI document with `openapi = "PATH"`, relative to the directory of
the `.specc` file. No file exists there (often `.yml` for `.yaml`, or a path relative to
the repository root instead of to `specs/`).)x",
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  service api { openapi = "specs/api/openapi.yaml"; runtime = cloudflare.worker }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  service api { openapi = "api/openapi.yaml"; runtime = cloudflare.worker }
}
)x"}},

      {"DSL_MULTIPLE_PROJECTS", "more than one project spec",
       R"x(A repository holds exactly one project spec: the env contract, the provisioning plan and
the generated files are derived from one project. specc found a second `.specc` file
(the hint names the first one read). Put every declaration into one file; it may
declare several services.)x",
       {"specs/billing.specc", R"x(project "billing" {
  id = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10"
  version = "1.0.0"
  constitution = "1.0.0"
  env BILLING_CURRENCY { default = "EUR" }
}
)x"},
       {"specs/shop.specc", R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  env BILLING_CURRENCY { default = "EUR" }
}
)x"}},

      {"TEMPLATE_SYNTAX", "a mustache template does not parse",
       R"x(An override template (from specc.yaml's `templates` directory or `--templates DIR`) is not
valid mustache: an unclosed section, a closing tag that does not match, an unclosed
`{{`. specc reports it at the template's line and column and generates nothing. The
built-in template of the same path (`templates/<emitter>/...` in specc's sources) shows
the expected shape.)x",
       {"tpl/zod/schemas.ts.mustache", R"x({{> header}}
import { z } from "zod";
{{#schemas}}
export const {{name}} = {{zod}};
)x"},
       {"tpl/zod/schemas.ts.mustache", R"x({{> header}}
import { z } from "zod";
{{#schemas}}
export const {{name}} = {{zod}};
{{/schemas}}
)x"}},

      {"TEMPLATE_OUTPUT_INVALID", "a JSON template rendered something that is not JSON",
       R"x(A template whose output is JSON (the MCP tools, the Postman collection, the OpenAPI bundle)
rendered text that does not parse as JSON: most often a trailing comma after the last
element of a list, or a value written unquoted. specc checks the rendered text and
reports the template. Values the emitter computes come already quoted (the `..._json`
fields), and `{{^last}},{{/last}}` separates list elements.)x",
       {"tpl/mcp/tools.json.mustache", R"x({
  "tools": [
{{#tools}}
    {"name": {{name_json}}, "description": {{description_json}}},
{{/tools}}
  ]
}
)x"},
       {"tpl/mcp/tools.json.mustache", R"x({
  "tools": [
{{#tools}}
    {"name": {{name_json}}, "description": {{description_json}}}{{^last}},{{/last}}
{{/tools}}
  ]
}
)x"}},

      {"TEMPLATE_UNKNOWN", "an override file that replaces no built-in template",
       R"x(A file in the templates override directory does not have the path of any built-in
template, so it replaces nothing and is ignored. Usually a typo in the file or directory
name (`zod/schema.ts.mustache` for `zod/schemas.ts.mustache`). Reported as a warning.)x",
       {"tpl/zod/schema.ts.mustache", R"x({{> header}}
import { z } from "zod";
{{#schemas}}
export const {{name}} = {{zod}};
{{/schemas}}
)x"},
       {"tpl/zod/schemas.ts.mustache", R"x({{> header}}
import { z } from "zod";
{{#schemas}}
export const {{name}} = {{zod}};
{{/schemas}}
)x"}},

      {"TEMPLATE_OUTPUT_UNSAFE", "generated text would hold an invisible or misleading character",
       R"x(A template, or a value rendered into it, puts a control character, U+2028/U+2029 (which
end a line in JavaScript but not in most editors) or a bidirectional control (which makes
code read differently to people and compilers, "Trojan Source") into generated text.
specc refuses to write it. Write such characters escaped (`\u2028` inside a string
literal).

The wrong example shows the raw character as `<U+2028>`.)x",
       {"tpl/hono/app.ts.mustache", R"x({{> header}}
// A note pasted from a chat:<U+2028>export const leaked = 1;
import { Hono } from "hono";
)x"},
       {"tpl/hono/app.ts.mustache", R"x({{> header}}
// A note pasted from a chat.
import { Hono } from "hono";
)x"}},

      {"POSTMAN_ENVIRONMENT_URL", "an environment's Postman collection would target loopback or another environment",
       R"x(Each environment collection (dev, staging, prod) targets the base URL of its environment:
`postman.baseUrls` in specc.yaml when it names the environment, else the server whose
description (or host) names it (`Production`, `staging`, `dev`), else the document's first
server. The environment collections are made to be run, and their requests create and
delete, so two mistakes are reported: a collection that falls back to a loopback address
(a `prod` collection silently aimed at `http://localhost`), and a collection that shares
the URL of another environment's (a `staging` run that would hit production).

Name each environment in a server's description, or give its URL in specc.yaml:
`postman: {baseUrls: {staging: https://staging.api.example.com}}`.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: http://localhost:8787
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
servers:
  - url: http://localhost:8787
    description: Local development
  - url: https://staging.api.shop.example
    description: Staging
  - url: https://api.shop.example
    description: Production
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
)x"}},

      {"CONFIG_FIELD_UNKNOWN", "not a setting of specc.yaml",
       R"x(specc.yaml has a key specc does not define, at the top level (the settings are `specs`,
`templates`, `artifacts` and `postman`) or inside an artifact's settings (`out`,
`handlers`, `enabled`). Unknown keys are errors so that a misspelt setting is never
silently ignored.)x",
       {"specc.yaml", R"x(specs: specs
emitters: [routes]
)x"},
       {"specc.yaml", R"x(specs: specs
artifacts:
  routes: true
)x"}},

      {"CONFIG_FIELD_TYPE", "a setting of specc.yaml has the wrong type",
       R"x(A setting of specc.yaml has a value of the wrong kind: an artifact set to something other
than `true`, `false` or `{out: DIR}`, a number where a string is expected. YAML's loose
scalars are a common cause (`yes` is a string to specc, not a boolean).)x",
       {"specc.yaml", R"x(specs: specs
artifacts:
  env: yes
)x"},
       {"specc.yaml", R"x(specs: specs
artifacts:
  env: true
)x"}},

      {"CONFIG_ARTIFACT_UNKNOWN", "not an artifact kind",
       R"x(A key under `artifacts` is not a kind of artifact specc generates. The kinds are routes,
schemas, mcp, openapi, postman, env and plan.)x",
       {"specc.yaml", R"x(specs: specs
artifacts:
  terraform: {out: infra}
)x"},
       {"specc.yaml", R"x(specs: specs
artifacts:
  plan: {out: infra}
)x"}},

      {"CONFIG_PATH_INVALID", "a path in specc.yaml leaves the repository or names specc's own files",
       R"x(A directory in specc.yaml (`specs`, `templates`, an artifact's `out` or `handlers`) is
absolute, climbs out of the repository, lies in `.git/` or `.specc/`, is the whole
repository, or overlaps the specs directory. specc deletes stale files in its output
directories, so each must be a directory of its own inside the repository.)x",
       {"specc.yaml", R"x(specs: specs
artifacts:
  routes: {out: ../generated/routes}
)x"},
       {"specc.yaml", R"x(specs: specs
artifacts:
  routes: {out: src/generated/routes}
)x"}},

      {"DIFF_ACCEPTED_INVALID", "a malformed entry of the accepted-breaks file",
       R"x(`specs/.specc-accepted-breaks.yaml` lists the breaking changes a team accepts on purpose,
each with `rule`, `operation` or `at`, and a `reason`; `specc diff` and `check --breaking`
report a matching change as accepted. An entry of another shape (not a mapping, no rule,
no reason) accepts nothing and is an error, so that a typo cannot hide a break or
silently un-accept one.)x",
       {"specs/.specc-accepted-breaks.yaml", R"x(accepted:
  - removed the old endpoint
)x"},
       {"specs/.specc-accepted-breaks.yaml", R"x(accepted:
  - rule: operation-removed
    operation: GET /v1/legacy
    reason: announced in March, unused since
)x"}},

      {"ENV_MISSING", "a required variable is missing or empty",
       R"x(`specc env check FILE --env NAME` found that a variable the env contract requires in that
environment is absent from the file or empty. A variable is required unless it is
`optional` or has a default. When it is provisioned, the hint says from which resource
output (see `specc plan`).

The examples are checked against a contract declaring `DATABASE_URL` (secret),
`LOG_LEVEL` (default `info`, allowed debug, info, warn) and an optional
`STRIPE_SECRET_KEY`.)x",
       {".env", R"x(LOG_LEVEL=info
)x"},
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
LOG_LEVEL=info
)x"}},

      {"ENV_UNKNOWN", "a variable the env contract does not declare",
       R"x(The checked file sets a variable the project spec does not declare: a leftover, a typo of a
declared name, or a variable that should be added to the contract so every environment
gets it. Reported as a warning.)x",
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
LOG_LEVL=debug
)x"},
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
LOG_LEVEL=debug
)x"}},

      {"ENV_VALUE_NOT_ALLOWED", "a value outside the variable's allowed set",
       R"x(The env contract lists the `allowed` values of a variable and the checked file sets another.
The service would start with a value it does not handle. The message lists the allowed
values; the value itself is not printed (it could be a secret).)x",
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
LOG_LEVEL=verbose
)x"},
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
LOG_LEVEL=debug
)x"}},

      {"ENV_SECRET_TRACKED", "a secret's value in a file git can commit",
       R"x(The checked file holds a value for a variable marked `secret`, and git would commit the file:
it is tracked, or not ignored. One `git add .` puts the secret into the history, where
removing it takes a rewrite and the secret must be rotated. Reported as a warning.

Ignore the file (the right example is the `.gitignore` that does), and `git rm --cached`
it if git already tracks it.)x",
       {".gitignore", R"x(node_modules/
)x"},
       {".gitignore", R"x(node_modules/
.env
)x"}},

      {"ENV_BUILD_SECRET", "a secret that a build inlines into client bundles",
       R"x(A secret would reach the browser: either a variable marked `secret` has `scope = build`, or
the checked file gives a secret-looking variable a framework's public prefix
(`NEXT_PUBLIC_` for Next.js, `VITE_` for Vite), which the framework inlines into client
JavaScript. Reported as a warning: drop the prefix and read the value on the server.)x",
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
NEXT_PUBLIC_STRIPE_SECRET_KEY=your-test-key
)x"},
       {".env", R"x(DATABASE_URL=postgres://localhost/shop
STRIPE_SECRET_KEY=your-test-key
)x"}},

      {"SECRET_IN_OUTPUT", "a secret-shaped string in what specc would write or print",
       R"x(Before writing a generated file, and before printing anything, specc scans the text for
secret-shaped strings: provider tokens (GitHub, Stripe live keys, Slack, AWS), private
keys, connection strings with a password, `password = ...` style assignments. On a hit in
a file it writes nothing and exits 3; on a hit in printed text it redacts the string.
The usual source is a real credential pasted into a spec's `example`, `default` or
`description`: replace it with a placeholder and rotate it.

The wrong example abbreviates the password as `<real password>`: printed in full, specc
would redact it here too.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Config:
      type: object
      properties: {database: {type: string}}
      example: {database: "postgres://admin:<real password>@db.internal.acme.dev/app"}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Config:
      type: object
      properties: {database: {type: string}}
      example: {database: "postgres://app:<password>@db.example.com/app"}
)x"}},
      {"SECRET_IN_SPEC", "a secret-shaped value in a spec file",
       R"x(A value in a spec matches a secret rule (a provider token, a private key, a connection
string with a password) and is not accepted. specc reports it where it stands, with the
rule and the value's fingerprint, and writes nothing: specs are committed, and whatever
is in them reaches the generated files. Replace the value with a placeholder and rotate
the credential; a public documentation example can be accepted by its fingerprint in
`specs/.specc-secrets-allow.yaml`, with a reason.

The wrong example shows the token abbreviated: in full, specc would redact it here.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Config:
      type: object
      example: {token: "<a live provider token>"}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Config:
      type: object
      example: {token: "<your token>"}
)x"}},
      {"SECRET_EXAMPLE", "a secret-shaped example of a credential field",
       R"x(A secret-shaped value stands in an `example` or `examples` of a field named or
described as a credential (a token, a key, a password). That is most often public
documentation, so it is a warning and the output may carry it; if it is a real
credential, replace it and rotate it, and if it is public, accept it in
`specs/.specc-secrets-allow.yaml` to silence the warning.)x",
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Auth:
      type: object
      properties:
        apiToken: {type: string, example: "<a token-shaped example>"}
)x"},
       {"specs/api.yaml", R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths: {}
components:
  schemas:
    Auth:
      type: object
      properties:
        apiToken: {type: string, example: "<your API token>"}
)x"}},
      {"SECRET_ALLOW_INVALID", "a malformed entry in the secret allowlist",
       R"x(`specs/.specc-secrets-allow.yaml` lists accepted values as `accept: [{fingerprint,
reason, rule?}]`. An entry without a `sha256:` fingerprint, without a reason, or of another
shape accepts nothing, and is an error so that a typo cannot silently un-accept a value.)x",
       {"specs/.specc-secrets-allow.yaml", R"x(accept:
  - {fingerprint: abc}
)x"},
       {"specs/.specc-secrets-allow.yaml", R"x(accept:
  - fingerprint: "sha256:<the fingerprint lint printed>"
    reason: the vendor's public documentation example
)x"}},
      {"SECRET_ALLOW_UNUSED", "an allowlist entry that matches no value",
       R"x(An entry of `specs/.specc-secrets-allow.yaml` accepts no value found in the specs: the
value was removed or changed. Remove the entry, so that the allowlist lists only what is
accepted today.)x",
       {"specs/.specc-secrets-allow.yaml", R"x(accept:
  - fingerprint: "sha256:<a value no spec holds any more>"
    reason: an example we removed
)x"},
       {"specs/.specc-secrets-allow.yaml", R"x(accept: []
)x"}},
  };
  return table;
}

}  // namespace specc::cli
