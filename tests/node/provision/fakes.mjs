// Stateful fakes of the five providers `specc provision` talks to, on one HTTP server on
// 127.0.0.1: /neon, /upstash, /vercel, /github and /postman, each followed by the
// provider's own paths. A static mock cannot answer "look it up, it is not there; create
// it; look again, now it is", so the fakes keep state; every answer is laid over the
// answer Prism gives for the same request and status (oracle.mjs), so it has the shape
// the provider's description documents, and every request is validated by Prism on the
// way (a rejection is recorded in `world.violations`).
//
// Endpoints served (everything else is a 404 and recorded as unexpected):
//   neon     GET/POST /projects; GET/POST /projects/{p}/branches;
//            GET /projects/{p}/branches/{b}/endpoints; POST /projects/{p}/endpoints;
//            GET /projects/{p}/branches/{b}/roles/{r}; POST /projects/{p}/branches/{b}/roles;
//            GET /projects/{p}/branches/{b}/databases/{d}; POST /projects/{p}/branches/{b}/databases;
//            GET /projects/{p}/connection_uri
//   upstash  GET /redis/databases; POST /redis/database; GET /redis/database/{id};
//            GET/POST /vector/index; GET /vector/index/{id}
//   vercel   GET /v9/projects/{idOrName}; POST /v11/projects; GET/POST /v10/projects/{id}/env;
//            PATCH /v9/projects/{id}/env/{envId}
//   github   GET /user; GET /repos/{o}/{r}; POST /user/repos, /orgs/{org}/repos;
//            GET/PUT /repos/{o}/{r}/environments/{e}; GET .../secrets/public-key;
//            GET/PUT .../secrets/{name}; GET/PATCH .../variables/{name}; POST .../variables
//   postman  GET/POST /workspaces; GET/POST /collections, /environments (?workspace=);
//            PUT /collections/{uid}, /environments/{uid}
//
// Secret values the fakes hand out (connection URIs, tokens) carry the marker CANARY so a
// test can look for them anywhere they must not be.
import { createServer } from "node:http";
import { askPrism } from "./oracle.mjs";

export const CANARY = "canary5e";

const CREATED_AT = "2026-01-15T10:00:00Z";

// A fresh provider world: no resources, every create counted.
export function newWorld() {
  return {
    neon: { projects: [], branches: [], endpoints: [], roles: [], databases: [] },
    upstash: { databases: [], indexes: [] },
    vercel: { projects: [], envs: [] },
    github: { login: "stackfast-bot", repos: [], environments: [], secrets: [], variables: [] },
    postman: { workspaces: [], items: [] },
    creates: {},    // "<provider>:<kind>:<name>" -> how many times it was created
    writes: [],     // every request that changed something: "PUT /github/..."
    requests: 0,
    violations: [], // Prism's rejections: { request, violations }
    unexpected: [], // requests no fake serves
    deletes: 0,     // DELETE requests (specc must never send one)
    next: 1,
  };
}

const id = (world) => world.next++;

function created(world, key) {
  world.creates[key] = (world.creates[key] || 0) + 1;
}

// Lays `own` over `template`: objects merge key by key (own wins, null included), an own
// array takes its items from own, each laid over the template's first item.
export function overlay(template, own) {
  if (own === undefined) return template;
  if (own === null || typeof own !== "object") return own;
  if (Array.isArray(own)) {
    const first = Array.isArray(template) && template.length > 0 ? template[0] : undefined;
    return own.map((item) => overlay(first, item));
  }
  if (!template || typeof template !== "object" || Array.isArray(template)) return own;
  const out = { ...template };
  for (const [k, v] of Object.entries(own)) out[k] = overlay(template[k], v);
  return out;
}

const notFound = {
  neon: () => ({ status: 404, body: { code: "NOT_FOUND", message: "not found" } }),
  upstash: () => ({ status: 404, body: { error: "database not found" } }),
  vercel: () => ({ status: 404, body: { error: { code: "not_found", message: "Project not found" } } }),
  github: () => ({ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } }),
  postman: () => ({ status: 404, body: { error: { name: "instanceNotFoundError", message: "not found" } } }),
};

