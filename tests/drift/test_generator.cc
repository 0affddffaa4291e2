#include "test_generator.h"

#include "base/path.h"

namespace specc::drift_test {

Result<cli::Generation> TestGenerate(const std::string& root, const Fs& fs, SourceMap& sources,
                                    DiagSink& sink) {
  cli::Generation generation;
  generation.ownership.output_dirs = {"out"};
  generation.ownership.scaffold_dirs = {"out"};
  generation.ownership.inputs = {"specc.yaml", "specs"};
  OutputSet& out = generation.files;
  std::string specs = JoinPath(root, "specs");
  Result<std::vector<std::string>> files = fs.ListFiles(specs);
  if (!files.ok()) return generation;
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
  return generation;
}

}  // namespace specc::drift_test
