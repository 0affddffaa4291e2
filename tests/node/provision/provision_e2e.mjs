// `specc provision` end to end, offline: every provider is a stateful fake on 127.0.0.1
// (fakes.mjs) whose requests Prism validates against the provider's published description
// (oracle.mjs). Usage: node provision_e2e.mjs SPECC WORK_DIR. UPDATE_GOLDEN=1 rewrites the
// expected reports in expected/.
//
// What it shows:
//   contract     the example project provisioned for dev, staging and prod: 0 requests
//                rejected by Prism, no unexpected endpoint, no DELETE
//   idempotency  a second run of each environment creates nothing and writes nothing
//   kills        runs killed with SIGKILL at random points (after a change reached a
//                provider but before specc heard of it, and at random times), then run
//                again: exactly one of each resource, the state never torn
//   faults       429 with Retry-After, 500s, timeouts, malformed and unexpected bodies:
//                retried within bounds, then a diagnostic naming the provider, the step and
//                the status, exit 4, nothing half-recorded
//   secrets      canary credentials and canary secret outputs appear in no output, state
//                or committed file; `.env.<env>` only when git ignores it, mode 0600
//   approvals    without approval nothing changes; prod needs each key named
//   sinks        GitHub environment secrets (sealed) and Vercel env vars on two fixtures
//   reports      golden text and JSON reports (expected/)
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CANARY, newWorld, startFakes } from "./fakes.mjs";
import { startPrism, writeOracleDescription } from "./oracle.mjs";
import { CREDENTIALS, environment, filesOf, git, makeRepository, planKeys, readJson, resetRepository, runSpecc } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..", "..");
const [specc, work] = process.argv.slice(2).map((p) => resolve(p));
const corpus = process.env.SPECC_CORPUS || process.env.DEFAULT_CORPUS || join(root, "..", "shared", "corpus");
const update = process.env.UPDATE_GOLDEN === "1";
const started = Date.now();
const failures = [];

