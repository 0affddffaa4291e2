// End to end: golden/emit_security's app, driven with app.request. Each kind of security
// scheme (http bearer and basic, apiKey in a header, the query and a cookie, oauth2 and
// openIdConnect with scopes) answers 401 without or with a rejected credential and 403
// without the scopes; requirements are alternatives (OR) whose schemes are all needed
// (AND); `security: []` is public and `{}` lets anonymous requests through. Refusals use
// the error body the operation documents (checked with ajv against the bundle) or RFC 9457
// problem+json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createApp } from "./gen/security/app.js";

const openApiDocument = JSON.parse(readFileSync(new URL("./gen/security/openapi.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openApiDocument, "openapi.json");
const schemaAt = (pointer) => ajv.getSchema("openapi.json#" + pointer);

const calls = [];
const handlers = new Proxy({}, {
  get: (_, name) => (c, input) => {
    calls.push(String(name));
    return c.json({ operation: String(name), principals: c.var.principals, input }, 200);
  },
});
const grant = (principal, scopes = []) => ({ principal, scopes });
const security = {
  bearer: ({ token }) => (token === "t0ken" ? grant("bearer-user") : null),
  basic: ({ username, password }) => (username === "ada" && password === "s3cret" ? grant("basic-user") : null),
  headerKey: ({ key }) => (key === "hk" ? grant("header-key") : null),
  queryKey: ({ key }) => (key === "qk" ? grant("query-key") : null),
  cookieKey: ({ key }) => (key === "ck" ? grant("cookie-key") : null),
  oauth: async ({ token }) => (token === "all" ? grant("oauth", ["items:write", "items:delete"]) : token === "some" ? grant("oauth", ["items:write"]) : null),
  oidc: ({ token }) => (token === "admin" ? grant("oidc", ["admin"]) : token === "user" ? grant("oidc", []) : null),
  hmac: ({ scheme, value }) => (scheme === "payone-hmac-sha256" && value === "sig" ? grant("signer") : null),
};
const app = createApp(handlers, { openApiDocument, security });
const basic = (user, password) => "Basic " + Buffer.from(`${user}:${password}`).toString("base64");

async function call(method, path, headers = {}, body) {
  const r = await app.request("/api" + path, { method, headers, body });
  const text = await r.text();
  return { status: r.status, headers: r.headers, json: text ? JSON.parse(text) : undefined };
}

function assertProblem(r, status, code) {
  assert.equal(r.status, status, JSON.stringify(r.json));
  assert.match(r.headers.get("content-type"), /^application\/problem\+json/);
  assert.equal(r.json.status, status);
  assert.ok(r.json.errors.some((e) => e.code === code), JSON.stringify(r.json.errors));
}

test("bearer (inherited from the document): 401 with WWW-Authenticate, documented Error body", async () => {
  const validate = schemaAt("/components/schemas/Error");
  for (const headers of [{}, { Authorization: "Bearer nope" }, { Authorization: "Basic abc" }]) {
    const r = await call("GET", "/inherited", headers);
    assert.equal(r.status, 401);
    assert.equal(r.headers.get("www-authenticate"), 'Bearer realm="bearer"');
    assert.match(r.headers.get("content-type"), /^application\/json/);
    assert.ok(validate(r.json), JSON.stringify(validate.errors));
    assert.equal(r.json.code, 401);
  }
  const ok = await call("GET", "/inherited", { Authorization: "Bearer t0ken" });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.principals, { bearer: "bearer-user" });
});

test("a validation failure answers the documented 400 schema, after security", async () => {
  const r = await call("GET", "/inherited?limit=99", { Authorization: "Bearer t0ken" });
  assert.equal(r.status, 400);
  const validate = schemaAt("/components/schemas/Error");
  assert.ok(validate(r.json), JSON.stringify(validate.errors));
  assert.equal(r.json.code, 400);
  assert.match(r.json.message, /^query limit: must be at most 10$/);
  // Without credentials the same request is refused for its credentials first.
  assert.equal((await call("GET", "/inherited?limit=99")).status, 401);
});

test("a public operation is reachable without credentials", async () => {
  const r = await call("GET", "/public?q=ok");
  assert.equal(r.status, 200);
  assert.deepEqual(r.json.principals, {});
  // No documented error: problem+json.
  assertProblem(await call("GET", "/public?q=x"), 400, "min_length");
});

test("alternatives: basic OR an API key in a header", async () => {
  const missing = await call("GET", "/either");
  assertProblem(missing, 401, "credentials_missing");
  assert.equal(missing.headers.get("www-authenticate"), 'Basic realm="basic"');
  assertProblem(await call("GET", "/either", { Authorization: basic("ada", "wrong") }), 401, "credentials_rejected");
  assertProblem(await call("GET", "/either", { "X-API-Key": "bad" }), 401, "credentials_rejected");
  const viaBasic = await call("GET", "/either", { Authorization: basic("ada", "s3cret") });
  assert.deepEqual([viaBasic.status, viaBasic.json.principals], [200, { basic: "basic-user" }]);
  const viaKey = await call("GET", "/either", { "x-api-key": "hk" });
  assert.deepEqual([viaKey.status, viaKey.json.principals], [200, { headerKey: "header-key" }]);
});

test("together: an API key in the query AND one in a cookie; a documented 422", async () => {
  const body = JSON.stringify({ name: "n" });
  const json = { "Content-Type": "application/json" };
  assertProblem(await call("POST", "/both?api_key=qk", json, body), 401, "credentials_missing");
  assertProblem(await call("POST", "/both", { ...json, Cookie: "session=ck" }, body), 401, "credentials_missing");
  assertProblem(await call("POST", "/both?api_key=bad", { ...json, Cookie: "session=ck" }, body), 401, "credentials_rejected");
  const ok = await call("POST", "/both?api_key=qk", { ...json, Cookie: "session=ck" }, body);
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.principals, { queryKey: "query-key", cookieKey: "cookie-key" });
  // The operation documents only 422 for bad input: that status, with its schema filled.
  const bad = await call("POST", "/both?api_key=qk", { ...json, Cookie: "session=ck" }, JSON.stringify({ name: 5 }));
  assert.equal(bad.status, 422);
  const validate = schemaAt("/paths/~1both/post/responses/422/content/application~1json/schema");
  assert.ok(validate(bad.json), JSON.stringify(validate.errors));
  assert.deepEqual(bad.json.issues, [{ in: "body", pointer: "/name", code: "type", message: "must be string" }]);
  const malformed = await call("POST", "/both?api_key=qk", { ...json, Cookie: "session=ck" }, "{");
  assert.equal(malformed.status, 422);
  assert.equal(malformed.json.issues[0].code, "malformed");
});

test("scopes: oauth2 needs both scopes, openIdConnect needs admin; 403 when they lack", async () => {
  const validate = schemaAt("/components/schemas/Error");
  const missing = await call("DELETE", "/scoped");
  assert.equal(missing.status, 401);
  assert.ok(validate(missing.json), "4XX documents Error");
  const some = await call("DELETE", "/scoped", { Authorization: "Bearer some" });
  assert.equal(some.status, 403);
  assert.ok(validate(some.json), JSON.stringify(validate.errors));
  assert.equal(some.json.code, 403);
  assert.match(some.json.message, /oauth: needs items:delete/);
  assert.equal((await call("DELETE", "/scoped", { Authorization: "Bearer user" })).status, 403);
  assert.equal((await call("DELETE", "/scoped", { Authorization: "Bearer all" })).status, 200);
  const admin = await call("DELETE", "/scoped", { Authorization: "Bearer admin" });
  assert.deepEqual([admin.status, admin.json.principals], [200, { oidc: "oidc" }]);
});

test("an OAuth 2 token in the access_token query parameter (RFC 6750 2.3) is verified like a header token", async () => {
  assert.equal((await call("DELETE", "/scoped?access_token=all")).status, 200);
  assert.equal((await call("DELETE", "/scoped?access_token=some")).status, 403);
  assert.equal((await call("DELETE", "/scoped?access_token=wrong")).status, 401);
  // The header wins when both are sent.
  assert.equal((await call("DELETE", "/scoped?access_token=all", { Authorization: "Bearer some" })).status, 403);
});

test("anonymous allowed ({}): no credentials pass, sent ones are verified", async () => {
  const anonymous = await call("GET", "/optional");
  assert.deepEqual([anonymous.status, anonymous.json.principals], [200, {}]);
  const known = await call("GET", "/optional", { Authorization: "Bearer t0ken" });
  assert.deepEqual([known.status, known.json.principals], [200, { bearer: "bearer-user" }]);
});

test("a handler never runs for a refused request", async () => {
  calls.length = 0;
  await call("DELETE", "/scoped", { Authorization: "Bearer some" });
  await call("GET", "/either");
  assert.deepEqual(calls, []);
});

test("an http scheme of its own: the credentials after its name in Authorization", async () => {
  for (const headers of [{}, { Authorization: "payone-hmac-sha256 bad" }, { Authorization: "Bearer sig" }]) {
    const r = await call("POST", "/signed", headers);
    assert.equal(r.status, 401);
    assert.equal(r.headers.get("www-authenticate"), "payone-hmac-sha256");
  }
  const ok = await call("POST", "/signed", { Authorization: "payone-hmac-sha256 sig" });
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.json.principals, { hmac: "signer" });
});
