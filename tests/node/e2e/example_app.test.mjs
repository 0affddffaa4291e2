// End to end: the example project's generated Hono app, with handlers that echo their
// validated input, served by Node on 127.0.0.1. Real HTTP requests must get 400 for each
// kind of invalid input and reach the handler, with coerced values, when valid.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import { createApp } from "./gen/api/app.js";

const echo = (c, input) => c.json({ handled: true, input }, 200);
// Every handler echoes: the test is about what reaches them.
const handlers = new Proxy({}, { get: () => echo });
const openApiDocument = JSON.parse(readFileSync(new URL("./gen/api/openapi.json", import.meta.url), "utf8"));
const server = serve({ fetch: createApp(handlers, { openApiDocument }).fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", () => resolve()));
const origin = `http://127.0.0.1:${server.address().port}`;
after(() => server.close());

const project = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";
const idempotency = { "Idempotency-Key": "retry-key-0001", "Content-Type": "application/json" };
const sha = "0123456789abcdef0123456789abcdef01234567";

// `path` is the spec's path; the routes are served under the first server's path, /v1.
async function call(method, path, init = {}, prefix = "/v1") {
  const response = await fetch(origin + prefix + path, {
    method,
    headers: init.headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, json: json && text ? JSON.parse(text) : undefined };
}

test("a bad path parameter is rejected", async () => {
  assert.equal((await call("GET", "/projects/not-a-uuid")).status, 400);
});

test("a query parameter of the wrong type or out of bounds is rejected", async () => {
  assert.equal((await call("GET", "/projects?limit=abc")).status, 400);
  assert.equal((await call("GET", "/projects?limit=500")).status, 400);
});

test("a missing required header is rejected", async () => {
  const r = await call("POST", "/projects", { headers: { "Content-Type": "application/json" }, body: { name: "shop" } });
  assert.equal(r.status, 400);
});

test("a body missing a required field is rejected", async () => {
  const r = await call("POST", `/projects/${project}/deployments`, { headers: idempotency, body: { environment: "dev" } });
  assert.equal(r.status, 400);
});

test("a value outside an enum is rejected", async () => {
  const r = await call("POST", `/projects/${project}/deployments`, { headers: idempotency, body: { environment: "qa", commitSha: sha } });
  assert.equal(r.status, 400);
});

test("an unknown property in a closed object is rejected", async () => {
  const r = await call("POST", "/projects", { headers: idempotency, body: { name: "shop", colour: "red" } });
  assert.equal(r.status, 400);
});

test("valid requests reach the handler with coerced and defaulted input", async () => {
  const list = await call("GET", "/projects?limit=5");
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.input.query, { limit: 5, status: "active" });
  const deploy = await call("POST", `/projects/${project}/deployments`, { headers: idempotency, body: { environment: "staging", commitSha: sha } });
  assert.equal(deploy.status, 200);
  assert.deepEqual(deploy.json.input.body, { environment: "staging", commitSha: sha });
  assert.equal(deploy.json.input.params.projectId, project);
  const created = await call("POST", "/projects", { headers: idempotency, body: { name: "shop" } });
  assert.equal(created.status, 200);
  assert.deepEqual(created.json.input.body, { name: "shop", region: "aws-us-east-2", framework: "none" });
});

test("the app serves its OpenAPI document at the root", async () => {
  const r = await call("GET", "/openapi.json", {}, "");
  assert.equal(r.status, 200);
  assert.equal(r.json.info.title, "Stackfast API");
});

test("the routes are served under the first server's path, and only there", async () => {
  assert.equal((await call("GET", "/health", {}, "/v1")).status, 200);
  assert.equal((await call("GET", "/health", {}, "")).status, 404);
});

test("basePath serves the routes elsewhere", async () => {
  const app = createApp(handlers, { openApiDocument, basePath: "/" });
  assert.equal((await app.request("/health")).status, 200);
  assert.equal((await app.request("/v1/health")).status, 404);
});
