#!/usr/bin/env bash
# Builds front_end_fuzzer with clang's libFuzzer, ASan and UBSan into build-fuzz/.
# The fuzzed layers (base, spec, ir, openapi, sema, emit and the drift diff) are compiled
# directly: the dsl layer's ANTLR headers do not compile with clang 14, and nothing here
# needs it. The built-in templates come from the normal build (build/), so run that first.
set -euo pipefail
cd "$(dirname "$0")/../.."
templates=build/compiler/builtin_templates.cc
[[ -f $templates ]] || { echo "build.sh: $templates missing: run the normal build first" >&2; exit 1; }
mkdir -p build-fuzz
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Icompiler/src $(pkg-config --cflags libfyaml) \
  compiler/src/base/*.cc compiler/src/spec/*.cc compiler/src/ir/*.cc compiler/src/openapi/*.cc \
  compiler/src/sema/*.cc $(find compiler/src/emit -name '*.cc') compiler/src/drift/diff.cc "$templates" \
  tests/fuzz/front_end_fuzzer.cc $(pkg-config --libs libfyaml) -o build-fuzz/front_end_fuzzer
echo "built build-fuzz/front_end_fuzzer"
