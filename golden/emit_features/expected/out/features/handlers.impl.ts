// Your handlers for Features.
// specc created this file once, from specs/features.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  getPet(c) {
    return c.json({ error: "not implemented: getPet" }, 501);
  },
  replacePet(c) {
    return c.json({ error: "not implemented: replacePet" }, 501);
  },
  createPet(c) {
    return c.json({ error: "not implemented: createPet" }, 501);
  },
  reindexEverySearchIndexOfEveryOrganisationThatHasEverExistedAndMore(c) {
    return c.json({ error: "not implemented: reindexEverySearchIndexOfEveryOrganisationThatHasEverExistedAndMore" }, 501);
  },
  purgeInternal(c) {
    return c.json({ error: "not implemented: purgeInternal" }, 501);
  },
  getHealth(c) {
    return c.json({ error: "not implemented: getHealth" }, 501);
  },
};
