// The example project's dev collection is run by newman, as a deployment's check would run
// it, against the generated app with a test implementation that keeps what the POSTs
// create (and answers 404 for what does not exist). Every request and assertion passes:
// the documented success statuses, the bodies against their schemas, the ids captured
// from the creating requests. The same collection fails against a wrong base URL and
// against a server that answers 404 everywhere, so its tests do test.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import newman from "newman";
import { serve } from "@hono/node-server";
import { createApp } from "./gen/api/app.js";

const openApiDocument = JSON.parse(readFileSync(new URL("./gen/api/openapi.json", import.meta.url), "utf8"));
const collection = JSON.parse(readFileSync(new URL("./gen/api/dev.postman_collection.json", import.meta.url), "utf8"));

const notFound = (c) => c.json({ type: "about:blank", title: "Not Found", status: 404 }, 404);

// What the POSTs create, by id.
const projects = new Map();
const deployments = new Map();
const envVars = new Map();
const calls = [];
// When set, getProject answers a status its schema does not allow.
let brokenBodies = false;
const handlers = {
  getHealth: (c) => c.json({ status: "ok", version: "1.4.0" }, 200),
  listProjects: (c) => c.json({ items: [...projects.values()], nextCursor: null }, 200),
  createProject: (c, { body }) => {
    const project = { ...body, id: randomUUID(), createdAt: new Date().toISOString(), status: "active" };
    projects.set(project.id, project);
    return c.json(project, 201);
  },
  getProject: (c, { params }) => {
    const project = projects.get(params.projectId);
    if (!project) return notFound(c);
    return c.json(brokenBodies ? { ...project, status: "deleted" } : project, 200);
  },
  updateProject: (c, { params, body }) => {
    const project = projects.get(params.projectId);
    if (!project) return notFound(c);
    Object.assign(project, body);
    return c.json(project, 200);
  },
  archiveProject: (c, { params }) => (projects.delete(params.projectId) ? c.body(null, 204) : notFound(c)),
  listDeployments: (c, { params }) =>
    projects.has(params.projectId)
      ? c.json([...deployments.values()].filter((d) => d.projectId === params.projectId).map(({ projectId, ...d }) => d), 200)
      : notFound(c),
  createDeployment: (c, { params, body }) => {
    if (!projects.has(params.projectId)) return notFound(c);
    const deployment = {
      id: randomUUID(), projectId: params.projectId, environment: body.environment, commitSha: body.commitSha,
      status: "queued", createdAt: new Date().toISOString(),
    };
    deployments.set(deployment.id, deployment);
    const { projectId, ...shown } = deployment;
    return c.json(shown, 202);
  },
  getDeployment: (c, { params }) => {
    const d = deployments.get(params.deploymentId);
    if (!d || d.projectId !== params.projectId) return notFound(c);
    const { projectId, ...shown } = d;
    return c.json(shown, 200);
  },
  promoteDeployment: (c, { params }) => {
    const d = deployments.get(params.deploymentId);
    if (!d || d.projectId !== params.projectId) return notFound(c);
    d.status = "promoted";
    const { projectId, ...shown } = d;
    return c.json(shown, 202);
  },
  listEnvVars: (c, { params }) =>
    projects.has(params.projectId)
      ? c.json([...envVars.values()].filter((v) => v.projectId === params.projectId).map(({ projectId, ...v }) => v), 200)
      : notFound(c),
  setEnvVar: (c, { params, body }) => {
    if (!projects.has(params.projectId)) return notFound(c);
    const info = { key: params.key, scope: "runtime", secret: false, source: "manual", set: true, updatedAt: new Date().toISOString() };
    envVars.set(`${params.projectId}/${params.key}`, { projectId: params.projectId, ...info });
    void body;
    return c.json(info, 200);
  },
};
const recording = Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, (c, input) => {
  calls.push(name);
  return handler(c, input);
}]));

// The environment's bearer token (bearerAuthToken below) is the one credential accepted.
const security = { bearerAuth: ({ token }) => (token === "test-token" ? { principal: { user: "newman" } } : null) };
const app = serve({ fetch: createApp(recording, { openApiDocument, security }).fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => app.once("listening", () => resolve()));
const appUrl = `http://127.0.0.1:${app.address().port}/v1`;
// A server that knows no route: every request is a 404 with a JSON problem body.
const nowhere = createServer((req, res) => {
  res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ title: "Not Found", status: 404 }));
});
await new Promise((resolve) => nowhere.listen(0, "127.0.0.1", resolve));
after(() => {
  app.close();
  nowhere.close();
});

function run(baseUrl) {
  return new Promise((resolve, reject) => {
    newman.run({
      collection,
      envVar: [{ key: "baseUrl", value: baseUrl }, { key: "bearerAuthToken", value: "test-token" }],
      reporters: [],
      timeoutRequest: 5000,
    }, (error, summary) => (error ? reject(error) : resolve(summary)));
  });
}

function requestCount(items) {
  return items.reduce((n, item) => n + (item.request ? 1 : requestCount(item.item ?? [])), 0);
}

test("the dev collection runs green against the app, chaining the ids the POSTs create", async () => {
  const { run: result } = await run(appUrl);
  assert.deepEqual(result.failures.map((f) => `${f.source?.name}: ${f.error?.message}`), []);
  assert.equal(result.stats.requests.total, requestCount(collection.item));
  // Every operation reached its handler, in the chained order: the project and the
  // deployment are created before they are read, changed and promoted, deleted last.
  assert.deepEqual(calls, [
    "createProject", "listProjects", "getProject", "updateProject",
    "createDeployment", "listDeployments", "getDeployment", "promoteDeployment",
    "listEnvVars", "setEnvVar", "getHealth", "archiveProject",
  ]);
  assert.equal(projects.size, 0, "the teardown archived the project it created");
  // Each request checks its status; those with a JSON body also check its schema.
  const names = result.executions.flatMap((e) => (e.assertions ?? []).map((a) => a.assertion));
  assert.equal(names.filter((n) => n.startsWith("status is ")).length, result.stats.requests.total);
  assert.ok(names.filter((n) => n.includes("response's schema")).length >= 10, names.join("\n"));
});

test("the dev collection fails against a wrong base URL", async () => {
  const { run: result } = await run(`http://127.0.0.1:${app.address().port}/v2`);
  assert.ok(result.failures.length >= result.stats.requests.total, `${result.failures.length} failures`);
});

test("the dev collection fails against a server that answers 404 everywhere", async () => {
  const { run: result } = await run(`http://127.0.0.1:${nowhere.address().port}/v1`);
  assert.ok(result.failures.length >= result.stats.requests.total, `${result.failures.length} failures`);
});

test("a body its schema does not allow fails that request's schema test, and only that", async () => {
  brokenBodies = true;
  try {
    const { run: result } = await run(appUrl);
    assert.deepEqual(result.failures.map((f) => `${f.source?.name}: ${f.error?.test}`),
      ["Get a project: the body matches the 200 response's schema"]);
  } finally {
    brokenBodies = false;
  }
});
