// Issue #11, "an independent validator agrees": for every schema of every real-world
// document (documents.mjs) and of fixtures/semantics.yaml, zod's verdict (the generated
// schemas.ts constant's safeParse) must equal ajv's (json_schema.mjs: ajv 8 + ajv-formats on the bundle's schema, converted
// from OpenAPI to JSON Schema) on
//   (a) every example and default the spec gives for the schema (its own `example`,
//       `examples`, `default`; for a body or response, its media type's examples too),
//   (b) the request bodies of specc's base Postman collection (raw JSON ones),
//   (c) generated instances: proposals until 20 are valid per ajv (every proposal is
//       compared, valid or not), and mutations of the valid ones that should fail
//       (instances.mjs).
// Schemas compared: every component (the constant schemas.ts exports for it, read in the
// `neutral` context: neither readOnly nor writeOnly properties required, the only reading
// one constant serving requests and responses can have), every inline JSON request body
// (context `request`) and every inline JSON response body (context `response`). Bodies
// and responses whose schema is a component's `$ref` use that component's constant and are
// covered by it. Parameters and form bodies arrive as strings and are coerced, so their
// fidelity is self_consistency's to measure, not this test's.
//
// Disagreements are printed per document and kind with the schema, the instance and both
// verdicts; allowlist.json holds reviewed exceptions (each with a reason), which are
// counted but do not fail the test. A document with more schemas than documents.mjs's
// `schemaBudget` is sampled: the schemas whose labels hash lowest with a fixed seed.
//
// Usage: node zod_ajv_agreement.mjs SPECC WORK_DIR [NAME_FILTER...]
// Writes WORK_DIR/disagreements.json (every disagreement) for a closer look.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { documents, fixtures, hash32, schemaBudget, schemaSeed } from "./documents.mjs";
import { emitDocument, prepareWork } from "./generated.mjs";
import { indexGenerated } from "./generated_index.mjs";
import { instanceGenerator, mutations, rng } from "./instances.mjs";
import { bundleValidator, escapePointer, resolvePointer } from "./json_schema.mjs";
import { judge } from "./known_failures.mjs";

const [specc, work, ...filters] = process.argv.slice(2);
const validPerSchema = 20;
const proposalsPerSchema = 60;
const allowlist = JSON.parse(readFileSync(new URL("./allowlist.json", import.meta.url), "utf8")).entries;
const jsonMedia = (m) => /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(m) || m === "*/*";

const show = (v) => {
  const text = JSON.stringify(v);
  return text === undefined ? "undefined" : text.length > 300 ? text.slice(0, 300) + "..." : text;
};

// The schemas of one document to compare: [{label, constant, pointer, context, media}].
function targets(index) {
  const componentConstants = new Set(index.components.map((c) => c.constant));
  const list = index.components.map((c) => ({
    label: `component ${c.name}`, constant: c.constant, pointer: c.pointer, context: "neutral",
  }));
  for (const op of index.operations) {
    const name = `${op.method.toUpperCase()} ${op.path}`;
    const jsonValidator = op.route?.validators.find((v) => v.target === "json");
    const content = op.operation.requestBody?.content || {};
    const media = Object.keys(content).find((m) => jsonMedia(m) && content[m].schema);
    if (jsonValidator && media && !content[media].schema.$ref) {
      list.push({ label: `${name} request body`, constant: jsonValidator.schema, context: "request",
        pointer: `${op.pointer}/requestBody/content/${escapePointer(media)}/schema`, media: content[media] });
    }
    for (const [status, response] of Object.entries(op.operation.responses || {})) {
      const rc = response?.content || {};
      // The response's JSON body as sema/response_body.h picks it: a JSON type, else `*/*`.
      const rm = Object.keys(rc).find((m) => jsonMedia(m) && m !== "*/*") ?? Object.keys(rc).find((m) => m === "*/*");
      if (!rm || !rc[rm].schema || rc[rm].schema.$ref) continue;
      const statusName = status.replace(/[^A-Za-z0-9]+/g, " ").split(" ").filter(Boolean)
        .map((w) => (/^\d+[A-Za-z]/.test(w) ? w.replace(/^(\d+)(.*)$/, (_, d, rest) => d + rest[0].toUpperCase() + rest.slice(1).toLowerCase()) : w[0].toUpperCase() + w.slice(1).toLowerCase())).join("");
      // schemas.ts declares `<Operation><Status>Response` for an inline response body.
      const declared = op.responses.map((r) => r.schema).filter((c) => c && !componentConstants.has(c));
      const constant = declared.find((c) => new RegExp(`${statusName}Response\\d*$`).test(c)) ?? null;
      list.push({ label: `${name} response ${status}`, constant, context: "response",
        pointer: `${op.pointer}/responses/${escapePointer(status)}/content/${escapePointer(rm)}/schema`, media: rc[rm] });
    }
  }
  return list;
}

