// Side by side with Postman's own converter (openapi-to-postmanv2): for each spec, the
// number of requests must be equal; the report shows where the collections differ
// (folders, request bodies, auth, placeholders a validating server rejects) and the
// conversion time of both. Usage: node compare_postman.mjs SPECC WORK SPEC... (@SPEC: in the corpus)
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { createRequire } from "node:module";

const Converter = createRequire(import.meta.url)("openapi-to-postmanv2");
const [specc, work, ...args] = process.argv.slice(2);
// `@path` is relative to the corpus: $SPECC_CORPUS, else $DEFAULT_CORPUS (set by ctest).
const corpus = process.env.SPECC_CORPUS || process.env.DEFAULT_CORPUS || "../shared/corpus";
const specs = args.map((a) => (a.startsWith("@") ? join(corpus, a.slice(1)) : a));

// Counts what a collection holds. A placeholder is a `<type>` value such as `<string>`
// left where a value is required.
function measure(collection) {
  const m = { requests: 0, folders: 0, bodies: 0, auth: 0, placeholders: 0 };
  const walk = (items) => {
    for (const item of items ?? []) {
      if (item.request) {
        m.requests += 1;
        const r = item.request;
        if (r.body && (r.body.raw || r.body.urlencoded?.length || r.body.formdata?.length)) m.bodies += 1;
        if (r.auth && r.auth.type !== "noauth") m.auth += 1;
        // Values only: descriptions may mention `<number>` in prose.
        const values = [...(r.url?.query ?? []), ...(r.url?.variable ?? [])].map((p) => p.value ?? "");
        const text = JSON.stringify([values, r.body?.raw ?? ""]);
        if (/<(string|integer|number|boolean|long|float|double|dateTime|date|uuid|uri|email)>/.test(text)) m.placeholders += 1;
      } else {
        m.folders += 1;
        walk(item.item);
      }
    }
  };
  walk(collection.item);
  // Auth set on the collection applies to every request that does not override it.
  if (collection.auth && collection.auth.type !== "noauth" && m.auth === 0) m.auth = m.requests;
  return m;
}

function convertWithPostman(spec) {
  return new Promise((resolve, reject) => {
    Converter.convert({ type: "file", data: spec }, { folderStrategy: "Tags" }, (error, result) => {
      if (error || !result.result) reject(error ?? new Error(result.reason));
      else resolve(result.output[0].data);
    });
  });
}

let mismatches = 0;
console.log("spec | requests (specc/postman) | folders | with body | with auth | with placeholders | time s (specc/postman)");
for (const spec of specs) {
  const out = join(work, basename(spec).replace(/\.[a-z]+$/, ""));
  mkdirSync(out, { recursive: true });
  let start = process.hrtime.bigint();
  execFileSync(specc, ["emit", spec, "--out", out, "--only", "postman"], { stdio: ["ignore", "ignore", "inherit"] });
  const speccSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const service = readdirSync(out)[0];
  const ours = measure(JSON.parse(readFileSync(join(out, service, "base.postman_collection.json"), "utf8")));
  start = process.hrtime.bigint();
  const theirs = measure(await convertWithPostman(spec));
  const postmanSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const pair = (key) => `${ours[key]}/${theirs[key]}`;
  console.log(`${basename(spec)} | ${pair("requests")} | ${pair("folders")} | ${pair("bodies")} | ${pair("auth")} | ` +
              `${pair("placeholders")} | ${speccSeconds.toFixed(2)}/${postmanSeconds.toFixed(2)}`);
  if (ours.requests !== theirs.requests) mismatches += 1;
}
if (mismatches > 0) {
  console.error(`${mismatches} spec(s) with a different number of requests`);
  process.exit(1);
}
