// `specc init --runtime R` makes a project that runs: for each runtime, init, lint, apply
// and tsc --strict pass on the scaffold as written; package.json pins exactly the versions
// this suite tests (package-lock.json here); and for node, with handlers filled in, the
// server the scaffold names answers 200 and 201, and refuses with the documented Error body: 400
// (invalid input), 401 (no or a wrong bearer token) and 403 (a token without the scope); the user's
// handlers are never drift. Packages come from this directory's node_modules (no registry).
// Usage: node init_runnable.mjs SPECC WORK_DIR
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, check, finish } from "./checks.mjs";
import { canConnect, freePort, sleep } from "./loopback.mjs";
import Ajv2020 from "ajv/dist/2020.js";

const [specc, work] = process.argv.slice(2).map((p) => resolve(p));
const here = fileURLToPath(new URL(".", import.meta.url));
const tsc = join(here, "node_modules/.bin/tsc");
const lock = JSON.parse(readFileSync(join(here, "package-lock.json"), "utf8")).packages;
const run = (cwd, cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status, out: (r.stdout || "") + (r.stderr || "") };
};

function scaffold(runtime) {
  const dir = join(work, runtime, "shop");
  rmSync(join(work, runtime), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("git", ["init", "-q"], { cwd: dir });
  const init = run(dir, specc, ["init", "--runtime", runtime]);
  assert(init.code === 0, init.out);
  const lint = run(dir, specc, ["lint"]);
  assert(lint.code === 0, `lint: ${lint.out}`);
  const apply = run(dir, specc, ["apply"]);
  assert(apply.code === 0, `apply: ${apply.out}`);
  symlinkSync(join(here, "node_modules"), join(dir, "node_modules"));
  return dir;
}

for (const runtime of ["node", "cloudflare-worker", "vercel"]) {
  await check(`${runtime}: init, lint, apply and tsc --strict pass on the scaffold`, () => {
    const dir = scaffold(runtime);
    const built = run(dir, tsc, ["-p", "tsconfig.json", ...(runtime === "node" ? [] : ["--noEmit"])]);
    assert(built.code === 0, `tsc: ${built.out}`);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const tested = lock[`node_modules/${name}`]?.version;
      assert(version === tested, `package.json pins ${name}@${version}; the suite tests ${tested}`);
    }
  });
}

await check("node: npm start's server answers as the spec says, and the handlers are not drift", async () => {
  const dir = join(work, "node", "shop");
  writeFileSync(
    join(dir, "src/handlers/api/handlers.impl.ts"),
    `import type { Handlers } from "../../generated/api/handlers.js";
export const handlers: Handlers = {
  getHealth(c) {
    return c.json({ status: "ok" as const }, 200);
  },
  createMessage(c, input) {
    return c.json(input.body, 201);
  },
};
`,
  );
  const built = run(dir, tsc, ["-p", "tsconfig.json"]);
  assert(built.code === 0, `tsc with handlers: ${built.out}`);
  // package.json's start script, after its build step: node dist/src/server.js.
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  assert(pkg.scripts.start.endsWith("node dist/src/server.js"), pkg.scripts.start);
  const port = await freePort();
  const tokens = { API_TOKEN: "writer-token", API_READ_TOKEN: "reader-token" };
  const server = spawn("node", ["dist/src/server.js"], { cwd: dir, env: { ...process.env, ...tokens, PORT: String(port), HOST: "127.0.0.1" } });
  let log = "";
  server.stdout.on("data", (d) => (log += d));
  server.stderr.on("data", (d) => (log += d));
  try {
    for (let i = 0; i < 100 && !(await canConnect(port)); i++) await sleep(100);
    const base = `http://127.0.0.1:${port}`;
    // GET /health is public (security: []).
    const health = await fetch(`${base}/health`);
    assert(health.status === 200, `GET /health: ${health.status} ${log}`);
    assert(JSON.stringify(await health.json()) === '{"status":"ok"}', "GET /health body");
    const post = (body, token = tokens.API_TOKEN) =>
      fetch(`${base}/messages`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });
    const created = await post('{"text":"hello"}');
    assert(created.status === 201, `POST /messages valid: ${created.status}`);
    // Every refusal answers the documented Error schema {code, message}, checked with ajv.
    const document = JSON.parse(readFileSync(join(dir, "src/generated/api/openapi.json"), "utf8"));
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(document, "openapi.json");
    const errorSchema = ajv.getSchema("openapi.json#/components/schemas/Error");
    const refused = async (r, status, what) => {
      assert(r.status === status, `${what}: ${r.status}, expected ${status}`);
      const body = await r.json();
      assert(errorSchema(body), `${what}: ${JSON.stringify(body)} is not an Error: ${JSON.stringify(errorSchema.errors)}`);
      return { body, headers: r.headers };
    };
    for (const bad of ['{"text":""}', "{}", '{"text":"x","extra":1}', "not json"]) {
      const { body } = await refused(await post(bad), 400, `POST /messages ${bad}`);
      assert(body.code === "validation_failed" && body.message.startsWith("body"), `400 body: ${JSON.stringify(body)}`);
    }
    const { headers } = await refused(await post('{"text":"hello"}', ""), 401, "POST /messages without a token");
    assert(headers.get("www-authenticate") === 'Bearer realm="bearerAuth"', `WWW-Authenticate: ${headers.get("www-authenticate")}`);
    await refused(await post('{"text":"hello"}', "wrong-token"), 401, "POST /messages with a wrong token");
    await refused(await post('{"text":"hello"}', tokens.API_READ_TOKEN), 403, "POST /messages without the scope");
    assert((await fetch(`${base}/openapi.json`)).status === 200, "GET /openapi.json");
  } finally {
    server.kill();
  }
  execFileSync("git", ["add", "-A"], { cwd: dir });
  const check = run(dir, specc, ["check"]);
  assert(check.code === 0, `check after filling in the handlers: ${check.out}`);
});

finish();
