// The independent validator: ajv 8 with ajv-formats on the JSON Schema that specc's
// OpenAPI bundle (openapi.json) carries, converted to what the OpenAPI version means.
//
// OpenAPI 3.0 (its Schema Object is an adjusted subset of JSON Schema draft 5; ajv's
// draft-07 mode runs it after this conversion):
//   - only the 3.0 Schema Object's keywords count; any other key (`const`, `examples`,
//     `patternProperties`, `x-...`) is not a keyword of 3.0 and is dropped;
//   - `$ref` replaces its object: sibling keywords are ignored (3.0.3, Reference Object);
//   - `nullable: true` adds null to `type` (and to `enum`, which otherwise excludes it);
//     without a `type` (beside allOf, oneOf or anyOf: 3.0's way to make a reference
//     nullable) it means the rest of the schema or null, the reading issue #11 asks for
//     (3.0.3's "only takes effect if type is explicitly defined" would make such a
//     `nullable` mean nothing at all, which is not what any description that writes it means);
//   - `exclusiveMinimum`/`exclusiveMaximum` are booleans modifying `minimum`/`maximum`;
//   - `discriminator`, `xml`, `externalDocs`, `example`, `deprecated` are annotations;
//   - a `required` that is not a list, an `enum` that is not a list are not keywords.
// OpenAPI 3.1: the Schema Object is JSON Schema 2020-12 (ajv's 2020 build);
// `discriminator`, `xml`, `externalDocs`, `example` are annotations; unknown keywords are
// annotations too and are dropped.
// Both: `readOnly` properties are not required in a request and `writeOnly` ones not in a
// response (3.0 Schema Object; 3.1 keeps the rule through the OAS text). A schema used in
// both places (a component) is read in the `neutral` context, where neither is required.
// `format` is asserted (ajv-formats, full mode), as zod asserts the formats it knows; a
// format neither knows is open-ended and accepts every value. Patterns are ECMA-262
// regular expressions with the `u` flag (JSON Schema); one that only compiles without it is
// compiled without it, and one that does not compile at all accepts every string (noted).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv").default;
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const keywords30 = new Set(["title", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
  "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
  "required", "enum", "type", "allOf", "oneOf", "anyOf", "not", "items", "properties", "additionalProperties",
  "description", "format", "default", "readOnly", "writeOnly"]);
const keywords2020 = new Set(["$id", "$schema", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
  "$comment", "$defs", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems",
  "items", "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
  "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
  "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
  "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required", "dependentRequired",
  "format", "title", "description", "default", "deprecated", "readOnly", "writeOnly", "examples",
  "contentEncoding", "contentMediaType", "contentSchema"]);
// Keywords whose value is a schema, a list of schemas, or a map of schemas.
const oneSchema = new Set(["not", "if", "then", "else", "contains", "propertyNames", "additionalProperties",
  "unevaluatedItems", "unevaluatedProperties", "contentSchema", "items", "additionalItems"]);
const schemaList = new Set(["allOf", "anyOf", "oneOf", "prefixItems"]);
const schemaMap = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);

export const contexts = ["request", "response", "neutral"];

// `lookup(ref)` returns the bundle's schema a local `$ref` names (for readOnly/writeOnly
// of a referenced property).
function converter(version, context, lookup, notes) {
  const is30 = version === "3.0";
  const hidden = (prop) => {
    let p = prop;
    for (let i = 0; i < 8 && p && typeof p.$ref === "string"; i++) p = lookup(p.$ref);
    if (!p || typeof p !== "object") return false;
    const ro = p.readOnly === true && context !== "response";
    const wo = p.writeOnly === true && context !== "request";
    return ro || wo;
  };
  const convert = (s) => {
    if (typeof s === "boolean") return is30 ? {} : s;
    if (!s || typeof s !== "object" || Array.isArray(s)) return {};
    if (typeof s.$ref === "string" && (is30 || Object.keys(s).length === 1)) {
      if (is30) return { $ref: s.$ref };
    }
    const out = {};
    for (const [key, value] of Object.entries(s)) {
      if (is30 ? !keywords30.has(key) : !keywords2020.has(key)) continue;
      if (oneSchema.has(key)) {
        if (key === "items" && Array.isArray(value)) out[key] = value.map(convert);
        else if (typeof value === "boolean" && !is30) out[key] = value;
        else if (key === "additionalProperties" && typeof value === "boolean") out[key] = value;
        else out[key] = convert(value);
      } else if (schemaList.has(key)) {
        if (Array.isArray(value)) out[key] = value.map(convert);
      } else if (schemaMap.has(key)) {
        if (value && typeof value === "object") out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
      } else if (key === "required" || key === "enum") {
        // A repeated value changes nothing (and the meta-schemas forbid it).
        const seen = new Set();
        if (Array.isArray(value)) out[key] = value.filter((v) => !seen.has(JSON.stringify(v)) && seen.add(JSON.stringify(v)));
      } else if (key === "examples") {
        if (Array.isArray(value)) out[key] = value;
      } else {
        out[key] = value;
      }
    }
    if (is30) {
      if (typeof s.exclusiveMinimum === "boolean") {
        delete out.exclusiveMinimum;
        if (s.exclusiveMinimum && typeof s.minimum === "number") {
          out.exclusiveMinimum = s.minimum;
          delete out.minimum;
        }
      }
      if (typeof s.exclusiveMaximum === "boolean") {
        delete out.exclusiveMaximum;
        if (s.exclusiveMaximum && typeof s.maximum === "number") {
          out.exclusiveMaximum = s.maximum;
          delete out.maximum;
        }
      }
      if (s.nullable === true && out.type !== undefined) {
        const types = Array.isArray(out.type) ? out.type : [out.type];
        if (!types.includes("null")) out.type = [...types, "null"];
        if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      } else if (s.nullable === true) {
        return { anyOf: [out, { type: "null" }] };
      }
    }
    if (Array.isArray(out.required) && out.properties) {
      const required = out.required.filter((name) => !(Object.hasOwn(s.properties || {}, name) && hidden(s.properties[name])));
      if (required.length !== out.required.length) out.required = required;
    }
    if (typeof out.pattern === "string") {
      try {
        new RegExp(out.pattern, "u");
      } catch {
        try {
          new RegExp(out.pattern);
          notes.add(`pattern compiled without the u flag: ${out.pattern}`);
        } catch {
          notes.add(`pattern does not compile, accepts every string: ${out.pattern}`);
          delete out.pattern;
        }
      }
    }
    return out;
  };
  return convert;
}

