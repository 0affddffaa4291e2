// `specc lint --format sarif` and `specc check --format sarif` (issue #15): the log is valid
// against the official SARIF 2.1.0 schema (draft-04, ajv-draft-04) and puts each spec
// problem at its file, line and column, so that code scanning shows it there.
// Checked: the golden lint log (golden/fail_lint_sarif), and logs made here in a git
// repository whose spec has a warning (check, clean otherwise) and then an error (lint
// and check). Usage: node lint_sarif.mjs SPECC CORPUS_DIR GOLDEN_SARIF WORK_DIR
// ($SPECC_CORPUS wins when set). Exits 1 on any error.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const [specc, corpusArg, golden, work] = process.argv.slice(2);
const schemaPath = join(process.env.SPECC_CORPUS || corpusArg, "schemas/sarif/sarif-schema-2.1.0.json");
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = 0;
const fail = (message) => {
  console.error(message);
  failed++;
};

rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "specs"), { recursive: true });
const git = (...args) => {
  const r = spawnSync("git", ["-C", work, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
                      { encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
};
const specc_ = (...args) => spawnSync(specc, args, { encoding: "utf8" });
// Line 10 holds the `default` that its `type` rejects (SPEC_VALUE_TYPE, a warning; a quoted
// scalar is placed at its first character, column 45).
const spec = (broken) => `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: limit
          in: query
          schema: {type: integer, default: "ten"}
      responses:
        '200': {description: the pets${broken ? ", content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}" : ""}}
`;
writeFileSync(join(work, "specc.yaml"), "artifacts:\n  postman: {enabled: false}\n  plan: {enabled: false}\n  mcp: {enabled: false}\n");
writeFileSync(join(work, "specs/openapi.yaml"), spec(false));
git("init", "-q", "-b", "main");
const apply = specc_("apply", "-C", work);
if (apply.status !== 0) throw new Error(`specc apply exited ${apply.status}: ${apply.stderr}`);
git("add", "-A");
git("commit", "-q", "-m", "v1");

const logs = [];
const run = (name, args, status) => {
  const r = specc_(...args);
  if (r.status !== status) fail(`${name}: exited ${r.status}, not ${status}: ${r.stderr}`);
  try {
    logs.push([name, JSON.parse(r.stdout)]);
  } catch (e) {
    fail(`${name}: stdout is not JSON: ${r.stdout.slice(0, 200)}`);
  }
};
logs.push(["golden lint", JSON.parse(readFileSync(golden, "utf8"))]);
run("check, warning only", ["check", "-C", work, "--format", "sarif"], 0);
run("lint, warning only", ["lint", "-C", work, "--format", "sarif"], 0);
writeFileSync(join(work, "specs/openapi.yaml"), spec(true));
run("lint, error", ["lint", "-C", work, "--format", "sarif"], 3);
run("check, error", ["check", "-C", work, "--format", "sarif"], 3);

for (const [name, log] of logs) {
  if (!validate(log)) {
    fail(`${name}: invalid against SARIF 2.1.0`);
    for (const e of validate.errors.slice(0, 10)) console.error(`  ${e.instancePath || "/"}: ${e.message}`);
    continue;
  }
  const results = log.runs[0].results;
  console.log(`${name}: valid SARIF 2.1.0, ${results.length} results`);
  if (results.length === 0) fail(`${name}: no results`);
  const at = (code) => results.find((r) => r.ruleId === code)?.locations?.[0]?.physicalLocation;
  if (name !== "golden lint") {
    const warning = at("SPEC_VALUE_TYPE");
    if (!warning || warning.artifactLocation.uri !== "specs/openapi.yaml" || warning.region.startLine !== 10 ||
        warning.region.startColumn !== 45) {
      fail(`${name}: SPEC_VALUE_TYPE is not at specs/openapi.yaml:10:45: ${JSON.stringify(warning)}`);
    }
  }
  if (name.endsWith("error")) {
    const error = results.find((r) => r.ruleId === "SPEC_REF_UNRESOLVED");
    if (!error || error.level !== "error" || error.locations[0].physicalLocation.region.startLine !== 12) {
      fail(`${name}: SPEC_REF_UNRESOLVED is not an error at line 12: ${JSON.stringify(error)}`);
    }
  }
  for (const r of results) {
    if (!log.runs[0].tool.driver.rules.some((rule) => rule.id === r.ruleId)) fail(`${name}: ${r.ruleId} has no rule`);
  }
}
process.exit(failed > 0 ? 1 : 0);
