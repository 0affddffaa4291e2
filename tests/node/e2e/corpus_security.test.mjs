// End to end on two real-world APIs of the corpus with security schemes: BulkSMS (http
// basic, a documented RFC 7807 error schema) and Trash Nothing (oauth2 with scopes, or an
// apiKey in the query). Every secured operation answers 401 to a request without
// accepted credentials, 403 when the token lacks the operation's scopes, and 400 to a
// malformed body once the credentials pass; each body conforms to the error schema the
// operation documents for that status (ajv, against the served bundle) or is problem+json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const methods = ["get", "put", "post", "delete", "patch"];
const jsonMedia = (m) => /^application\/(?:[\w.+-]+\+)?json$/i.test(m);
const escape = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");

for (const name of ["bulksms", "trashnothing"]) {
  const { createApp } = await import(`./gen/${name}/app.js`);
  const bundle = JSON.parse(readFileSync(new URL(`./gen/${name}/openapi.json`, import.meta.url), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(bundle, "openapi.json");
  const handlers = new Proxy({}, { get: () => (c) => c.json({ principals: c.var.principals }, 200) });
  const verifiers = (verdict) => new Proxy({}, { get: () => verdict });
  const base = new URL(bundle.servers?.[0]?.url ?? "/", "http://x").pathname.replace(/\/+$/, "");
  const operations = [];
  for (const [path, item] of Object.entries(bundle.paths)) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const security = op.security ?? bundle.security ?? [];
      operations.push({ path, method, op, security, url: base + path.replace(/\{[^}]+\}/g, "1") });
    }
  }

  // The documented error schema for `status` (exact, 4XX, default) and its validator.
  const documented = ({ path, method, op }, status) => {
    for (const key of [String(status), "4XX", "default"]) {
      const response = op.responses?.[key];
      if (!response) continue;
      const media = Object.keys(response.content ?? {}).find(jsonMedia);
      if (!media || !response.content[media].schema) return null;
      return ajv.getSchema(`openapi.json#/paths/${escape(path)}/${method}/responses/${key}/content/${escape(media)}/schema`);
    }
    return null;
  };
  const assertRefusal = async (operation, response, status) => {
    assert.equal(response.status, status, `${operation.method} ${operation.path}`);
    const body = await response.json();
    const validate = documented(operation, status);
    if (validate) assert.ok(validate(body), `${operation.path}: ${JSON.stringify(body)}: ${JSON.stringify(validate.errors)}`);
    else {
      assert.match(response.headers.get("content-type"), /^application\/problem\+json/);
      assert.equal(body.status, status);
      assert.ok(Array.isArray(body.errors) && body.errors.length > 0);
    }
    return body;
  };

  test(`${name}: secured operations answer 401 without accepted credentials`, async () => {
    const app = createApp(handlers, { openApiDocument: bundle, security: verifiers(() => null) });
    const secured = operations.filter((o) => o.security.length > 0 && !o.security.some((r) => Object.keys(r).length === 0));
    assert.ok(secured.length >= 10, `${secured.length} secured operations`);
    for (const operation of secured) {
      for (const headers of [{}, { Authorization: "Basic " + btoa("user:wrong") }, { Authorization: "Bearer wrong" }]) {
        const response = await app.request(operation.url, { method: operation.method.toUpperCase(), headers });
        await assertRefusal(operation, response, 401);
        assert.equal(response.headers.get("specc-rejection"), "unauthorized");
      }
    }
  });

  test(`${name}: 403 when the token lacks the scopes, 400 in the documented shape once credentials pass`, async () => {
    const scoped = operations.filter((o) => o.security.some((r) => Object.values(r).some((scopes) => scopes.length > 0)));
    const noScopes = createApp(handlers, { openApiDocument: bundle, security: verifiers((credential) => ({ principal: credential, scopes: [] })) });
    for (const operation of scoped) {
      const response = await noScopes.request(operation.url, { method: operation.method.toUpperCase(), headers: { Authorization: "Bearer t" } });
      const body = await assertRefusal(operation, response, 403);
      if (!documented(operation, 403)) assert.equal(body.errors[0].code, "scope_missing");
    }
    const all = ["basic", "read", "write"];
    const app = createApp(handlers, { openApiDocument: bundle, security: verifiers((credential) => ({ principal: credential, scopes: all })) });
    const withBody = operations.filter((o) => Object.keys(o.op.requestBody?.content ?? {}).some(jsonMedia));
    assert.ok(withBody.length >= 1, `${withBody.length} operations with a JSON body`);
    for (const operation of withBody) {
      const headers = { Authorization: operation.security.some((r) => "basicAuth" in r) ? "Basic " + btoa("u:p") : "Bearer t", "Content-Type": "application/json" };
      const response = await app.request(operation.url, { method: operation.method.toUpperCase(), headers, body: "{" });
      const body = await assertRefusal(operation, response, 400);
      assert.doesNotMatch(JSON.stringify(body), /ZodError|\\n/);
    }
  });
}
