// Your handlers for Path parameters.
// specc created this file once, from specs/api.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  getUndeclared() {
    throw new HTTPException(501, { message: "not implemented: getUndeclared" });
  },
  getCased() {
    throw new HTTPException(501, { message: "not implemented: getCased" });
  },
  getTwice() {
    throw new HTTPException(501, { message: "not implemented: getTwice" });
  },
  getTop() {
    throw new HTTPException(501, { message: "not implemented: getTop" });
  },
  getRecent() {
    throw new HTTPException(501, { message: "not implemented: getRecent" });
  },
  search() {
    throw new HTTPException(501, { message: "not implemented: search" });
  },
  exportOne() {
    throw new HTTPException(501, { message: "not implemented: exportOne" });
  },
};