// (a): the examples and defaults the spec gives for a target's schema.
function specValues(bundle, target) {
  const schema = resolvePointer(bundle, target.pointer) || {};
  const values = [];
  const add = (kind, v) => v !== undefined && values.push({ kind, instance: v });
  add("example", schema.example);
  add("default", schema.default);
  if (Array.isArray(schema.examples)) schema.examples.forEach((v) => add("example", v));
  if (target.media) {
    add("example", target.media.example);
    for (const ex of Object.values(target.media.examples || {})) {
      const resolved = ex && typeof ex.$ref === "string" ? resolvePointer(bundle, ex.$ref) : ex;
      if (resolved && "value" in resolved) add("example", resolved.value);
    }
  }
  return values;
}

// (b): the raw JSON bodies of the base collection's requests, by "METHOD shape".
function collectionBodies(collection) {
  const out = new Map();
  const walk = (items) => {
    for (const item of items || []) {
      if (item.item) walk(item.item);
      const r = item.request;
      if (!r || r.body?.mode !== "raw" || (r.body.options?.raw?.language ?? "json") !== "json") continue;
      const path = "/" + (r.url?.path || []).map((s) => (s.startsWith(":") ? "{}" : s)).join("/");
      const key = `${r.method.toLowerCase()} ${path}`;
      let value;
      try {
        value = JSON.parse(r.body.raw);
      } catch {
        value = { unparsable: r.body.raw };
      }
      out.set(key, [...(out.get(key) || []), value]);
    }
  };
  walk(collection.item);
  return out;
}

// Reviewed readings that hold in every document, named by an allowlist entry's `rule`
// (instead of a document and a schema): each tells whether disagreement `d` is one.
const rules = {
  // specc reads a schema without `type` by its keywords (properties: an object; pattern or a
  // length: a string; a bound: a number), as sema/schema_meaning.cc documents; JSON Schema
  // lets any other type through there. Only a wrong-type mutation at such a schema.
  "typeless-read-by-keywords": (d, where) => d.kind === "mutation: wrong type" && !d.zod && d.ajv &&
    where !== undefined && where.type === undefined && where.enum === undefined && where.const === undefined &&
    ["properties", "additionalProperties", "required", "items", "pattern", "minLength", "maxLength", "minimum",
      "maximum", "multipleOf"].some((k) => k in where),
  // specc reads a oneOf with two branches that accept the same values, or with a branch
  // that checks nothing but its type, as anyOf (SPEC_ONEOF_TWINS, sema/schema_meaning.cc):
  // read literally no value could match exactly one of those two. Only where ajv's failure comes from such a oneOf: two branches passed,
  // and two of its branches are the same schema once annotations and formats ajv does not
  // check are set aside.
  "oneof-twins-read-as-anyof": (d, where, ctx) => {
    if (!d.zod || d.ajv || !ctx.errors?.length) return false;
    return ctx.errors.some((e) => {
      const passing = e.keyword === "oneOf" ? e.params?.passingSchemas : undefined;
      if (!Array.isArray(passing) || passing.length < 2 || !Array.isArray(e.schema)) return false;
      const texts = e.schema.map((branch) => plainText(branch, ctx));
      // Or a branch that checks nothing but its type: it matches every value of the others.
      const catchAll = texts.some((t) => /^\{("properties":\{\},)?("type":"\w+")?\}$/.test(t));
      return catchAll || new Set(texts).size < texts.length;
    });
  },
};

// A schema as text without its annotations and unchecked formats, `$ref`s followed.
function plainText(schema, ctx, depth = 0) {
  const annotations = new Set(["description", "title", "example", "examples", "default", "deprecated", "externalDocs"]);
  const plain = (node, level) => {
    if (Array.isArray(node)) return node.map((n) => plain(n, level));
    if (!node || typeof node !== "object") return node;
    if (typeof node.$ref === "string" && level < 8) return plain(ctx.resolveRef(node.$ref) ?? node, level + 1);
    const out = {};
    for (const key of Object.keys(node).sort()) {
      if (annotations.has(key) || key.startsWith("x-")) continue;
      if (key === "format" && ctx.unknownFormats.has(node.format)) continue;
      out[key] = key === "properties" ? Object.fromEntries(Object.keys(node.properties).sort().map((k) => [k, plain(node.properties[k], level)]))
        : plain(node[key], level);
    }
    return out;
  };
  return JSON.stringify(plain(schema, depth));
}

