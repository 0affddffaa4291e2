// `specc explain` texts for operations, parameters, servers, security and responses (SPEC_BODY_IGNORED .. SPEC_RESPONSE_CODE).
// One entry per code, in the order of base/diag_codes.def; adding a code adds one entry.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecOperationExplanations() {
  static const std::vector<Explanation> table = {
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
  };
  return table;
}

}  // namespace specc::cli
