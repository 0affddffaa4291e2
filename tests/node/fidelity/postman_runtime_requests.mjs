// The reference for postman_requests.mjs: the requests of a Postman collection built by the
// code newman runs, up to the socket (~20 ms a request, too slow to drive every
// collection of the corpus, so postman_driver_check.mjs compares the two on every request):
//   - variables are resolved the way postman-runtime's `resolveVariables` does (the
//     environment over the collection's variables; the URL as a string first);
//   - auth is inherited from folders and the collection (`item.getAuth()`) and applied by
//     postman-runtime's own auth handlers (`authorizeRequest`: apikey, bearer, basic,
//     oauth2, ...);
//   - postman-runtime's `getRequestOptions` gives the URL (WHATWG parser and
//     postman-url-encoder, as newman configures it), the headers (system headers included)
//     and the body in postman-request's terms (`body`, `form` or `formData`);
//   - `form` and `formData` are encoded as postman-request encodes them: Node's
//     querystring with RFC 3986 escaping, and @postman/form-data's multipart stream.
// The packages are newman's own dependencies, pinned by package-lock.json through newman
// (postman-runtime's own copy of postman-collection, so that its type checks hold).
import { createRequire } from "node:module";
import querystring from "node:querystring";
import { multipart, rfc3986, transportHeaders } from "./postman_requests.mjs";

const require = createRequire(import.meta.url);
const sdk = createRequire(require.resolve("postman-runtime"))("postman-collection");
const { authorizeRequest } = require("postman-runtime/lib/authorizer");
const requester = require("postman-runtime/lib/requester/core");


function authorize(request) {
  return new Promise((ok, fail) =>
    authorizeRequest(request, (err, signed) => (err ? fail(err) : ok(signed || request))),
  );
}

// Returns the requests of `collectionJson` in run order as
// {name, folder, method, url (a URL object), headers ([key, value] pairs), body (a
// Buffer, string or undefined)}. `environment` maps variable names to values and takes
// precedence over the collection's variables, as newman's --env-var does.
export async function runtimeCollectionRequests(collectionJson, environment) {
  const collection = new sdk.Collection(collectionJson);
  const env = new sdk.VariableList(null, Object.entries(environment).map(([key, value]) => ({ key, value })));
  const definitions = [env, collection.variables];
  const items = [];
  collection.forEachItem((item) => items.push(item));
  const out = [];
  for (const item of items) {
    const urlString = sdk.Property.replaceSubstitutions(item.request.url.toString(), definitions);
    const resolved = new sdk.Item(item.toObjectResolved(null, definitions, { ignoreOwnVariables: true }));
    resolved.request.url = new sdk.Url(urlString);
    const auth = item.getAuth();
    let request = resolved.request;
    if (auth && auth.type !== "noauth") {
      request.auth = new sdk.RequestAuth(auth.toObjectResolved(null, definitions, { ignoreOwnVariables: true }));
      request = await authorize(request);
    }
    const options = requester.getRequestOptions(request, { useWhatWGUrlParser: true }, {});
    const headers = [];
    for (const [key, value] of Object.entries(options.headers)) {
      if (transportHeaders.has(key.toLowerCase())) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.push([key, String(v)]);
    }
    const setContentType = (value, override) => {
      const i = headers.findIndex(([k]) => k.toLowerCase() === "content-type");
      if (i < 0) headers.push(["Content-Type", value]);
      else if (override(headers[i][1])) headers[i] = [headers[i][0], value];
    };
    let body;
    if (options.body !== undefined) body = options.body;
    else if (options.form) {
      body = rfc3986(querystring.stringify(options.form));
      setContentType("application/x-www-form-urlencoded", (v) => !/^application\/x-www-form-urlencoded\b/.test(v));
    } else if (options.formData) {
      const given = headers.find(([k]) => k.toLowerCase() === "content-type");
      const encoded = await multipart(options.formData, given && given[1]);
      body = encoded.body;
      setContentType(encoded.contentType, (v) => !/^multipart\/form-data;.*boundary=/.test(v));
    }
    const parent = item.parent();
    out.push({
      name: item.name,
      folder: parent && parent !== collection ? parent.name : "",
      method: options.method,
      url: new URL(options.url.href),
      headers,
      body,
    });
  }
  return out;
}
