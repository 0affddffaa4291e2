// A seeded instance generator for JSON Schema (as json_schema.mjs converts OpenAPI's): it
// proposes instances, and the caller keeps the ones ajv accepts, so the generator may be
// approximate (allOf is merged shallowly, `not` and oneOf's exclusivity are left to ajv)
// but never decides validity itself. It also proposes the mutations the fidelity test
// needs: a required property removed, a value of the wrong type, a value out of range, an
// extra property where none is allowed, a discriminator naming no schema.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const RandExp = require("randexp");

// mulberry32: a small seeded PRNG; the same seed gives the same instances on any machine.
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const pad2 = (n) => String(n).padStart(2, "0");

function formatted(format, r) {
  const y = r.int(1970, 2030), mo = pad2(r.int(1, 12)), d = pad2(r.int(1, 28));
  const h = pad2(r.int(0, 23)), mi = pad2(r.int(0, 59)), s = pad2(r.int(0, 59));
  const hex = (n) => Array.from({ length: n }, () => "0123456789abcdef"[r.int(0, 15)]).join("");
  const word = () => r.pick(["alpha", "beta", "gamma", "delta", "shop", "pets", "node"]);
  switch (format) {
    case "date-time": return r.pick([`${y}-${mo}-${d}T${h}:${mi}:${s}Z`, `${y}-${mo}-${d}T${h}:${mi}:${s}.${r.int(100, 999)}+02:00`]);
    case "date": return `${y}-${mo}-${d}`;
    case "time": return r.pick([`${h}:${mi}:${s}Z`, `${h}:${mi}:${s}+01:00`]);
    case "duration": return r.pick(["P1D", "PT5M", "P1Y2M3DT4H5M6S"]);
    case "email": case "idn-email": return `${word()}.${r.int(1, 99)}@example.com`;
    case "uuid": return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[r.int(0, 3)]}${hex(3)}-${hex(12)}`;
    case "uri": case "url": case "iri": return r.pick([`https://example.com/${word()}/${r.int(1, 999)}`, `http://api.example.org/${word()}?q=${r.int(1, 9)}`]);
    case "uri-reference": case "iri-reference": return r.pick([`/${word()}/${r.int(1, 99)}`, `https://example.com/${word()}`]);
    case "uri-template": return `https://example.com/{${word()}}`;
    case "hostname": case "idn-hostname": return `${word()}.example.com`;
    case "ipv4": return `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`;
    case "ipv6": return `2001:db8::${hex(4)}`;
    case "byte": return Buffer.from(`${word()}-${r.int(0, 9999)}`).toString("base64");
    case "json-pointer": return `/${word()}/${r.int(0, 9)}`;
    case "relative-json-pointer": return `${r.int(0, 3)}/${word()}`;
    case "regex": return `^${word()}[0-9]+$`;
    case "int32": case "int64": case "float": case "double": case "password": case "binary":
    default: return undefined;
  }
}

const typeOf = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v);

// Merges the allOf parts of `s` (after resolving refs) into one schema: properties and
// required are united, the other keywords taken from the first part that has them.
function flatten(s, resolve, depth = 0) {
  if (!s || typeof s !== "object" || depth > 20) return s || {};
  if (typeof s.$ref === "string") {
    const { $ref, ...rest } = s;
    const target = resolve($ref) || {};
    return Object.keys(rest).length ? flatten({ allOf: [target, rest] }, resolve, depth + 1) : flatten(target, resolve, depth + 1);
  }
  if (!Array.isArray(s.allOf)) return s;
  const { allOf, ...own } = s;
  const out = { ...own, properties: { ...(own.properties || {}) }, required: [...(own.required || [])] };
  for (const part of allOf) {
    const p = flatten(part, resolve, depth + 1);
    for (const [k, v] of Object.entries(p)) {
      if (k === "properties") {
        for (const [name, prop] of Object.entries(v || {})) {
          out.properties[name] = out.properties[name] ? { allOf: [out.properties[name], prop] } : prop;
        }
      } else if (k === "required") out.required.push(...(v || []));
      else if (k === "type" && out.type !== undefined) {
        const a = [].concat(out.type), b = [].concat(v);
        const both = a.filter((t) => b.includes(t) || (t === "integer" && b.includes("number")));
        const more = b.filter((t) => t === "integer" && a.includes("number"));
        out.type = [...new Set([...both, ...more])];
      } else if (k === "additionalProperties" && v === false) out.additionalProperties = false;
      else if (!(k in out)) out[k] = v;
      else if ((k === "oneOf" || k === "anyOf") && Array.isArray(v)) out.allOf = [...(out.allOf || []), { [k]: v }];
    }
  }
  if (Object.keys(out.properties).length === 0) delete out.properties;
  if (out.required.length === 0) delete out.required;
  else out.required = [...new Set(out.required)];
  return out.allOf ? flatten(out, resolve, depth + 1) : out;
}

