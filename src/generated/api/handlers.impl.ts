// Your handlers for Stackfast API (specs/api/openapi.yaml). specc created this file once, because it was
// missing, and will never change or delete it: it is yours. Fill in each handler; the
// generated routes (routes/*.ts) validate every request before calling it, and app.ts's
// `createApp(handlers, ...)` serves them.
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  getHealth(c) {
    return c.json({ error: "not implemented: getHealth" }, 501);
  },
  listProjects(c) {
    return c.json({ error: "not implemented: listProjects" }, 501);
  },
  createProject(c) {
    return c.json({ error: "not implemented: createProject" }, 501);
  },
  getProject(c) {
    return c.json({ error: "not implemented: getProject" }, 501);
  },
  archiveProject(c) {
    return c.json({ error: "not implemented: archiveProject" }, 501);
  },
  updateProject(c) {
    return c.json({ error: "not implemented: updateProject" }, 501);
  },
  listDeployments(c) {
    return c.json({ error: "not implemented: listDeployments" }, 501);
  },
  createDeployment(c) {
    return c.json({ error: "not implemented: createDeployment" }, 501);
  },
  getDeployment(c) {
    return c.json({ error: "not implemented: getDeployment" }, 501);
  },
  promoteDeployment(c) {
    return c.json({ error: "not implemented: promoteDeployment" }, 501);
  },
  listEnvVars(c) {
    return c.json({ error: "not implemented: listEnvVars" }, 501);
  },
  setEnvVar(c) {
    return c.json({ error: "not implemented: setEnvVar" }, 501);
  },
};
