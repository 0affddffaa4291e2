// Your handlers for Swagger Petstore.
// specc created this file once, from specs/petstore.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  listPets() {
    throw new HTTPException(501, { message: "not implemented: listPets" });
  },
  createPets() {
    throw new HTTPException(501, { message: "not implemented: createPets" });
  },
  showPetById() {
    throw new HTTPException(501, { message: "not implemented: showPetById" });
  },
};
