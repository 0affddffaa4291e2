#!/usr/bin/env bash
# Emits TypeScript for the given spec files and type-checks it with `tsc --strict` against
# the npm packages pinned in tests/node/package-lock.json (install them with `npm ci` in
# tests/node; tools/dev does). Usage: check_ts.sh SPECC WORK_DIR SPEC...
# Relative SPEC paths are taken from the current directory; `@path` is relative to the
# corpus, $SPECC_CORPUS (default $DEFAULT_CORPUS, then ../shared/corpus). A SPEC ending in
# `/` stands for every .yaml and .json file directly in that directory, and `!SPEC` leaves
# one out again (a document lint rejects on purpose). Each spec is emitted on its own.
set -euo pipefail
specc=$1
work=$2
shift 2
corpus=${SPECC_CORPUS:-${DEFAULT_CORPUS:-../shared/corpus}}
resolve() { case "$1" in @*) echo "$corpus/${1#@}" ;; *) echo "$1" ;; esac; }
specs=()
excluded=()
for arg in "$@"; do
  case "$arg" in
    !*) excluded+=("$(resolve "${arg#!}")") ;;
    */) for f in "$(resolve "$arg")"*.yaml "$(resolve "$arg")"*.json; do [ -f "$f" ] && specs+=("$f"); done ;;
    *) specs+=("$(resolve "$arg")") ;;
  esac
done
node_dir=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$node_dir/node_modules/.bin/tsc" ]; then
  echo "tests/node/node_modules is missing: run \`npm ci\` in tests/node (tools/dev test does)" >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work"
i=0
for spec in "${specs[@]}"; do
  for skip in "${excluded[@]+"${excluded[@]}"}"; do [ "$spec" = "$skip" ] && continue 2; done
  "$specc" emit "$spec" --out "$work/gen/$i" --only routes,schemas > /dev/null
  i=$((i + 1))
done
echo "emitted $i specs"
ln -s "$node_dir/node_modules" "$work/node_modules"
echo '{"type": "module", "private": true}' > "$work/package.json"
cat > "$work/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "skipLibCheck": true,
    "types": []
  },
  "include": ["gen/**/*.ts"]
}
JSON
cd "$work"
start=$(date +%s)
status=0
"$node_dir/node_modules/.bin/tsc" -p tsconfig.json --extendedDiagnostics > tsc.log 2>&1 || status=$?
# Errors first (at most 60 lines), then tsc's statistics.
grep -vE "^[A-Z][A-Za-z /]+: +[0-9.]+[a-zA-Z]*$" tsc.log | head -n 60 || true
grep -E "^(Files|Lines of TypeScript|Memory used|Check time|Total time):" tsc.log || true
[ "$status" -eq 0 ] || { echo "tsc: $(grep -c 'error TS' tsc.log) errors" >&2; exit 1; }
echo "tsc: ok ($(( $(date +%s) - start )) s, $(find gen -name '*.ts' | wc -l) files)"
