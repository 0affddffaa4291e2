// Nothing of the split description is lost on the way: the IR has every operation the
// generator wrote (three per resource), with the operationIds of their files, and the
// Postman collection has one request per operation.
// Usage: node check_counts.mjs SPECC REPO GEN_DIR RESOURCES
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [specc, repo, gen, resourcesArg] = process.argv.slice(2);
const expected = 3 * Number(resourcesArg);
const fail = (message) => {
  console.error(message);
  process.exit(1);
};

const ir = spawnSync(specc, ["ir", "specs/api/openapi.yaml", "--format", "json"], { cwd: repo, encoding: "utf8", maxBuffer: 1 << 28 });
if (ir.status !== 0) fail(`specc ir exited ${ir.status}: ${ir.stderr}`);
const operations = JSON.parse(ir.stdout).operations;
if (operations.length !== expected) fail(`IR has ${operations.length} operations, expected ${expected}`);
const synthesized = operations.filter((op) => !/^(list|create|get)Resource\d{3}s?$/.test(op.operationId));
if (synthesized.length > 0) fail(`operations not read from their files: ${synthesized.map((o) => o.operationId).join(", ")}`);

const collections = [];
const walk = (path) => {
  if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
  else if (path.endsWith(".postman_collection.json")) collections.push(path);
};
walk(gen);
let requests = 0;
const count = (items) => {
  for (const item of items ?? []) {
    if (item.request) requests++;
    count(item.item);
  }
};
for (const file of collections) count(JSON.parse(readFileSync(file, "utf8")).item);
if (collections.length === 0) fail("no Postman collection was written");
// Collections may hold example requests beside the operations' own: at least one each.
if (requests < expected) fail(`Postman collections hold ${requests} requests, expected at least ${expected}`);
console.log(`IR: ${operations.length} operations; Postman: ${requests} requests in ${collections.length} collection(s)`);
