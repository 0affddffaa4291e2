// specc's output for one document, ready to run in this process: `specc emit` writes the
// TypeScript, the OpenAPI bundle and the Postman collections; each .ts file is transpiled
// to JavaScript beside it with TypeScript's own transpiler (types are erased, nothing else
// changes: ts_real_world already type-checks the same files with `tsc --strict`, and a
// whole-program tsc run per document would cost minutes here); then the modules are
// imported. The work directory gets a node_modules link so the generated imports of
// hono, zod and @hono/zod-validator resolve to the pinned packages.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

// Required, not imported: an ESM import of TypeScript's 9 MB CommonJS bundle makes Node
// scan it for exports (~3 s).
const ts = createRequire(import.meta.url)("typescript");

export const nodeDir = join(dirname(fileURLToPath(import.meta.url)), "..");

// Prepares WORK (emptied) as a package root whose imports resolve to tests/node's packages.
export function prepareWork(work) {
  if (!existsSync(join(nodeDir, "node_modules", "zod"))) {
    throw new Error("tests/node/node_modules is missing: run `npm ci` in tests/node (tools/dev test does)");
  }
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  symlinkSync(join(nodeDir, "node_modules"), join(work, "node_modules"));
  writeFileSync(join(work, "package.json"), '{"type": "module", "private": true}\n');
}

function transpileTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) transpileTree(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".impl.ts")) {
      const out = ts.transpileModule(readFileSync(path, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
        fileName: entry.name,
      });
      writeFileSync(path.replace(/\.ts$/, ".js"), out.outputText);
    }
  }
}

// Emits `kinds` for `spec` into OUT and transpiles the TypeScript. Returns
// {service, dir, read(name), readJson(name)} for the (single) service emitted; throws with
// specc's diagnostics when emit fails.
export function emitDocument(specc, spec, out, kinds) {
  const r = spawnSync(specc, ["emit", spec, "--out", out, "--only", kinds.join(",")], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`specc emit failed (exit ${r.status}):\n${(r.stderr || "").slice(0, 4000)}`);
  const services = readdirSync(out);
  if (services.length !== 1) throw new Error(`expected one service in ${out}, found ${services.join(", ")}`);
  const dir = join(out, services[0]);
  transpileTree(dir);
  return {
    service: services[0],
    dir,
    read: (name) => readFileSync(join(dir, name), "utf8"),
    readJson: (name) => JSON.parse(readFileSync(join(dir, name), "utf8")),
    import: (name) => import(pathToFileURL(join(dir, name)).href),
  };
}
