#include "spec/parse.h"

namespace specc::spec {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

Format DetectFormat(std::string_view path, std::string_view text) {
  if (EndsWith(path, ".json")) return Format::kJson;
  if (EndsWith(path, ".yaml") || EndsWith(path, ".yml")) return Format::kYaml;
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return Format::kJson;
  return Format::kYaml;
}

const Node* ParseDocument(FileId file, Format format, std::string_view text, NodeArena& arena,
                          DiagSink& sink, ParseLimits limits) {
  return format == Format::kJson ? ParseJson(file, text, arena, sink, limits)
                                 : ParseYaml(file, text, arena, sink, limits);
}

}  // namespace specc::spec
