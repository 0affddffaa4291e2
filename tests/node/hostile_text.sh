#!/usr/bin/env bash
# Hostile text (issue #17): emits every artifact of golden/emit_hostile_text, whose spec
# strings (titles, tags, paths, names, descriptions, enum values, defaults, the spec's file
# name, the project spec's values) carry JavaScript, dotenv and Markdown payloads behind
# U+2028, U+2029, `*/`, line breaks, NUL, ESC and bidi controls. The TypeScript must compile
# with `tsc --strict`; hostile_text.mjs then imports every module, serves the app, and reads
# .env.example with Node's own dotenv parser, proving that nothing ran and no line was added.
# Usage: hostile_text.sh SPECC WORK_DIR
set -euo pipefail
specc=$1
work=$2
node_dir=$(cd "$(dirname "$0")" && pwd)
[ -x "$node_dir/node_modules/.bin/tsc" ] || { echo "run \`npm ci\` in tests/node (tools/dev test does)" >&2; exit 1; }
input=$(pwd)/golden/emit_hostile_text/input
rm -rf "$work"
mkdir -p "$work"
(cd "$input" && "$specc" emit specs/hostile.specc --out "$work/gen")
ln -s "$node_dir/node_modules" "$work/node_modules"
echo '{"type": "module", "private": true}' > "$work/package.json"
cat > "$work/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true, "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
    "skipLibCheck": true, "outDir": "dist", "rootDir": ".", "types": []
  },
  "include": ["gen/**/*.ts"]
}
JSON
cd "$work"
"$node_dir/node_modules/.bin/tsc" -p tsconfig.json
cp "$node_dir/hostile_text.mjs" dist/
ln -s "$node_dir/node_modules" dist/node_modules
exec node --test dist/hostile_text.mjs
