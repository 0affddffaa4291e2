// The routes of golden/emit_features' app for HEAD, which Hono answers through GET routes.
// (TRACE is routed with app.on and compiles, but the Fetch API that Hono runs on refuses
// to make a TRACE request at all, so it cannot be exercised here.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createApp } from "./gen/features/app.js";

const called = [];
const handlers = new Proxy({}, {
  get: (_, name) => (c) => {
    called.push(name);
    return c.json({ handled: name }, 200);
  },
});
const app = createApp(handlers, { openApiDocument: {} });

test("a HEAD operation without a GET beside it answers HEAD, and GET is not routed", async () => {
  called.length = 0;
  const head = await app.request("/ping", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");
  assert.deepEqual(called, ["headPing"]);
  assert.equal((await app.request("/ping")).status, 404);
});

test("a HEAD operation beside a GET is answered by the GET route, body dropped", async () => {
  called.length = 0;
  const head = await app.request("/pets/rex/photo", { method: "HEAD" });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), "");
  assert.deepEqual(called, ["getPetPhoto"]);
});
