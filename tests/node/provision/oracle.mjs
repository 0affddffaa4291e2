// The providers' own contracts as the oracle of the provisioning tests. For each provider,
// the paths specc calls are cut out of the provider's published OpenAPI description (with
// every component they reference), and Prism (@stoplight/prism-cli, pinned in
// ../package.json) mocks that subset on 127.0.0.1. The fakes (fakes.mjs) send every
// request specc makes to Prism as well: Prism validates it against the description (a
// request that breaks the contract comes back with `sl-violations`), and its answer for
// the status the fake chose is the template the fake's stateful answer is laid over, so
// answers have the description's shape.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import yaml from "js-yaml";
import { freePort } from "../loopback.mjs";
import { requirePrism, startPrism as startPrismOn, stopPrism } from "../prism.mjs";

// The descriptions (relative to the corpus) and the paths specc calls in each.
export const PROVIDERS = {
  neon: {
    description: "providers/neon/public-v2-for-users.gen.yaml",
    paths: [
      "/projects",
      "/projects/{project_id}/branches",
      "/projects/{project_id}/branches/{branch_id}/endpoints",
      "/projects/{project_id}/endpoints",
      "/projects/{project_id}/branches/{branch_id}/roles",
      "/projects/{project_id}/branches/{branch_id}/roles/{role_name}",
      "/projects/{project_id}/branches/{branch_id}/databases",
      "/projects/{project_id}/branches/{branch_id}/databases/{database_name}",
      "/projects/{project_id}/connection_uri",
    ],
  },
  upstash: {
    description: "providers/upstash/developer-api/openapi.yml",
    paths: ["/redis/databases", "/redis/database", "/redis/database/{id}", "/vector/index", "/vector/index/{id}"],
  },
  vercel: {
    description: "providers/vercel/vercel-spec.json",
    paths: ["/v9/projects/{idOrName}", "/v11/projects", "/v10/projects/{idOrName}/env", "/v9/projects/{idOrName}/env/{id}"],
  },
  github: {
    description: "github/octokit-openapi/api.github.com.json",
    paths: [
      "/user",
      "/user/repos",
      "/orgs/{org}/repos",
      "/repos/{owner}/{repo}",
      "/repos/{owner}/{repo}/environments/{environment_name}",
      "/repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key",
      "/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}",
      "/repos/{owner}/{repo}/environments/{environment_name}/variables",
      "/repos/{owner}/{repo}/environments/{environment_name}/variables/{name}",
    ],
  },
  postman: {
    description: "providers/postman/apis-guru__getpostman.com__1.20.0__openapi.yaml",
    paths: ["/workspaces", "/collections", "/collections/{collection_uid}", "/environments", "/environments/{environment_uid}"],
    // This description was converted from a Postman collection: its body schemas are
    // inferred from one example each, and the import bodies' inferred schema says a
    // request's `url` is a string, where Collection Format v2.1.0 also allows an object
    // (the form specc writes, checked against the official schema by postman_schema). So
    // the import bodies are checked for their envelope only: {"collection": {...}}.
    relax: (doc) => {
      for (const [path, key] of [["/collections", "collection"], ["/collections/{collection_uid}", "collection"],
                                 ["/environments", "environment"], ["/environments/{environment_uid}", "environment"]]) {
        for (const method of ["post", "put"]) {
          const op = doc.paths[path]?.[method];
          if (!op?.requestBody) continue;
          op.requestBody = { required: true, content: { "application/json": { schema: {
            type: "object", required: [key], properties: { [key]: { type: "object" } } } } } };
        }
      }
    },
  },
};

