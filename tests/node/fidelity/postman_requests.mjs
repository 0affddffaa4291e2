// The requests of a Postman collection as newman sends them, built directly from the
// collection JSON, for an in-process Fetch handler (`app.request`). newman itself spends
// ~110 ms on a request and postman-runtime's request pipeline alone ~20 ms, too slow for
// the thousands of requests of the corpus, so this module rebuilds what those do, step by
// step, for the parts of the format specc writes:
//   - variables: `{{name}}` from the environment, then the collection's variables,
//     repeated for nested references (postman-collection's Substitutor, 19 rounds);
//   - the URL: host and path joined, `:name` path segments replaced by the URL's
//     variables, enabled query parameters (`&`, `#` and in keys `=` escaped), then variables
//     substituted in the whole string, then postman-url-encoder's `toNodeUrl` (what newman
//     runs); the fragment is not sent;
//   - auth inherited from folders and the collection, signed as postman-runtime's handlers
//     sign (apikey, bearer, basic, oauth2);
//   - headers: enabled ones, then the system headers newman adds when missing;
//   - bodies: raw (Content-Type from its language unless set), urlencoded (Node's
//     querystring with RFC 3986 escaping, as postman-request), formdata (@postman/form-data,
//     the multipart encoder postman-request uses).
// postman_driver_check.mjs compares every request this builds with the one
// postman-runtime's own code builds (postman_runtime_requests.mjs), and a few collections
// with what newman really sends over HTTP.
import { createRequire } from "node:module";
import querystring from "node:querystring";

const require = createRequire(import.meta.url);
const urlEncoder = require("postman-url-encoder");
const PostmanFormData = require("@postman/form-data");

export const runtimeVersion = createRequire(require.resolve("newman"))("postman-runtime/package.json").version;

// Headers the HTTP layer owns: Node's server consumes them, and the Fetch API refuses or
// recomputes them, so an app never sees them as a collection sets them.
export const transportHeaders = new Set(["host", "connection", "content-length", "transfer-encoding", "keep-alive"]);

const rawLanguages = { html: "text/html", text: "text/plain", json: "application/json", javascript: "application/javascript", xml: "application/xml" };

export const rfc3986 = (text) => text.replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());

