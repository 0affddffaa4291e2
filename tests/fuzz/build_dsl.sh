#!/usr/bin/env bash
# Builds the project-spec fuzzer (tests/dsl/dsl_fuzzer.cc) with AFL++'s g++ instrumentation
# and ASan into build-fuzz/. clang 14 cannot compile Debian's ANTLR 4.9 runtime headers,
# and Debian's AFL++ gcc plugin refuses GCC 12, so this uses the classic afl-g++.
# REQUIRES: the normal build in ${BUILD_DIR:-build} (it generates the ANTLR parser).
set -euo pipefail
cd "$(dirname "$0")/../.."
gen=${BUILD_DIR:-build}/compiler/src/dsl/antlr
[ -f "$gen/SpeccParser.cpp" ] || { echo "build first: $gen/SpeccParser.cpp is missing" >&2; exit 1; }
mkdir -p build-fuzz
export AFL_USE_ASAN=1 AFL_QUIET=1
antlr_inc=/usr/include/antlr4-runtime
[ -f build-fuzz/SpeccLexer.o ] || afl-g++ -std=c++20 -O1 -g -w -fno-char8_t -isystem "$antlr_inc" -I"$gen" -c "$gen/SpeccLexer.cpp" -o build-fuzz/SpeccLexer.o
[ -f build-fuzz/SpeccParser.o ] || afl-g++ -std=c++20 -O1 -g -w -fno-char8_t -isystem "$antlr_inc" -I"$gen" -c "$gen/SpeccParser.cpp" -o build-fuzz/SpeccParser.o
afl-g++ -std=c++20 -O1 -g -Icompiler/src -isystem "$antlr_inc" -isystem "$gen" \
  compiler/src/base/*.cc compiler/src/ir/project_json.cc compiler/src/dsl/*.cc tests/dsl/dsl_fuzzer.cc \
  tests/fuzz/afl_main.cc build-fuzz/SpeccLexer.o build-fuzz/SpeccParser.o -lantlr4-runtime \
  -o build-fuzz/dsl_fuzzer
echo "built build-fuzz/dsl_fuzzer"
