// Issue #11, "Prism as a second oracle", proxy mode: the generated app of each document,
// with stub handlers answering a documented response (stub_app.mjs), is served by
// @hono/node-server on 127.0.0.1, and `prism proxy DOC http://127.0.0.1:APP --errors`
// stands in front of it. Every request of specc's base Postman collection (built as newman
// builds it, postman_requests.mjs) goes through Prism, which validates the request against
// the document, forwards it to the app, and validates the app's answer. Fails on any
// request Prism rejects (422, a request violation in `sl-violations`, or another error
// Prism answers itself, such as UNAUTHORIZED when the security is not met) and on any
// response violation (with --errors, Prism turns one into a 500 problem document; without
// it, an `sl-violations` entry at `response`); the app's own 400s are reported too.
//
// Usage: node prism_proxy.mjs SPECC WORK_DIR SPEC[=PRISM_SPEC]...
// PRISM_SPEC is the OpenAPI document Prism reads when SPEC is not one (a project spec).
// `@path` is relative to the corpus: $SPECC_CORPUS, else $DEFAULT_CORPUS, else
// ../shared/corpus.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { corpusDir } from "./documents.mjs";
import { emitDocument, prepareWork } from "./generated.mjs";
import { indexGenerated } from "./generated_index.mjs";
import { bundleValidator } from "./json_schema.mjs";
import { freePort, requirePrism, startPrism, stopPrism, violations } from "../prism.mjs";
import { collectionRequests, environmentFor } from "./postman_requests.mjs";
import { stubApp } from "./stub_app.mjs";

const [specc, work, ...args] = process.argv.slice(2);
const specs = args.map((arg) => {
  const [emitPath, prismPath] = arg.split("=");
  const fix = (p) => (p.startsWith("@") ? join(corpusDir, p.slice(1)) : p);
  return { name: emitPath, emit: fix(emitPath), prism: fix(prismPath || emitPath) };
});
requirePrism();
prepareWork(work);

let failed = false;
for (const [i, spec] of specs.entries()) {
  const started = Date.now();
  const out = join(work, String(i));
  mkdirSync(out, { recursive: true });
  const gen = emitDocument(specc, spec.emit, out, ["routes", "schemas", "openapi", "postman"]);
  const bundle = gen.readJson("openapi.json");
  const { createApp } = await gen.import("app.js");
  const schemas = await gen.import("schemas.js");
  const index = indexGenerated(gen.dir, bundle);
  const validator = bundleValidator(bundle);
  // Prism forwards the path it received, and matches it against the document's paths
  // without the server's base path, so the app serves its routes at the root.
  const stub = stubApp({ createApp, schemas, index, validator, bundle, docName: spec.name, basePath: "/" });
  // The app's own answer to the request Prism forwarded (requests go one at a time).
  let appStatus = null;
  const server = serve({
    fetch: async (request) => {
      const response = await stub.app.fetch(request);
      appStatus = response.status;
      return response;
    },
    hostname: "127.0.0.1",
    port: 0,
  });
  await new Promise((ok) => server.once("listening", ok));
  const appUrl = `http://127.0.0.1:${server.address().port}`;
  const prismPort = await freePort();
  const log = [];
  let prism;
  const rejected = [];
  const responseViolations = [];
  const appRejected = [];
  const errors = [];
  let sent = 0;
  try {
    prism = await startPrism(["proxy", resolve(spec.prism), appUrl, "--errors"], prismPort, log);
    const collection = gen.readJson("base.postman_collection.json");
    const prismUrl = `http://127.0.0.1:${prismPort}`;
    const env = environmentFor(collection, prismUrl);
    for (const key of Object.keys(env)) if (key.startsWith("baseUrl")) env[key] = prismUrl;
    const requests = await collectionRequests(collection, env);
    for (const r of requests) {
      sent++;
      const name = `${r.method} ${r.url.pathname}${r.url.search}`;
      let response;
      appStatus = null;
      try {
        response = await fetch(r.url.href, { method: r.method, headers: r.headers, body: r.body, redirect: "manual", signal: AbortSignal.timeout(20_000) });
      } catch (e) {
        errors.push(`${name}: ${e.cause?.message || e.message}`);
        continue;
      }
      const text = await response.text();
      const header = response.headers.get("sl-violations");
      const requestSide = violations(header, "request");
      const responseSide = violations(header, "response");
      // Prism's own answers are problem documents of type stoplight.io/prism/errors#KIND:
      // VIOLATIONS (with --errors), UNAUTHORIZED (security not met), NO_PATH_MATCHED...
      const prismError = /stoplight\.io\/prism\/errors#(\w+)/.exec(text)?.[1];
      if (response.status === 422 || requestSide.length || (prismError && prismError !== "VIOLATIONS")) {
        rejected.push(`${name}: ${response.status} ${requestSide.slice(0, 2).join("; ") || text.slice(0, 200)}`);
      } else if (appStatus === 400) {
        // The app's own 400 (zod rejected a request Prism accepted); Prism may also flag its
        // body, which is zod's error, not the spec's 400 schema.
        appRejected.push(`${name}: ${text.slice(0, 200)}`);
      } else if (responseSide.length || prismError === "VIOLATIONS") {
        responseViolations.push(`${name}: ${responseSide.slice(0, 2).join("; ") || text.slice(0, 300)}`);
      } else if (response.status >= 500 || response.status === 404) {
        errors.push(`${name}: ${response.status} ${text.slice(0, 200)}`);
      }
    }
  } catch (e) {
    errors.push(e.message);
  } finally {
    if (prism) await stopPrism(prism);
    server.close();
  }
  console.log(`${spec.name}: ${sent} requests through Prism: ${rejected.length} rejected by Prism, ` +
    `${responseViolations.length} response violations, ${appRejected.length} answered 400 by the app, ` +
    `${errors.length} errors (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const show = (title, list) => {
    if (list.length === 0) return;
    console.error(`  ${title} (${list.length}):`);
    for (const line of list.slice(0, 15)) console.error(`    ${line}`);
  };
  show("rejected by Prism", rejected);
  show("response violations", responseViolations);
  show("answered 400 by the app", appRejected);
  show("errors", errors);
  if (rejected.length || responseViolations.length || appRejected.length || errors.length) failed = true;
}
process.exit(failed ? 1 : 0);
