// Issue #11, "self-consistency on the corpus": for every real-world document
// (documents.mjs), the example project and fixtures/semantics.yaml, specc's generated Hono
// app, with stub handlers answering a documented response (stub_app.mjs), must accept
// every request of specc's own base Postman collection: no request may be answered 400 by
// validation, 404/405 by routing, or 5xx. The requests are built as newman sends them (postman_requests.mjs;
// postman_driver_check proves the equivalence) and sent in-process through `app.request`.
// Each 400 is traced to the input part zod rejected and zod's issue, and printed. A request
// served by another operation on the same route (path keys that differ only in a fragment or
// query string, SPEC_PATH_SHARED) whose input that operation accepts is counted apart, as
// "shared", and does not fail: nothing on the wire tells the two apart.
//
// Usage: node self_consistency.mjs SPECC WORK_DIR [NAME_FILTER...]
// Writes WORK_DIR/failures.json (every failed request, with zod's issues) for a closer look.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documents, fixtures, inSample } from "./documents.mjs";
import { emitDocument, prepareWork } from "./generated.mjs";
import { indexGenerated, shape } from "./generated_index.mjs";
import { bundleValidator } from "./json_schema.mjs";
import { judge } from "./known_failures.mjs";
import { collectionRequests, environmentFor } from "./postman_requests.mjs";
import { stubApp } from "./stub_app.mjs";

const [specc, work, ...filters] = process.argv.slice(2);
const origin = "http://localhost";
// The example project rides along: it is specc's own showcase and costs nothing.
const example = { name: "example project (specs/stackfast.specc)", path: "specs/stackfast.specc" };
const docs = [...(filters.length === 0 || filters.some((f) => example.name.includes(f)) ? [example] : []), ...fixtures(filters), ...documents(filters)];

const issueText = (i) => `${i.path.join(".") || "(root)"}: ${i.code}${i.expected ? ` expected ${i.expected}` : ""}${i.code === "invalid_value" && i.values ? ` ${JSON.stringify(i.values).slice(0, 80)}` : ""}`;

// Sends `requests` through the stub app; returns one outcome per request.
// `expected(r)` is the handler the request is for (null when no operation matches it).
// `ownConstants(handler)` is the set of schemas.ts constants validating that handler's input.
// `routeKey(handler)` is the route a handler's operation is served on (method and path
// shape, without a path key's query or fragment).
async function drive(stub, requests, basePath, expected, ownConstants, routeKey) {
  const outcomes = [];
  for (const r of requests) {
    const store = { handled: null, failures: [], errors: [] };
    let response;
    let thrown;
    try {
      const init = { method: r.method, headers: r.headers };
      if (r.body !== undefined) init.body = r.body;
      response = await stub.context.run(store, () => stub.app.request(r.url.href, init));
    } catch (e) {
      thrown = e;
    }
    const status = response ? response.status : 0;
    const validation = (status === 400 || status === 422) && response.headers.get("Specc-Rejection") === "validation";
    const text = response ? await response.text() : "";
    let outcome;
    if (thrown) outcome = "driver error";
    // Operations sharing a route (their path keys differ only in a query string or fragment,
    // which no request carries: SPEC_PATH_SHARED) whose inputs both accept a request: the spec
    // gives the server nothing to tell them apart, and the first declared serves it.
    else if (store.handled && expected(r) && store.handled !== expected(r) && routeKey(store.handled) === routeKey(expected(r))) outcome = "shared route";
    else if (store.handled && expected(r) && store.handled !== expected(r)) outcome = "another operation's route";
    else if (store.handled) outcome = status >= 500 ? "5xx" : "handled";
    // The generated app marks its own refusals (runtime.ts's Specc-Rejection header); a
    // validation refusal is 400, or 422 where the operation documents only that.
    else if (validation && store.failures.length && expected(r) && !store.failures.some((f) => ownConstants(expected(r)).has(f.constant))) {
      outcome = "another operation's route";
    } else if (validation && store.failures.length) outcome = "400 validation";
    else if (status === 400) outcome = "400 other";
    else if (status === 404 && !r.url.pathname.startsWith(basePath === "/" ? "/" : basePath + "/") && r.url.pathname !== basePath) outcome = "404 outside the base path";
    else if (status === 404) outcome = "404 no route";
    else if (status === 405) outcome = "405";
    else if (status >= 500) outcome = "5xx";
    else outcome = `unexpected ${status}`;
    outcomes.push({ request: r, status, outcome, store, expected: expected(r), text: text.slice(0, 300), thrown: thrown?.message });
  }
  return outcomes;
}