// ---- Neon ---------------------------------------------------------------------------

function neonProject(p) {
  return { id: p.id, name: p.name, region_id: p.region_id, pg_version: p.pg_version, created_at: CREATED_AT, org_id: undefined };
}
function neonBranch(b) {
  return { id: b.id, project_id: b.project_id, name: b.name, default: b.default, primary: b.default, protected: false,
           current_state: "ready", created_at: CREATED_AT, parent_id: b.parent_id };
}
function neonEndpoint(e) {
  return { id: e.id, host: e.host, project_id: e.project_id, branch_id: e.branch_id, type: "read_write", current_state: "idle" };
}
function neonAddEndpoint(world, project, branch) {
  const e = { id: `ep-fake-${id(world)}`, project_id: project.id, branch_id: branch.id };
  e.host = `${e.id}.${project.region_id.replace(/^aws-/, "")}.aws.neon.tech`;
  world.neon.endpoints.push(e);
  created(world, `neon:endpoint:${project.name}/${branch.name}`);
  return e;
}

const neon = [
  ["GET", /^\/projects$/, (w, m, q) => ({
    status: 200,
    body: { projects: w.neon.projects.filter((p) => p.name.includes(q.get("search") || "")).map(neonProject) },
  })],
  ["POST", /^\/projects$/, (w, m, q, body) => {
    const spec = body.project || {};
    const p = { id: `proj-fake-${id(w)}`, name: spec.name, region_id: spec.region_id || "aws-us-east-2", pg_version: spec.pg_version || 17 };
    w.neon.projects.push(p);
    created(w, `neon:project:${p.name}`);
    const b = { id: `br-fake-${id(w)}`, project_id: p.id, name: spec.branch?.name || "main", default: true };
    w.neon.branches.push(b);
    const role = spec.branch?.role_name || "neondb_owner";
    const db = spec.branch?.database_name || "neondb";
    w.neon.roles.push({ branch_id: b.id, name: role });
    w.neon.databases.push({ branch_id: b.id, name: db, owner_name: role });
    const e = neonAddEndpoint(w, p, b);
    return { status: 201, body: { project: neonProject(p), branch: neonBranch(b), endpoints: [neonEndpoint(e)],
                                  roles: [{ branch_id: b.id, name: role }], databases: [{ id: 1, branch_id: b.id, name: db, owner_name: role }],
                                  operations: [], connection_uris: [] } };
  }],
  ["GET", /^\/projects\/([^/]+)\/branches$/, (w, m, q) => {
    if (!w.neon.projects.some((p) => p.id === m[1])) return notFound.neon();
    const search = q.get("search") || "";
    return { status: 200, body: { branches: w.neon.branches.filter((b) => b.project_id === m[1] && b.name.includes(search)).map(neonBranch) } };
  }],
  ["POST", /^\/projects\/([^/]+)\/branches$/, (w, m, q, body) => {
    const project = w.neon.projects.find((p) => p.id === m[1]);
    if (!project) return notFound.neon();
    const parent = w.neon.branches.find((b) => b.project_id === project.id && b.default);
    const b = { id: `br-fake-${id(w)}`, project_id: project.id, name: body.branch?.name || `br-${w.next}`, default: false, parent_id: parent.id };
    w.neon.branches.push(b);
    created(w, `neon:branch:${project.name}/${b.name}`);
    // A branch starts as a copy of its parent: its roles and databases come along.
    for (const r of w.neon.roles.filter((r) => r.branch_id === parent.id)) w.neon.roles.push({ ...r, branch_id: b.id });
    for (const d of w.neon.databases.filter((d) => d.branch_id === parent.id)) w.neon.databases.push({ ...d, branch_id: b.id });
    const endpoints = (body.endpoints || []).map(() => neonEndpoint(neonAddEndpoint(w, project, b)));
    return { status: 201, body: { branch: neonBranch(b), endpoints, operations: [], roles: [], databases: [] } };
  }],
  ["GET", /^\/projects\/([^/]+)\/branches\/([^/]+)\/endpoints$/, (w, m) => ({
    status: 200, body: { endpoints: w.neon.endpoints.filter((e) => e.branch_id === m[2]).map(neonEndpoint) },
  })],
  ["POST", /^\/projects\/([^/]+)\/endpoints$/, (w, m, q, body) => {
    const project = w.neon.projects.find((p) => p.id === m[1]);
    const branch = w.neon.branches.find((b) => b.id === body.endpoint?.branch_id);
    if (!project || !branch) return notFound.neon();
    return { status: 201, body: { endpoint: neonEndpoint(neonAddEndpoint(w, project, branch)), operations: [] } };
  }],
  ["GET", /^\/projects\/([^/]+)\/branches\/([^/]+)\/roles\/([^/]+)$/, (w, m) => {
    const role = w.neon.roles.find((r) => r.branch_id === m[2] && r.name === decodeURIComponent(m[3]));
    return role ? { status: 200, body: { role: { branch_id: role.branch_id, name: role.name, protected: false, created_at: CREATED_AT } } } : notFound.neon();
  }],
  ["POST", /^\/projects\/([^/]+)\/branches\/([^/]+)\/roles$/, (w, m, q, body) => {
    w.neon.roles.push({ branch_id: m[2], name: body.role.name });
    created(w, `neon:role:${m[2]}/${body.role.name}`);
    return { status: 201, body: { role: { branch_id: m[2], name: body.role.name, password: `${CANARY}-role-password` }, operations: [] } };
  }],
  ["GET", /^\/projects\/([^/]+)\/branches\/([^/]+)\/databases\/([^/]+)$/, (w, m) => {
    const db = w.neon.databases.find((d) => d.branch_id === m[2] && d.name === decodeURIComponent(m[3]));
    return db ? { status: 200, body: { database: { id: 1, branch_id: db.branch_id, name: db.name, owner_name: db.owner_name } } } : notFound.neon();
  }],
  ["POST", /^\/projects\/([^/]+)\/branches\/([^/]+)\/databases$/, (w, m, q, body) => {
    w.neon.databases.push({ branch_id: m[2], name: body.database.name, owner_name: body.database.owner_name });
    created(w, `neon:database:${m[2]}/${body.database.name}`);
    return { status: 201, body: { database: { id: 2, branch_id: m[2], name: body.database.name, owner_name: body.database.owner_name }, operations: [] } };
  }],
  ["GET", /^\/projects\/([^/]+)\/connection_uri$/, (w, m, q) => {
    const endpoint = w.neon.endpoints.find((e) => e.branch_id === q.get("branch_id"));
    if (!endpoint) return notFound.neon();
    const host = q.get("pooled") === "true" ? endpoint.host.replace(/^([^.]+)/, "$1-pooler") : endpoint.host;
    return { status: 200, body: { uri: `postgresql://${q.get("role_name")}:${CANARY}Np${endpoint.id.replace(/-/g, "")}@${host}/${q.get("database_name")}?sslmode=require` } };
  }],
];

