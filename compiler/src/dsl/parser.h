// The parser of the project spec language: text -> dsl syntax tree (dsl/ast.h). It is the
// adapter over the ANTLR-generated lexer and parser (grammar/Specc.g4); no antlr4:: type
// leaves parser.cc. It also owns everything lexical: UTF-8 decoding, string escapes,
// unterminated strings and comments, and the translation of ANTLR's error reports into
// plain-words DSL_SYNTAX diagnostics.
#ifndef SPECC_DSL_PARSER_H_
#define SPECC_DSL_PARSER_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "base/diag_sink.h"
#include "base/loc.h"
#include "dsl/ast.h"

namespace specc::dsl {

// The parser's work on one file, for the tests that bound it on hostile input: tokens
// lexed, reads of the token stream (lookahead included), error reports and their
// de-duplication.
struct ParseWork {
  uint64_t steps = 0;
};

// Parses `text`, the contents of `file`. Reports lexical and syntax problems to `sink`
// (DSL_SYNTAX, or SPEC_ENCODING_INVALID for bytes that are not UTF-8), recovering to find
// more, up to the first 100 in the file; past them one last DSL_SYNTAX says that it
// stopped, and parsing does. Locations are byte offsets into `text`. Returns the syntax
// tree when there was no problem; std::nullopt otherwise. Never throws and never aborts
// on any input; time and memory are linear in the text. When `work` is given, adds the
// parse's work to it.
std::optional<ast::File> ParseProjectText(FileId file, std::string_view text, DiagSink& sink,
                                          ParseWork* work = nullptr);

}  // namespace specc::dsl

#endif  // SPECC_DSL_PARSER_H_