prepareWork(work);
const rows = [];
const failures = [];
let failed = false;
const started = Date.now();
for (const doc of docs) {
  const t0 = Date.now();
  const out = join(work, doc.name.replace(/[^A-Za-z0-9._-]/g, "_"));
  mkdirSync(out, { recursive: true });
  const row = { doc: doc.name, sent: 0, handled: 0, counts: {}, problems: [] };
  rows.push(row);
  try {
    const gen = emitDocument(specc, doc.path, out, ["routes", "schemas", "openapi", "postman"]);
    const bundle = gen.readJson("openapi.json");
    const appModule = await gen.import("app.js");
    const schemas = await gen.import("schemas.js");
    const index = indexGenerated(gen.dir, bundle);
    row.problems.push(...index.problems);
    const validator = bundleValidator(bundle);
    const stub = stubApp({ createApp: appModule.createApp, schemas, index, validator, bundle, docName: doc.name });
    const collection = gen.readJson("base.postman_collection.json");
    let requests = await collectionRequests(collection, environmentFor(collection, origin));
    if (doc.sample) requests = requests.filter((r) => inSample(doc.sample, `${r.method} ${r.url.pathname}`));
    for (const r of requests) for (const p of r.problems) row.problems.push(`${r.name}: ${p}`);
    const handlerOf = new Map();
    for (const o of index.operations) if (o.answering) handlerOf.set(`${o.method} ${shape(o.path, true)}`, (o.route || o.answering).handler);
    const expected = (r) => handlerOf.get(`${r.method.toLowerCase()} ${shape(r.template, true)}`) ?? null;
    const constantsOf = new Map(index.operations.filter((o) => o.route).map((o) => [o.route.handler, new Set(o.route.validators.map((v) => v.schema))]));
    const routeKeyOf = new Map(index.operations.filter((o) => o.route).map((o) => [o.route.handler, `${o.method} ${shape(o.path)}`]));
    const outcomes = await drive(stub, requests, appModule.defaultBasePath, expected, (h) => constantsOf.get(h) || new Set(), (h) => routeKeyOf.get(h));
    const routeOf = new Map(index.operations.filter((o) => o.route).map((o) => [o.route.handler, `${o.method.toUpperCase()} ${o.path}`]));
    for (const o of outcomes) {
      row.sent++;
      row.counts[o.outcome] = (row.counts[o.outcome] || 0) + 1;
      if (o.outcome === "handled" || o.outcome === "shared route") continue;
      const r = o.request;
      failures.push({
        document: doc.name,
        request: `${r.method} ${r.url.pathname}${r.url.search}`,
        name: r.name,
        outcome: o.outcome,
        status: o.status,
        parts: o.store.failures.map((f) => ({ targets: f.targets, constant: f.constant, issues: f.issues.slice(0, 5).map(issueText), data: f.data })),
        contentType: (r.headers.find(([k]) => k.toLowerCase() === "content-type") || [])[1],
        body: r.body === undefined ? undefined : Buffer.from(r.body).toString("utf8").slice(0, 400),
        response: o.text,
        errors: o.store.errors.map((e) => e.split("\n").slice(0, 3).join(" | ")),
        handler: o.store.handled,
        expectedHandler: o.expected,
        answeredBy: routeOf.get(o.store.handled),
        meant: routeOf.get(o.expected),
        thrown: o.thrown,
      });
    }
  } catch (e) {
    row.problems.push(e.message.split("\n").slice(0, 3).join(" / "));
  }
  row.seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const bad = row.sent - (row.counts.handled || 0) - (row.counts["shared route"] || 0);
  const verdict = judge("self_consistency", doc.name, bad + row.problems.length);
  if (!verdict.ok) failed = true;
  console.log(`${doc.name}: ${row.sent} requests${doc.sample ? " (sampled)" : ""}, ${row.counts.handled || 0} reached the handler, ` +
    `${bad} failed, ${row.problems.length} problems (${row.seconds} s)${verdict.message ? `  ${verdict.message}` : ""}`);
}

writeFileSync(join(work, "failures.json"), JSON.stringify(failures, null, 1));
const columns = [["shared route", "shared"], ["400 validation", "400 valid."], ["400 other", "400 other"], ["404 no route", "404 route"],
  ["404 outside the base path", "404 base"], ["405", "405"], ["another operation's route", "wrong op"], ["5xx", "5xx"],
  ["driver error", "driver"]];
const pad = (s, n) => String(s).padEnd(n);
console.log("\n" + pad("document", 62) + pad("sent", 6) + pad("ok", 6) + columns.map(([, short]) => pad(short, 11)).join(""));
for (const row of rows) {
  console.log(pad(row.doc.slice(0, 60), 62) + pad(row.sent, 6) + pad(row.counts.handled || 0, 6) +
    columns.map(([c]) => pad(row.counts[c] || 0, 11)).join(""));
}
const sum = (f) => rows.reduce((n, r) => n + f(r), 0);
console.log(`\ntotal: ${rows.length} documents, ${sum((r) => r.sent)} requests, ${sum((r) => r.counts.handled || 0)} reached the handler, ` +
  columns.map(([c]) => `${sum((r) => r.counts[c] || 0)} ${c}`).join(", ") + ` (${((Date.now() - started) / 1000).toFixed(0)} s)`);
// Why, per document: the first failures, each with the part zod rejected.
for (const row of rows) {
  const mine = failures.filter((f) => f.document === row.doc);
  if (!mine.length && !row.problems.length) continue;
  console.error(`\n${row.doc}:`);
  for (const p of row.problems.slice(0, 5)) console.error(`  problem: ${p}`);
  if (row.problems.length > 5) console.error(`  ... ${row.problems.length - 5} more problems`);
  for (const f of mine.slice(0, 6)) {
    const why = f.parts.length
      ? f.parts.map((p) => `${p.targets.join("/")} (${p.constant}): ${p.issues.slice(0, 2).join("; ")}`).join(" + ")
      : f.outcome === "another operation's route" ? `${f.handler ? `${f.handler} (${f.answeredBy}) ran` : "another route answered"}, not ${f.expectedHandler} (${f.meant})`
      : f.errors[0] || f.thrown || f.response.slice(0, 120);
    console.error(`  ${f.outcome}: ${f.request} -> ${why}`);
  }
  if (mine.length > 6) console.error(`  ... ${mine.length - 6} more (${join(work, "failures.json")})`);
}
process.exit(failed ? 1 : 0);
