#!/usr/bin/env bash
# `routes: {handlers: DIR}` in specc.yaml: `specc apply` on a copy of the example project
# writes the handler scaffold under DIR (not beside the generated files), its import of
# handlers.ts resolves (tsc --strict over the whole tree), `check` is then clean, and an
# edited scaffold stays the user's. Usage: handlers_dir.sh SPECC WORK_DIR
set -euo pipefail
specc=$1
work=$2
node_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$node_dir/../.." && pwd)
[ -x "$node_dir/node_modules/.bin/tsc" ] || { echo "run \`npm ci\` in tests/node (tools/dev test does)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
cp -r "$root/specs" "$work/specs"
cat > "$work/specc.yaml" <<'YAML'
artifacts:
  routes: {out: src/generated, handlers: src/handlers}
  postman: false
  env: false
  plan: false
YAML
cd "$work"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git init -q -b main
git -c user.name=t -c user.email=t@localhost commit -q --allow-empty -m init
"$specc" apply > /dev/null

fail() { echo "handlers_dir: $*" >&2; exit 1; }
scaffold=src/handlers/api/handlers.impl.ts
[ -f "$scaffold" ] || fail "no scaffold at $scaffold"
[ ! -e src/generated/api/handlers.impl.ts ] || fail "a scaffold beside the generated files too"
grep -q 'from "../../generated/api/handlers.js"' "$scaffold" || fail "the scaffold does not import ../../generated/api/handlers.js"

ln -s "$node_dir/node_modules" node_modules
echo '{"type": "module", "private": true}' > package.json
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true, "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "skipLibCheck": true, "noEmit": true, "types": []
  },
  "include": ["src/**/*.ts"]
}
JSON
"$node_dir/node_modules/.bin/tsc" -p tsconfig.json

git add -A
git -c user.name=t -c user.email=t@localhost commit -q -m generated
"$specc" check > /dev/null || fail "check is not clean after apply"
echo "// my handlers" >> "$scaffold"
"$specc" check > /dev/null || fail "an edited scaffold is drift"
git -c user.name=t -c user.email=t@localhost commit -q -am "my handlers"

# The user deletes the scaffold and commits: that is their choice, not drift, and apply
# does not bring it back (the manifest remembers that specc wrote it).
git rm -q "$scaffold"
git -c user.name=t -c user.email=t@localhost commit -q -m "no handlers here"
"$specc" check > /dev/null || fail "a deleted scaffold is drift"
"$specc" apply > /dev/null
[ ! -e "$scaffold" ] || fail "apply wrote the deleted scaffold again"

# `handlers: false`: no scaffold, and a fresh repository gets none.
rm -rf "$work/off" && mkdir "$work/off" && cp -r "$work/specs" "$work/off/specs"
cat > "$work/off/specc.yaml" <<'YAML'
artifacts:
  routes: {out: src/generated, handlers: false}
  postman: false
  env: false
  plan: false
YAML
(cd "$work/off" && git init -q -b main && "$specc" apply > /dev/null)
[ -f "$work/off/src/generated/api/app.ts" ] || fail "handlers: false generated no routes"
[ -z "$(find "$work/off" -name 'handlers.impl.ts')" ] || fail "handlers: false still wrote a scaffold"
echo "handlers_dir: scaffold in src/handlers/api, tsc --strict clean, check clean; a deleted scaffold stays deleted; handlers: false writes none"
