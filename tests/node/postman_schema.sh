#!/usr/bin/env bash
# Emits the Postman collections of the given specs and validates every collection specc
# wrote against the official Collection Format v2.1.0 schema with ajv (postman_schema.mjs).
# Usage: postman_schema.sh SPECC WORK_DIR SPEC... (`@path` is relative to the corpus:
# $SPECC_CORPUS, else $DEFAULT_CORPUS, else ../shared/corpus).
set -euo pipefail
specc=$1
work=$2
shift 2
corpus=${SPECC_CORPUS:-${DEFAULT_CORPUS:-../shared/corpus}}
node_dir=$(cd "$(dirname "$0")" && pwd)
[ -d "$node_dir/node_modules/ajv" ] || { echo "run \`npm ci\` in tests/node (tools/dev test does)" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
i=0
for arg in "$@"; do
  case "$arg" in
    @*) spec="$corpus/${arg#@}" ;;
    *) spec="$arg" ;;
  esac
  # One directory per spec: two specs may share a service name.
  "$specc" emit "$spec" --out "$work/$i" --only postman > /dev/null
  i=$((i + 1))
done
exec node "$node_dir/postman_schema.mjs" "$corpus/schemas/postman/collection-v2.1.0.schema.json" "$work"
