// What each schema construct of golden/emit_semantics accepts and rejects, run against the
// generated zod schemas: the one reading sema/ decides for every emitter (issue #11).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as s from "./gen/semantics/schemas.js";

const home = { city: "Oslo" };

// Each row: a construct, its schema, values it accepts, values it rejects.
const cases = [
  ["nullable beside allOf: the reference or null", s.NullableRef, [{ home }, { home: null }], [{ home: {} }, { home: 3 }]],
  ["nullable beside oneOf", s.NullableRef, [{ either: home }, { either: "x" }, { either: null }], [{ either: 3 }]],
  ["nullable beside anyOf", s.NullableRef, [{ any: 1 }, { any: true }, { any: null }], [{ any: "x" }]],
  ["nullable enum lets null through", s.NullableEnum, [{ size: "small" }, { size: null }], [{ size: "medium" }]],
  ["null in an enum without nullable does not (3.0.3)", s.NullableEnum, [{ strict: "large" }], [{ strict: null }]],
  ["nullable integer keeps its bounds", s.NullableEnum, [{ count: 1 }, { count: null }], [{ count: 0 }, { count: 1.5 }]],
  ["required beside allOf", s.RequiredBesideAllOf, [{ city: "a", zip: "1" }, { city: "a", zip: "1", street: "s" }],
    [{ city: "a" }, { zip: "1" }, { city: "a", zip: 1 }]],
  ["oneOf of required-only branches: exactly one", s.ExactlyOneOf, [{ id: "1" }, { slug: "a" }], [{}, { id: "1", slug: "a" }]],
  ["anyOf of required-only branches: at least one", s.AtLeastOneOf, [{ email: "e" }, { phone: "p" }, { email: "e", phone: "p" }], [{}]],
  ["allOf merges a strict base with more properties", s.Thing, [{ name: "n", id: 1, kind: "k" }, { name: "n" }],
    [{ name: "n", colour: "red" }, { id: 1 }]],
  ["a polymorphic base's branches inherit its properties", s.Cat, [{ petType: "kitty", meows: true }], [{ meows: true }, { petType: "kitty" }]],
  ["the base selects a branch by its discriminator", s.Pet, [{ petType: "kitty", meows: true }, { petType: "Dog", barks: false, name: "Rex" }],
    [{ petType: "Cat", meows: true }, { petType: "kitty", barks: true }, { petType: "Dog" }]],
  ["boolean exclusiveMinimum/Maximum", s.Bounds, [{ ratio: 0.5 }], [{ ratio: 0 }, { ratio: 1 }]],
  ["uniqueItems compares objects whatever their key order", s.Unique, [[{ a: 1 }, { a: 2 }]], [[{ a: 1, b: 2 }, { b: 2, a: 1 }]]],
  ["int32 has its range", s.Int32, [2147483647, -2147483648], [2147483648, 1.5]],
  ["a property declared by two allOf branches satisfies both", s.HydratedOrder, [{ id: 1, carrier: { id: 2, name: "ups" } }, { id: 1 }],
    [{ id: 1, carrier: { id: 2 } }, { id: 1, carrier: { id: 0, name: "ups" } }]],
  ["a readOnly property of an inline object in a component is not required", s.Severity,
    [{ cvss: { vector: "v" } }, { cvss: { vector: "v", score: 1 } }], [{ cvss: { score: 1 } }]],
  ["quoted numbers in an integer enum are the integers", s.Concurrency, [{ max: 12 }, { max: 6 }], [{ max: "12" }, { max: 7 }]],
  ["a oneOf branch that checks only its type: read as anyOf", s.ExporterConfig, [{ path: "/tmp" }, {}, { other: 1 }], ["x", [1]]],
  ["readOnly and writeOnly are never required", s.Account, [{ login: "l" }, { login: "l", id: "i" }, { login: "l", password: "p" }], [{ id: "i" }]],
];

for (const [name, schema, accepted, rejected] of cases) {
  test(name, () => {
    for (const value of accepted) {
      const r = schema.safeParse(value);
      assert.ok(r.success, `should accept ${JSON.stringify(value)}: ${r.success ? "" : r.error.message}`);
    }
    for (const value of rejected) {
      assert.ok(!schema.safeParse(value).success, `should reject ${JSON.stringify(value)}`);
    }
  });
}

test("a polymorphic cycle parses without overflowing the stack", () => {
  const deep = { petType: "kitty", meows: true, name: "x".repeat(10) };
  assert.ok(s.Pet.safeParse(deep).success);
  assert.ok(s.CreatePetBody.safeParse({ petType: "Dog", barks: true }).success);
});