function stringFor(s, r) {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Math.max(min, 24);
  let value;
  if (typeof s.pattern === "string") {
    try {
      let regex;
      try {
        regex = new RegExp(s.pattern, "u");
      } catch {
        regex = new RegExp(s.pattern);
      }
      const gen = new RandExp(regex);
      gen.max = 4;
      gen.randInt = (a, b) => r.int(a, b);
      gen.defaultRange.subtract(0, 31);
      gen.defaultRange.subtract(127, 0x10ffff);
      value = gen.gen();
    } catch {
      value = undefined;
    }
  }
  if (value === undefined) value = typeof s.format === "string" ? formatted(s.format, r) : undefined;
  if (value === undefined) {
    const words = ["text", "value", "sample", "name", "item", "data"];
    value = r.pick(words) + (r.chance(0.5) ? `-${r.int(0, 999)}` : "");
  }
  if (typeof s.pattern !== "string" && typeof s.format !== "string") {
    while ([...value].length < min) value += "x";
    if ([...value].length > max) value = [...value].slice(0, max).join("");
  }
  return value;
}

function numberFor(s, integer, r) {
  let lo = s.minimum ?? (typeof s.exclusiveMinimum === "number" ? s.exclusiveMinimum : undefined);
  let hi = s.maximum ?? (typeof s.exclusiveMaximum === "number" ? s.exclusiveMaximum : undefined);
  const exLo = typeof s.exclusiveMinimum === "number" && s.minimum === undefined;
  const exHi = typeof s.exclusiveMaximum === "number" && s.maximum === undefined;
  if (lo === undefined && hi === undefined) { lo = 0; hi = 1000; }
  else if (lo === undefined) lo = hi - 1000;
  else if (hi === undefined) hi = lo + 1000;
  const step = typeof s.multipleOf === "number" && s.multipleOf > 0 ? s.multipleOf : integer ? 1 : undefined;
  if (step) {
    let first = Math.ceil(lo / step) * step;
    if (exLo && first <= lo) first += step;
    let last = Math.floor(hi / step) * step;
    if (exHi && last >= hi) last -= step;
    if (last < first) return first;
    const n = Math.floor((last - first) / step);
    const k = r.int(0, Math.min(n, 1e6));
    const v = first + k * step;
    return integer ? Math.round(v) : Number(v.toPrecision(12));
  }
  if (integer) {
    let a = Math.ceil(lo), b = Math.floor(hi);
    if (exLo && a <= lo) a += 1;
    if (exHi && b >= hi) b -= 1;
    return b < a ? a : r.int(a, Math.min(b, a + 1e6));
  }
  const v = lo + (hi - lo) * r.next();
  const rounded = Math.round(v * 100) / 100;
  return rounded > lo && rounded < hi ? rounded : (lo + hi) / 2;
}

// Returns a generator: `valid(schema, seed)` proposes one instance of `schema` (refs
// resolved through `resolve`); the same seed gives the same instance.
export function instanceGenerator(resolve) {
  const gen = (s0, r, depth) => {
    if (s0 === true || s0 === undefined) return r.pick(["any", 1, true, { a: 1 }]);
    if (s0 === false) return null;
    let s = flatten(s0, resolve);
    if ("const" in s) return s.const;
    if (Array.isArray(s.enum) && s.enum.length) return r.pick(s.enum);
    for (const key of ["oneOf", "anyOf"]) {
      if (Array.isArray(s[key]) && s[key].length) {
        const { [key]: branches, ...rest } = s;
        const branch = r.pick(branches);
        s = flatten({ allOf: [rest, branch] }, resolve);
        if ("const" in s) return s.const;
        if (Array.isArray(s.enum) && s.enum.length) return r.pick(s.enum);
      }
    }
    let types = s.type === undefined ? [] : [].concat(s.type);
    if (types.length === 0) {
      if (s.properties || s.additionalProperties !== undefined || s.required) types = ["object"];
      else if (s.items || s.prefixItems) types = ["array"];
      else if (s.pattern || s.format || s.minLength !== undefined) types = ["string"];
      else if (s.minimum !== undefined || s.maximum !== undefined) types = ["number"];
      else types = ["string", "integer", "boolean", "object"];
    }
    // null is taken now and then, never always.
    const nonNull = types.filter((t) => t !== "null");
    const type = nonNull.length === 0 || (types.includes("null") && r.chance(0.15)) ? "null" : r.pick(nonNull);
    switch (type) {
      case "null": return null;
      case "boolean": return r.chance(0.5);
      case "integer": return numberFor(s, true, r);
      case "number": return numberFor(s, false, r);
      case "string": return stringFor(s, r);
      case "array": {
        const min = s.minItems ?? 0;
        const max = Math.min(s.maxItems ?? min + 3, min + (depth > 4 ? 0 : 3));
        const n = r.int(min, Math.max(min, max));
        const out = [];
        const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
        const items = Array.isArray(s.items) ? s.additionalItems : s.items;
        for (let i = 0; i < n; i++) {
          let v = gen(i < prefix.length ? prefix[i] : items, r, depth + 1);
          if (s.uniqueItems) {
            for (let t = 0; t < 5 && out.some((o) => JSON.stringify(o) === JSON.stringify(v)); t++) v = gen(items, r, depth + 1);
          }
          out.push(v);
        }
        return out;
      }
      case "object":
      default: {
        const out = {};
        const props = s.properties || {};
        const required = new Set(s.required || []);
        for (const [name, prop] of Object.entries(props)) {
          if (required.has(name) || (depth < 5 && r.chance(0.6))) out[name] = gen(prop, r, depth + 1);
        }
        for (const name of required) {
          if (!(name in out)) out[name] = gen(s.additionalProperties && typeof s.additionalProperties === "object" ? s.additionalProperties : true, r, depth + 1);
        }
        const extraAllowed = s.additionalProperties !== false && s.unevaluatedProperties !== false;
        let extras = 0;
        const wantMore = (s.minProperties ?? 0) - Object.keys(out).length;
        if (extraAllowed && (wantMore > 0 || (s.additionalProperties && typeof s.additionalProperties === "object" && r.chance(0.5)))) {
          for (let i = 0; i < Math.max(1, wantMore); i++) {
            const key = `extra${extras++}`;
            out[key] = gen(typeof s.additionalProperties === "object" ? s.additionalProperties : { type: "string" }, r, depth + 1);
          }
        }
        if (s.patternProperties && depth < 5) {
          for (const [pattern, prop] of Object.entries(s.patternProperties)) {
            if (!r.chance(0.5)) continue;
            const key = stringFor({ pattern }, r);
            if (!(key in out)) out[key] = gen(prop, r, depth + 1);
          }
        }
        return out;
      }
    }
  };
  return {
    valid: (schema, seed) => gen(schema, rng(seed), 0),
    flatten: (schema) => flatten(schema, resolve),
  };
}

