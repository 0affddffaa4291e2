#!/usr/bin/env bash
# Builds front_end_fuzzer with clang's libFuzzer, ASan and UBSan into build-fuzz/.
# The fuzzed layers (base, spec, ir, openapi, sema) are compiled directly: the dsl layer's
# ANTLR headers do not compile with clang 14, and nothing here needs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p build-fuzz
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Icompiler/src $(pkg-config --cflags libfyaml) \
  compiler/src/base/*.cc compiler/src/spec/*.cc compiler/src/ir/api.cc compiler/src/openapi/*.cc compiler/src/sema/*.cc \
  tests/fuzz/front_end_fuzzer.cc $(pkg-config --libs libfyaml) -o build-fuzz/front_end_fuzzer
echo "built build-fuzz/front_end_fuzzer"