// ---- Upstash --------------------------------------------------------------------------

function upstashDatabase(d) {
  return { database_id: d.id, database_name: d.name, region: "global", primary_region: d.primary_region, port: 6379,
           creation_time: 1768471200, state: "active", endpoint: d.endpoint, tls: true, eviction: d.eviction,
           password: `${CANARY}-redis-password-${d.n}`, rest_token: `${CANARY}-redis-rest-token-${d.n}`,
           read_only_rest_token: `${CANARY}-redis-ro-token-${d.n}` };
}
function upstashIndex(i) {
  return { id: i.id, name: i.name, region: i.region, similarity_function: i.similarity_function, dimension_count: i.dimension_count,
           endpoint: i.endpoint, creation_time: 1768471200, token: `${CANARY}-vector-token-${i.n}`, read_only_token: `${CANARY}-vector-ro-${i.n}`,
           type: "payg", index_type: "DENSE" };
}
const uuid = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const upstash = [
  ["GET", /^\/redis\/databases$/, (w) => ({ status: 200, body: w.upstash.databases.map(upstashDatabase) })],
  ["POST", /^\/redis\/database$/, (w, m, q, body) => {
    const n = id(w);
    const d = { id: uuid(n), n, name: body.database_name, primary_region: body.primary_region, eviction: !!body.eviction,
                endpoint: `fake-${n}.upstash.io` };
    w.upstash.databases.push(d);
    created(w, `upstash:redis:${d.name}`);
    return { status: 200, body: upstashDatabase(d) };
  }],
  ["GET", /^\/redis\/database\/([^/]+)$/, (w, m) => {
    const d = w.upstash.databases.find((x) => x.id === m[1]);
    return d ? { status: 200, body: upstashDatabase(d) } : notFound.upstash();
  }],
  ["GET", /^\/vector\/index$/, (w) => ({ status: 200, body: w.upstash.indexes.map(upstashIndex) })],
  ["POST", /^\/vector\/index$/, (w, m, q, body) => {
    const n = id(w);
    const i = { id: uuid(n), n, name: body.name, region: body.region, similarity_function: body.similarity_function,
                dimension_count: body.dimension_count, endpoint: `fake-vector-${n}.upstash.io` };
    w.upstash.indexes.push(i);
    created(w, `upstash:vector:${i.name}`);
    return { status: 200, body: upstashIndex(i) };
  }],
  ["GET", /^\/vector\/index\/([^/]+)$/, (w, m) => {
    const i = w.upstash.indexes.find((x) => x.id === m[1]);
    return i ? { status: 200, body: upstashIndex(i) } : notFound.upstash();
  }],
];

