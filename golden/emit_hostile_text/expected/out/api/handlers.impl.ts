// Your handlers for ok globalThis.pwned.push("LS"); // title.
// specc created this file once, from specs/pwn globalThis.pwned=1 .yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  getPet() {
    throw new HTTPException(501, { message: "not implemented: getPet" });
  },
  createokGlobalThisPwnedPushLsPet() {
    throw new HTTPException(501, { message: "not implemented: createokGlobalThisPwnedPushLsPet" });
  },
};
