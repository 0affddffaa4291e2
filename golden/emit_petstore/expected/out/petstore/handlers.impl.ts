// Your handlers for Swagger Petstore.
// specc created this file once, from specs/petstore.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  listPets(c) {
    return c.json({ error: "not implemented: listPets" }, 501);
  },
  createPets(c) {
    return c.json({ error: "not implemented: createPets" }, 501);
  },
  showPetById(c) {
    return c.json({ error: "not implemented: showPetById" }, 501);
  },
};
