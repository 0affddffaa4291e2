#!/usr/bin/env bash
# A split description across hundreds of files (generate.mjs: operation-level `$ref`s,
# shared files above the root document's directory) lints clean but for the one
# SPEC_REF_POSITION warning per kind of place, emits, type-checks with `tsc --strict`, and
# its Postman collection is valid against the official v2.1.0 schema.
# Usage: run.sh SPECC WORK_DIR RESOURCES
set -euo pipefail
specc=$1
work=$2
resources=$3
corpus=${SPECC_CORPUS:-${DEFAULT_CORPUS:-../shared/corpus}}
here=$(cd "$(dirname "$0")" && pwd)
node_dir=$(dirname "$here")
[ -x "$node_dir/node_modules/.bin/tsc" ] || { echo "run \`npm ci\` in tests/node (tools/dev test does)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work/repo"
node "$here/generate.mjs" "$work/repo" "$resources"
files=$(find "$work/repo" -type f | wc -l)
[ "$files" -ge 300 ] || { echo "expected hundreds of files, got $files" >&2; exit 1; }

# Repository mode: specc finds specs/api/openapi.yaml itself.
set +e
"$specc" -C "$work/repo" lint 2> "$work/lint.txt"
code=$?
set -e
cat "$work/lint.txt"
[ "$code" -eq 0 ] || { echo "lint exited $code" >&2; exit 1; }
others=$(grep -E ': (error|warning): ' "$work/lint.txt" | grep -vc '\[SPEC_REF_POSITION\]' || true)
[ "$others" -eq 0 ] || { echo "lint reported $others diagnostics besides SPEC_REF_POSITION" >&2; exit 1; }
kinds=$(grep -c '\[SPEC_REF_POSITION\]' "$work/lint.txt" || true)
[ "$kinds" -eq 3 ] || { echo "expected one SPEC_REF_POSITION per kind of place (3), got $kinds" >&2; exit 1; }

# File mode from the repository's root, as a user would run it: routes and schemas through
# tsc --strict (check_ts.sh), then the Postman collections.
(cd "$work/repo" && "$node_dir/check_ts.sh" "$specc" "$work/ts" specs/api/openapi.yaml)
(cd "$work/repo" && "$specc" emit specs/api/openapi.yaml --out ../gen --only postman > /dev/null)
node "$here/check_counts.mjs" "$specc" "$work/repo" "$work/gen" "$resources"
exec node "$node_dir/postman_schema.mjs" "$corpus/schemas/postman/collection-v2.1.0.schema.json" "$work/gen"
