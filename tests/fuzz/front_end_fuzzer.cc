// libFuzzer target for the OpenAPI front end: the bytes are a root document, parsed as
// JSON or YAML (the first byte chooses), then validated and lowered with a second file
// available to cross-file `$ref`s, and its routes checked (sema/routes). Any crash, hang, sanitizer report or failed
// SPECC_CHECK is a bug; diagnostics are the expected outcome for garbage.
//
// What the front end accepts then goes through every emitter and the drift comparison
// (each generated file against the input and against itself cut in half), with their
// work counters held to linear bounds: an input that makes the emitters or the diff do
// super-linear work aborts, so the fuzzer reports it like a crash (#17, items 9-13).
// Build: see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/fs.h"
#include "base/source_map.h"
#include "drift/diff.h"
#include "emit/emitter.h"
#include "emit/registry.h"
#include "emit/template_set.h"
#include "openapi/load.h"
#include "sema/routes.h"
#include "sema/schema_meaning.h"

namespace {

// The work the diff may do, as drift/diff.h promises: 128 search steps per line of the
// two versions plus 4,000,000, and a few more per line for reading and anchoring them.
uint64_t DiffBound(const std::string& a, const std::string& b) {
  uint64_t lines = 2;
  for (char c : a) lines += c == '\n';
  for (char c : b) lines += c == '\n';
  return 4'000'000 + 160 * lines;
}

void Fail(const char* what, uint64_t work, uint64_t bound) {
  std::fprintf(stderr, "%s: %llu steps, bound %llu\n", what, static_cast<unsigned long long>(work),
               static_cast<unsigned long long>(bound));
  std::abort();
}

void Compare(const std::string& before, const std::string& after) {
  specc::drift::DiffWork counted, unified;
  specc::drift::CountChangedLines(before, after, &counted);
  if (counted.steps > DiffBound(before, after)) Fail("CountChangedLines", counted.steps, DiffBound(before, after));
  specc::drift::UnifiedDiff("f", before, after, &unified);
  // UnifiedDiff may add dtl's search, itself held to the same bound.
  if (unified.steps > 2 * DiffBound(before, after)) Fail("UnifiedDiff", unified.steps, 2 * DiffBound(before, after));
}

// Runs every emitter on `api` and compares what they write.
void EmitAndCompare(const specc::ir::Api& api, const std::string& input, specc::SourceMap& sources) {
  static const specc::emit::TemplateSet* templates =
      new specc::emit::TemplateSet(specc::emit::TemplateSet::BuiltIn(sources));
  specc::sema::SchemaMeanings meanings(api);
  specc::DiagSink sink;
  uint64_t work = 0;
  specc::emit::EmitOptions options;
  options.work = &work;
  specc::emit::EmitContext ctx{{{"api", "specs/api.yaml", &api, &meanings}}, nullptr, *templates, sink, options};
  specc::OutputSet out;
  for (const specc::emit::EmitterInfo& info : specc::emit::Emitters()) info.make()->Emit(ctx, out);
  // The bundle's count: a few steps per operation, callback and path.
  uint64_t bound = 64 + 8 * (api.operations.size() + api.callbacks.size() + api.webhooks.size());
  if (work > bound) Fail("emitters", work, bound);
  for (const auto& [path, text] : out.files()) {
    Compare(input, text);
    Compare(text.substr(0, text.size() / 2), text);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool json = (data[0] & 1) != 0;
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  specc::MemFs fs;
  std::string root = json ? "specs/api.json" : "specs/api.yaml";
  fs.Write(root, text);
  fs.Write("specs/other.yaml",
           "schemas:\n  A: {type: object, properties: {b: {$ref: '#/schemas/B'}}}\n"
           "  B: {$ref: '../specs/api.yaml#/components/schemas/X'}\n");
  specc::SourceMap sources;
  specc::DiagSink sink;
  std::optional<specc::ir::Api> api = specc::openapi::LoadApi(root, fs, sources, sink, ".");
  if (api) specc::sema::CheckRoutes(*api, specc::sema::BuildRouteTable(*api), specc::sema::SchemaMeanings(*api), sink);
  // Printing positions must work for every diagnostic produced.
  for (const specc::Diagnostic& d : sink.diagnostics()) {
    sources.Position(d.loc);
    sources.LineText(d.loc);
  }
  if (api && !sink.has_errors()) EmitAndCompare(*api, text, sources);
  return 0;
}
