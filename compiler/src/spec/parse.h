// Entry points of the spec layer's parsers: YAML 1.2 (libfyaml's event API) and JSON (a
// hand-written parser that records byte offsets as it goes, so every diagnostic has a
// line:col without a second pass). Both build the same spec::Node tree.
#ifndef SPECC_SPEC_PARSE_H_
#define SPECC_SPEC_PARSE_H_

#include <string_view>

#include "base/diag_sink.h"
#include "spec/node.h"
#include "spec/tree_builder.h"

namespace specc::spec {

enum class Format { kJson, kYaml };

// Chooses the parser for a file: by extension (.json, .yaml, .yml), else by content.
Format DetectFormat(std::string_view path, std::string_view text);

// Parses `text` (the contents of `file`). Returns the root node, allocated in `arena`;
// otherwise reports every problem found to `sink` and returns nullptr. `text` must stay
// alive as long as the returned tree (strings may point into it).
const Node* ParseJson(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
                      ParseLimits limits = {});
const Node* ParseYaml(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
                      ParseLimits limits = {});
const Node* ParseDocument(FileId file, Format format, std::string_view text, NodeArena& arena,
                          DiagSink& sink, ParseLimits limits = {});

}  // namespace specc::spec

#endif  // SPECC_SPEC_PARSE_H_
