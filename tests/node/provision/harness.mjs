// What the provisioning tests share: a scratch git repository holding a project (specs,
// specc.yaml, what `specc apply` generates, a .gitignore that ignores `.env.*`), running
// specc in it against the fakes with canary credentials, and reading what it left.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

// Credential values: canaries that must show up nowhere but in the fakes' auth headers.
export const CREDENTIALS = {
  NEON_API_KEY: "canary5e-neon-api-key",
  UPSTASH_EMAIL: "canary5e-upstash@example.com",
  UPSTASH_API_KEY: "canary5e-upstash-api-key",
  VERCEL_TOKEN: "canary5e-vercel-token",
  GITHUB_TOKEN: "canary5e-github-token",
  POSTMAN_API_KEY: "canary5e-postman-api-key",
};

const git = (dir, ...args) => {
  const r = spawnSync("git", ["-c", "user.name=specc-test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args],
    { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
};

// A repository at `dir` with `specsDir` (copied as specs/) and `config` (specc.yaml), the
// generated files applied and committed.
export function makeRepository(specc, dir, specsDir, config) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(specsDir, join(dir, "specs"), { recursive: true });
  writeFileSync(join(dir, "specc.yaml"), readFileSync(config));
  writeFileSync(join(dir, ".gitignore"), "/.env.*\n");
  git(dir, "init", "-q", "-b", "main");
  const applied = spawnSync(specc, ["apply"], { cwd: dir, encoding: "utf8" });
  if (applied.status !== 0) throw new Error(`specc apply: ${applied.stdout}${applied.stderr}`);
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "the project");
  return dir;
}

// Removes what provisioning left (state, hand-off files), as in a fresh clone.
export function resetRepository(dir) {
  rmSync(join(dir, ".specc", "state"), { recursive: true, force: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith(".env.")) rmSync(join(dir, name));
  }
}

// The environment specc runs with: the canary credentials, the fakes' URLs, quick retries.
export function environment(fakesPort, extra = {}) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C.UTF-8", ...CREDENTIALS };
  for (const provider of ["neon", "upstash", "vercel", "github", "postman"]) {
    env[`SPECC_${provider.toUpperCase()}_API_URL`] = `http://127.0.0.1:${fakesPort}/${provider}`;
  }
  env.SPECC_HTTP_RETRY_BASE_MS = "20";
  env.SPECC_HTTP_TIMEOUT_MS = "3000";
  return { ...env, ...extra };
}

// Runs specc; resolves to { code, signal, stdout, stderr }. `control.child` receives the
// process so a test can kill it.
export function runSpecc(specc, dir, args, env, control = {}) {
  return new Promise((ok) => {
    const child = spawn(specc, args, { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
    control.child = child;
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => ok({ code, signal, stdout, stderr }));
  });
}

// Every file below `dir` but .git, as [path relative to dir, bytes].
export function filesOf(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (name === ".git") continue;
      if (statSync(p).isDirectory()) walk(p);
      else out.push([relative(dir, p), readFileSync(p, "utf8")]);
    }
  };
  walk(dir);
  return out;
}

export function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

// The short keys of the plan's steps for `environment` and the shared ones.
export function planKeys(specc, dir, environment) {
  const r = spawnSync(specc, ["plan", "--format", "json"], { cwd: dir, encoding: "utf8" });
  const plan = JSON.parse(r.stdout);
  return plan.steps
    .filter((s) => s.environment === "all" || s.environment === environment)
    .map((s) => s.idempotencyKey.slice(plan.projectId.length + 1));
}

export { git };
