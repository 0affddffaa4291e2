// Your handlers for Routing.
// specc created this file once, from specs/routing.yaml, because it was missing; it will never
// change or delete it: it is yours. Fill in each handler. The generated routes
// (routes/*.ts) validate every request before calling it; app.ts's createApp serves them.
// Each handler returns one of the responses its operation documents (handlers.ts names
// them), such as `return c.json(body, 200);`.
import { HTTPException } from "hono/http-exception";
import type { Handlers } from "./handlers.js";

export const handlers: Handlers = {
  getGroup() {
    throw new HTTPException(501, { message: "not implemented: getGroup" });
  },
  getGroupJson() {
    throw new HTTPException(501, { message: "not implemented: getGroupJson" });
  },
  getPair() {
    throw new HTTPException(501, { message: "not implemented: getPair" });
  },
  getRelease() {
    throw new HTTPException(501, { message: "not implemented: getRelease" });
  },
  getDroplet() {
    throw new HTTPException(501, { message: "not implemented: getDroplet" });
  },
  listAutoscalePools() {
    throw new HTTPException(501, { message: "not implemented: listAutoscalePools" });
  },
  getZone() {
    throw new HTTPException(501, { message: "not implemented: getZone" });
  },
  countZones() {
    throw new HTTPException(501, { message: "not implemented: countZones" });
  },
  getTop() {
    throw new HTTPException(501, { message: "not implemented: getTop" });
  },
  getTopByPeriod() {
    throw new HTTPException(501, { message: "not implemented: getTopByPeriod" });
  },
  updateDocument() {
    throw new HTTPException(501, { message: "not implemented: updateDocument" });
  },
  shareDocument() {
    throw new HTTPException(501, { message: "not implemented: shareDocument" });
  },
  exportList() {
    throw new HTTPException(501, { message: "not implemented: exportList" });
  },
  listReports() {
    throw new HTTPException(501, { message: "not implemented: listReports" });
  },
  createReport() {
    throw new HTTPException(501, { message: "not implemented: createReport" });
  },
  getRoot() {
    throw new HTTPException(501, { message: "not implemented: getRoot" });
  },
  getThesaurus() {
    throw new HTTPException(501, { message: "not implemented: getThesaurus" });
  },
  getWildcard() {
    throw new HTTPException(501, { message: "not implemented: getWildcard" });
  },
  getCertificate() {
    throw new HTTPException(501, { message: "not implemented: getCertificate" });
  },
  getCluster() {
    throw new HTTPException(501, { message: "not implemented: getCluster" });
  },
  startCluster() {
    throw new HTTPException(501, { message: "not implemented: startCluster" });
  },
  headFile() {
    throw new HTTPException(501, { message: "not implemented: headFile" });
  },
  uploadFile() {
    throw new HTTPException(501, { message: "not implemented: uploadFile" });
  },
  getMirror() {
    throw new HTTPException(501, { message: "not implemented: getMirror" });
  },
  search() {
    throw new HTTPException(501, { message: "not implemented: search" });
  },
};
