// The output of golden/emit_hostile_text used for real (hostile_text.sh builds it): every
// payload in the spec pushes onto globalThis.pwned when it runs, or adds an EVIL_* line to
// .env.example when a line break gets through. Both must stay empty.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseEnv } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const gen = join(here, "..", "gen");
globalThis.pwned = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What generated text must never hold raw: C0 controls but tab and line feed, U+2028/9,
// and bidi controls.
const unsafe = /[\u0000-\u0008\u000b-\u001f\u2028-\u202e\u2066-\u2069]/u;

test("no generated file holds a raw control character, U+2028/9 or bidi control", () => {
  const all = files(gen);
  assert.ok(all.length >= 15, `expected every artifact, got ${all.length} files`);
  for (const file of all) {
    const text = readFileSync(file, "utf8");
    const at = text.search(unsafe);
    assert.equal(at, -1, `${file} holds U+${text.codePointAt(at)?.toString(16)} at offset ${at}`);
  }
});

test("importing every generated module runs none of the spec's text", async () => {
  const modules = files(join(here, "gen")).filter((f) => f.endsWith(".js"));
  assert.ok(modules.length >= 5, `expected the compiled modules, got ${modules.length}`);
  for (const module of modules) await import(pathToFileURL(module).href);
  assert.deepEqual(globalThis.pwned, []);
});

test("the app serves its routes and nothing runs", async () => {
  const app = files(join(here, "gen")).find((f) => f.endsWith("/app.js"));
  const { createApp } = await import(pathToFileURL(app).href);
  const handlers = new Proxy({}, { get: () => (c) => c.json({ name: "rex" }, 200) });
  const served = createApp(handlers, { openApiDocument: JSON.parse(readFileSync(join(gen, "api", "openapi.json"), "utf8")) });
  const paths = Object.keys(JSON.parse(readFileSync(join(gen, "api", "openapi.json"), "utf8")).paths);
  assert.equal(paths.length, 2);
  for (const path of paths) {
    const response = await served.request("/v1" + path.replace("{petId}", "rex"));
    assert.ok(response.status < 500, `${path}: ${response.status}`);
  }
  assert.deepEqual(globalThis.pwned, []);
});

test("the JSON artifacts parse and keep every payload as text", () => {
  for (const file of files(gen).filter((f) => f.endsWith(".json"))) {
    const text = readFileSync(file, "utf8");
    JSON.parse(text);
  }
  const bundle = JSON.parse(readFileSync(join(gen, "api", "openapi.json"), "utf8"));
  assert.match(bundle.info.title, /^ok\u2028globalThis\.pwned\.push\("LS"\);\u2028\/\/ title$/u);
});

test(".env.example holds exactly the declared variables, values as written", () => {
  const env = parseEnv(readFileSync(join(gen, ".env.example"), "utf8"));
  assert.deepEqual(Object.keys(env).sort(), ["DATABASE_URL", "LOG_LEVEL", "PLAIN"]);
  assert.equal(env.LOG_LEVEL, "it's # not a comment $HOME");
  assert.equal(env.PLAIN, "info");
  assert.equal(env.DATABASE_URL, "");
});

test("PROVISIONING.md gains no line, heading or HTML from the project spec", () => {
  const md = readFileSync(join(gen, "PROVISIONING.md"), "utf8");
  assert.doesNotMatch(md, /^EVIL_/m);
  assert.doesNotMatch(md, /<(b|img)\b/);
  // The generated-file header is the only HTML comment, and it closes where it should.
  assert.equal(md.split("-->").length, 2);
});
