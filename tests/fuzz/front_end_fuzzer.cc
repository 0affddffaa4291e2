// libFuzzer target for the OpenAPI front end: the bytes are a root document, parsed as
// JSON or YAML (the first byte chooses), then validated and lowered with a second file
// available to cross-file `$ref`s, and its routes checked (sema/routes). Any crash, hang, sanitizer report or failed
// SPECC_CHECK is a bug; diagnostics are the expected outcome for garbage.
// Build: see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/fs.h"
#include "base/source_map.h"
#include "openapi/load.h"
#include "sema/routes.h"

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
  if (api) specc::sema::CheckRoutes(*api, specc::sema::BuildRouteTable(*api), sink);
  // Printing positions must work for every diagnostic produced.
  for (const specc::Diagnostic& d : sink.diagnostics()) {
    sources.Position(d.loc);
    sources.LineText(d.loc);
  }
  return 0;
}