const clone = (v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

// A value of another JSON type than `value`'s.
function otherType(value) {
  switch (typeOf(value)) {
    case "string": return 12345;
    case "integer": case "number": return "not-a-number";
    case "boolean": return "true";
    case "array": return { unexpected: "object" };
    case "object": return "not-an-object";
    case "null": return 0;
    default: return null;
  }
}

// Returns mutations of the valid `instance` of `schema` that should fail: [{kind,
// instance, where}]. `discriminator` is the raw OpenAPI discriminator of the schema
// ({propertyName, mapping}) when it has one.
export function mutations(schema, instance, flattenSchema, discriminator, r) {
  const out = [];
  const s = flattenSchema(schema);
  out.push({ kind: "wrong type", where: "(root)", instance: otherType(instance) });
  if (instance && typeof instance === "object" && !Array.isArray(instance)) {
    for (const name of s.required || []) {
      if (!(name in instance)) continue;
      const m = clone(instance);
      delete m[name];
      out.push({ kind: "missing required", where: name, instance: m });
    }
    const props = s.properties || {};
    const present = Object.keys(instance).filter((k) => k in props);
    for (const name of present.slice(0, 3)) {
      const m = clone(instance);
      m[name] = otherType(instance[name]);
      out.push({ kind: "wrong type", where: name, instance: m });
    }
    for (const name of present) {
      const p = flattenSchema(props[name]);
      const m = clone(instance);
      const v = instance[name];
      if (typeof v === "number" && (typeof p.maximum === "number" || typeof p.exclusiveMaximum === "number")) {
        m[name] = (p.maximum ?? p.exclusiveMaximum) + (Number.isInteger(v) ? 1 : 0.5);
      } else if (typeof v === "number" && (typeof p.minimum === "number" || typeof p.exclusiveMinimum === "number")) {
        m[name] = (p.minimum ?? p.exclusiveMinimum) - (Number.isInteger(v) ? 1 : 0.5);
      } else if (typeof v === "string" && typeof p.maxLength === "number") {
        m[name] = v.padEnd(p.maxLength + 1, "x");
      } else if (typeof v === "string" && typeof p.minLength === "number" && p.minLength > 0) {
        m[name] = v.slice(0, p.minLength - 1);
      } else if (typeof v === "string" && Array.isArray(p.enum)) {
        m[name] = "not-one-of-the-enum-values";
      } else continue;
      out.push({ kind: "out of range", where: name, instance: m });
      if (out.filter((o) => o.kind === "out of range").length >= 3) break;
    }
    if (s.additionalProperties === false || s.unevaluatedProperties === false) {
      const m = clone(instance);
      m.unexpectedExtraProperty = "extra";
      out.push({ kind: "extra property", where: "unexpectedExtraProperty", instance: m });
    }
    if (discriminator && typeof discriminator.propertyName === "string" && discriminator.propertyName in instance) {
      const m = clone(instance);
      m[discriminator.propertyName] = "NotAMappedType";
      out.push({ kind: "wrong discriminator", where: discriminator.propertyName, instance: m });
    }
  } else if (Array.isArray(instance) && instance.length > 0) {
    const m = clone(instance);
    m[0] = otherType(instance[0]);
    out.push({ kind: "wrong type", where: "[0]", instance: m });
  }
  return out;
}
