// Reads specc's generated TypeScript back into a map from the OpenAPI bundle's operations
// and schemas to the generated symbols: which route serves each operation, which
// schemas.ts constants validate its inputs and describe its responses, and which constant
// stands for each component schema. specc writes no machine-readable index of its
// symbols, so this parses the generated source (its shape is regular: app.ts registers each
// route module's `<handler>(handlers, runtime)` in matching order, each export's
// OperationSpec lists `<target>: schemas.<Name>,` under `input` and its handler step calls
// `rt.respond(runtime, c, spec, handlers.<name>(c, ...`, and a `<Type>Output` union of TypedResponse per handler), and
// names components as specc's namer does (emit/namer.cc: PascalCase words, a leading `_`
// before a digit, a trailing `_` after a reserved word, `2`, `3`... on collisions). Every
// symbol it expects and does not find is reported, never skipped silently.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// emit/namer.cc's Words(): split at non-alphanumerics, lower->Upper, acronym ends and
// digit->Upper boundaries.
function words(name) {
  const out = [];
  let word = "";
  const isLower = (c) => c >= "a" && c <= "z";
  const isUpper = (c) => c >= "A" && c <= "Z";
  const isDigit = (c) => c >= "0" && c <= "9";
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (!(isLower(c) || isUpper(c) || isDigit(c))) {
      if (word) out.push(word);
      word = "";
      continue;
    }
    if (word) {
      const prev = word[word.length - 1];
      const nextLower = i + 1 < name.length && isLower(name[i + 1]);
      if ((isLower(prev) && isUpper(c)) || (isUpper(prev) && isUpper(c) && nextLower) || (isDigit(prev) && !isDigit(c) && isUpper(c))) {
        out.push(word);
        word = "";
      }
    }
    word += c;
  }
  if (word) out.push(word);
  return out;
}

const reserved = new Set(("Array Boolean Date Error Function JSON Map Math Number Object Promise Record RegExp Set String " +
  "Symbol any arguments as async await bigint boolean break case catch class const constructor continue debugger " +
  "declare default delete do else enum eval export extends false finally for from function get if implements import " +
  "in infer instanceof interface is keyof let module namespace never new null number object of package private " +
  "protected public readonly require return satisfies set static string super switch symbol this throw true try type " +
  "typeof undefined unique unknown var void while with yield z").split(" "));

export function tsTypeName(name) {
  let out = words(name).map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join("");
  if (!out) return "Schema";
  if (/^[0-9]/.test(out)) out = "_" + out;
  if (reserved.has(out)) out += "_";
  return out;
}

