// A response in a JSON stream type (application/x-ndjson: one JSON text per line) is not
// one JSON text: the collection's tests must neither parse it whole nor check it against
// its schema, as sema/response_body.h decides for every emitter. A server answering the
// semantics spec's streamEvents with two events runs green in newman; a `+json` problem
// answer is still parsed as JSON.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import newman from "newman";

const answers = {
  ndjson: { status: 200, type: "application/x-ndjson", body: '{"city":"Oslo"}\n{"city":"Bergen"}\n' },
  problem: { status: 400, type: "application/problem+json; charset=utf-8", body: "{not json" },
};
let answer = answers.ndjson;
const server = createServer((_, res) => {
  res.writeHead(answer.status, { "Content-Type": answer.type });
  res.end(answer.body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
after(() => server.close());

const base = JSON.parse(readFileSync(new URL("./gen/semantics/base.postman_collection.json", import.meta.url), "utf8"));
const items = [];
const walk = (list) => list.forEach((item) => (item.item ? walk(item.item) : items.push(item)));
walk(base.item);
const streamEvents = items.find((item) => item.name === "streamEvents");

async function run() {
  const collection = { ...base, item: [streamEvents] };
  const summary = await new Promise((resolve, reject) => {
    newman.run({ collection, envVar: [{ key: "baseUrl", value: `http://127.0.0.1:${server.address().port}` }], reporters: [], timeoutRequest: 5000 },
      (error, result) => (error ? reject(error) : resolve(result)));
  });
  const tests = summary.run.executions.flatMap((e) => e.assertions ?? []).map((a) => a.assertion);
  return { failures: summary.run.failures.map((f) => `${f.error?.test ?? f.source?.name}: ${f.error?.message}`), tests };
}

test("an application/x-ndjson answer is not parsed or checked as one JSON text", async () => {
  assert.ok(streamEvents, "the semantics collection has streamEvents");
  answer = answers.ndjson;
  const { failures, tests } = await run();
  assert.deepEqual(failures, []);
  assert.ok(tests.includes("a JSON body parses"), tests.join(", "));
  assert.ok(!tests.some((name) => name.startsWith("the body matches")), tests.join(", "));
});

test("an application/problem+json answer is parsed as JSON", async () => {
  answer = answers.problem;
  const { failures } = await run();
  assert.ok(failures.some((f) => f.startsWith("a JSON body parses")), failures.join("\n"));
});
