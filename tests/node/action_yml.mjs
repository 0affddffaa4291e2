// action.yml, run as GitHub's runner would run its steps, on this machine and offline:
// expressions are evaluated from the inputs given, each `run` goes to bash with the step's
// env and working directory, and curl, apt-get and sudo are fakes that record what they
// are asked. The installed specc is a fake too, which records its arguments: the test
// checks that the action installs the release it should and calls specc with the inputs.
// Usage: node action_yml.mjs REPOSITORY_ROOT WORK_DIR
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { assert, check, finish } from "./checks.mjs";

const [root, workDir] = process.argv.slice(2).map((p) => resolve(p));
const action = yaml.safeLoad(readFileSync(join(root, "action.yml"), "utf8"));

// GitHub's expressions, the two kinds action.yml may use: inputs and the github context.
function evaluate(text, context) {
  return String(text).replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr) => {
    const [scope, name] = expr.split(".");
    const value = context[scope]?.[name];
    if (value === undefined) throw new Error(`action.yml uses an expression the test does not know: ${expr}`);
    return value;
  });
}

const fakes = `
record() { printf '%s\\n' "$(basename "$0") $*" >> "$FAKE_LOG"; }
`;
function makeFakeBin(dir, installedVersion) {
  mkdirSync(dir, { recursive: true });
  const write = (name, body) => {
    writeFileSync(join(dir, name), `#!/usr/bin/env bash\n${fakes}${body}\n`);
    chmodSync(join(dir, name), 0o755);
  };
  write("curl", `record "$@"; while [ $# -gt 0 ]; do [ "$1" = "-o" ] && echo fake-deb > "$2"; shift; done`);
  write("sudo", `record "$@"; exec "$@"`);
  // apt-get "installs" the package: a specc that records its arguments and directory.
  writeFileSync(
    join(dir, "specc.template"),
    [
      "#!/usr/bin/env bash",
      'if [ "$1" = --version ]; then echo "specc VERSION"; exit 0; fi',
      'printf "%s\\n" "specc-cwd $PWD" >> "$FAKE_LOG"',
      'for a in "$@"; do printf "%s\\n" "specc-arg $a" >> "$FAKE_LOG"; done',
      "",
    ].join("\n"),
  );
  write("apt-get", `record "$@"; v=$(basename "\${@: -1}" | sed -E 's/^specc_([^_]+)_amd64.deb$/\\1/'); sed "s/VERSION/$v/" "${dir}/specc.template" > "${dir}/specc"; chmod +x "${dir}/specc"`);
  if (installedVersion) writeFileSync(join(dir, "specc"), `#!/usr/bin/env bash\necho "specc ${installedVersion}"\n`, { mode: 0o755 });
}

// Runs the action's steps; returns { code, log, stdout }.
function runAction(name, { inputs = {}, ref = "v9.9.9", installed = null } = {}) {
  const dir = join(workDir, name);
  rmSync(dir, { recursive: true, force: true });
  const workspace = join(dir, "workspace");
  mkdirSync(join(workspace, "services/api"), { recursive: true });
  const bin = join(dir, "bin");
  makeFakeBin(bin, installed);
  const log = join(dir, "log");
  writeFileSync(log, "");
  const given = {};
  for (const [key, spec] of Object.entries(action.inputs)) given[key] = inputs[key] ?? String(spec.default ?? "");
  const context = {
    inputs: given,
    github: { action_ref: ref, action_repository: "acme/specc", token: "ghs_faketoken", action_path: root },
  };
  let stdout = "";
  for (const step of action.runs.steps) {
    assert(step.shell === "bash", `step ${step.name} does not run in bash`);
    const env = { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, FAKE_LOG: log, GITHUB_ACTION_PATH: root, RUNNER_TEMP: dir };
    for (const [key, value] of Object.entries(step.env || {})) env[key] = evaluate(value, context);
    const cwd = resolve(workspace, evaluate(step["working-directory"] || ".", context));
    // GitHub runs `bash --noprofile --norc -eo pipefail {file}`.
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", evaluate(step.run, context)], { cwd, env, encoding: "utf8" });
    stdout += r.stdout + r.stderr;
    if (r.status !== 0) return { code: r.status, log: readFileSync(log, "utf8"), stdout, workspace };
  }
  return { code: 0, log: readFileSync(log, "utf8"), stdout, workspace };
}
const speccCall = (log) => {
  const lines = log.split("\n");
  return {
    cwd: lines.find((l) => l.startsWith("specc-cwd "))?.slice(10),
    args: lines.filter((l) => l.startsWith("specc-arg ")).map((l) => l.slice(10)),
  };
};

