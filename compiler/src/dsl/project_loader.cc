#include "dsl/project_loader.h"

#include <utility>

#include "dsl/checker.h"
#include "dsl/parser.h"

namespace specc::dsl {

std::optional<ir::Project> LoadProject(FileId file, const SourceMap& sources, const Fs& fs,
                                       std::string_view spec_dir, DiagSink& sink) {
  std::optional<ast::File> tree = ParseProjectText(file, sources.contents(file), sink);
  if (!tree) return std::nullopt;
  return CheckProject(*tree, fs, spec_dir, sink);
}

}  // namespace specc::dsl