// `where`: the (allOf-flattened) schema that the mutation changed the value of; `ctx`: ajv's
// errors for the instance and the bundle's `$ref` resolver.
function allowed(doc, target, d, where, ctx) {
  return allowlist.find((a) => a.rule !== undefined
    ? rules[a.rule]?.(d, where, ctx)
    : a.document === doc && (a.schema === target.label || a.schema === target.constant) &&
      (a.kind === undefined || a.kind === d.kind) && (a.instance === undefined || JSON.stringify(a.instance) === JSON.stringify(d.instance)));
}

function zodVerdict(schema, instance) {
  try {
    const r = schema.safeParse(instance);
    return { ok: r.success, error: r.success ? undefined : r.error.issues.slice(0, 2).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  } catch (e) {
    return { ok: false, threw: true, error: `zod threw: ${e.message.split("\n")[0]}` };
  }
}

prepareWork(work);
const report = [];
const allDisagreements = [];
let failed = false;
const started = Date.now();
for (const doc of [...fixtures(filters), ...documents(filters)]) {
  const t0 = Date.now();
  const out = join(work, doc.name.replace(/[^A-Za-z0-9._-]/g, "_"));
  mkdirSync(out, { recursive: true });
  const row = { doc: doc.name, schemas: 0, compared: 0, kinds: {}, disagreements: 0, allowed: 0, problems: [], shortfalls: [] };
  report.push(row);
  let gen, mod, bundle;
  try {
    gen = emitDocument(specc, doc.path, out, ["routes", "schemas", "openapi", "postman"]);
    bundle = gen.readJson("openapi.json");
    mod = await gen.import("schemas.js");
  } catch (e) {
    row.problems.push(e.message.split("\n").slice(0, 3).join(" / "));
    failed = true;
    continue;
  }
  const index = indexGenerated(gen.dir, bundle);
  row.problems.push(...index.problems);
  const validator = bundleValidator(bundle);
  const generator = instanceGenerator(validator.resolveRef);
  const bodies = collectionBodies(gen.readJson("base.postman_collection.json"));
  const shape = (p) => p.replace(/\{[^}]*\}/g, "{}");
  const every = targets(index);
  const all = every.length <= schemaBudget ? every
    : every.map((t) => [hash32(`${schemaSeed}:${t.label}`), t]).sort((a, b) => a[0] - b[0]).slice(0, schemaBudget).map(([, t]) => t);
  row.total = every.length;
  for (const target of all) {
    if (!target.constant || !(target.constant in mod)) {
      row.problems.push(`${target.label}: no schemas.ts constant${target.constant ? ` ${target.constant}` : ""}`);
      continue;
    }
    let validate;
    try {
      validate = validator.validator(target.pointer, target.context);
    } catch (e) {
      row.problems.push(`${target.label}: ajv cannot compile it: ${e.message.split("\n")[0]}`);
      continue;
    }
    row.schemas++;
    const zodSchema = mod[target.constant];
    const instances = specValues(bundle, target);
    if (target.label.endsWith("request body")) {
      const [method, ...rest] = target.label.split(" ");
      const path = rest.slice(0, -2).join(" ");
      for (const v of bodies.get(`${method.toLowerCase()} ${shape(path)}`) || []) instances.push({ kind: "collection body", instance: v });
    } else if (target.label.startsWith("component ")) {
      // A component some request body refers to directly gets that request's collection body.
      for (const op of index.operations) {
        const content = op.operation.requestBody?.content || {};
        const media = Object.keys(content).find((m) => jsonMedia(m) && content[m].schema);
        if (media && content[media].schema.$ref === target.pointer) {
          for (const v of bodies.get(`${op.method} ${shape(op.path)}`) || []) instances.push({ kind: "collection body", instance: v });
        }
      }
    }
    const schema = validator.converted(target.pointer, target.context);
    const raw = resolvePointer(bundle, target.pointer) || {};
    const seedBase = hash32(`${doc.name} ${target.label}`);
    const r = rng(seedBase);
    let valid = 0;
    const validOnes = [];
    for (let i = 0; i < proposalsPerSchema && valid < validPerSchema; i++) {
      let instance;
      try {
        instance = generator.valid(schema, seedBase + i);
      } catch (e) {
        row.problems.push(`${target.label}: the generator failed: ${e.message}`);
        break;
      }
      const ok = validate(instance);
      if (ok) {
        valid++;
        if (validOnes.length < 3) validOnes.push(instance);
      }
      instances.push({ kind: ok ? "generated valid" : "generated invalid", instance });
    }
    // A schema the generator cannot satisfy (a contradictory pattern, a oneOf whose branches
    // overlap everywhere) is still compared on its examples and the proposals; it is
    // reported, not failed: it says nothing about zod.
    if (valid < validPerSchema) row.shortfalls.push(`${target.label}: ${valid} valid instances in ${proposalsPerSchema} proposals`);
    for (const v of validOnes) {
      for (const m of mutations(schema, v, generator.flatten, raw.discriminator, r)) {
        const flat = generator.flatten(schema);
        const at = m.where === "(root)" ? flat : m.where === "[0]" ? flat.items : flat.properties?.[m.where];
        instances.push({ kind: `mutation: ${m.kind}`, instance: m.instance, where: at && generator.flatten(at) });
      }
    }
    for (const { kind, instance, where } of instances) {
      const ajvOk = validate(instance);
      const zod = zodVerdict(zodSchema, instance);
      row.compared++;
      row.kinds[kind] = (row.kinds[kind] || 0) + 1;
      if (ajvOk === zod.ok && !zod.threw) continue;
      const d = { document: doc.name, schema: target.label, constant: target.constant, kind, instance, zod: zod.ok, ajv: ajvOk,
        zodError: zod.error, ajvError: ajvOk ? undefined : validate.errors?.slice(0, 2).map((e) => `${e.instancePath} ${e.message}`).join("; ") };
      if (allowed(doc.name, target, d, where,
        { errors: validate.errors, resolveRef: validator.resolveRef, unknownFormats: validator.unknownFormats })) {
        row.allowed++;
        continue;
      }
      row.disagreements++;
      row.byKind = row.byKind || {};
      row.byKind[kind] = (row.byKind[kind] || 0) + 1;
      allDisagreements.push(d);
    }
  }
  row.notes = [...validator.notes];
  row.seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const verdict = judge("zod_ajv_agreement", doc.name, row.disagreements + row.problems.length);
  if (!verdict.ok) failed = true;
  console.log(`${doc.name}: ${row.schemas} schemas${all.length < every.length ? ` (a sample of ${every.length})` : ""}, ${row.compared} instances, ` +
    `${row.disagreements} disagreements${row.allowed ? `, ${row.allowed} allowlisted` : ""}, ${row.problems.length} problems (${row.seconds} s)` +
    `${verdict.message ? `  ${verdict.message}` : ""}`);
}

