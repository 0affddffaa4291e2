// Validates Postman collections against the official Collection Format v2.1.0 schema
// (draft-07) with ajv. Usage: node postman_schema.mjs SCHEMA FILE_OR_DIR...
// Every *.postman_collection.json below a directory is checked; exits 1 on any error, and
// also when no collection was found (a test that checks nothing must not pass).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";

const [schemaPath, ...inputs] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (path.endsWith(".postman_collection.json")) {
    out.push(path);
  }
  return out;
}

const files = inputs.flatMap((p) => collect(p, []));
let failed = 0;
for (const file of files) {
  const collection = JSON.parse(readFileSync(file, "utf8"));
  if (!validate(collection)) {
    failed++;
    console.error(`${file}: invalid against Collection Format v2.1.0`);
    for (const e of validate.errors.slice(0, 10)) console.error(`  ${e.instancePath || "/"}: ${e.message}`);
  }
}
console.log(`ajv: ${files.length - failed} of ${files.length} collections valid`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
