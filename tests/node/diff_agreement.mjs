// `specc diff` against openapi-diff (npm, pinned in package.json) on real pairs of
// documents: GitHub's description of 2022-06 against today's, cut into small slices of
// paths (openapi-diff runs out of memory on the whole description, and needs minutes on
// larger slices), the OAI petstore against its expanded version both ways, and the OAI
// examples against their YAML/JSON twins. Both tools' findings are reduced to (operation,
// area, level); every place where they disagree must be explained below, as a rule
// openapi-diff lacks, a level the two tools set differently on purpose, or a false
// positive of openapi-diff's. Exits 1 on any unexplained disagreement, and when a pair
// could not be compared.
//
// Usage: node diff_agreement.mjs SPECC WORK_DIR CORPUS_DIR ($SPECC_CORPUS wins when set)
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiDiff from "openapi-diff";

const [specc, work, corpusArg] = process.argv.slice(2);
const corpus = process.env.SPECC_CORPUS || corpusArg;
mkdirSync(work, { recursive: true });

// ---- the pairs --------------------------------------------------------------------------

// A document with only the paths under `prefix` and the components they reach.
function slice(spec, prefix) {
  const out = { openapi: spec.openapi, info: spec.info, paths: {}, components: {} };
  for (const [path, item] of Object.entries(spec.paths)) {
    if (path === prefix || path.startsWith(prefix + "/")) out.paths[path] = item;
  }
  const seen = new Set();
  const walk = (value) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== "object") return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === "$ref" && typeof inner === "string" && inner.startsWith("#/components/") && !seen.has(inner)) {
        seen.add(inner);
        const [, , section, name] = inner.split("/");
        out.components[section] ??= {};
        out.components[section][name] = spec.components[section][name];
        walk(spec.components[section][name]);
      } else {
        walk(inner);
      }
    }
  };
  walk(out.paths);
  return out;
}