// Encodes postman-request's `formData` list ([{key, value, options}]) as it does; `contentType`
// is the request's Content-Type header, whose boundary postman-request keeps.
export function multipart(formData, contentType) {
  const given = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType || "");
  const form = new PostmanFormData(given ? { _boundary: given[1] || given[2] } : undefined);
  for (const param of formData) {
    if (param.options) form.append(param.key, param.value, param.options);
    else form.append(param.key, param.value);
  }
  return new Promise((ok, fail) => {
    const chunks = [];
    form.on("data", (chunk) => chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
    form.on("end", () => ok({ body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${form.getBoundary()}` }));
    form.on("error", fail);
    form.resume();
  });
}

// postman-collection's Substitutor: replace `{{name}}` with the first scope defining it,
// again while something was replaced, at most 19 rounds.
// Postman's dynamic variables take fixed values here, so runs are reproducible.
const dynamicVariables = new Map([["$randomInt", "42"], ["$guid", "6f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10"],
  ["$randomUUID", "6f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10"], ["$timestamp", "1767225600"],
  ["$isoTimestamp", "2026-01-01T00:00:00.000Z"]]);

function substituter(scopes) {
  const lookup = (name) => {
    for (const scope of scopes) if (scope.has(name)) return scope.get(name);
    return dynamicVariables.get(name);
  };
  return (text) => {
    if (typeof text !== "string") return text;
    for (let round = 0; round < 19; round++) {
      let replaced = false;
      text = text.replace(/\{\{([^{}]*?)}}/g, (whole, name) => {
        const value = lookup(name);
        if (value === undefined || value === null) return whole;
        replaced = true;
        return String(value);
      });
      if (!replaced) break;
    }
    return text;
  };
}

// postman-collection's QueryParam.unparseSingle: `&` and `#` (and `=` in keys) are escaped
// outside `{{variables}}`.
function queryPart(text, isKey) {
  if (typeof text !== "string") return text;
  return text
    .split(/(\{\{[^{}]*?}})/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(isKey ? /[&#=]/g : /[&#]/g, (c) => encodeURIComponent(c))))
    .join("");
}

function urlString(url) {
  if (typeof url === "string") return url;
  const vars = new Map((url.variable || []).map((v) => [v.key, v.value]));
  let out = url.protocol ? url.protocol.replace(/:\/\/$|:$/, "") + "://" : "";
  out += Array.isArray(url.host) ? url.host.join(".") : url.host || "";
  if (url.port !== undefined && url.port !== null) out += ":" + url.port;
  const path = Array.isArray(url.path) ? url.path : url.path ? String(url.path).split("/") : [];
  if (url.path !== undefined) {
    out += "/" + path.map((segment) => {
      if (typeof segment !== "string" || !segment.startsWith(":")) return segment;
      const dot = segment.indexOf(".");
      const key = segment.slice(1, dot < 0 ? undefined : dot);
      const value = vars.get(key);
      return key && typeof value === "string" && value ? value + segment.slice(key.length + 1) : segment;
    }).join("/");
  }
  const query = url.query || [];
  if (query.length > 0) {
    const enabled = query.filter((q) => q && q.disabled !== true);
    const text = enabled.map((q) => {
      let part = typeof q.key === "string" ? queryPart(q.key, true) : "";
      if (typeof q.value === "string") part += "=" + queryPart(q.value, false);
      return part;
    }).join("&");
    if (enabled.length > 0) out += "?" + text;
  }
  if (typeof url.hash === "string") out += "#" + url.hash;
  return out;
}

const sameKey = (a, b) => a.toLowerCase() === b.toLowerCase();
// lodash's lowerCase, which postman-runtime's apikey handler compares header names with.
const wordsKey = (text) => String(text).replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).join(" ");

function authParams(auth) {
  const list = auth[auth.type] || [];
  return new Map(list.map((p) => [p.key, p.value]));
}

// Signs {headers, query} (arrays of [key, value]) as postman-runtime's handler for the
// auth type does; returns false for a type this module does not know.
function sign(auth, headers, query) {
  const p = authParams(auth);
  const setHeader = (key, value) => {
    for (let i = headers.length - 1; i >= 0; i--) if (sameKey(headers[i][0], key)) headers.splice(i, 1);
    headers.push([key, value]);
  };
  switch (auth.type) {
    case "noauth":
      return true;
    case "apikey": {
      const key = p.get("key");
      const value = p.get("value");
      if (!(key || value)) return true;
      if (p.get("in") === "query") {
        for (let i = query.length - 1; i >= 0; i--) if (query[i][0] === key) query.splice(i, 1);
        query.push([key, value]);
      } else {
        for (let i = headers.length - 1; i >= 0; i--) if (wordsKey(headers[i][0]) === wordsKey(key)) headers.splice(i, 1);
        headers.push([key, value]);
      }
      return true;
    }
    case "bearer":
      if (p.get("token")) setHeader("Authorization", "Bearer " + p.get("token"));
      return true;
    case "basic":
      setHeader("Authorization", "Basic " + Buffer.from(`${p.get("username") || ""}:${p.get("password") || ""}`, "utf8").toString("base64"));
      return true;
    case "oauth2": {
      const token = p.get("accessToken");
      if (!token) return true;
      if (String(p.get("tokenType") || "bearer").toLowerCase() === "mac") return true;
      let prefix = p.get("headerPrefix");
      prefix = prefix === undefined || prefix === null ? "Bearer" : String(prefix).trim();
      for (let i = headers.length - 1; i >= 0; i--) if (sameKey(headers[i][0], "Authorization")) headers.splice(i, 1);
      for (let i = query.length - 1; i >= 0; i--) if (query[i][0] === "access_token") query.splice(i, 1);
      const to = p.get("addTokenTo") || "header";
      if (to === "queryParams") query.push(["access_token", token]);
      else if (to === "header") headers.push(["Authorization", (prefix ? prefix + " " : "") + token]);
      return true;
    }
    default:
      return false;
  }
}

// Resolves `{{variables}}` in every string of a plain JSON value.
function resolveDeep(value, substitute) {
  if (typeof value === "string") return substitute(value);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, substitute));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, substitute)]));
  }
  return value;
}

function* walk(items, folder, auth) {
  for (const item of items) {
    const inherited = item.auth !== undefined && item.auth !== null ? item.auth : auth;
    if (Array.isArray(item.item)) yield* walk(item.item, item.name, inherited);
    else if (item.request) yield { item, folder, auth: item.request.auth ?? inherited };
  }
}

// Returns the requests of `collection` (Collection v2.1 JSON) in run order as
// {name, folder, method, url (a URL object; the fragment is not sent), template (the
// collection's path, ":variables" and fragment kept), headers ([key,
// value] pairs, system headers included, no transport headers), body (a string, a Buffer
// or undefined), problems (what this module could not build as newman would)}.
// `environment` maps variable names to values and takes precedence over the collection's
// variables, as newman's --env-var does.
export async function collectionRequests(collection, environment) {
  const collectionVars = new Map();
  for (const v of collection.variable || []) if (v && !v.disabled && !collectionVars.has(v.key)) collectionVars.set(v.key, v.value);
  const substitute = substituter([new Map(Object.entries(environment)), collectionVars]);
  const out = [];
  for (const { item, folder, auth } of walk(collection.item || [], "", collection.auth)) {
    const request = item.request;
    const problems = [];
    const method = String(request.method || "GET").toUpperCase();
    const headers = (request.header || [])
      .filter((h) => h && h.disabled !== true)
      .map((h) => [substitute(h.key), substitute(h.value ?? "")])
      .filter(([key]) => !transportHeaders.has(String(key).toLowerCase()));
    // Auth signs the headers and the enabled query parameters (resolved values; the URL is
    // resolved and encoded after, as postman-runtime does).
    const url = typeof request.url === "string" ? { raw: request.url } : { ...request.url };
    const query = (url.query || []).filter((q) => q && q.disabled !== true).map((q) => [q.key, q.value]);
    if (auth && !sign(resolveDeep(auth, substitute), headers, query)) problems.push(`auth type ${auth.type} is not built`);
    url.query = query.map(([key, value]) => ({ key, value }));
    const parsed = urlEncoder.toNodeUrl(substitute(typeof request.url === "string" ? request.url : urlString(url)));
    // The body, and the Content-Type it implies.
    const body = request.body;
    const hasHeader = (key) => headers.some(([k]) => sameKey(k, key));
    let payload;
    const bodyMethod = !["GET", "HEAD", "COPY", "PURGE", "UNLOCK"].includes(method);
    if (body && !body.disabled && bodyMethod) {
      if (body.mode === "raw" && typeof body.raw === "string" && body.raw !== "") {
        const language = body.options?.raw?.language || "text";
        if (!hasHeader("Content-Type")) headers.push(["Content-Type", rawLanguages[language] || rawLanguages.text]);
        payload = substitute(body.raw);
      } else if (body.mode === "urlencoded") {
        const form = {};
        for (const p of body.urlencoded || []) {
          if (!p || p.disabled) continue;
          const key = substitute(p.key);
          const value = substitute(p.value ?? "");
          if (!Object.hasOwn(form, key)) form[key] = value;
          else form[key] = [].concat(form[key], value);
        }
        if (Object.keys(form).length > 0) {
          const i = headers.findIndex(([k]) => sameKey(k, "Content-Type"));
          if (i < 0) headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
          else if (!/^application\/x-www-form-urlencoded\b/.test(headers[i][1])) headers[i] = [headers[i][0], "application/x-www-form-urlencoded"];
          payload = rfc3986(querystring.stringify(form));
        }
      } else if (body.mode === "formdata") {
        const fields = [];
        for (const p of body.formdata || []) {
          if (!p || p.disabled) continue;
          if (p.type === "file") {
            problems.push(`formdata file field ${p.key} is sent empty`);
            fields.push({ key: substitute(p.key), value: "", options: { filename: typeof p.fileName === "string" ? p.fileName : "" } });
            continue;
          }
          const field = { key: substitute(p.key), value: typeof p.value === "string" ? substitute(p.value) : JSON.stringify(p.value ?? "") };
          if (typeof p.contentType === "string" && p.contentType) field.options = { contentType: p.contentType };
          fields.push(field);
        }
        if (fields.length > 0) {
          const i = headers.findIndex(([k]) => sameKey(k, "Content-Type"));
          const encoded = await multipart(fields, i < 0 ? undefined : headers[i][1]);
          if (i < 0) headers.push(["Content-Type", encoded.contentType]);
          else if (!/^multipart\/form-data;.*boundary=/.test(headers[i][1])) headers[i] = [headers[i][0], encoded.contentType];
          payload = encoded.body;
        }
      } else if (body.mode && body.mode !== "raw" && body.mode !== "none") {
        problems.push(`body mode ${body.mode} is not built`);
      }
    }
    for (const [key, value] of [["User-Agent", `PostmanRuntime/${runtimeVersion}`], ["Accept", "*/*"], ["Accept-Encoding", "gzip, deflate, br"]]) {
      if (!hasHeader(key)) headers.push([key, value]);
    }
    // Node's HTTP client sends the body's length (0 for a bodiless POST, PUT or PATCH, as
    // postman-runtime asks), and an app behind Node's HTTP server sees it.
    if (payload !== undefined) headers.push(["Content-Length", String(Buffer.byteLength(payload))]);
    else if (!["GET", "HEAD", "TRACE", "DELETE", "CONNECT", "OPTIONS"].includes(method)) headers.push(["Content-Length", "0"]);
    const sent = new URL(parsed.protocol + "//" + parsed.host + parsed.path);
    // The path as the collection writes it (":name" variables, the fragment kept), which
    // names the operation the request is for.
    const template = typeof request.url === "object" ? "/" + (request.url.path || []).join("/") + (request.url.hash ? "#" + request.url.hash : "") : "";
    out.push({ name: item.name, folder, method, url: sent, template, headers, body: payload, problems });
  }
  return out;
}

// The variables a run sets, as newman's --env-var would: every server variable
// (`baseUrl...`) keeps its path but points at `origin`, and every empty variable (a
// credential the collection leaves for the user) gets a dummy value.
export function environmentFor(collection, origin) {
  const vars = new Map((collection.variable || []).map((v) => [v.key, v.value ?? ""]));
  const substitute = substituter([vars]);
  const env = {};
  for (const [key, value] of vars) {
    if (key.startsWith("baseUrl")) {
      const resolved = substitute(String(value));
      // "https://host/v1", "//host/v1" (scheme-relative) or "/v1" (relative): the path.
      const path = resolved.replace(/^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*/i, "").replace(/[?#].*$/, "").replace(/\/+$/, "");
      env[key] = origin + path;
    } else if (value === "") {
      env[key] = "specc-test";
    }
  }
  return env;
}
