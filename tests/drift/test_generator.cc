#include "test_generator.h"

#include "base/path.h"

namespace specc::drift_test {

Result<OutputSet> TestGenerate(const std::string& root, const Fs& fs, SourceMap& sources,
                               DiagSink& sink) {
  OutputSet out;
  std::string specs = JoinPath(root, "specs");
  Result<std::vector<std::string>> files = fs.ListFiles(specs);
  if (!files.ok()) return out;
  for (const std::string& file : files.value()) {
    Result<std::string> text = fs.Read(file);
    if (!text.ok()) return text.error();
    std::string name = RelativeTo(file, specs);
    size_t error = text.value().find("SYNTAX ERROR");
    if (error != std::string::npos) {
      FileId id = sources.Add(RelativeTo(file, root), text.value());
      sink.Report(DiagCode::kSpecYamlSyntax, Loc{id, static_cast<uint32_t>(error)},
                  "the test generator found `SYNTAX ERROR`");
      continue;
    }
    out.Put("out/" + name, kGeneratedHeader + text.value());
  }
  return out;
}

}  // namespace specc::drift_test