// ---- Vercel ---------------------------------------------------------------------------

function vercelProject(p) {
  const [org, repo] = (p.repo || "/").split("/");
  return { id: p.id, name: p.name, accountId: "team_fake", framework: p.framework ?? null, rootDirectory: p.rootDirectory ?? null,
           createdAt: 1768471200000, directoryListing: false, nodeVersion: "22.x",
           link: p.repo ? { type: "github", org, repo, repoId: 1, gitCredentialId: "cred_fake", productionBranch: "main", deployHooks: [] } : null,
           env: [] };
}
function vercelEnv(e) {
  return { id: e.id, key: e.key, type: e.type, target: e.target, value: e.type === "plain" ? e.value : "", createdAt: 1768471200000 };
}

const vercel = [
  ["GET", /^\/v9\/projects\/([^/]+)$/, (w, m) => {
    const name = decodeURIComponent(m[1]);
    const p = w.vercel.projects.find((x) => x.name === name || x.id === name);
    return p ? { status: 200, body: vercelProject(p) } : notFound.vercel();
  }],
  ["POST", /^\/v11\/projects$/, (w, m, q, body) => {
    if (w.vercel.projects.some((x) => x.name === body.name)) {
      return { status: 409, body: { error: { code: "conflict", message: "Project already exists" } } };
    }
    const p = { id: `prj_fake${id(w)}`, name: body.name, framework: body.framework, rootDirectory: body.rootDirectory, repo: body.gitRepository?.repo };
    w.vercel.projects.push(p);
    created(w, `vercel:project:${p.name}`);
    return { status: 200, body: vercelProject(p) };
  }],
  ["GET", /^\/v10\/projects\/([^/]+)\/env$/, (w, m) => {
    if (!w.vercel.projects.some((x) => x.id === m[1])) return notFound.vercel();
    return { status: 200, body: { envs: w.vercel.envs.filter((e) => e.project === m[1]).map(vercelEnv) } };
  }],
  ["POST", /^\/v10\/projects\/([^/]+)\/env$/, (w, m, q, body) => {
    if (!w.vercel.projects.some((x) => x.id === m[1])) return notFound.vercel();
    const e = { id: `env_fake${id(w)}`, project: m[1], key: body.key, value: body.value, type: body.type, target: body.target };
    w.vercel.envs.push(e);
    created(w, `vercel:env:${m[1]}/${body.key}/${body.target.join(",")}`);
    return { status: 201, body: { created: vercelEnv(e), failed: [] } };
  }],
  ["PATCH", /^\/v9\/projects\/([^/]+)\/env\/([^/]+)$/, (w, m, q, body) => {
    const e = w.vercel.envs.find((x) => x.project === m[1] && x.id === m[2]);
    if (!e) return notFound.vercel();
    Object.assign(e, { value: body.value ?? e.value, type: body.type ?? e.type });
    return { status: 200, body: vercelEnv(e) };
  }],
];

