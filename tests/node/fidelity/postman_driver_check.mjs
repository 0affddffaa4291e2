// Proves that postman_requests.mjs (the fast driver the fidelity tests send collections
// with) builds every request as newman does: for each document, specc's base collection
// is built by postman_requests.mjs and by postman-runtime's own pipeline
// (postman_runtime_requests.mjs), and the two must agree on the method, the URL as sent
// (path and query), the headers and the body, request by request. Then, for a few
// documents whose collections have every body mode (raw JSON, urlencoded, formdata) and
// auth kind, newman itself sends the collection over HTTP to a recording server on
// 127.0.0.1, and what arrives must equal what the driver builds.
//
// Usage: node postman_driver_check.mjs SPECC WORK_DIR [NAME_FILTER...]
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import newman from "newman";
import { join } from "node:path";
import { documents } from "./documents.mjs";
import { emitDocument, prepareWork } from "./generated.mjs";
import { collectionRequests, environmentFor } from "./postman_requests.mjs";
import { runtimeCollectionRequests } from "./postman_runtime_requests.mjs";

const [specc, work, ...filters] = process.argv.slice(2);

// What the app can observe of a request: the boundary of a multipart body is random.
function observable(r, ignoreLength = false) {
  const type = (r.headers.find(([k]) => k.toLowerCase() === "content-type") || [])[1] || "";
  const boundary = /boundary=([^;]+)/.exec(type)?.[1];
  const unbound = (text) => (boundary ? text.split(boundary).join("BOUNDARY") : text);
  return {
    method: r.method,
    target: r.url.pathname + r.url.search,
    headers: r.headers.filter(([k]) => !(ignoreLength && k.toLowerCase() === "content-length")).map(([k, v]) => `${k.toLowerCase()}: ${unbound(v)}`).sort(),
    body: r.body === undefined ? undefined : unbound(Buffer.from(r.body).toString("latin1")),
  };
}

prepareWork(work);
let compared = 0;
const differences = [];
for (const doc of documents(filters)) {
  const out = join(work, doc.name.replace(/[^A-Za-z0-9._-]/g, "_"));
  mkdirSync(out, { recursive: true });
  let gen;
  try {
    gen = emitDocument(specc, doc.path, out, ["postman"]);
  } catch (e) {
    differences.push(`${doc.name}: ${e.message.split("\n")[0]}`);
    continue;
  }
  const collection = gen.readJson("base.postman_collection.json");
  const env = environmentFor(collection, "http://127.0.0.1:9");
  const fast = await collectionRequests(collection, env);
  const reference = await runtimeCollectionRequests(collection, env);
  if (fast.length !== reference.length) differences.push(`${doc.name}: ${fast.length} requests, runtime ${reference.length}`);
  let docDiffs = 0;
  let dynamic = 0;
  const raw = [];
  const walk = (items) => (items || []).forEach((it) => (it.item ? walk(it.item) : raw.push(JSON.stringify(it.request))));
  walk(collection.item);
  for (let i = 0; i < Math.min(fast.length, reference.length); i++) {
    // Postman's dynamic variables ({{$randomInt}}, {{$guid}}...) differ on every run.
    if (/\{\{\$/.test(raw[i] || "")) {
      dynamic++;
      continue;
    }
    const a = observable(fast[i], true);
    const b = observable(reference[i], true);
    compared++;
    for (const part of ["method", "target", "headers", "body"]) {
      if (JSON.stringify(a[part]) !== JSON.stringify(b[part])) {
        docDiffs++;
        if (docDiffs <= 5) differences.push(`${doc.name}: ${fast[i].name}: ${part}:\n    driver:  ${JSON.stringify(a[part]).slice(0, 600)}\n    runtime: ${JSON.stringify(b[part]).slice(0, 600)}`);
      }
    }
  }
  console.log(`${doc.name}: ${fast.length} requests, ${docDiffs} differences${dynamic ? `, ${dynamic} with dynamic variables not compared` : ""}`);
}
// newman over HTTP, on the documents named here: every request newman sends is recorded
// by a server on 127.0.0.1 and compared with the driver's (newman adds a random
// Postman-Token and Cache-Control, which the driver leaves out, and Host and Connection;
// postman-runtime's pipeline stops before Content-Length, which is left out of that
// comparison).
const overHttp = ["apis-guru/netlicensing.io__2.x__openapi.yaml", "apis-guru/trashnothing.com__1.2__openapi.yaml",
  "apis-guru/box.com__2.0.0__openapi.yaml", "apis-guru/twilio.com__twilio_taskrouter_v1__1.29.2__openapi.yaml"];
const newmanOnly = new Set(["postman-token", "cache-control", "host", "connection"]);
for (const doc of documents(filters).filter((d) => overHttp.includes(d.name))) {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const headers = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        if (!newmanOnly.has(req.rawHeaders[i].toLowerCase())) headers.push([req.rawHeaders[i], req.rawHeaders[i + 1]]);
      }
      const body = Buffer.concat(chunks);
      received.push({ method: req.method, url: new URL(req.url, "http://127.0.0.1"), headers, body: body.length ? body : undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const out = join(work, "http", doc.name.replace(/[^A-Za-z0-9._-]/g, "_"));
  mkdirSync(out, { recursive: true });
  const collection = emitDocument(specc, doc.path, out, ["postman"]).readJson("base.postman_collection.json");
  const strip = (items) => items.forEach((i) => (delete i.event, i.item && strip(i.item)));
  strip(collection.item);
  const env = environmentFor(collection, origin);
  const built = await collectionRequests(collection, env);
  await new Promise((ok, fail) => newman.run({ collection, envVar: Object.entries(env).map(([key, value]) => ({ key, value })), reporters: [] },
    (err) => (err ? fail(err) : ok())));
  server.close();
  let docDiffs = 0;
  if (received.length !== built.length) differences.push(`${doc.name}: newman sent ${received.length} requests, the driver built ${built.length}`);
  for (let i = 0; i < Math.min(received.length, built.length); i++) {
    const a = observable(built[i]);
    const b = observable(received[i]);
    compared++;
    for (const part of ["method", "target", "headers", "body"]) {
      if (JSON.stringify(a[part]) !== JSON.stringify(b[part])) {
        docDiffs++;
        if (docDiffs <= 5) differences.push(`${doc.name} over HTTP: ${built[i].name}: ${part}:\n    driver: ${JSON.stringify(a[part]).slice(0, 600)}\n    newman: ${JSON.stringify(b[part]).slice(0, 600)}`);
      }
    }
  }
  console.log(`${doc.name}: ${received.length} requests sent by newman over HTTP, ${docDiffs} differences`);
}

for (const d of differences) console.error(d);
console.log(`${compared} requests compared, ${differences.length} differences`);
process.exit(differences.length ? 1 : 0);
