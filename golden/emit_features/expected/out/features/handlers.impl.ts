// Your handlers for Features.
// specc created this file once, from specs/features.yaml, because it was missing; it will never
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
  replacePet() {
    throw new HTTPException(501, { message: "not implemented: replacePet" });
  },
  createPet() {
    throw new HTTPException(501, { message: "not implemented: createPet" });
  },
  reindexEverySearchIndexOfEveryOrganisationThatHasEverExistedAndMore() {
    throw new HTTPException(501, { message: "not implemented: reindexEverySearchIndexOfEveryOrganisationThatHasEverExistedAndMore" });
  },
  purgeInternal() {
    throw new HTTPException(501, { message: "not implemented: purgeInternal" });
  },
  getHealth() {
    throw new HTTPException(501, { message: "not implemented: getHealth" });
  },
  headPing() {
    throw new HTTPException(501, { message: "not implemented: headPing" });
  },
  tracePing() {
    throw new HTTPException(501, { message: "not implemented: tracePing" });
  },
  getPetPhoto() {
    throw new HTTPException(501, { message: "not implemented: getPetPhoto" });
  },
  headPetPhoto() {
    throw new HTTPException(501, { message: "not implemented: headPetPhoto" });
  },
};