// ---- GitHub ---------------------------------------------------------------------------

// The environments' public key: any 32 bytes are a Curve25519 public key.
const GITHUB_KEY = Buffer.alloc(32, 7).toString("base64");

function githubRepo(r) {
  const [owner, name] = r.full_name.split("/");
  return { id: r.id, name, full_name: r.full_name, private: r.visibility !== "public", visibility: r.visibility,
           default_branch: "main", html_url: `https://github.com/${r.full_name}`, clone_url: `https://github.com/${r.full_name}.git`,
           created_at: CREATED_AT, owner: { login: owner } };
}
function githubEnvironment(e) {
  return { id: e.id, name: e.name, html_url: `https://github.com/${e.repo}/deployments/activity_log?environments_filter=${e.name}`,
           url: `https://api.github.com/repos/${e.repo}/environments/${e.name}`, created_at: CREATED_AT, updated_at: CREATED_AT };
}
function githubCreateRepo(w, owner, body) {
  const full_name = `${owner}/${body.name}`;
  if (w.github.repos.some((r) => r.full_name === full_name)) {
    return { status: 422, body: { message: "Repository creation failed.", errors: [{ message: "name already exists on this account" }] } };
  }
  const r = { id: id(w), full_name, visibility: body.visibility || (body.private ? "private" : "public") };
  w.github.repos.push(r);
  created(w, `github:repo:${full_name}`);
  return { status: 201, body: githubRepo(r) };
}
const repoOf = (m) => `${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`;

const github = [
  ["GET", /^\/user$/, (w) => ({ status: 200, body: { login: w.github.login, id: 1, type: "User" } })],
  ["POST", /^\/user\/repos$/, (w, m, q, body) => githubCreateRepo(w, w.github.login, body)],
  ["POST", /^\/orgs\/([^/]+)\/repos$/, (w, m, q, body) => githubCreateRepo(w, decodeURIComponent(m[1]), body)],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)$/, (w, m) => {
    const r = w.github.repos.find((x) => x.full_name === repoOf(m));
    return r ? { status: 200, body: githubRepo(r) } : notFound.github();
  }],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)$/, (w, m) => {
    const e = w.github.environments.find((x) => x.repo === repoOf(m) && x.name === decodeURIComponent(m[3]));
    return e ? { status: 200, body: githubEnvironment(e) } : notFound.github();
  }],
  ["PUT", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)$/, (w, m) => {
    if (!w.github.repos.some((x) => x.full_name === repoOf(m))) return notFound.github();
    let e = w.github.environments.find((x) => x.repo === repoOf(m) && x.name === decodeURIComponent(m[3]));
    if (!e) {
      e = { id: id(w), repo: repoOf(m), name: decodeURIComponent(m[3]) };
      w.github.environments.push(e);
      created(w, `github:environment:${e.repo}/${e.name}`);
    }
    return { status: 200, body: githubEnvironment(e) };
  }],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/secrets\/public-key$/, () => ({
    status: 200, body: { key_id: "568250167242549743", key: GITHUB_KEY },
  })],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/secrets\/([^/]+)$/, (w, m) => {
    const s = w.github.secrets.find((x) => x.repo === repoOf(m) && x.env === decodeURIComponent(m[3]) && x.name === m[4]);
    return s ? { status: 200, body: { name: s.name, created_at: CREATED_AT, updated_at: CREATED_AT } } : notFound.github();
  }],
  ["PUT", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/secrets\/([^/]+)$/, (w, m, q, body) => {
    const key = { repo: repoOf(m), env: decodeURIComponent(m[3]), name: m[4] };
    let s = w.github.secrets.find((x) => x.repo === key.repo && x.env === key.env && x.name === key.name);
    const status = s ? 204 : 201;
    if (!s) {
      s = key;
      w.github.secrets.push(s);
      created(w, `github:secret:${key.repo}/${key.env}/${key.name}`);
    }
    // Sealed boxes are random; their length is the value's plus 48 bytes of overhead.
    s.sealedLength = Buffer.from(body.encrypted_value, "base64").length;
    s.keyId = body.key_id;
    return { status, body: undefined };
  }],
  ["GET", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/variables\/([^/]+)$/, (w, m) => {
    const v = w.github.variables.find((x) => x.repo === repoOf(m) && x.env === decodeURIComponent(m[3]) && x.name === m[4]);
    return v ? { status: 200, body: { name: v.name, value: v.value, created_at: CREATED_AT, updated_at: CREATED_AT } } : notFound.github();
  }],
  ["POST", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/variables$/, (w, m, q, body) => {
    const v = { repo: repoOf(m), env: decodeURIComponent(m[3]), name: body.name, value: body.value };
    if (w.github.variables.some((x) => x.repo === v.repo && x.env === v.env && x.name === v.name)) {
      return { status: 409, body: { message: "Already exists" } };
    }
    w.github.variables.push(v);
    created(w, `github:variable:${v.repo}/${v.env}/${v.name}`);
    return { status: 201, body: {} };
  }],
  ["PATCH", /^\/repos\/([^/]+)\/([^/]+)\/environments\/([^/]+)\/variables\/([^/]+)$/, (w, m, q, body) => {
    const v = w.github.variables.find((x) => x.repo === repoOf(m) && x.env === decodeURIComponent(m[3]) && x.name === m[4]);
    if (!v) return notFound.github();
    v.value = body.value;
    return { status: 204, body: undefined };
  }],
];