writeFileSync(join(work, "disagreements.json"), JSON.stringify(allDisagreements, null, 1));
const pad = (s, n) => String(s).padEnd(n);
console.log("\n" + pad("document", 62) + pad("schemas", 9) + pad("compared", 10) + pad("disagree", 10) + "by kind");
for (const row of report) {
  const kinds = Object.entries(row.byKind || {}).map(([k, n]) => `${k} ${n}`).join(", ");
  console.log(pad(row.doc.slice(0, 60), 62) + pad(row.schemas, 9) + pad(row.compared, 10) + pad(row.disagreements, 10) + kinds);
}
const total = (k) => report.reduce((n, r) => n + r[k], 0);
console.log(`\ntotal: ${report.length} documents, ${total("schemas")} schemas, ${total("compared")} instances compared, ` +
  `${total("disagreements")} disagreements, ${total("allowed")} allowlisted, ` +
  `${report.reduce((n, r) => n + r.problems.length, 0)} problems, ` +
  `${report.reduce((n, r) => n + r.shortfalls.length, 0)} schemas with fewer than ${validPerSchema} valid instances ` +
  `(${((Date.now() - started) / 1000).toFixed(0)} s)`);
for (const row of report) {
  if (!row.problems.length && !row.disagreements && !row.shortfalls.length) continue;
  console.error(`\n${row.doc}:`);
  for (const p of row.problems.slice(0, 10)) console.error(`  problem: ${p}`);
  for (const p of row.shortfalls.slice(0, 5)) console.error(`  fewer than ${validPerSchema} valid instances: ${p}`);
  if (row.problems.length > 10) console.error(`  ... ${row.problems.length - 10} more problems`);
  // One line per schema, kind and verdict, with the first instance and how many share it.
  const groups = new Map();
  for (const d of allDisagreements.filter((x) => x.document === row.doc)) {
    const key = `${d.schema}|${d.kind}|${d.zod}`;
    if (groups.has(key)) groups.get(key).count++;
    else groups.set(key, { d, count: 1 });
  }
  for (const { d, count } of [...groups.values()].slice(0, 10)) {
    console.error(`  ${d.schema} (${d.constant}) [${d.kind}${count > 1 ? `, ${count} instances` : ""}]: zod ${d.zod ? "accepts" : "rejects"}, ajv ${d.ajv ? "accepts" : "rejects"}: ${show(d.instance)}`);
    console.error(`      zod: ${d.zodError || "-"} | ajv: ${d.ajvError || "-"}`);
  }
  if (groups.size > 10) console.error(`  ... ${groups.size - 10} more groups (${join(work, "disagreements.json")})`);
}
process.exit(failed ? 1 : 0);