await check("action.yml is a composite action with the three inputs", () => {
  assert(action.runs.using === "composite", "not a composite action");
  for (const input of ["command", "working-directory", "version"]) assert(input in action.inputs, `no input ${input}`);
  assert(action.inputs.command.default === "check --format github", "the default command is not the drift check with annotations");
  for (const step of action.runs.steps) {
    assert(!/\$\{\{/.test(step.run), `step ${step.name} pastes an expression into its script (command injection)`);
  }
});

await check("defaults: installs the release of the action's tag, runs specc check --format github", () => {
  const r = runAction("defaults");
  assert(r.code === 0, r.stdout);
  assert(r.log.includes("curl -fsSL --retry 3 -H Authorization: Bearer ghs_faketoken -o"), r.log);
  assert(r.log.includes("https://github.com/acme/specc/releases/download/v9.9.9/specc_9.9.9_amd64.deb"), r.log);
  assert(/apt-get install -y -qq \S*specc_9\.9\.9_amd64\.deb/.test(r.log), r.log);
  const call = speccCall(r.log);
  assert(JSON.stringify(call.args) === JSON.stringify(["check", "--format", "github"]), JSON.stringify(call));
  assert(call.cwd === r.workspace, `specc ran in ${call.cwd}`);
});

await check("inputs: the version, the command and the working directory given", () => {
  const r = runAction("inputs", { inputs: { version: "9.9.8", command: "lint --format json", "working-directory": "services/api" } });
  assert(r.code === 0, r.stdout);
  assert(r.log.includes("/download/v9.9.8/specc_9.9.8_amd64.deb"), r.log);
  const call = speccCall(r.log);
  assert(JSON.stringify(call.args) === JSON.stringify(["lint", "--format", "json"]), JSON.stringify(call));
  assert(call.cwd === join(r.workspace, "services/api"), `specc ran in ${call.cwd}`);
});

await check("a command input cannot run other commands", () => {
  const r = runAction("injection", { inputs: { command: 'check; touch pwned $(touch pwned2)' } });
  assert(r.code === 0, r.stdout);
  assert(!existsSync(join(r.workspace, "pwned")) && !existsSync(join(r.workspace, "pwned2")), "the input ran a command");
  assert(speccCall(r.log).args[0] === "check;", r.log);
});

await check("used at a branch without a version: a clear error, nothing downloaded", () => {
  const r = runAction("branch", { ref: "main" });
  assert(r.code !== 0, "the action succeeded");
  assert(r.stdout.includes("::error title=specc::set the action's version input"), r.stdout);
  assert(!r.log.includes("curl"), r.log);
});

await check("a version that is not one is refused before any download", () => {
  const r = runAction("bad-version", { inputs: { version: "1.0; rm -rf /" } });
  assert(r.code !== 0 && r.stdout.includes("is not a specc version"), r.stdout);
  assert(!r.log.includes("curl"), r.log);
});

await check("the version already on PATH is not downloaded again", () => {
  const r = runAction("installed", { installed: "9.9.9" });
  assert(r.code === 0, r.stdout);
  assert(!r.log.includes("curl") && !r.log.includes("apt-get"), r.log);
  assert(r.stdout.includes("specc 9.9.9 is already installed"), r.stdout);
});

await check("the pre-commit hook entry calls the installed specc", () => {
  const hooks = yaml.safeLoad(readFileSync(join(root, ".pre-commit-hooks.yaml"), "utf8"));
  const hook = hooks.find((h) => h.id === "specc-check");
  assert(hook && hook.language === "system" && hook.entry.startsWith("specc "), JSON.stringify(hook));
  execFileSync("bash", ["-n", "-c", hook.entry]);
});

finish();
