// End to end for the Postman collections: `specc emit --only postman` on each spec, then
// Prism (`@stoplight/prism-cli`) serves a mock of the spec on 127.0.0.1 with request
// validation, and newman runs the base collection against it (`baseUrl` and every other
// server variable pointed at the mock, the empty credential variables filled with a dummy
// value). Fails when a request is rejected by Prism (any 422, with or without an
// `sl-violations` header, or any answer whose `sl-violations` names a request violation),
// a request errors (unreachable host), the collection does not have exactly one request
// per operation, or (without --rejections-only) any test assertion fails.
//
// Usage: node postman_e2e.mjs SPECC WORK_DIR [--rejections-only] SPEC[=MOCK_SPEC]...
// MOCK_SPEC is the OpenAPI document Prism serves when SPEC is not one (a project spec).
// `@path` is relative to the corpus: $SPECC_CORPUS, else $DEFAULT_CORPUS, else
// ../shared/corpus.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import newman from "newman";
import { freePort, requirePrism, startPrism, stopPrism, violations } from "./prism.mjs";

const [specc, work, ...rest] = process.argv.slice(2);
const rejectionsOnly = rest.includes("--rejections-only");
const corpus = process.env.SPECC_CORPUS || process.env.DEFAULT_CORPUS || "../shared/corpus";
const specs = rest.filter((a) => !a.startsWith("--")).map((arg) => {
  const [emitPath, mockPath] = arg.split("=");
  const fix = (p) => (p.startsWith("@") ? join(corpus, p.slice(1)) : p);
  return { emit: fix(emitPath), mock: fix(mockPath || emitPath) };
});
try {
  requirePrism();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

function countRequests(items) {
  let n = 0;
  for (const item of items) n += item.request ? 1 : countRequests(item.item || []);
  return n;
}

function operationCount(spec) {
  const r = spawnSync(specc, ["ir", spec, "--format", "json"], { maxBuffer: 1 << 30, encoding: "utf8" });
  // The IR of a document with key-shaped examples (GitHub's) is printed redacted with a
  // SECRET_IN_OUTPUT error; the operations are still all there.
  let ir;
  try {
    ir = JSON.parse(r.stdout);
  } catch {
    throw new Error(`specc ir ${spec} failed: ${r.stderr}`);
  }
  const apis = ir.apis ? ir.apis.map((a) => a.api || a) : [ir];
  return apis.reduce((n, a) => n + (a.operations || []).length, 0);
}

function runNewman(collection, envVar) {
  return new Promise((ok, fail) =>
    newman.run(
      { collection, envVar, reporters: [], timeoutRequest: 20_000, timeout: 600_000 },
      (err, summary) => (err ? fail(err) : ok(summary)),
    ),
  );
}

// Why Prism rejected a request, or nothing when it did not: any 422 is a rejection (Prism
// answers an invalid request with 422, with or without `sl-violations`), and so is any
// answer whose `sl-violations` names a request violation (Prism may answer a documented
// 400 instead). Response violations do not count: the collection cannot cause them.
function rejection(response) {
  const header = response?.headers?.members?.find((h) => h.key.toLowerCase() === "sl-violations");
  const found = violations(header?.value, "request");
  if (found.length > 0) return found;
  if (response?.code === 422) return [`422 without request violations in sl-violations: ${(response.stream || "").toString().slice(0, 200)}`];
  return [];
}

let failed = false;
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const [i, spec] of specs.entries()) {
  const out = join(work, String(i));
  const started = Date.now();
  const emit = spawnSync(specc, ["emit", spec.emit, "--out", out, "--only", "postman"], { encoding: "utf8" });
  if (emit.status !== 0) {
    console.error(`${spec.emit}: specc emit failed\n${emit.stderr}`);
    failed = true;
    continue;
  }
  const service = readdirSync(out)[0];
  const collection = JSON.parse(readFileSync(join(out, service, "base.postman_collection.json"), "utf8"));
  const requests = countRequests(collection.item);
  const operations = operationCount(spec.emit);
  const port = await freePort();
  const mockUrl = `http://127.0.0.1:${port}`;
  const envVar = collection.variable.map((v) => ({
    key: v.key,
    value: v.key.startsWith("baseUrl") ? mockUrl : v.value === "" ? "specc-test" : v.value,
  }));
  const log = [];
  let prism;
  let summary;
  try {
    prism = await startPrism(["mock", resolve(spec.mock)], port, log);
    summary = await runNewman(collection, envVar);
  } catch (e) {
    console.error(`${spec.emit}: ${e.message}`);
    failed = true;
    if (prism) await stopPrism(prism);
    continue;
  }
  await stopPrism(prism);
  const executions = summary.run.executions;
  const rejected = [];
  const requestErrors = [];
  const assertionFailures = [];
  for (const ex of executions) {
    const name = `${ex.request.method} ${ex.request.url.getPath()}`;
    if (ex.requestError) requestErrors.push(`${name}: ${ex.requestError.message}`);
    const why = rejection(ex.response);
    if (why.length > 0) rejected.push(`${name}: ${why.slice(0, 3).join("; ")}`);
    for (const a of ex.assertions || []) {
      if (a.error) assertionFailures.push(`${name} [${ex.response?.code}]: ${a.assertion}: ${a.error.message}`);
    }
  }
  const assertions = executions.reduce((n, ex) => n + (ex.assertions || []).length, 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `${spec.emit}: ${operations} operations, ${requests} requests, ${executions.length} run, ` +
      `${rejected.length} rejected by Prism, ${requestErrors.length} request errors, ` +
      `${assertions - assertionFailures.length}/${assertions} assertions passed (${seconds} s)`,
  );
  const show = (title, list) => {
    if (list.length === 0) return;
    console.error(`  ${title} (${list.length}):`);
    for (const line of list.slice(0, 25)) console.error(`    ${line}`);
  };
  show("rejected", rejected);
  show("request errors", requestErrors);
  show("failed assertions", assertionFailures);
  if (requests !== operations || executions.length !== requests || rejected.length || requestErrors.length) failed = true;
  if (!rejectionsOnly && assertionFailures.length) failed = true;
}
process.exit(failed ? 1 : 0);
