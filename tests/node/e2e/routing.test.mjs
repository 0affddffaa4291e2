// Requests to golden/emit_routing's generated app: each routing construct of issue #11
// reaches the handler the spec documents, with the parameters the spec names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createApp } from "./gen/routing/app.js";

let calls = [];
const handlers = new Proxy({}, {
  get: (_, name) => (c, input) => {
    calls.push({ name, input });
    return c.json({ handled: name }, ["createReport", "uploadFile"].includes(name) ? 201 : name === "startCluster" ? 202 : 200);
  },
});
const app = createApp(handlers, { openApiDocument: {} });

// Sends a request; returns its status and the handler call it made, if any.
async function send(path, init) {
  calls = [];
  const response = await app.request(`/v1${path}`, init);
  assert.ok(calls.length <= 1, `one handler per request, got ${calls.map((c) => c.name)}`);
  return { status: response.status, name: calls[0]?.name, input: calls[0]?.input };
}

test("a parameter with a suffix in its segment: /groups/{id}.json", async () => {
  const r = await send("/groups/42.json");
  assert.equal(r.status, 200);
  assert.equal(r.name, "getGroupJson");
  assert.deepEqual(r.input.params, { id: 42 });
  // What the segment held besides `.json` is not this route's id: the request is
  // `/groups/{id}`'s, which matches it too, with the whole segment as its id.
  const passed = await send("/groups/abc.json");
  assert.equal(passed.name, "getGroup");
  assert.deepEqual(passed.input.params, { id: "abc.json" });
});

test("a request whose path parameters a route rejects passes on to a later route matching it", async () => {
  const zone = await send("/sites/1/zones/5f0c3d1e-8f6b-4f2a-9c3e-2b1a0d9e8f7c");
  assert.equal(zone.name, "getZone");
  const count = await send("/sites/1/zones/count");
  assert.equal(count.status, 200);
  assert.equal(count.name, "countZones");
  assert.deepEqual(count.input.params, { site_id: 1, zone_type: "zones" });
  assert.equal((await send("/sites/1/maps/count")).name, "countZones");
  // No later route matches: the first route's own 400, not a 404.
  const refused = await send("/sites/1/zones/not-a-uuid");
  assert.equal(refused.status, 400);
  assert.equal(refused.name, undefined);
  assert.match(JSON.stringify(await (await app.request("/v1/sites/1/zones/not-a-uuid")).json()), /zone_id/);
  // A later route matches but refuses too: its answer.
  assert.equal((await send("/sites/x/zones/count")).status, 400);
});

test("a passed-on request reaches the error body hook only when no later route takes it", async () => {
  const refusals = [];
  const hooked = createApp(handlers, {
    openApiDocument: {},
    errorBodies: { problem: (issues, info) => (refusals.push(info.operation), { title: "refused", status: info.status }) },
  });
  assert.equal((await hooked.request("/v1/sites/1/zones/count")).status, 200);
  assert.deepEqual(refusals, []);
  const refused = await hooked.request("/v1/sites/1/zones/not-a-uuid");
  assert.equal(refused.status, 400);
  assert.deepEqual(await refused.json(), { title: "refused", status: 400 });
  assert.deepEqual(refusals, ["getZone"]);
});

test("the more concrete `{id}.json` is tried before `{id}`, declared first", async () => {
  const r = await send("/groups/admins");
  assert.equal(r.name, "getGroup");
  assert.deepEqual(r.input.params, { id: "admins" });
});

test("two parameters in one segment: /pairs/{left}-{right}", async () => {
  const r = await send("/pairs/red-blue");
  assert.equal(r.status, 200);
  assert.deepEqual(r.input.params, { left: "red", right: "blue" });
  // The first parameter takes the shortest text that lets the rest match.
  assert.deepEqual((await send("/pairs/a-b-c")).input.params, { left: "a", right: "b-c" });
  assert.equal((await send("/pairs/redblue")).status, 404);
});

test("a prefix before a parameter: /releases/v{version}", async () => {
  assert.deepEqual((await send("/releases/v3")).input.params, { version: 3 });
  assert.equal((await send("/releases/3")).status, 404);
});

test("a concrete path in one tag module beats a templated one declared earlier in another", async () => {
  const concrete = await send("/droplets/autoscale");
  assert.equal(concrete.status, 200);
  assert.equal(concrete.name, "listAutoscalePools");
  const templated = await send("/droplets/7");
  assert.equal(templated.name, "getDroplet");
  assert.deepEqual(templated.input.params, { id: 7 });
});

test("operations sharing a route are told apart by the query parameter of the path key", async () => {
  const plain = await send("/top.json?limit=5");
  assert.equal(plain.name, "getTop");
  assert.deepEqual(plain.input.query, { limit: 5 });
  assert.equal((await send("/top.json")).name, "getTop");
  const period = await send("/top.json?period=week");
  assert.equal(period.name, "getTopByPeriod");
  assert.deepEqual(period.input.params, { flag: "week" });
  // A value the period operation rejects, and nothing else accepts: its 400.
  assert.equal((await send("/top.json?period=year")).status, 400);
  // Invalid for getTop, the only candidate without `period`.
  assert.equal((await send("/top.json?limit=500")).status, 400);
});