const escapePointer = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");

function resolvePointer(doc, pointer) {
  let node = doc;
  for (const raw of pointer.replace(/^#\/?/, "").split("/")) {
    if (raw === "") continue;
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = node[key];
  }
  return node;
}

// Builds the validator for one bundle. `validator(pointer, context)` returns ajv's
// validate function for the schema at `pointer` (a JSON pointer into the bundle, of a
// schema) read in `context`; it throws when ajv cannot compile it.
export function bundleValidator(bundle) {
  const version = String(bundle.openapi || "").startsWith("3.1") ? "3.1" : "3.0";
  const notes = new Set();
  const lookup = (ref) => (ref.startsWith("#/") ? resolvePointer(bundle, ref) : undefined);
  const unknownFormats = new Set();
  const regExp = (pattern, flags) => {
    try {
      return new RegExp(pattern, flags);
    } catch {
      return new RegExp(pattern, flags.replace("u", ""));
    }
  };
  regExp.code = "new RegExp";
  // inlineRefs off: every referenced schema is compiled once into its own function; inlined,
  // a large component tree was compiled again into every schema reaching it (minutes).
  // loopRequired 0: ajv 8's unrolled `required` check assigns each name to `missing` inside
  // the condition, so a required property named "" (falsy) is never reported missing (GoDaddy's
  // orders API requires ""); its loop form checks every name.
  const options = { inlineRefs: false, verbose: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allErrors: false,
    loopRequired: 0, validateFormats: true, code: { regExp } };
  const ajv = version === "3.1" ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv, { mode: "full" });
  const knownFormats = new Set(Object.keys(ajv.formats));
  // Every schema of the bundle a local `$ref` reaches is a component schema (specc's bundle
  // refers to nothing else); each context gets its own copy of them as definitions.
  const defsKey = version === "3.1" ? "$defs" : "definitions";
  const documents = new Map();
  const documentFor = (context) => {
    if (documents.has(context)) return documents.get(context);
    const convert = converter(version, context, lookup, notes);
    const defs = {};
    for (const [name, schema] of Object.entries(bundle.components?.schemas || {})) defs[name] = convert(schema);
    const id = `urn:specc:${context}`;
    const rewrite = (node) => {
      if (Array.isArray(node)) return node.forEach(rewrite);
      if (!node || typeof node !== "object") return;
      if (typeof node.$ref === "string" && node.$ref.startsWith("#/components/schemas/")) {
        node.$ref = `${id}#/${defsKey}/` + node.$ref.slice("#/components/schemas/".length);
      }
      if (typeof node.format === "string" && !knownFormats.has(node.format)) unknownFormats.add(node.format);
      Object.values(node).forEach(rewrite);
    };
    rewrite(defs);
    for (const f of unknownFormats) if (!knownFormats.has(f)) ajv.addFormat(f, true), knownFormats.add(f);
    ajv.addSchema({ $id: id, [defsKey]: defs });
    const entry = { id, convert, rewrite };
    documents.set(context, entry);
    return entry;
  };
  const cache = new Map();
  const validator = (pointer, context) => {
    const key = `${context} ${pointer}`;
    if (cache.has(key)) return cache.get(key);
    const doc = documentFor(context);
    let validate;
    const component = /^#\/components\/schemas\/([^/]+)$/.exec(pointer);
    if (component) {
      validate = ajv.getSchema(`${doc.id}#/${defsKey}/${component[1]}`);
    } else {
      const schema = doc.convert(resolvePointer(bundle, pointer));
      doc.rewrite(schema);
      for (const f of unknownFormats) if (!knownFormats.has(f)) ajv.addFormat(f, true), knownFormats.add(f);
      validate = ajv.compile(version === "3.1" ? schema : { ...schema });
    }
    if (!validate) throw new Error(`ajv has no schema at ${pointer}`);
    cache.set(key, validate);
    return validate;
  };
  // The converted schema at `pointer` in `context`, refs pointing into the definitions
  // (for the instance generator, which resolves them through `resolveRef`).
  const converted = (pointer, context) => {
    const doc = documentFor(context);
    const component = /^#\/components\/schemas\/([^/]+)$/.exec(pointer);
    const root = ajv.getSchema(doc.id).schema;
    if (component) return root[defsKey][decodeURIComponent(component[1]).replace(/~1/g, "/").replace(/~0/g, "~")];
    const schema = doc.convert(resolvePointer(bundle, pointer));
    doc.rewrite(schema);
    return schema;
  };
  const resolveRef = (ref) => {
    const m = /^urn:specc:(\w+)#\/(?:\$defs|definitions)\/(.*)$/.exec(ref);
    if (!m) return undefined;
    const root = ajv.getSchema(documentFor(m[1]).id).schema;
    const name = m[2].split("/").map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
    let node = root[defsKey];
    for (const p of name) node = node?.[p];
    return node;
  };
  return { version, validator, converted, resolveRef, notes, unknownFormats, escapePointer };
}

export { escapePointer, resolvePointer };