// Returns the subset of `provider`'s description holding the paths specc calls and what
// they reference, with every path under `/<provider>` and every component renamed
// `<provider>__<name>`, so that the five providers fit in one document: one Prism serves
// them all (a Prism takes seconds to start). A description-wide `security` is copied onto
// each operation that has none, so nothing of the contract is lost in the merge.
function subsetDescription(corpus, provider) {
  const { description, paths } = PROVIDERS[provider];
  const file = join(corpus, description);
  const text = readFileSync(file, "utf8");
  const doc = file.endsWith(".json") ? JSON.parse(text) : yaml.load(text);
  if (PROVIDERS[provider].relax) PROVIDERS[provider].relax(doc);
  const resolve = (ref) =>
    ref.slice(2).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).reduce((n, k) => n[k], doc);
  const seen = new Set();
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && !seen.has(node.$ref)) {
      seen.add(node.$ref);
      walk(resolve(node.$ref));
    }
    for (const v of Object.values(node)) walk(v);
  };
  const picked = {};
  for (const p of paths) {
    if (!doc.paths[p]) throw new Error(`${description} has no path ${p}`);
    picked[p] = doc.paths[p];
  }
  walk(picked);
  const rename = (node) => {
    if (Array.isArray(node)) return node.map(rename);
    if (!node || typeof node !== "object") return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/components/")
        ? v.replace(/^#\/components\/([^/]+)\//, `#/components/$1/${provider}__`)
        : rename(v);
    }
    return out;
  };
  const renameSecurity = (requirements) =>
    requirements.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [`${provider}__${k}`, v])));
  const components = {};
  for (const ref of seen) {
    const [, , kind, name] = ref.split("/");
    (components[kind] ||= {})[`${provider}__${name}`] = rename(doc.components[kind][name]);
  }
  for (const [name, scheme] of Object.entries(doc.components?.securitySchemes || {})) {
    (components.securitySchemes ||= {})[`${provider}__${name}`] = scheme;
  }
  const outPaths = {};
  for (const [p, item] of Object.entries(picked)) {
    const renamed = rename(item);
    for (const method of ["get", "put", "post", "patch", "delete"]) {
      const op = renamed[method];
      if (!op) continue;
      if (op.security) op.security = renameSecurity(op.security);
      else if (doc.security) op.security = renameSecurity(doc.security);
    }
    outPaths[`/${provider}${p}`] = renamed;
  }
  return { openapi: doc.openapi, paths: outPaths, components };
}

// Writes one document holding every provider's subset (see subsetDescription) to `out`.
export function writeOracleDescription(corpus, out) {
  const merged = { openapi: "3.0.3", info: { title: "specc provisioning oracle", version: "1" }, paths: {}, components: {} };
  for (const provider of Object.keys(PROVIDERS)) {
    const sub = subsetDescription(corpus, provider);
    Object.assign(merged.paths, sub.paths);
    for (const [kind, entries] of Object.entries(sub.components)) Object.assign((merged.components[kind] ||= {}), entries);
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(merged));
  return out;
}

// Starts Prism on `spec`; resolves to { port, stop } once it accepts connections.
export async function startPrism(spec, log) {
  requirePrism();
  const port = await freePort();
  const child = await startPrismOn(["mock", spec], port, log);
  return { port, stop: () => stopPrism(child) };
}

// Sends `request` to Prism on `port` asking for `status`. Returns the request violations
// Prism reports, and its answer's JSON body when it answered with `status`.
export async function askPrism(port, request, status) {
  const headers = { ...request.headers, prefer: `code=${status}` };
  delete headers.host;
  delete headers["content-length"];
  const init = { method: request.method, headers };
  if (request.body && request.method !== "GET") init.body = request.body;
  const response = await fetch(`http://127.0.0.1:${port}${request.url}`, init);
  const text = await response.text();
  let violations = [];
  const header = response.headers.get("sl-violations");
  if (header) {
    try {
      violations = JSON.parse(header).filter((v) => v.location?.[0] === "request" && v.severity === "Error");
    } catch {
      violations = [{ message: header.slice(0, 300) }];
    }
  }
  if (response.status === 401 || response.status === 403) {
    violations.push({ message: `Prism answered ${response.status}: the request's credentials break the description's security` });
  }
  let template;
  if (response.status === status) {
    try {
      template = JSON.parse(text);
    } catch {
      template = undefined;
    }
  }
  return { violations, template };
}