// ---- Postman --------------------------------------------------------------------------

function postmanItems(kind) {
  return [
    ["GET", new RegExp(`^/${kind}s$`), (w, m, q) => ({
      status: 200,
      body: { [`${kind}s`]: w.postman.items.filter((i) => i.kind === kind && i.workspace === q.get("workspace"))
                                         .map((i) => ({ id: i.id, name: i.name, uid: i.uid, owner: "1" })) },
    })],
    ["POST", new RegExp(`^/${kind}s$`), (w, m, q, body) => {
      const doc = body[kind];
      const name = kind === "collection" ? doc?.info?.name : doc?.name;
      const n = id(w);
      const i = { kind, workspace: q.get("workspace"), id: uuid(n), uid: `1-${uuid(n)}`, name, size: JSON.stringify(doc).length };
      w.postman.items.push(i);
      created(w, `postman:${kind}:${i.workspace}/${name}`);
      return { status: 200, body: { [kind]: { id: i.id, name: i.name, uid: i.uid } } };
    }],
    ["PUT", new RegExp(`^/${kind}s/([^/]+)$`), (w, m, q, body) => {
      const i = w.postman.items.find((x) => x.kind === kind && x.uid === m[1]);
      if (!i) return notFound.postman();
      i.size = JSON.stringify(body[kind]).length;
      i.updates = (i.updates || 0) + 1;
      return { status: 200, body: { [kind]: { id: i.id, name: i.name, uid: i.uid } } };
    }],
  ];
}

const postman = [
  ["GET", /^\/workspaces$/, (w) => ({ status: 200, body: { workspaces: w.postman.workspaces.map((x) => ({ id: x.id, name: x.name, type: x.type })) } })],
  ["POST", /^\/workspaces$/, (w, m, q, body) => {
    const x = { id: uuid(id(w)), name: body.workspace.name, type: body.workspace.type };
    w.postman.workspaces.push(x);
    created(w, `postman:workspace:${x.name}`);
    return { status: 200, body: { workspace: { id: x.id, name: x.name } } };
  }],
  ...postmanItems("collection"),
  ...postmanItems("environment"),
];

const ROUTES = { neon, upstash, vercel, github, postman };

