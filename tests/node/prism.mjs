// Runs Stoplight Prism (`@stoplight/prism-cli`, pinned) on 127.0.0.1 for the tests that
// use it as an oracle (postman_e2e.mjs and provision/ in mock mode, fidelity/prism_proxy.mjs
// in proxy mode), and
// reads its verdicts: Prism rejects an invalid request with 422 (with or without the
// `sl-violations` header: with --errors, or when the spec documents no 422, the body is a
// problem document and the header may be missing) and reports violations in
// `sl-violations` as [{location: ["request"|"response", ...], severity, message}].
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { canConnect, freePort, sleep } from "./loopback.mjs";

export { freePort };

export const prismBin = join(dirname(fileURLToPath(import.meta.url)), "node_modules", ".bin", "prism");

export function requirePrism() {
  if (!existsSync(prismBin)) {
    throw new Error("tests/node/node_modules is missing: run `npm ci` in tests/node (tools/dev test does)");
  }
}

// Starts `prism ARGS... -h 127.0.0.1 -p PORT` and resolves once it accepts connections (at
// most 240 s). Its output goes to `log` (an array of strings).
export async function startPrism(args, port, log) {
  const child = spawn(prismBin, [...args, "-h", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => log.push(d.toString()));
  child.stderr.on("data", (d) => log.push(d.toString()));
  // Generous: a large description (GitHub's) takes Prism a while to load on a busy machine.
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode}):\n${log.join("").slice(-2000)}`);
    if (await canConnect(port)) return child;
    await sleep(200);
  }
  child.kill("SIGKILL");
  throw new Error("prism did not start within 240 s");
}

export async function stopPrism(child) {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  for (let i = 0; i < 50 && child.exitCode === null; i++) await sleep(100);
  if (child.exitCode === null) child.kill("SIGKILL");
}

// The violations in an `sl-violations` header value at `location` ("request" or
// "response") of severity Error, as "location: message" lines.
export function violations(headerValue, location) {
  if (!headerValue) return [];
  let list;
  try {
    list = JSON.parse(headerValue);
  } catch {
    // "Too many violations! [...]", cut short: look for the location in the text.
    return headerValue.includes(`"location":["${location}"`) ? [headerValue.slice(0, 300)] : [];
  }
  return list
    .filter((v) => (v.location || [])[0] === location && v.severity === "Error")
    .map((v) => `${(v.location || []).join(".")}: ${v.message}`);
}
