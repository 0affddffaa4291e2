// Typed responses: handlers for the example project's generated `Handlers`, compiled with
// tsc --strict by e2e_example.sh. The accepted returns must compile; each line after
// `@ts-expect-error` breaks the contract and must not (tsc fails on an unused directive),
// so the test fails if the generated types are too loose or too strict.
import type { Context } from "hono";
import type { UnofficialStatusCode } from "hono/utils/http-status";
import type { Handlers } from "../gen/api/handlers.js";
import type { Handlers as FeatureHandlers } from "../gen/features/handlers.js";

const project = {
  id: "7f3e5a52-8f7c-4a0e-9a53-2b1d6f3c8a10",
  name: "shop",
  region: "aws-us-east-2",
  framework: "hono" as const,
  status: "active" as const,
};
const notFound = { type: "https://stackfast.dev/problems/not-found", title: "Not found", status: 404 };

export const handlers: Handlers = {
  getHealth: (c) => c.json({ status: "ok" as const, version: "1.2.3" }, 200),
  listProjects: (c, { query }) => c.json({ items: [project].slice(0, query.limit), nextCursor: null }, 200),
  createProject: (c, { body }) => c.json({ ...project, ...body }, 201),
  getProject: (c, { params }) => (params.projectId === project.id ? c.json(project, 200) : c.json(notFound, 404)),
  // No content: 204 is answered with c.body(null, 204).
  archiveProject: (c) => c.body(null, 204),
  updateProject: async (c) => c.json(project, 200),
  listDeployments: (c) => c.json([], 200),
  createDeployment: (c, { body }) =>
    c.json({ id: project.id, environment: body.environment, status: "queued" as const, createdAt: "2026-01-01T00:00:00Z" }, 202),
  getDeployment: (c) => c.json(notFound, 404),
  promoteDeployment: (c) => c.json({ ...notFound, status: 409, title: "Not ready" }, 409),
  listEnvVars: (c) => c.json([{ key: "DATABASE_URL", scope: "runtime" as const, secret: true, source: "provisioned" as const, set: true }], 200),
  setEnvVar: (c, { params, body }) =>
    c.json({ key: params.key, scope: "runtime" as const, secret: false, source: "manual" as const, set: body.value !== undefined }, 200),
};

// What the types reject, one contract at a time.
export const rejected: Array<(c: Context) => unknown> = [
  // @ts-expect-error: 200 is not a status archiveProject documents.
  (c): ReturnType<Handlers["archiveProject"]> => c.json({}, 200),
  // @ts-expect-error: a plain Response says nothing of its status or body.
  (): ReturnType<Handlers["archiveProject"]> => new Response(null, { status: 204 }),
  // @ts-expect-error: the Problem body lacks its required `title`.
  (c): ReturnType<Handlers["getProject"]> => c.json({ type: "about:blank", status: 404 }, 404),
  // @ts-expect-error: `status` must be one of the Deployment status enum's values.
  (c): ReturnType<Handlers["getDeployment"]> => c.json({ id: "x", environment: "dev", status: "done", createdAt: "" }, 200),
  // @ts-expect-error: listDeployments answers with an array of deployments, not a page object.
  (c): ReturnType<Handlers["listDeployments"]> => c.json({ page: 1 }, 200),
  // @ts-expect-error: getHealth documents JSON, not text.
  (c): ReturnType<Handlers["getHealth"]> => c.text("ok", 200),
];

// golden/emit_features' getPetPhoto documents every kind of response: binary and JSON for
// 200, text for an unofficial code, a redirect, a contentless 304, a 4XX range and a default.
type PhotoResult = ReturnType<FeatureHandlers["getPetPhoto"]>;
export const photoAccepted: Array<(c: Context) => PhotoResult> = [
  (c) => c.body(new Uint8Array([137, 80, 78, 71]), 200),
  (c) => c.json({ url: "https://cdn.example/pet.png", width: 640 }, 200),
  (c) => c.text("partial", 299 as UnofficialStatusCode),
  (c) => c.redirect("https://cdn.example/pet.png", 302),
  (c) => c.body(null, 304),
  (c) => c.json({ title: "Gone", status: 410 }, 410),
  (c) => c.text("unavailable", 503),
];
export const photoRejected: Array<(c: Context) => PhotoResult> = [
  // @ts-expect-error: the JSON body lacks its required `url`.
  (c) => c.json({ width: 640 }, 200),
  // @ts-expect-error: a 4XX answers with a Problem document, not text.
  (c) => c.text("bad", 404),
  // @ts-expect-error: 304 has no content.
  (c) => c.body("same", 304),
  // @ts-expect-error: 304 is not a redirect.
  (c) => c.redirect("/elsewhere", 304),
  // @ts-expect-error: the default response is text; only the 4XX range answers with JSON.
  (c) => c.json({ title: "Boom", status: 500 }, 500),
];
