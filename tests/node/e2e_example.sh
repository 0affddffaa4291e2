#!/usr/bin/env bash
# Emits the example project's app and the specs of golden/emit_features,
# golden/emit_semantics, golden/emit_routing and golden/emit_security and two corpus APIs, compiles them with tsc (with typed/*.ts, which checks the
# handlers' response types), and runs the tests in e2e/*.test.mjs with Node's test runner.
# Usage: e2e_example.sh SPECC WORK_DIR
set -euo pipefail
specc=$1
work=$2
node_dir=$(cd "$(dirname "$0")" && pwd)
[ -x "$node_dir/node_modules/.bin/tsc" ] || { echo "run \`npm ci\` in tests/node (tools/dev test does)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
"$specc" emit specs/stackfast.specc golden/emit_features/input/specs/features.yaml \
  golden/emit_semantics/input/specs/semantics.yaml golden/emit_routing/input/specs/routing.yaml \
  golden/emit_security/input/specs/security.yaml \
  --out "$work/gen" --only routes,schemas,openapi,postman
# Two corpus APIs with security schemes (corpus_security.test.mjs).
corpus=${SPECC_CORPUS:-../shared/corpus}
"$specc" emit "$corpus/apis-guru/bulksms.com__1.0.0__openapi.yaml" "$corpus/apis-guru/trashnothing.com__1.2__openapi.yaml" \
  --out "$work/gen" --only routes,schemas,openapi > /dev/null
ln -s "$node_dir/node_modules" "$work/node_modules"
cp -r "$node_dir/typed" "$work/typed"
echo '{"type": "module", "private": true}' > "$work/package.json"
cat > "$work/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "skipLibCheck": true, "outDir": "dist", "rootDir": ".", "types": []
  },
  "include": ["gen/**/*.ts", "typed/*.ts"]
}
JSON
cd "$work"
"$node_dir/node_modules/.bin/tsc" -p tsconfig.json
cp gen/api/openapi.json gen/api/base.postman_collection.json gen/api/dev.postman_collection.json dist/gen/api/
cp gen/routing/base.postman_collection.json dist/gen/routing/
cp gen/semantics/base.postman_collection.json dist/gen/semantics/
cp gen/security/openapi.json dist/gen/security/
cp gen/bulksms/openapi.json dist/gen/bulksms/
cp gen/trashnothing/openapi.json dist/gen/trashnothing/
cp "$node_dir"/e2e/*.test.mjs dist/
ln -s "$node_dir/node_modules" dist/node_modules
exec node --test dist/
