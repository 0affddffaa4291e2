// The parser of the project spec language: text -> dsl syntax tree (dsl/ast.h). It is the
// adapter over the ANTLR-generated lexer and parser (grammar/Specc.g4); no antlr4:: type
// leaves parser.cc. It also owns everything lexical: UTF-8 decoding, string escapes,
// unterminated strings and comments, and the translation of ANTLR's error reports into
// plain-words DSL_SYNTAX diagnostics.
#ifndef SPECC_DSL_PARSER_H_
#define SPECC_DSL_PARSER_H_

#include <optional>
#include <string_view>

#include "base/diag_sink.h"
#include "base/loc.h"
#include "dsl/ast.h"

namespace specc::dsl {

// Parses `text`, the contents of `file`. Reports every lexical and syntax problem to
// `sink` (DSL_SYNTAX, or SPEC_ENCODING_INVALID for bytes that are not UTF-8), recovering
// to find as many as possible; locations are byte offsets into `text`. Returns the syntax
// tree when there was none; std::nullopt otherwise. Never throws and never aborts on any
// input.
std::optional<ast::File> ParseProjectText(FileId file, std::string_view text, DiagSink& sink);

}  // namespace specc::dsl

#endif  // SPECC_DSL_PARSER_H_
