// libFuzzer entry point for the project spec front end: parse and check arbitrary bytes.
// Any crash, sanitizer report or hang is a bug; add the input to the regression loop in
// parser_test.cc once fixed. Build with clang (-fsanitize=fuzzer,address,undefined) and
// run e.g. `specc_dsl_fuzzer -max_total_time=600 corpus/ ../specs`.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "dsl/project_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  specc::SourceMap sources;
  specc::FileId file =
      sources.Add("fuzz.specc", std::string(reinterpret_cast<const char*>(data), size));
  specc::MemFs fs;
  fs.Write("api/openapi.yaml", "openapi: 3.0.3\n");
  specc::DiagSink sink;
  specc::dsl::LoadProject(file, sources, fs, "", sink);
  for (const specc::Diagnostic& d : sink.diagnostics()) {
    // Positions must always be printable.
    if (d.loc.known()) sources.Position(d.loc);
  }
  return 0;
}
