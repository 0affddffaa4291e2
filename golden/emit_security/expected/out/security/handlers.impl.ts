// Your handlers for Security and errors.
// specc created this file once, from specs/security.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  inherited() {
    throw new HTTPException(501, { message: "not implemented: inherited" });
  },
  public_() {
    throw new HTTPException(501, { message: "not implemented: public_" });
  },
  either() {
    throw new HTTPException(501, { message: "not implemented: either" });
  },
  both() {
    throw new HTTPException(501, { message: "not implemented: both" });
  },
  scoped() {
    throw new HTTPException(501, { message: "not implemented: scoped" });
  },
  optional() {
    throw new HTTPException(501, { message: "not implemented: optional" });
  },
  signed() {
    throw new HTTPException(501, { message: "not implemented: signed" });
  },
};
