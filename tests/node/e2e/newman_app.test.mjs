// The example project's Postman collection runs green in newman against its own generated
// Hono app: every request is accepted by the app's validation, and every assertion of the
// collection (a documented status, a JSON body that parses) passes. The handlers answer
// each operation with its first documented success status, read from the OpenAPI bundle.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import newman from "newman";
import { serve } from "@hono/node-server";
import { createApp } from "./gen/api/app.js";

const openApiDocument = JSON.parse(readFileSync(new URL("./gen/api/openapi.json", import.meta.url), "utf8"));
const successStatus = new Map();
for (const item of Object.values(openApiDocument.paths ?? {})) {
  for (const operation of Object.values(item)) {
    if (typeof operation !== "object" || !operation.operationId) continue;
    const codes = Object.keys(operation.responses ?? {}).filter((code) => /^2\d\d$/.test(code)).sort();
    successStatus.set(operation.operationId, Number(codes[0] ?? 200));
  }
}
const handlers = new Proxy({}, {
  get: (_, operationId) => (c) => {
    const status = successStatus.get(operationId) ?? 200;
    return status === 204 ? c.body(null, 204) : c.json({}, status);
  },
});
// The collection sends `{{bearerAuthToken}}`; the verifier accepts the token the run sets.
const security = { bearerAuth: ({ token }) => (token === "newman-token" ? { principal: "newman" } : null) };
const server = serve({ fetch: createApp(handlers, { openApiDocument, security }).fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", () => resolve()));
// The collection's baseUrl is the server URL, base path included, as in the spec.
const baseUrl = `http://127.0.0.1:${server.address().port}/v1`;
after(() => server.close());

test("the base collection runs green against the generated app", async () => {
  const collection = JSON.parse(readFileSync(new URL("./gen/api/base.postman_collection.json", import.meta.url), "utf8"));
  const summary = await new Promise((resolve, reject) => {
    newman.run({ collection, envVar: [{ key: "baseUrl", value: baseUrl }, { key: "bearerAuthToken", value: "newman-token" }], reporters: [], timeoutRequest: 5000 },
      (error, result) => (error ? reject(error) : resolve(result)));
  });
  const { stats, failures } = summary.run;
  assert.equal(stats.requests.total, successStatus.size, "one request per operation");
  assert.deepEqual(failures.map((f) => `${f.source?.name}: ${f.error?.message}`), []);
  assert.ok(stats.assertions.total >= stats.requests.total, "every request asserts something");
});