test("operations told apart by a fragment only: the first whose input validates", async () => {
  const json = (body, query = "") => send(`/documents/7${query}`, {
    method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const update = await json({ title: "Plan" });
  assert.equal(update.name, "updateDocument");
  assert.deepEqual(update.input, { params: { id: 7 }, body: { title: "Plan" } });
  const share = await json({ shared_link: {} }, "?fields=shared_link");
  assert.equal(share.name, "shareDocument");
  assert.deepEqual(share.input, { params: { id: 7 }, query: { fields: "shared_link" }, body: { shared_link: {} } });
  // Valid for neither: the first one's answer.
  const neither = await json({});
  assert.equal(neither.status, 400);
  assert.equal(neither.name, undefined);
});

test("a path parameter written into the key's query string is read from the query", async () => {
  const r = await send("/exports?filename=pets.csv");
  assert.equal(r.status, 200);
  assert.deepEqual(r.input.params, { filename: "pets.csv" });
  assert.equal((await send("/exports")).status, 400);
  assert.equal((await send("/exports?filename=PETS")).status, 400);
});

test("a trailing slash is part of the path", async () => {
  assert.equal((await send("/reports/")).name, "listReports");
  assert.equal((await send("/reports")).status, 404);
  assert.equal((await send("/reports", { method: "POST" })).name, "createReport");
  assert.equal((await send("/reports/", { method: "POST" })).status, 404);
  // The path "/" under the server path "/v1" is "/v1/".
  assert.equal((await send("/")).name, "getRoot");
  assert.equal((await app.request("/v1")).status, 404);
});

test("literal text that Hono or a regular expression could misread", async () => {
  assert.equal((await send("/entries/synonyms;antonyms")).name, "getThesaurus");
  const cert = await send("/certificates(algorithm=sha1,thumbprint=ab12)");
  assert.equal(cert.name, "getCertificate");
  assert.deepEqual(cert.input.params, { algorithm: "sha1", thumbprint: "ab12" });
  assert.equal((await send("/certificatesXalgorithm=sha1,thumbprint=ab12)")).status, 404);
  // `*` is Hono's wildcard, but here the spec's literal text.
  assert.equal((await send("/wildcards/*")).name, "getWildcard");
  assert.equal((await send("/wildcards/anything")).status, 404);
});

test("a custom method after a parameter: /clusters/{name}:start", async () => {
  const start = await send("/clusters/main:start", { method: "POST" });
  assert.equal(start.status, 202);
  assert.deepEqual(start.input.params, { name: "main" });
  assert.deepEqual((await send("/clusters/main:start")).input.params, { name: "main:start" });
});

test("a HEAD operation with two parameters in a segment", async () => {
  const head = await send("/files/notes.md", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.deepEqual(head.input.params, { name: "notes", ext: "md" });
  assert.equal((await send("/files/notes.pdf", { method: "HEAD" })).status, 400);
  assert.equal((await send("/files/notes.md")).status, 404);
});

test("the base path can be moved, and routes follow it exactly", async () => {
  const moved = createApp(handlers, { openApiDocument: {}, basePath: "/" });
  calls = [];
  assert.equal((await moved.request("/droplets/autoscale")).status, 200);
  assert.equal(calls[0].name, "listAutoscalePools");
  assert.equal((await moved.request("/")).status, 200);
});

test("an operation's own server: its path, not the document's", async () => {
  calls = [];
  const upload = await app.request("/files/uploads/a.txt", { method: "PUT" });
  assert.equal(upload.status, 201);
  assert.deepEqual(calls[0].input.params, { name: "a.txt" });
  assert.equal((await send("/uploads/a.txt", { method: "PUT" })).status, 404);
  // A server of its own at the document's path is served at the base path.
  assert.equal((await send("/mirrors/eu")).name, "getMirror");
  // Moving the base path moves the document's routes only.
  const moved = createApp(handlers, { openApiDocument: {}, basePath: "/api" });
  assert.equal((await moved.request("/files/uploads/a.txt", { method: "PUT" })).status, 201);
  assert.equal((await moved.request("/api/mirrors/eu")).status, 200);
});

test("a GET whose spec declares a body: served without one", async () => {
  const r = await send("/searches?q=pets&code=Abc123");
  assert.equal(r.status, 200);
  assert.deepEqual(r.input, { query: { q: "pets", code: "Abc123" } });
  // The pattern's lookaheads: an upper-case letter, a digit, no underscore.
  assert.equal((await send("/searches?code=abc123")).status, 400);
  assert.equal((await send("/searches?code=Abc_123")).status, 400);
});

test("the collection's request for a pattern with lookaheads is accepted", async () => {
  const collection = JSON.parse(readFileSync(new URL("./gen/routing/base.postman_collection.json", import.meta.url), "utf8"));
  const items = (list) => list.flatMap((i) => (i.item ? items(i.item) : [i]));
  const search = items(collection.item).find((i) => i.request.url.path.join("/") === "searches");
  const query = search.request.url.query.filter((q) => !q.disabled).map((q) => `${q.key}=${encodeURIComponent(q.value)}`).join("&");
  assert.equal(search.request.body, undefined);
  const r = await send(`/searches?${query}`);
  assert.equal(r.status, 200, JSON.stringify(search.request.url.query));
});
