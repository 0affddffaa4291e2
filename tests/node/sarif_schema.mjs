// Validates what `specc diff --format sarif` prints against the official SARIF 2.1.0 schema
// (draft-04, ajv-draft-04): the golden report, and a report made here in a real git
// repository (repository mode: base HEAD, head the working tree, with an accepted break).
// Usage: node sarif_schema.mjs SPECC CORPUS_DIR GOLDEN_SARIF WORK_DIR ($SPECC_CORPUS wins when
// set; the schema is schemas/sarif/sarif-schema-2.1.0.json there). Exits 1 on any error.
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

// A repository whose working tree removes a response property and a parameter.
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, "specs"), { recursive: true });
const git = (...args) => {
  const r = spawnSync("git", ["-C", work, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args],
                      { encoding: "utf8", env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" } });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
};
const spec = (tag, limit) => `openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      parameters:${limit ? "\n        - {name: limit, in: query, schema: {type: integer}}" : " []"}
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items:
                  type: object
                  properties:
                    id: {type: integer}${tag ? "\n                    tag: {type: string}" : ""}
`;
git("init", "-q", "-b", "main");
writeFileSync(join(work, "specs/openapi.yaml"), spec(true, true));
git("add", "-A");
git("commit", "-q", "-m", "v1");
writeFileSync(join(work, "specs/openapi.yaml"), spec(false, false));
writeFileSync(join(work, "specs/.specc-accepted-breaks.yaml"),
              "accepted:\n  - rule: request-parameter-removed\n    operation: GET /pets\n    at: parameter query limit\n" +
              "    reason: paging moved to cursors\n");
const run = spawnSync(specc, ["diff", "--format", "sarif", "-C", work], { encoding: "utf8" });
if (run.status !== 1) {
  console.error(`specc diff exited ${run.status}, not 1: ${run.stderr}`);
  process.exit(1);
}
const reports = [[golden, JSON.parse(readFileSync(golden, "utf8"))], ["repository mode", JSON.parse(run.stdout)]];
let failed = 0;
for (const [name, log] of reports) {
  if (!validate(log)) {
    failed++;
    console.error(`${name}: invalid against SARIF 2.1.0`);
    for (const e of validate.errors.slice(0, 10)) console.error(`  ${e.instancePath || "/"}: ${e.message}`);
    continue;
  }
  const results = log.runs[0].results;
  console.log(`${name}: valid SARIF 2.1.0, ${results.length} results, ${results.filter((r) => r.suppressions).length} suppressed`);
  if (results.length === 0) failed++;
}
// The repository report locates the break in the working tree's file and the accepted one
// as suppressed.
const repo = reports[1][1].runs[0].results;
const removed = repo.find((r) => r.ruleId === "response-property-removed");
if (!removed || removed.locations[0].physicalLocation.artifactLocation.uri !== "specs/openapi.yaml" || removed.level !== "error") {
  console.error("repository mode: response-property-removed is not an error at specs/openapi.yaml");
  failed++;
}
if (!repo.find((r) => r.ruleId === "request-parameter-removed" && r.suppressions?.[0]?.justification === "paging moved to cursors")) {
  console.error("repository mode: the accepted break is not suppressed with its reason");
  failed++;
}
process.exit(failed > 0 ? 1 : 0);