function check(name, fn) {
  const t = Date.now();
  return Promise.resolve()
    .then(fn)
    .then(() => console.log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`))
    .catch((e) => {
      failures.push(name);
      console.log(`FAIL ${name}\n${e.stack || e}`);
    });
}

// Compares `actual` with expected/<name>; UPDATE_GOLDEN=1 rewrites it.
function golden(name, actual) {
  const path = join(here, "expected", name);
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, readFileSync(path, "utf8"), `${name} differs; if intended, run with UPDATE_GOLDEN=1 and review git diff`);
}

// Every secret-ish marker that must never leave the fakes or the environment.
function leaks(text) {
  const found = [];
  for (const value of Object.values(CREDENTIALS)) if (text.includes(value)) found.push(value);
  if (text.includes(CANARY)) found.push(`${CANARY}...`);
  if (text.includes("[redacted:")) found.push("[redacted: (the guard caught something)");
  return found;
}

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const prismLog = [];
const oracleFile = writeOracleDescription(corpus, join(work, "oracle.json"));
const prism = await startPrism(oracleFile, prismLog);
const fakes = await startFakes({ prismPort: prism.port });
const env = environment(fakes.port);
const outputs = [];  // every stdout and stderr specc printed, for the secrets check
const run = async (dir, args, extra = {}, control = {}) => {
  const r = await runSpecc(specc, dir, args, { ...env, ...extra }, control);
  outputs.push(r.stdout, r.stderr);
  return r;
};
const freshWorld = () => {
  fakes.world = newWorld();
  fakes.faults = [];
  fakes.onChange = null;
};
const creates = () => Object.values(fakes.world.creates).reduce((a, b) => a + b, 0);

const example = makeRepository(specc, join(work, "example"), join(root, "specs"), join(root, "specc.yaml"));
console.log(`setup ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---- contract and idempotency: the example, dev, staging and prod ------------------------
await check("the example provisions dev, staging and prod with no request rejected by Prism", async () => {
  freshWorld();
  const dev = await run(example, ["provision", "--env", "dev", "--approve-all"]);
  assert.equal(dev.code, 0, dev.stdout + dev.stderr);
  golden("example_dev_first.txt", dev.stdout);
  const staging = await run(example, ["provision", "--env", "staging", "--approve-all", "--format", "json"]);
  assert.equal(staging.code, 0, staging.stdout + staging.stderr);
  golden("example_staging_first.json", staging.stdout);
  const prodKeys = planKeys(specc, example, "prod").flatMap((k) => ["--approve", k]);
  const prod = await run(example, ["provision", "--env", "prod", ...prodKeys]);
  assert.equal(prod.code, 0, prod.stdout + prod.stderr);
  const w = fakes.world;
  assert.deepEqual(w.violations, [], "Prism rejected requests");
  assert.deepEqual(w.unexpected, [], "requests no fake serves");
  assert.equal(w.deletes, 0, "specc sent a DELETE");
  for (const [resource, n] of Object.entries(w.creates)) assert.equal(n, 1, `${resource} created ${n} times`);
  const expected = ["neon:project:stackfast-db", "neon:branch:stackfast-db/dev", "neon:branch:stackfast-db/staging", "neon:branch:stackfast-db/prod",
                    "upstash:redis:stackfast-cache-dev", "upstash:redis:stackfast-cache-prod", "upstash:vector:stackfast-embeddings",
                    "vercel:project:stackfast-web", "github:repo:stackfast/stackfast", "github:environment:stackfast/stackfast/prod",
                    "postman:workspace:stackfast"];
  for (const resource of expected) assert.ok(w.creates[resource] === 1, `${resource} was not created`);
  console.log(`     ${w.requests} requests, ${creates()} creates, 0 rejected by Prism`);
});

await check("a second run of each environment changes nothing", async () => {
  const before = { creates: creates(), writes: fakes.world.writes.length };
  const state = readFileSync(join(example, ".specc/state/dev.json"), "utf8");
  for (const env of ["dev", "staging"]) {
    const again = await run(example, ["provision", "--env", env, "--approve-all", "--format", "json"]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    const report = JSON.parse(again.stdout);
    for (const step of report.steps) assert.ok(["noop", "manual"].includes(step.result), `${step.idempotencyKey}: ${step.result}`);
    if (env === "dev") golden("example_dev_again.json", again.stdout);
  }
  const prod = await run(example, ["provision", "--env", "prod"]);
  assert.equal(prod.code, 0, "prod needs no approval when nothing changes:\n" + prod.stdout);
  assert.equal(creates(), before.creates);
  assert.equal(fakes.world.writes.length, before.writes, `writes: ${fakes.world.writes.slice(before.writes)}`);
  assert.equal(readFileSync(join(example, ".specc/state/dev.json"), "utf8"), state, "the state changed");
  assert.deepEqual(fakes.world.violations, []);
});

await check("plan reads the state: no-op after provisioning, drift when the spec moves", async () => {
  const plan = await run(example, ["plan"]);
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stdout, /neonBranch\.db-dev .* no-op/);
  assert.match(plan.stdout, /cloudflareWorker\.edge-all .*\[manual/);
  assert.doesNotMatch(plan.stdout, / create\n/);
  const spec = join(example, "specs/stackfast.specc");
  const original = readFileSync(spec, "utf8");
  writeFileSync(spec, original.replace('region = "aws-us-east-2"', 'region = "aws-eu-central-1"'));
  try {
    const moved = await run(example, ["plan", "--format", "json"]);
    const step = JSON.parse(moved.stdout).steps.find((s) => s.idempotencyKey.endsWith("neonProject.db-all"));
    assert.equal(step.status, "drift");
    const provision = await run(example, ["provision", "--env", "dev", "--approve-all"]);
    assert.equal(provision.code, 1, "drift remains: exit 1\n" + provision.stdout);
    assert.match(provision.stdout, /drift: region: the spec says `aws-eu-central-1`, the provider has `aws-us-east-2`/);
  } finally {
    writeFileSync(spec, original);
  }
});

// ---- the hand-off file and the secrets -----------------------------------------------------
await check(".env.dev holds the values of the manual Cloudflare step, owner-only, and is never committed", async () => {
  const file = join(example, ".env.dev");
  assert.ok(existsSync(file), ".env.dev was not written");
  const text = readFileSync(file, "utf8");
  assert.match(text, /^DATABASE_URL=.*canary5eNp/m, "the connection URI was not handed over");
  assert.match(text, /^UPSTASH_REDIS_REST_TOKEN=canary5e-redis-rest-token-/m);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(git(example, "status", "--porcelain", "--ignored", ".env.dev").trim(), "!! .env.dev");
});

await check("no canary reaches an output, the state or a file git would commit", async () => {
  for (const text of outputs) assert.deepEqual(leaks(text), [], `printed:\n${text.slice(0, 2000)}`);
  const ignored = new Set(git(example, "ls-files", "--others", "--ignored", "--exclude-standard").split("\n").filter(Boolean));
  let checked = 0;
  for (const [path, text] of filesOf(example)) {
    if (ignored.has(path)) continue;
    checked++;
    assert.deepEqual(leaks(text), [], `${path} holds a secret`);
  }
  assert.ok(checked > 20 && existsSync(join(example, ".specc/state/all.json")));
});

// ---- approvals -------------------------------------------------------------------------
await check("without approval nothing with a side effect runs; an approval covers its step only", async () => {
  freshWorld();
  resetRepository(example);
  const r = await run(example, ["provision", "--env", "dev"]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(fakes.world.writes, []);
  golden("example_dev_unapproved.txt", r.stdout);
  const one = await run(example, ["provision", "--env", "dev", "--approve", "neonProject.db-all"]);
  assert.equal(one.code, 1);
  assert.deepEqual(fakes.world.writes, ["POST /neon/projects"]);
  assert.match(one.stdout, /\? neonBranch\.db-dev .*\n.*needs approval to create the Neon branch `dev`/);
});

await check("on a terminal, each step is asked for; yes approves that step only", async () => {
  freshWorld();
  resetRepository(example);
  // script(1) runs specc on a pseudo-terminal, so stdin and stderr are ttys.
  const command = `${specc} provision --env dev`;
  const answers = "y\n" + "n\n".repeat(20);
  const r = await new Promise((ok) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { cwd: example, env, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.stdin.end(answers);
    child.on("close", (code) => ok({ code, out }));
  });
  outputs.push(r.out);
  assert.match(r.out, /specc provision: GitHub repo `repo` will create the GitHub repository `stackfast\/stackfast` \(private\)\. Approve\? \[y\/N\]/);
  assert.match(r.out, /Neon project `db` will create the Neon project `stackfast-db` in aws-us-east-2\. Approve\?/);
  assert.deepEqual(fakes.world.writes, ["POST /github/orgs/stackfast/repos"], r.out);
});

await check("prod refuses --approve-all; a dry run changes nothing and writes no state", async () => {
  freshWorld();
  resetRepository(example);
  assert.equal((await run(example, ["provision", "--env", "dev", "--approve", "neonProject.db-all"])).code, 1);
  const all = await run(example, ["provision", "--env", "prod", "--approve-all"]);
  assert.equal(all.code, 4);
  assert.match(all.stderr, /--approve-all is refused for prod/);
  const writes = fakes.world.writes.length;
  const state = readFileSync(join(example, ".specc/state/all.json"), "utf8");
  const dry = await run(example, ["provision", "--env", "prod", "--dry-run", "--format", "json"]);
  assert.equal(dry.code, 1, dry.stdout + dry.stderr);
  assert.equal(fakes.world.writes.length, writes, "a dry run changed something");
  assert.equal(readFileSync(join(example, ".specc/state/all.json"), "utf8"), state);
  assert.ok(!existsSync(join(example, ".specc/state/prod.json")));
  golden("example_prod_dry_run.json", dry.stdout);
  const named = await run(example, ["provision", "--env", "prod", "--approve", "githubRepo.repo-all"]);
  assert.equal(named.code, 1);
  assert.deepEqual(fakes.world.writes.slice(writes), ["POST /github/orgs/stackfast/repos"]);
});

await check(".env.<env> is never written when git does not ignore it", async () => {
  freshWorld();
  resetRepository(example);
  writeFileSync(join(example, ".gitignore"), "");
  try {
    const r = await run(example, ["provision", "--env", "dev", "--approve-all"]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.ok(!existsSync(join(example, ".env.dev")), ".env.dev was written though git would commit it");
    assert.match(r.stdout, /Hand-off: git does not ignore `\.env\.dev` and `\.env\.dev\.specc-\*`/);
  } finally {
    writeFileSync(join(example, ".gitignore"), "/.env.*\n");
  }
});

// ---- faults --------------------------------------------------------------------------------
const stateOf = (dir, env) => readJson(join(dir, `.specc/state/${env}.json`));
const quick = { SPECC_HTTP_MAX_ATTEMPTS: "3", SPECC_HTTP_TIMEOUT_MS: "600" };

await check("429 with Retry-After is waited out and retried", async () => {
  freshWorld();
  resetRepository(example);
  fakes.faults = [{ provider: "neon", method: "GET", path: /^\/projects$/, kind: "429", times: 2 }];
  const t = Date.now();
  const r = await run(example, ["provision", "--env", "dev", "--approve-all"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(fakes.faults[0].hits, 2);
  assert.ok(Date.now() - t >= 2000, "Retry-After: 1 was not honoured");
});

for (const [name, fault, expect] of [
  ["500s beyond the retries", { provider: "upstash", method: "GET", path: /^\/redis\/databases$/, kind: "500", times: 99 },
   { hits: 3, message: /upstash: step `upstashRedis\.cache-dev`: GET \/redis\/databases: HTTP 500: internal error \(after 3 attempts\)/ }],
  ["timeouts beyond the retries", { provider: "vercel", method: "GET", path: /^\/v9\/projects\//, kind: "timeout", times: 99, delay: 2000 },
   { hits: 3, message: /vercel: step `vercelProject\.web-all`: GET \/v9\/projects\/stackfast-web: timed out after 600 ms \(3 attempts\)/ }],
  ["a body that is not JSON", { provider: "neon", method: "GET", path: /^\/projects$/, kind: "malformed", times: 99 },
   { hits: 1, message: /neon: step `neonProject\.db-all`: GET \/projects: the answer is not JSON/ }],
  ["a body of another shape", { provider: "postman", method: "GET", path: /^\/workspaces$/, kind: "shape", times: 99 },
   { hits: 1, message: /postman: step `postmanWorkspace\.collections-all`: GET \/workspaces: unexpected answer: `\$\.workspaces` is missing/ }],
]) {
  await check(`${name}: a diagnostic naming provider, step and status, exit 4, nothing half-recorded`, async () => {
    freshWorld();
    resetRepository(example);
    fakes.faults = [{ ...fault }];
    const r = await run(example, ["provision", "--env", "dev", "--approve-all"], quick);
    assert.equal(r.code, 4, r.stdout + r.stderr);
    assert.equal(fakes.faults[0].hits, expect.hits, "attempts");
    assert.match(r.stderr, expect.message);
    const failed = JSON.parse((await run(example, ["provision", "--env", "dev", "--dry-run", "--format", "json"], quick)).stdout);
    for (const env of ["all", "dev"]) {
      const state = stateOf(example, env);
      for (const step of failed.steps.filter((x) => x.result === "failed")) {
        assert.ok(!state?.steps.some((x) => x.idempotencyKey === step.idempotencyKey), `${step.idempotencyKey} recorded`);
      }
    }
    // Once the provider is well again, a run finishes the job with one of each resource.
    fakes.faults = [];
    const again = await run(example, ["provision", "--env", "dev", "--approve-all"], quick);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    for (const [resource, n] of Object.entries(fakes.world.creates)) assert.equal(n, 1, `${resource} created ${n} times`);
  });
}

for (const [name, fault] of [
  ["a 500 after the provider created the project", { provider: "neon", method: "POST", path: /^\/projects$/, kind: "500-after", times: 1 }],
  ["a timeout after the provider created the database", { provider: "upstash", method: "POST", path: /^\/redis\/database$/, kind: "timeout-after", times: 1, delay: 2000 }],
]) {
  await check(`${name}: looked up again, not created twice`, async () => {
    freshWorld();
    resetRepository(example);
    fakes.faults = [{ ...fault }];
    const r = await run(example, ["provision", "--env", "dev", "--approve-all"], quick);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fakes.faults[0].hits, 1);
    for (const [resource, n] of Object.entries(fakes.world.creates)) assert.equal(n, 1, `${resource} created ${n} times`);
  });
}

// ---- kill -9 at random points ------------------------------------------------------------
await check("30 runs killed at random points converge to exactly one of each resource", async () => {
  freshWorld();
  resetRepository(example);
  const full = await run(example, ["provision", "--env", "dev", "--approve-all"]);
  assert.equal(full.code, 0);
  const expected = Object.keys(fakes.world.creates).sort();
  const changes = fakes.world.writes.length;
  const requests = fakes.world.requests;
  // Kills need no oracle: every request shape was validated above.
  const prismPort = fakes.prismPort;
  fakes.prismPort = null;
  let seed = 20260214;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // Kill at the k-th event of the run, counted by the fakes rather than by a clock, so that
  // every run is killed however fast the machine is.
  const killAt = (k) => {
    let seen = 0;
    return () => {
      if (++seen !== k) return undefined;
      control.child.kill("SIGKILL");
      return "kill";
    };
  };
  let control;
  let killed = 0;
  try {
    for (let i = 0; i < 30; i++) {
      freshWorld();
      resetRepository(example);
      // Every third run is killed twice before it may finish.
      for (let attempt = 0; attempt < (i % 3 === 2 ? 2 : 1); attempt++) {
        control = {};
        if (i % 2 === 0) {
          // After the k-th change reached a provider, before specc hears of it.
          fakes.onRequest = null;
          fakes.onChange = killAt(1 + Math.floor(random() * changes));
        } else {
          // As the k-th request (a read or a change) leaves, before the provider acts on it.
          fakes.onChange = null;
          fakes.onRequest = killAt(1 + Math.floor(random() * requests));
        }
        const r = await run(example, ["provision", "--env", "dev", "--approve-all"], {}, control);
        if (r.signal === "SIGKILL") killed++;
        for (const env of ["all", "dev"]) {
          const path = join(example, `.specc/state/${env}.json`);
          if (existsSync(path)) JSON.parse(readFileSync(path, "utf8"));  // never torn
        }
        // Whatever a kill left behind (a temporary file mid-write) is nothing git commits.
        const ignored = new Set(git(example, "ls-files", "--others", "--ignored", "--exclude-standard").split("\n").filter(Boolean));
        for (const [path, text] of filesOf(example)) {
          if (!ignored.has(path)) assert.deepEqual(leaks(text), [], `run ${i}: ${path} holds a secret after a kill`);
        }
      }
      fakes.onChange = null;
      fakes.onRequest = null;
      const finish = await run(example, ["provision", "--env", "dev", "--approve-all"]);
      assert.equal(finish.code, 0, `run ${i}: ${finish.stdout}${finish.stderr}`);
      const leftovers = filesOf(example).map(([path]) => path).filter((path) => /\.specc-[A-Za-z0-9]{6}$/.test(path));
      assert.deepEqual(leftovers, [], `run ${i}: temporary files left after convergence`);
      assert.deepEqual(Object.keys(fakes.world.creates).sort(), expected, `run ${i}`);
      for (const [resource, n] of Object.entries(fakes.world.creates)) assert.equal(n, 1, `run ${i}: ${resource} created ${n} times`);
      if (i % 5 === 4) {
        const writes = fakes.world.writes.length;
        const again = await run(example, ["provision", "--env", "dev", "--approve-all"]);
        assert.equal(again.code, 0);
        assert.equal(fakes.world.writes.length, writes, `run ${i}: a run after convergence changed something`);
      }
    }
  } finally {
    fakes.prismPort = prismPort;
    fakes.onChange = null;
    fakes.onRequest = null;
  }
  assert.ok(killed >= 30, `only ${killed} runs were killed`);
  console.log(`     ${killed} runs killed`);
});

// ---- the sinks: GitHub environment secrets, Vercel env vars ----------------------------
await check("GitHub: secrets sealed into the environments, variables set, a recreated source redelivered", async () => {
  freshWorld();
  const dir = makeRepository(specc, join(work, "github"), join(here, "fixtures/github_secrets/specs"), join(here, "fixtures/github_secrets/specc.yaml"));
  const r = await run(dir, ["provision", "--env", "dev", "--approve-all"]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const w = fakes.world;
  assert.ok(w.creates["github:repo:stackfast-bot/acme"] === 1, "the repository was made under the token's user");
  const secret = (name) => w.github.secrets.find((x) => x.env === "dev" && x.name === name);
  const endpoint = w.neon.endpoints.find((e) => w.neon.branches.find((b) => b.id === e.branch_id)?.name === "dev");
  const uri = `postgresql://acme_owner:${CANARY}Np${endpoint.id.replace(/-/g, "")}@${endpoint.host}/acme?sslmode=require`;
  assert.equal(secret("DATABASE_URL")?.sealedLength, 48 + uri.length, "DATABASE_URL is not the sealed connection URI");
  assert.equal(secret("DATABASE_URL").keyId, "568250167242549743");
  const db = w.upstash.databases.find((d) => d.name === "acme-cache-dev");
  assert.equal(secret("REDIS_REST_TOKEN")?.sealedLength, 48 + `${CANARY}-redis-rest-token-${db.n}`.length);
  const variable = (name) => w.github.variables.find((x) => x.env === "dev" && x.name === name)?.value;
  assert.equal(variable("REDIS_REST_URL"), `https://${db.endpoint}`);
  assert.equal(variable("LOG_LEVEL"), "info");
  assert.equal(secret("SESSION_SECRET"), undefined, "a manual secret has no value to set");
  assert.match(r.stdout, /note: `SESSION_SECRET` is set by hand/);
  // Someone deletes the cache; the next run recreates it and replaces what came from it.
  w.upstash.databases = w.upstash.databases.filter((d) => d !== db);
  const again = await run(dir, ["provision", "--env", "dev", "--approve-all"]);
  assert.equal(again.code, 0, again.stdout);
  const fresh = w.upstash.databases.find((d) => d.name === "acme-cache-dev");
  assert.equal(variable("REDIS_REST_URL"), `https://${fresh.endpoint}`);
  assert.match(again.stdout, /replaced `REDIS_REST_TOKEN` in GitHub environment `dev` of stackfast-bot\/acme \(its source `[^`]+` is now `[^`]+`\)/);
  assert.equal(secret("REDIS_REST_TOKEN").sealedLength, 48 + `${CANARY}-redis-rest-token-${fresh.n}`.length);
  assert.deepEqual(fakes.world.violations, []);
  for (const text of [r.stdout, r.stderr, again.stdout, again.stderr]) assert.deepEqual(leaks(text), []);
});

await check("Vercel: secrets write-only per target, an existing database gets its endpoint, role and database", async () => {
  freshWorld();
  const dir = makeRepository(specc, join(work, "vercel"), join(here, "fixtures/vercel_secrets/specs"), join(here, "fixtures/vercel_secrets/specc.yaml"));
  // A Neon project made by hand earlier, with a bare default branch.
  const w = fakes.world;
  w.neon.projects.push({ id: "proj-by-hand", name: "shop-db", region_id: "aws-us-east-2", pg_version: 17 });
  w.neon.branches.push({ id: "br-by-hand", project_id: "proj-by-hand", name: "main", default: true });
  const keys = planKeys(specc, dir, "prod").flatMap((k) => ["--approve", k]);
  for (const args of [["--env", "dev", "--approve-all"], ["--env", "prod", ...keys]]) {
    const r = await run(dir, ["provision", ...args]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  }
  assert.equal(w.creates["neon:project:shop-db"], undefined, "the project made by hand was created again");
  assert.equal(w.creates["neon:role:br-by-hand/shop_app"], 1);
  assert.equal(w.creates["neon:database:br-by-hand/shop"], 1);
  const env = (key, target) => w.vercel.envs.find((e) => e.key === key && e.target.includes(target));
  const pooled = w.neon.endpoints.find((e) => e.branch_id === "br-by-hand").host.replace(/^([^.]+)/, "$1-pooler");
  assert.equal(env("DATABASE_URL", "development").type, "encrypted");
  assert.equal(env("DATABASE_URL", "production").type, "sensitive");
  assert.ok(env("DATABASE_URL", "production").value.includes(`@${pooled}/shop`), "DATABASE_URL is not the pooled URI");
  assert.equal(env("VECTOR_TOKEN", "production").type, "sensitive");
  assert.equal(env("VECTOR_URL", "development").type, "plain");
  assert.equal(env("FEATURE", "production").value, "on");
  assert.deepEqual(fakes.world.violations, []);
  const writes = w.writes.length;
  const again = await run(dir, ["provision", "--env", "prod"]);
  assert.equal(again.code, 0, again.stdout);
  assert.equal(w.writes.length, writes);
});

await check("no canary anywhere, in every repository the tests provisioned", async () => {
  for (const text of outputs) assert.deepEqual(leaks(text), [], `printed:\n${text.slice(0, 2000)}`);
  for (const dir of [example, join(work, "github"), join(work, "vercel")]) {
    const ignored = new Set(git(dir, "ls-files", "--others", "--ignored", "--exclude-standard").split("\n").filter(Boolean));
    for (const [path, text] of filesOf(dir)) {
      if (!ignored.has(path)) assert.deepEqual(leaks(text), [], `${dir}/${path} holds a secret`);
    }
  }
});

await prism.stop();
await fakes.close();
console.log(`\n${failures.length === 0 ? "all passed" : `${failures.length} failed: ${failures.join(", ")}`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failures.length > 0) {
  console.log(prismLog.join("").split("\n").filter((l) => /violation|error/i.test(l)).slice(-20).join("\n"));
  process.exit(1);
}
