// End to end: the example project's generated Hono app, with handlers that echo their
// validated input, served by Node on 127.0.0.1. Real HTTP requests must get 400 for each
// kind of invalid input (in the error shape the operation documents, checked with ajv) and
// reach the handler, with coerced values, when valid; security (bearer) runs first.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { serve } from "@hono/node-server";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createApp } from "./gen/api/app.js";

const echo = (c, input) => c.json({ handled: true, input, principals: c.var.principals }, 200);
// Every handler echoes: the test is about what reaches them.
const handlers = new Proxy({}, { get: () => echo });
const openApiDocument = JSON.parse(readFileSync(new URL("./gen/api/openapi.json", import.meta.url), "utf8"));
// The bearer verifier accepts one token; its principal reaches the handler.
const security = { bearerAuth: ({ token }) => (token === "good-token" ? { principal: { user: "ada" } } : null) };
const server = serve({ fetch: createApp(handlers, { openApiDocument, security }).fetch, hostname: "127.0.0.1", port: 0 });
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
    headers: { Authorization: "Bearer good-token", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(5000),
  });
  const text = await response.text();
  const json = (response.headers.get("content-type") ?? "").includes("json");
  return { status: response.status, headers: response.headers, json: json && text ? JSON.parse(text) : undefined };
}

// The documented error schema, compiled by ajv from the served bundle.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument, "openapi.json");
const problemSchema = ajv.getSchema("openapi.json#/components/schemas/Problem");

function assertProblem(r, status) {
  assert.equal(r.status, status);
  assert.match(r.headers.get("content-type"), /^application\/problem\+json/);
  assert.ok(problemSchema(r.json), JSON.stringify(problemSchema.errors));
  assert.equal(r.json.status, status);
  assert.doesNotMatch(JSON.stringify(r.json), /\\n|ZodError|\^\(/, "no stringified JSON or regex sources");
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

test("the app serves its OpenAPI document under the base path", async () => {
  const r = await call("GET", "/openapi.json");
  assert.equal(r.status, 200);
  assert.equal(r.json.info.title, "Stackfast API");
  assert.equal((await call("GET", "/openapi.json", {}, "")).status, 404);
  const moved = createApp(handlers, { openApiDocument, security, openApiPath: "/spec.json" });
  assert.equal((await moved.request("/v1/spec.json")).status, 200);
  const none = createApp(handlers, { openApiDocument, security, openApiPath: false });
  assert.equal((await none.request("/v1/openapi.json")).status, 404);
});

test("a validation failure answers the documented error schema, every part reported", async () => {
  // createProject documents 400 -> Problem: a missing header and a bad body, together.
  const r = await call("POST", "/projects", { headers: { "Content-Type": "application/json" }, body: { name: "", colour: "red" } });
  assertProblem(r, 400);
  assert.equal(r.headers.get("specc-rejection"), "validation");
  assert.equal(r.json.type, "about:blank");
  const where = r.json.errors.map((i) => `${i.in} ${i.name ?? i.pointer} ${i.code}`).sort();
  assert.deepEqual(where, ["body /colour unknown_property", "body /name min_length", "body /name pattern", "header idempotency-key required"]);
  for (const issue of r.json.errors) assert.ok(issue.message.length > 0 && issue.message.length < 120, issue.message);
});

test("an operation documenting no 400 answers problem+json with every issue", async () => {
  const r = await call("GET", `/projects/not-a-uuid/deployments?limit=0`);
  assertProblem(r, 400);
  assert.deepEqual(r.json.errors.map((i) => `${i.in} ${i.name} ${i.code}`).sort(), ["path projectId format", "query limit minimum"]);
});

test("bearer security: 401 without or with a rejected token, the principal reaches the handler", async () => {
  const missing = await call("GET", "/projects", { headers: { Authorization: "" } });
  assertProblem(missing, 401);
  assert.equal(missing.headers.get("www-authenticate"), 'Bearer realm="bearerAuth"');
  assert.equal(missing.json.errors[0].code, "credentials_missing");
  const rejected = await call("GET", "/projects", { headers: { Authorization: "Bearer bad-token" } });
  assertProblem(rejected, 401);
  assert.equal(rejected.json.errors[0].code, "credentials_rejected");
  const ok = await call("GET", "/projects");
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.principals, { bearerAuth: { user: "ada" } });
});

test("a public operation (security: []) needs no credentials", async () => {
  const r = await call("GET", "/health", { headers: { Authorization: "" } });
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.principals, {});
});

test("the error-body hook replaces the default body", async () => {
  const app = createApp(handlers, {
    openApiDocument,
    security,
    errorBodies: { Problem: (issues, info) => ({ type: "https://errors.example/" + info.kind, title: "nope", status: info.status, detail: String(issues.length) }) },
  });
  const r = await app.request("/v1/projects", { method: "POST", headers: { Authorization: "Bearer good-token", "Content-Type": "application/json" }, body: "{}" });
  assert.equal(r.status, 400);
  assert.deepEqual(await r.json(), { type: "https://errors.example/validation", title: "nope", status: 400, detail: "2" });
});

test("middleware runs before and after the routes, in order", async () => {
  const seen = [];
  const app = createApp(handlers, {
    openApiDocument,
    security,
    before: [async (c, next) => { seen.push("before 1"); await next(); }, async (c, next) => { seen.push("before 2"); await next(); }],
    after: [async (c) => { seen.push("after"); return c.text("fallback", 404); }],
  });
  assert.equal((await app.request("/v1/health")).status, 200);
  assert.deepEqual(seen, ["before 1", "before 2"]);
  seen.length = 0;
  const r = await app.request("/v1/nowhere");
  assert.equal(await r.text(), "fallback");
  assert.deepEqual(seen, ["before 1", "before 2", "after"]);
});

test("response validation: enforce answers 500 for a wrong response, warn logs and sends it", async () => {
  const wrong = { getHealth: (c) => c.json({ status: "broken" }, 200) };
  const enforced = createApp(wrong, { security, responseValidation: "enforce" });
  const r = await enforced.request("/v1/health");
  assert.equal(r.status, 500);
  const body = await r.json();
  assert.equal(body.errors[0].pointer, "/status");
  const warnings = [];
  const warned = createApp(wrong, { security, responseValidation: "warn", warn: (m) => warnings.push(m) });
  const w = await warned.request("/v1/health");
  assert.equal(w.status, 200);
  assert.deepEqual(await w.json(), { status: "broken" });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /getHealth: response 200 does not match the spec: body \/status/);
  const off = createApp(wrong, { security });
  assert.equal((await off.request("/v1/health")).status, 200);
  const right = createApp({ getHealth: (c) => c.json({ status: "ok" }, 200) }, { security, responseValidation: "enforce" });
  assert.equal((await right.request("/v1/health")).status, 200);
});

test("the routes are served under the first server's path, and only there", async () => {
  assert.equal((await call("GET", "/health", {}, "/v1")).status, 200);
  assert.equal((await call("GET", "/health", {}, "")).status, 404);
});

test("basePath serves the routes elsewhere", async () => {
  const app = createApp(handlers, { openApiDocument, security, basePath: "/" });
  assert.equal((await app.request("/health")).status, 200);
  assert.equal((await app.request("/v1/health")).status, 404);
});