// The fake server. `options.prismPort`: the oracle's Prism (null: no validation, answers
// laid over the templates cached from earlier validated requests). `options.faults`: a
// list of { provider, method, path (RegExp), kind, times } with kind "429", "500",
// "500-after" (the change happens, then a 500), "timeout", "timeout-after" (the change
// happens, the answer comes too late), "malformed" (not JSON) or "shape" (JSON of another
// shape).
// `options.onChange(world, request)`: called after a request changed something and before
// the answer goes out; returning "kill" drops the answer (the caller kills specc).
// `options.onRequest(world, request)`: called as a request arrives, before the provider
// acts on it; returning "kill" drops it unanswered (the caller kills specc).
export function startFakes(options) {
  const state = { world: newWorld(), prismPort: options.prismPort, faults: [], onChange: null, onRequest: null, templates: new Map() };
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url, "http://127.0.0.1");
    const [, provider, ...rest] = url.pathname.split("/");
    const path = "/" + rest.join("/");
    const world = state.world;
    world.requests++;
    if (state.onRequest && state.onRequest(world, `${req.method} ${url.pathname}`) === "kill") {
      res.destroy();
      return;
    }
    if (req.method === "DELETE") world.deletes++;
    const routes = ROUTES[provider];
    const route = routes?.find(([method, re]) => method === req.method && re.test(path));
    if (!route) {
      world.unexpected.push(`${req.method} ${url.pathname}`);
      res.writeHead(404, { "content-type": "application/json" }).end("{}");
      return;
    }
    const fault = state.faults.find((f) => f.provider === provider && f.method === req.method && f.path.test(path) && f.times > 0);
    if (fault && fault.kind !== "500-after" && fault.kind !== "timeout-after" && fault.kind !== "shape") {
      fault.times--;
      fault.hits = (fault.hits || 0) + 1;
      if (fault.kind === "429") return res.writeHead(429, { "retry-after": "1", "content-type": "application/json" }).end('{"message":"slow down"}');
      if (fault.kind === "500") return res.writeHead(500, { "content-type": "application/json" }).end('{"message":"internal error"}');
      if (fault.kind === "malformed") return res.writeHead(200, { "content-type": "application/json" }).end("{\"projects\": [ <html>");
      if (fault.kind === "timeout") return setTimeout(() => res.destroyed || res.writeHead(200).end("{}"), fault.delay || 5000);
    }
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      world.violations.push({ request: `${req.method} ${url.pathname}`, violations: [{ message: "body is not JSON" }] });
    }
    const before = JSON.stringify([world.creates, world.neon, world.upstash, world.vercel, world.github, world.postman]);
    const answer = route[2](world, path.match(route[1]), url.searchParams, body);
    const changed = before !== JSON.stringify([world.creates, world.neon, world.upstash, world.vercel, world.github, world.postman]);
    if (changed) world.writes.push(`${req.method} ${url.pathname}`);
    // The oracle: Prism validates the request and shapes the answer.
    const templateKey = `${provider} ${req.method} ${route[1]} ${answer.status}`;
    let template = state.templates.get(templateKey);
    if (state.prismPort) {
      const checked = await askPrism(state.prismPort, { method: req.method, url: req.url, headers: req.headers, body: raw }, answer.status);
      if (checked.violations.length > 0) world.violations.push({ request: `${req.method} ${url.pathname}`, violations: checked.violations });
      if (checked.template !== undefined && checked.template !== null) {
        template = checked.template;
        state.templates.set(templateKey, template);
      }
    }
    if (changed && state.onChange && state.onChange(world, `${req.method} ${url.pathname}`) === "kill") {
      res.destroy();
      return;
    }
    if (fault && fault.kind === "timeout-after") {
      // The change happened; the answer comes too late for specc to hear it.
      fault.times--;
      fault.hits = (fault.hits || 0) + 1;
      return setTimeout(() => res.destroyed || res.writeHead(answer.status).end("{}"), fault.delay || 5000);
    }
    if (fault && fault.kind === "500-after") {
      fault.times--;
      fault.hits = (fault.hits || 0) + 1;
      return res.writeHead(500, { "content-type": "application/json" }).end('{"message":"internal error"}');
    }
    if (fault && fault.kind === "shape") {
      fault.times--;
      fault.hits = (fault.hits || 0) + 1;
      return res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify({ unexpected: true }));
    }
    if (answer.body === undefined) return res.writeHead(answer.status).end();
    const merged = answer.status < 300 ? overlay(template, answer.body) : answer.body;
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(merged));
  });
  return new Promise((ok) =>
    server.listen(0, "127.0.0.1", () => {
      state.port = server.address().port;
      state.close = () => new Promise((done) => { server.closeAllConnections(); server.close(done); });
      ok(state);
    }),
  );
}