const pairs = [];
const github2022 = JSON.parse(readFileSync(join(corpus, "github/rest-api-description-2022-06/api.github.com.json"), "utf8"));
const githubNow = JSON.parse(readFileSync(join(corpus, "github/octokit-openapi/api.github.com.json"), "utf8"));
// Slices where openapi-diff finishes in seconds (on /gists it needs more than five minutes).
for (const prefix of ["/rate_limit", "/user/emails", "/user/keys", "/user/gpg_keys", "/user/blocks",
                      "/user/following", "/orgs/{org}/hooks", "/repos/{owner}/{repo}/milestones",
                      "/repos/{owner}/{repo}/topics", "/repos/{owner}/{repo}/autolinks", "/authorizations",
                      "/licenses"]) {
  const dir = join(work, "github" + prefix.replace(/[{}]/g, "").replace(/\//g, "_"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "2022-06.json"), JSON.stringify(slice(github2022, prefix), null, 1));
  writeFileSync(join(dir, "today.json"), JSON.stringify(slice(githubNow, prefix), null, 1));
  pairs.push({ name: "GitHub " + prefix, old: join(dir, "2022-06.json"), new: join(dir, "today.json") });
}
const oai = (name) => join(corpus, "oai/v3.0", name);
pairs.push({ name: "petstore -> petstore-expanded", old: oai("petstore.yaml"), new: oai("petstore-expanded.yaml") });
pairs.push({ name: "petstore-expanded -> petstore", old: oai("petstore-expanded.yaml"), new: oai("petstore.yaml") });
for (const twin of ["petstore", "petstore-expanded", "uspto", "api-with-examples", "callback-example", "link-example"]) {
  pairs.push({ name: `${twin} JSON -> YAML`, old: oai(twin + ".json"), new: oai(twin + ".yaml") });
}

// ---- reducing both reports to findings ----------------------------------------------------

const LEVEL = { breaking: 3, warning: 2, info: 1 };
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// The area of a specc change: what openapi-diff would look at for it.
function speccArea(change) {
  const at = change.at;
  if (at === "") return "operation";
  if (at.startsWith("parameter ")) return "parameters";
  if (at === "security" || at === "servers" || at.startsWith("security scheme")) return at.split(" ")[0];
  let m = at.match(/^request body( (\S+))?/);
  if (m) return m[2] === undefined ? "request body presence" : m[2] === "application/json" ? "request body" : "request body " + m[2];
  m = at.match(/^response (\S+)( header (\S+)| (\S+))?/);
  if (m) {
    if (m[3] !== undefined) return `response ${m[1]} header ${m[3].toLowerCase()}`;
    if (m[4] === undefined) return `response ${m[1]}`;
    return m[4] === "application/json" ? `response ${m[1]} body` : `response ${m[1]} ${m[4]}`;
  }
  return "other";
}

function speccFindings(report) {
  const findings = new Map();
  const add = (operation, area, level, rule) => {
    const key = `${operation} | ${area}`;
    const f = findings.get(key) ?? { operation, area, specc: 0, rules: new Set(), od: 0, codes: new Set() };
    f.specc = Math.max(f.specc, LEVEL[level]);
    f.rules.add(rule);
    findings.set(key, f);
  };
  for (const c of report.changes) {
    if (c.operation === "") {
      add("(document)", speccArea(c), c.level, c.rule);
    } else if (c.rule === "path-removed") {
      // "path removed with its operations GET, PUT": one finding per method.
      for (const method of c.message.split("operations ")[1].split(", ")) add(`${method} ${c.operation}`, "operation", c.level, c.rule);
    } else if (c.rule === "path-renamed") {
      // openapi-diff has no renames: the old path is removed and the new one added.
      const old = c.message.match(/^`([^`]*)`/)[1];
      add(old, "operation", "breaking", c.rule);
      add(c.operation, "operation", "info", c.rule);
    } else {
      add(c.operation, speccArea(c), c.level, c.rule);
    }
  }
  return findings;
}

function addOpenapiDiff(findings, result) {
  const byType = { breakingDifferences: 3, nonBreakingDifferences: 1, unclassifiedDifferences: 0 };
  for (const [list, level] of Object.entries(byType)) {
    for (const d of result[list] ?? []) {
      const details = d.sourceSpecEntityDetails[0] ?? d.destinationSpecEntityDetails[0];
      const m = details.location.match(/^paths\.(\/.*?)(?:\.(get|put|post|delete|options|head|patch|trace)(?:\.(.*))?)?$/);
      const keys = [];
      if (!m) {
        keys.push(["(document)", d.code]);
      } else if (m[2] === undefined) {
        // path.add / path.remove: one finding per operation of the path item.
        for (const method of METHODS) {
          if (details.value && details.value[method]) keys.push([`${method.toUpperCase()} ${m[1]}`, "operation"]);
        }
      } else {
        const operation = `${m[2].toUpperCase()} ${m[1]}`;
        const rest = m[3] ?? "";
        let area = "operation";
        let r;
        if (rest.startsWith("requestBody")) area = "request body";
        else if ((r = rest.match(/^responses\.([^.]+)\.headers\.(.+)$/))) area = `response ${r[1]} header ${r[2].toLowerCase()}`;
        else if ((r = rest.match(/^responses\.([^.]+)\.content/))) area = `response ${r[1]} body`;
        else if ((r = rest.match(/^responses\.([^.]+)$/))) area = `response ${r[1]}`;
        else if (rest !== "") area = "other " + rest;
        keys.push([operation, area]);
      }
      for (const [operation, area] of keys) {
        const key = `${operation} | ${area}`;
        const f = findings.get(key) ?? { operation, area, specc: 0, rules: new Set(), od: 0, codes: new Set() };
        f.od = Math.max(f.od, level);
        f.codes.add(d.code);
        findings.set(key, f);
      }
    }
  }
}

// ---- the explanations -----------------------------------------------------------------

const only = (f, rules) => [...f.rules].every((r) => rules.includes(r));
const explanations = [
  {
    why: "a rule openapi-diff lacks: it compares no parameters, security requirements or schemes, servers, operationIds or deprecations",
    applies: (f) => f.od === 0 && ["parameters", "security", "servers"].includes(f.area) ||
      f.od === 0 && only(f, ["operation-id-changed", "operation-deprecated", "base-path-changed", "server-removed",
                             "security-scheme-changed"]),
  },
  {
    why: "a rule openapi-diff lacks: it ignores requestBody.required",
    applies: (f) => f.od === 0 && f.area === "request body presence" &&
      only(f, ["request-body-became-required", "request-body-became-optional"]),
  },
  {
    why: "a rule openapi-diff lacks: it compares application/json bodies only",
    applies: (f) => f.od === 0 && /^(request body|response \S+) (?!body$)\S+\/\S+$/.test(f.area),
  },
  {
    why: "a rule openapi-diff lacks: it compares no response header schemas",
    applies: (f) => f.od === 0 && / header /.test(f.area) && !f.rules.has("response-header-removed") &&
      !f.rules.has("response-required-header-removed"),
  },
  {
    why: "a rule openapi-diff lacks: json-schema-diff ignores format, deprecated and readOnly/writeOnly, which specc reports",
    applies: (f) => f.od === 0 && only(f, ["response-format-changed", "request-format-changed", "property-deprecated",
                                          "response-constraint-tightened", "request-constraint-loosened",
                                          "response-property-became-write-only", "request-property-became-read-only"]),
  },
  {
    why: "a false positive of openapi-diff: a new optional request property narrows its set of request bodies (the " +
      "property could hold any value before), though no client sends a property the API did not declare",
    applies: (f) => f.od === 3 && f.specc === 1 && f.area === "request body" && f.codes.has("request.body.scope.remove") &&
      only(f, ["request-property-added", "request-enum-value-added", "request-one-of-branch-added", "request-type-widened",
               "request-constraint-loosened", "property-deprecated"]),
  },
  {
    why: "levels set on purpose: specc rates a response value that got wider but stays readable (a new enum value, a " +
      "new oneOf branch, a relaxed bound or pattern, undeclared properties allowed) as a warning; openapi-diff's set " +
      "difference calls every wider response breaking",
    applies: (f) => f.od === 3 && f.specc === 2 && only(f, [
      // The warnings that widen a response...
      "response-enum-value-added", "response-one-of-branch-added", "response-range-loosened", "response-length-loosened",
      "response-size-loosened", "response-pattern-removed", "response-pattern-changed", "response-format-changed",
      "response-additional-properties-loosened", "response-discriminator-value-added",
      // ...and the info-level changes that may come with them at the same place.
      "response-property-added", "response-constraint-tightened", "response-type-narrowed",
      "response-property-became-required", "response-enum-value-removed", "response-one-of-branch-removed",
      "property-deprecated"]),
  },
  {
    why: "levels set on purpose: specc warns when a request property or body is removed (clients still send it and a " +
      "strict server rejects it); openapi-diff sees a request schema that accepts more",
    applies: (f) => f.od === 1 && f.specc === 2 && [...f.rules].some((r) => ["request-property-removed",
      "request-body-removed", "request-pattern-changed", "request-format-changed"].includes(r)),
  },
  {
    why: "levels set on purpose: specc rates a removed error response (4xx, 5xx, default) as a warning: clients that " +
      "handled it see another error; openapi-diff calls every removed status breaking",
    applies: (f) => f.od === 3 && f.specc === 2 && only(f, ["response-error-status-removed"]),
  },
  {
    why: "levels set on purpose: specc warns about a removed optional response header (clients that read it lose " +
      "it); openapi-diff calls it non-breaking",
    applies: (f) => f.od === 1 && f.specc === 2 && only(f, ["response-header-removed"]),
  },
  {
    why: "levels set on purpose: a removed deprecated operation is a warning in specc (clients were told)",
    applies: (f) => f.od === 3 && f.specc === 2 && only(f, ["deprecated-operation-removed"]),
  },
];

function explain(f) {
  const agree = (f.specc === 3) === (f.od === 3) && (f.specc === 0) === (f.od === 0);
  if (agree) return "agree";
  return explanations.find((e) => e.applies(f))?.why;
}

// ---- running both tools -----------------------------------------------------------------

let unexplained = 0;
let compared = 0;
const reasons = new Map();
for (const pair of pairs) {
  const run = spawnSync(specc, ["diff", "--fail-on", "never", "--format", "json", pair.old, pair.new], { encoding: "utf8" });
  if (run.status !== 0) {
    console.error(`${pair.name}: specc diff failed (${run.status}): ${run.stderr}`);
    unexplained++;
    continue;
  }
  const findings = speccFindings(JSON.parse(run.stdout));
  const content = (file) => ({ content: readFileSync(file, "utf8"), location: file, format: "openapi3" });
  let result;
  try {
    result = await openapiDiff.diffSpecs({ sourceSpec: content(pair.old), destinationSpec: content(pair.new) });
  } catch (error) {
    console.error(`${pair.name}: openapi-diff failed: ${error.message}`);
    unexplained++;
    continue;
  }
  compared++;
  addOpenapiDiff(findings, result);
  let agreed = 0;
  for (const f of findings.values()) {
    const why = explain(f);
    if (why === "agree") {
      agreed++;
      continue;
    }
    if (why === undefined) {
      unexplained++;
      console.error(`${pair.name}: UNEXPLAINED ${f.operation} | ${f.area}: specc ${[...f.rules].join(",") || "-"} ` +
                    `(${f.specc}), openapi-diff ${[...f.codes].join(",") || "-"} (${f.od})`);
      continue;
    }
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  console.log(`${pair.name}: ${findings.size} findings, ${agreed} agree`);
}
for (const [why, n] of reasons) console.log(`  explained ${n}x: ${why}`);
console.log(`${compared} of ${pairs.length} pairs compared, ${unexplained} unexplained disagreements`);
process.exit(unexplained > 0 || compared < 10 ? 1 : 0);
