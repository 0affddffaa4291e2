// Helpers shared by the dsl unit tests: run the loader on a text held in memory and
// render its diagnostics as "line:col CODE message" strings that tests compare exactly.
#ifndef SPECC_TESTS_DSL_DSL_TEST_UTIL_H_
#define SPECC_TESTS_DSL_DSL_TEST_UTIL_H_

#include <optional>
#include <string>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "dsl/project_loader.h"
#include "ir/project.h"

namespace specc::dsl::testing {

struct LoadOutcome {
  std::optional<ir::Project> project;
  // "line:col CODE message", in report order.
  std::vector<std::string> diagnostics;
  // The hints, parallel to `diagnostics`.
  std::vector<std::string> hints;
};

// Loads `text` as specs/test.specc. `fs` holds the other files (e.g. specs/api/openapi.yaml).
inline LoadOutcome LoadText(const std::string& text, const MemFs& fs) {
  SourceMap sources;
  FileId file = sources.Add("specs/test.specc", text);
  DiagSink sink;
  LoadOutcome out;
  out.project = LoadProject(file, sources, fs, "specs", sink);
  for (const Diagnostic& d : sink.diagnostics()) {
    LineCol pos = sources.Position(d.loc);
    out.diagnostics.push_back(std::to_string(pos.line) + ":" + std::to_string(pos.column) + " " +
                              std::string(DiagCodeName(d.code)) + " " + d.message);
    out.hints.push_back(d.hint);
  }
  return out;
}

inline MemFs FsWithOpenapi() {
  MemFs fs;
  fs.Write("specs/api/openapi.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
  return fs;
}

inline LoadOutcome LoadText(const std::string& text) { return LoadText(text, FsWithOpenapi()); }

// A valid project whose body is `body`; the first line of `body` is line 5.
inline std::string Project(const std::string& body) {
  return "project \"t\" {\n"
         "  id = \"3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10\"\n"
         "  version = \"1.0.0\"\n"
         "  constitution = \"1.0.0\"\n" +
         body + "}\n";
}

}  // namespace specc::dsl::testing

#endif  // SPECC_TESTS_DSL_DSL_TEST_UTIL_H_