// The generated app reads parameters and form bodies back into the types their schemas
// name, by the same wire forms the Postman collections write.
import { createApp } from "./gen/semantics/app.js";

const seen = [];
const app = createApp(
  new Proxy({}, { get: (_, name) => (c, input) => { seen.push([name, input]); return c.json({}, name === "search" ? 200 : 201); } }),
  { openApiDocument: {} },
);

async function send(path, init) {
  seen.length = 0;
  const response = await app.request(path, init);
  return { status: response.status, input: seen[0]?.[1] };
}

const form = (text) => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: text });

test("a urlencoded body is read as its schema's types", async () => {
  const r = await send("/calls", form("To=%2B47&Timeout=30&Record=true&Events=initiated&Events=ringing&Digits=1%7C2&Meta%5Ba%5D=x"));
  assert.equal(r.status, 201);
  assert.deepEqual(r.input.body, { To: "+47", Timeout: 30, Record: true, Events: ["initiated", "ringing"], Digits: [1, 2], Meta: { a: "x" } });
});

test("one value of an array field is an array of one", async () => {
  const r = await send("/calls", form("To=a&Timeout=5&Events=answered"));
  assert.equal(r.status, 201);
  assert.deepEqual(r.input.body.Events, ["answered"]);
});

test("form text that is not its type, or out of range, is rejected", async () => {
  for (const body of ["To=a&Timeout=abc", "To=a&Timeout=601", "To=a&Timeout=5&Record=yes", "To=a&Timeout=5&Events=hung", "Timeout=5"]) {
    assert.equal((await send("/calls", form(body))).status, 400, body);
  }
});

test("a multipart body: numbers, repeated parts and JSON parts", async () => {
  const text = new FormData();
  text.append("count", "3");
  text.append("meta", JSON.stringify({ city: "Oslo" }));
  const r = await send("/uploads", { method: "POST", body: text });
  assert.equal(r.status, 201);
  assert.deepEqual(r.input.body, { count: 3, meta: { city: "Oslo" } });
  const repeated = new FormData();
  repeated.append("count", "1");
  repeated.append("tags", "a");
  repeated.append("tags", "b");
  repeated.append("meta", JSON.stringify({ city: "Oslo" }));
  assert.deepEqual((await send("/uploads", { method: "POST", body: repeated })).input.body.tags, ["a", "b"]);
  const broken = new FormData();
  broken.append("count", "1");
  broken.append("meta", "{not json");
  assert.equal((await send("/uploads", { method: "POST", body: broken })).status, 400);
});

test("query parameters of every style are read as their types", async () => {
  const q = encodeURIComponent(JSON.stringify({ term: "t" }));
  const r = await send(`/search?limit=5&exact=false&score=&ids=1&ids=2&tags=a,b&words=x%20y&filter%5Bmin%5D=3&filter%5Bkind%5D=k&q=${q}`, {
    headers: { "X-Trace": "7,8" },
  });
  assert.equal(r.status, 200);
  assert.deepEqual(r.input.query, { limit: 5, exact: false, score: null, ids: [1, 2], tags: ["a", "b"], words: ["x", "y"], filter: { min: 3, kind: "k" }, q: { term: "t" } });
  assert.deepEqual(r.input.headers, { "x-trace": [7, 8] });
});

test("query text that is not its type is rejected", async () => {
  for (const query of ["limit=0", "limit=x", "exact=1", "ids=a", "filter%5Bmin%5D=x", "q=%7Bnot%20json", "q=%7B%7D"]) {
    assert.equal((await send(`/search?${query}`)).status, 400, query);
  }
});

test("a string body under */* or text/plain is read as its text, whatever type the client names", async () => {
  const put = (body, type) => send("/notes/n1", { method: "PUT", headers: { "Content-Type": type }, body });
  const r = await put("c3BlY2M=", "*/*");
  assert.equal(r.status, 201);
  assert.equal(r.input.body, "c3BlY2M=");
  assert.equal((await put("c3BlY2M=", "application/octet-stream")).status, 201);
  assert.equal((await put("c3BlY2M=c3BlY2M=", "text/plain")).status, 400, "longer than maxLength 12");
  const post = (body) => send("/messages", { method: "POST", headers: { "Content-Type": "text/plain" }, body });
  assert.equal((await post("hello")).input.body, "hello");
  assert.equal((await post("h")).status, 400, "shorter than minLength 2");
});

test("an object body under */* is JSON", async () => {
  const put = (body) => send("/settings", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  assert.deepEqual((await put({ city: "Oslo" })).input.body, { city: "Oslo" });
  assert.equal((await put({ zip: "0150" })).status, 400);
});
