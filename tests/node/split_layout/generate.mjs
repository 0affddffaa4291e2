// Writes a split OpenAPI description of the shape large real repositories have (issue #15):
// the root lists paths whose operations are `$ref`s to files of their own
// (`get: {$ref: ../resources/billing/x.yml}`), responses and content maps are references
// too, and shared parameters and schemas live in `common/` at the repository root, above
// the root document's directory. Made at test time, never committed: RESOURCES resources,
// five files each. Usage: node generate.mjs DIR RESOURCES
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const [dir, countArg] = process.argv.slice(2);
const count = Number(countArg);
let files = 0;
const write = (path, text) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
  files++;
};
const name = (i) => `resource${String(i).padStart(3, "0")}`;
const pascal = (i) => `Resource${String(i).padStart(3, "0")}`;

let paths = "";
for (let i = 0; i < count; i++) {
  const r = name(i);
  paths += `  /${r}s:
    get: {$ref: '../resources/${r}/list.yml'}
    post: {$ref: '../resources/${r}/create.yml'}
  /${r}s/{id}:
    parameters:
      - $ref: '../../common/parameters.yaml#/Id'
    get: {$ref: '../resources/${r}/get.yml'}
`;
  write(`specs/resources/${r}/list.yml`, `operationId: list${pascal(i)}s
summary: List ${r}s
tags: [${r}]
parameters:
  - $ref: '../../../common/parameters.yaml#/Limit'
responses:
  $ref: './list-responses.yml'
`);
  write(`specs/resources/${r}/list-responses.yml`, `'200':
  description: the ${r}s
  content:
    application/json:
      schema:
        type: array
        items: {$ref: '../../../common/schemas/${r}.yaml'}
default:
  $ref: '../../../common/responses.yaml#/Error'
`);
  write(`specs/resources/${r}/create.yml`, `operationId: create${pascal(i)}
tags: [${r}]
requestBody:
  required: true
  content:
    application/json:
      schema: {$ref: '../../../common/schemas/${r}.yaml'}
responses:
  '201':
    description: created
    content:
      application/json:
        schema: {$ref: '../../../common/schemas/${r}.yaml'}
  default:
    $ref: '../../../common/responses.yaml#/Error'
`);
  write(`specs/resources/${r}/get.yml`, `operationId: get${pascal(i)}
tags: [${r}]
responses:
  '200':
    description: the ${r}
    content:
      $ref: './content.yml'
  default:
    $ref: '../../../common/responses.yaml#/Error'
`);
  write(`specs/resources/${r}/content.yml`, `application/json:
  schema: {$ref: '../../../common/schemas/${r}.yaml'}
`);
  write(`common/schemas/${r}.yaml`, `type: object
required: [id, name]
properties:
  id: {type: string}
  name: {type: string, minLength: 1}
  amount: {type: integer, minimum: 0}
  status: {type: string, enum: [open, closed]}
`);
}
write("specs/api/openapi.yaml", `openapi: 3.0.3
info: {title: Split layout, version: "1.0.0"}
servers:
  - url: https://api.example.com
paths:
${paths}`);
write("common/parameters.yaml", `Id:
  name: id
  in: path
  required: true
  schema: {type: string}
Limit:
  name: limit
  in: query
  schema: {type: integer, minimum: 1, maximum: 100}
`);
write("common/responses.yaml", `Error:
  description: an error
  content:
    application/json:
      schema:
        type: object
        required: [message]
        properties:
          message: {type: string}
`);
console.log(`wrote ${files} files`);
