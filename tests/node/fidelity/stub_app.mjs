// The generated app of one document with stub handlers, instrumented for the fidelity
// tests. Each handler answers one response its operation documents (the lowest 2xx, else
// 2XX, else default, else the first), with a body ajv accepts for the response's JSON
// schema where there is one (instances.mjs proposes, json_schema.mjs decides), so the same
// app also serves Prism's proxy mode. Every request runs in an AsyncLocalStorage context
// that records whether the handler ran, each input part zod rejected (the target, the
// schemas.ts constant, zod's issues and the value it saw) and any uncaught error, so a 400
// can be traced to the part and rule that caused it.
import { AsyncLocalStorage } from "node:async_hooks";
import { hash32 } from "./documents.mjs";
import { instanceGenerator } from "./instances.mjs";
import { escapePointer } from "./json_schema.mjs";

const jsonMedia = (m) => /^application\/(?:[\w.+-]+\+)?json(?:;|$)/i.test(m) || m === "*/*";

// The documented response a stub answers: [status key, response object].
function pickResponse(operation) {
  const entries = Object.entries(operation.responses || {});
  const exact = entries.filter(([s]) => /^2\d\d$/.test(s)).sort(([a], [b]) => Number(a) - Number(b));
  return exact[0] || entries.find(([s]) => /^2XX$/i.test(s)) || entries.find(([s]) => s === "default") || entries[0] || ["200", {}];
}

function statusNumber(key) {
  if (/^\d{3}$/.test(key)) return Number(key);
  if (/^\dXX$/i.test(key)) return Number(key[0]) * 100;
  return 200;
}

// Returns {app, context, handlerFor}: `context.run(store, fn)` runs a request with `store`
// ({handled, failures: [], errors: []}) collecting what happened.
// `basePath` is where the routes are served (createApp's option; its default without).
export function stubApp({ createApp, schemas, index, validator, bundle, docName, basePath }) {
  const context = new AsyncLocalStorage();
  const generator = instanceGenerator(validator.resolveRef);
  // Wrap the validators' schemas: runtime.ts's validateInput calls `schema.safeParseAsync`.
  const wrapped = new Map();
  for (const op of index.operations) {
    for (const { target, schema: name } of op.route?.validators || []) {
      const schema = schemas[name];
      if (!schema || typeof schema.safeParseAsync !== "function") continue;
      if (wrapped.has(schema)) {
        wrapped.get(schema).add(target);
        continue;
      }
      const targets = new Set([target]);
      wrapped.set(schema, targets);
      const original = schema.safeParseAsync.bind(schema);
      schema.safeParseAsync = async (data, params) => {
        const result = await original(data, params);
        if (!result.success) {
          context.getStore()?.failures.push({ targets: [...targets], constant: name, issues: result.error.issues, data });
        }
        return result;
      };
    }
  }
  // Each handler's answer, made when it first runs (a sampled run reaches few of them).
  const operationOf = new Map(index.operations.filter((op) => op.route).map((op) => [op.route.handler, op]));
  const responses = new Map();
  const answerOf = (handler) => {
    if (responses.has(handler)) return responses.get(handler);
    const op = operationOf.get(handler);
    if (!op) return { status: 200, kind: "empty" };
    const [key, response] = pickResponse(op.operation);
    const status = statusNumber(key);
    const content = response?.content || {};
    // The JSON body as sema/response_body.h picks it (a JSON type, else `*/*`), else the first.
    const media = Object.keys(content).find((m) => jsonMedia(m) && m !== "*/*") ?? Object.keys(content).find(jsonMedia) ??
      Object.keys(content)[0];
    let body = null;
    let kind = "empty";
    if (media !== undefined && status !== 204 && status !== 304 && status >= 200) {
      const schemaPointer = `${op.pointer}/responses/${escapePointer(key)}/content/${escapePointer(media)}/schema`;
      const hasSchema = content[media]?.schema !== undefined;
      if (jsonMedia(media)) {
        kind = "json";
        body = {};
        if (hasSchema) {
          const schema = validator.converted(schemaPointer, "response");
          const validate = validator.validator(schemaPointer, "response");
          const seed = hash32(`${docName} ${op.method} ${op.path}`);
          for (let i = 0; i < 40; i++) {
            const candidate = generator.valid(schema, seed + i);
            if (i === 0) body = candidate;
            if (validate(candidate)) {
              body = candidate;
              break;
            }
          }
        }
      } else {
        kind = "text";
        body = "stub";
      }
    }
    const answer = { status, media, kind, body };
    responses.set(handler, answer);
    return answer;
  };
  const handlers = new Proxy({}, {
    get: (_, name) => (c) => {
      const store = context.getStore();
      if (store) store.handled = String(name);
      const r = answerOf(String(name));
      if (r.kind === "json") return c.json(r.body, r.status, r.media === "*/*" ? {} : { "Content-Type": r.media });
      if (r.kind === "text") return c.body(r.body, r.status, { "Content-Type": r.media });
      return c.body(null, r.status);
    },
  });
  // Security verifiers that accept every credential the collection sends (environmentFor
  // fills them with a dummy value) and grant every scope the document names, so that
  // requests are judged by their input alone; a request sending none is still refused.
  const scopes = new Set();
  const requirements = [...(bundle.security || [])];
  for (const item of Object.values(bundle.paths || {})) {
    for (const operation of Object.values(item || {})) if (Array.isArray(operation?.security)) requirements.push(...operation.security);
  }
  for (const requirement of requirements) for (const list of Object.values(requirement || {})) for (const scope of list || []) scopes.add(scope);
  const accept = (credential) => ({ principal: credential, scopes: [...scopes] });
  const security = new Proxy({}, { get: () => accept });
  const options = { openApiDocument: bundle, security };
  const app = createApp(handlers, basePath === undefined ? options : { ...options, basePath });
  app.onError((err, c) => {
    context.getStore()?.errors.push(err.stack || String(err));
    // HTTPException (Hono's malformed-body answers) keeps its status.
    if (typeof err.getResponse === "function") return err.getResponse();
    return c.text("stub app error", 500);
  });
  return { app, context };
}