// The route shape of an OpenAPI path: "/pets/{pet-id}" is "/pets/{}". A fragment or query
// string written into an OpenAPI path ("/files/{id}#copy", which some descriptions use to
// tell operations apart) is not part of the route. `keepFragment` keeps it (to tell apart
// the operations of a Postman collection, which keeps it in the URL's hash).
export const shape = (path, keepFragment = false) =>
  (keepFragment ? path : path.replace(/[#?].*$/, "")).replace(/\{[^}]*\}/g, "{}");

// The routes in the order app.ts registers them (Hono tries routes in registration order):
// [{module, method, path (the spec's path key, from the operation's doc comment), handler,
// validators: [{target, schema}]}]. Each route module exports one
// `/** METHOD path */ export const <handler> = (handlers) => factory.createHandlers(...)`
// per operation; app.ts registers `<namespace>.<handler>(handlers)` once per route, or
// several in one `dispatch(...)` for operations sharing a route.
function parseRoutes(dir) {
  const routes = [];
  if (!existsSync(join(dir, "routes"))) return routes;
  const exports = new Map();  // "<module>.<handler export>" -> route
  for (const file of readdirSync(join(dir, "routes")).filter((f) => f.endsWith(".ts")).sort()) {
    const module = file.replace(/\.ts$/, "");
    const text = readFileSync(join(dir, "routes", file), "utf8");
    const re = /^\/\*\* ([A-Z]+) (.*) \*\/\nexport const ([A-Za-z0-9_$]+) = \(handlers: Handlers, runtime: rt\.Runtime\) => \{\n((?:.*\n)*?)\s*(?:: )?rt\.respond\(runtime, c, spec, handlers\.([A-Za-z0-9_$]+)\(c,/gm;
    for (let m; (m = re.exec(text)); ) {
      const validators = [...m[4].matchAll(/^\s+(param|query|header|cookie|json|form|text): schemas\.([A-Za-z0-9_$]+),$/gm)].map((v) => ({ target: v[1], schema: v[2] }));
      const path = m[2].replace(/\*\\\//g, "*/");
      exports.set(`${module}.${m[3]}`, { module, method: m[1].toLowerCase(), path, handler: m[5], validators });
    }
  }
  const app = readFileSync(join(dir, "app.ts"), "utf8");
  const moduleOf = new Map([...app.matchAll(/import \* as (\w+) from "\.\/routes\/([^"]+)\.js";/g)].map((m) => [m[1], m[2]]));
  for (const m of app.matchAll(/\b(\w+)\.([A-Za-z0-9_$]+)\(handlers, runtime\)/g)) {
    const route = exports.get(`${moduleOf.get(m[1])}.${m[2]}`);
    if (route) routes.push(route);
  }
  return routes;
}

// Each handler's documented responses: [{schema (a schemas.ts constant or null), status
// (a number, or the TypeScript status type's text), format ("json", "text", "body",
// "redirect")}].
function parseResponses(dir) {
  const text = readFileSync(join(dir, "handlers.ts"), "utf8");
  const out = new Map();
  const re = /\/\*\* The responses `([^`]+)` documents\. \*\/\nexport type \w+ =\n((?:\s*\|.*\n)*)/g;
  for (let m; (m = re.exec(text)); ) {
    const list = [];
    for (const line of m[2].split("\n")) {
      // The status may itself hold commas ("Exclude<StatusCode, 200>"); the type is a
      // schema's output, `null`, `string`, `unknown` or `undefined`.
      const r = /TypedResponse<(z\.output<typeof schemas\.([A-Za-z0-9_$]+)>|null|string|unknown|undefined), (.*), "(\w+)">;?\s*$/.exec(line);
      if (!r) continue;
      list.push({ schema: r[2] ?? null, type: r[1], status: /^\d+$/.test(r[3]) ? Number(r[3]) : r[3], format: r[4] });
    }
    out.set(m[1], list);
  }
  return out;
}

// Returns {operations, components, problems}:
//   operations: [{method, path, pointer (JSON pointer of the operation in the bundle),
//     operation, route ({module, method, path, handler, validators}) or null, responses}]
//   components: [{name, constant, pointer}]
export function indexGenerated(dir, bundle) {
  const problems = [];
  const routes = parseRoutes(dir);
  const responses = parseResponses(dir);
  // Several operations can share one route (their paths differ only in a fragment); the
  // route that answers them all is the first one registered.
  const byShape = new Map();
  for (const r of routes) {
    const key = `${r.method} ${shape(r.path)}`;
    byShape.set(key, [...(byShape.get(key) || []), r]);
  }
  const used = new Map();
  const operations = [];
  const escape = (s) => s.replace(/~/g, "~0").replace(/\//g, "~1");
  for (const [path, item] of Object.entries(bundle.paths || {})) {
    for (const method of methods) {
      const operation = item[method];
      if (!operation) continue;
      const key = `${method} ${shape(path)}`;
      const candidates = byShape.get(key) || [];
      // The handler is named after the operationId (camelCase, perhaps with a suffix);
      // without one that matches, the routes are paired in order.
      const taken = used.get(key) || new Set();
      used.set(key, taken);
      const norm = (text) => String(text || "").toLowerCase().replace(/[^a-z0-9]/g, "");
      const route = candidates.find((r) => !taken.has(r) && r.method === method && r.path === path) ||
        candidates.find((r) => !taken.has(r) && norm(r.handler) === norm(operation.operationId)) ||
        candidates.find((r) => !taken.has(r)) || null;
      if (route) taken.add(route);
      // HEAD beside a GET is answered by the GET route (Hono), and has no route of its own.
      const viaGet = method === "head" && !route ? (byShape.get(`get ${shape(path)}`) || [])[0] : undefined;
      if (!route && !viaGet) problems.push(`no route for ${method.toUpperCase()} ${path}`);
      const answering = candidates[0] || viaGet || null;
      operations.push({
        method,
        path,
        pointer: `#/paths/${escape(path)}/${method}`,
        operation,
        pathItem: item,
        route,
        // The route Hono runs for this operation's requests: the first registered for it.
        answering,
        responses: route ? responses.get(route.handler) || [] : [],
      });
    }
  }
  const schemasTs = readFileSync(join(dir, "schemas.ts"), "utf8");
  const exported = new Set([...schemasTs.matchAll(/^export const ([A-Za-z0-9_$]+)/gm)].map((m) => m[1]));
  const taken = new Set(["pattern", "uniqueItems", "toArray", "z"]);
  const components = [];
  for (const name of Object.keys(bundle.components?.schemas || {})) {
    const preferred = tsTypeName(name);
    let constant = preferred;
    for (let n = 2; taken.has(constant); n++) constant = preferred + n;
    taken.add(constant);
    if (!exported.has(constant)) problems.push(`schemas.ts exports no ${constant} for component ${name}`);
    components.push({ name, constant, pointer: `#/components/schemas/${escape(name)}` });
  }
  return { operations, components, problems, exported };
}
