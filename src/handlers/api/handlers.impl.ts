// Your handlers for Stackfast API.
// specc created this file once, from specs/api/openapi.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "../../generated/api/handlers.js";

export const handlers: Handlers = {
  getHealth() {
    throw new HTTPException(501, { message: "not implemented: getHealth" });
  },
  listProjects() {
    throw new HTTPException(501, { message: "not implemented: listProjects" });
  },
  createProject() {
    throw new HTTPException(501, { message: "not implemented: createProject" });
  },
  getProject() {
    throw new HTTPException(501, { message: "not implemented: getProject" });
  },
  archiveProject() {
    throw new HTTPException(501, { message: "not implemented: archiveProject" });
  },
  updateProject() {
    throw new HTTPException(501, { message: "not implemented: updateProject" });
  },
  listDeployments() {
    throw new HTTPException(501, { message: "not implemented: listDeployments" });
  },
  createDeployment() {
    throw new HTTPException(501, { message: "not implemented: createDeployment" });
  },
  getDeployment() {
    throw new HTTPException(501, { message: "not implemented: getDeployment" });
  },
  promoteDeployment() {
    throw new HTTPException(501, { message: "not implemented: promoteDeployment" });
  },
  listEnvVars() {
    throw new HTTPException(501, { message: "not implemented: listEnvVars" });
  },
  setEnvVar() {
    throw new HTTPException(501, { message: "not implemented: setEnvVar" });
  },
};
