#include "dsl/parser.h"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <string>
#include <utility>
#include <vector>

// antlr4-runtime.h #undefs EOF (the generated parser has a method of that name), so it
// comes after every standard header.
#include "SpeccLexer.h"
#include "SpeccParser.h"
#include "antlr4-runtime.h"
#include "base/utf8.h"

#include "base/diagnostic.h"

namespace specc::dsl {
namespace {

using gen::SpeccLexer;
using gen::SpeccParser;

constexpr char32_t kReplacementChar = 0xFFFD;

// The input as ANTLR sees it (code points) plus, for each code point, its byte offset in
// the UTF-8 text. ANTLR's token indexes count code points, diagnostics count bytes.
struct DecodedText {
  std::u32string code_points;
  std::vector<uint32_t> byte_offsets;  // one per code point, plus one for the end
  int64_t first_invalid = -1;          // byte offset of the first byte that is not UTF-8
};

// Decodes UTF-8 strictly (no overlong forms, no surrogates, nothing past U+10FFFF). Each
// byte that does not start a valid sequence becomes one U+FFFD so that decoding goes on
// and offsets stay exact.
DecodedText DecodeUtf8(std::string_view text) {
  DecodedText out;
  out.code_points.reserve(text.size());
  out.byte_offsets.reserve(text.size() + 1);
  size_t i = 0;
  while (i < text.size()) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b0 = byte(i);
    size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
      length = 1;
      cp = b0;
    } else if ((b0 & 0xE0) == 0xC0) {
      length = 2;
      cp = b0 & 0x1F;
      min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      length = 3;
      cp = b0 & 0x0F;
      min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      length = 4;
      cp = b0 & 0x07;
      min = 0x10000;
    }
    bool valid = length > 0 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (valid && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) valid = false;
    out.byte_offsets.push_back(static_cast<uint32_t>(i));
    if (valid) {
      out.code_points.push_back(cp);
      i += length;
    } else {
      if (out.first_invalid < 0) out.first_invalid = static_cast<int64_t>(i);
      out.code_points.push_back(kReplacementChar);
      i += 1;
    }
  }
  out.byte_offsets.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// An ANTLRInputStream over code points decoded by DecodeUtf8. The stock constructor
// converts with std::wstring_convert, which throws on invalid UTF-8.
class CodePointStream : public antlr4::ANTLRInputStream {
 public:
  explicit CodePointStream(std::u32string code_points) {
    _data = std::move(code_points);
    p = 0;
  }
};

struct SyntaxError {
  uint32_t offset;
  std::string message;
  std::string hint;
};

// Syntax errors reported per file; past them one last diagnostic says that parsing
// stopped. A compiler's later errors are mostly consequences of the first ones, and every
// error costs work: 100,000 repetitions of `env A {` once took 20 s to report.
constexpr size_t kMaxSyntaxErrors = 100;

// Counts the parser's reads of the token stream (lookahead included): the parser's work,
// which the hostile-input tests bound.
class CountingTokenStream : public antlr4::CommonTokenStream {
 public:
  CountingTokenStream(antlr4::TokenSource* source, uint64_t* reads)
      : antlr4::CommonTokenStream(source), reads_(reads) {}
  size_t LA(ssize_t i) override {
    ++*reads_;
    return antlr4::CommonTokenStream::LA(i);
  }
  antlr4::Token* LT(ssize_t k) override {
    ++*reads_;
    return antlr4::CommonTokenStream::LT(k);
  }

 private:
  uint64_t* reads_;
};

// The state shared by the lexical checks, the error strategy and the tree walker.
class ParseState {
 public:
  ParseState(FileId file, std::string_view text, const DecodedText& decoded)
      : file_(file), text_(text), decoded_(decoded) {}

  Loc LocAt(uint32_t offset) const { return Loc{file_, offset}; }

  // Byte offset of code point `index`; the end of the text for indexes past it (EOF and
  // tokens the error strategy made up have such indexes).
  uint32_t ByteOffset(size_t index) const {
    if (index >= decoded_.byte_offsets.size()) return static_cast<uint32_t>(text_.size());
    return decoded_.byte_offsets[index];
  }
  uint32_t TokenOffset(const antlr4::Token* token) const {
    return ByteOffset(token->getStartIndex());
  }
  // The byte offset just past `token`.
  uint32_t TokenEnd(const antlr4::Token* token) const {
    size_t start = token->getStartIndex();
    size_t stop = token->getStopIndex();
    if (start >= decoded_.code_points.size() || stop < start) return ByteOffset(start);
    return ByteOffset(stop + 1);
  }
  std::string_view TokenText(const antlr4::Token* token) const {
    uint32_t begin = TokenOffset(token);
    uint32_t end = TokenEnd(token);
    if (end <= begin) return {};
    return text_.substr(begin, end - begin);
  }
  Loc TokenLoc(const antlr4::Token* token) const { return LocAt(TokenOffset(token)); }

  void AddError(uint32_t offset, std::string message, std::string hint = {}) {
    // ANTLR can report twice at one token while it recovers; the first report is the
    // precise one. Lexical errors are found first, in one pass over the whole file, and
    // parse errors after; each kind may fill kMaxSyntaxErrors, so that the first ones of
    // the file are kept whichever kind they are. Past that only the earliest dropped
    // offset is kept, for the last diagnostic.
    ++work_;
    if (errors_.size() >= 2 * kMaxSyntaxErrors) {
      dropped_ = std::min(dropped_, offset);
      return;
    }
    for (const SyntaxError& e : errors_) {
      ++work_;
      if (e.offset == offset) return;
    }
    errors_.push_back(SyntaxError{offset, std::move(message), std::move(hint)});
  }
  bool has_errors() const { return !errors_.empty(); }
  size_t error_count() const { return errors_.size(); }
  // Whether no more errors are kept.
  bool full() const { return errors_.size() >= 2 * kMaxSyntaxErrors; }
  // Records that parsing stopped early, at `offset`: what follows was not read.
  void Stop(uint32_t offset) { dropped_ = std::min(dropped_, offset); }
  // Sorts the errors by offset and keeps the first kMaxSyntaxErrors; returns the offset of
  // the first one left out (or dropped before, or where parsing stopped), or std::nullopt
  // when nothing was.
  std::optional<uint32_t> Truncate() {
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const SyntaxError& a, const SyntaxError& b) { return a.offset < b.offset; });
    std::optional<uint32_t> first_left_out;
    if (dropped_ != UINT32_MAX) first_left_out = dropped_;
    if (errors_.size() > kMaxSyntaxErrors) {
      first_left_out = std::min(first_left_out.value_or(UINT32_MAX), errors_[kMaxSyntaxErrors].offset);
      errors_.resize(kMaxSyntaxErrors);
    }
    return first_left_out;
  }
  std::vector<SyntaxError>& errors() { return errors_; }
  // Steps spent on errors (reports and their de-duplication).
  uint64_t work() const { return work_; }

 private:
  FileId file_;
  std::string_view text_;
  const DecodedText& decoded_;
  std::vector<SyntaxError> errors_;
  uint32_t dropped_ = UINT32_MAX;
  uint64_t work_ = 0;
};

// Shortens `text` to at most `max` bytes without cutting a UTF-8 sequence in two.
std::string Abbreviate(std::string_view text, size_t max = 24) {
  if (text.size() <= max) return std::string(text);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr std::string_view kEscapeHint =
    "the escapes are \\\", \\\\, \\n, \\t, \\r, \\uXXXX and \\u{X...}";

// Decodes the string literal `raw` (with its quotes) that starts at byte `offset`.
// Reports bad escapes and a missing closing quote to `state`.
std::string DecodeString(std::string_view raw, uint32_t offset, ParseState& state) {
  std::string out;
  size_t i = 1;  // past the opening quote
  bool closed = false;
  while (i < raw.size()) {
    char c = raw[i];
    if (c == '"') {
      closed = true;
      break;
    }
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    uint32_t at = offset + static_cast<uint32_t>(i);
    if (i + 1 >= raw.size()) {
      state.AddError(at, "a `\\` at the end of a line", std::string(kEscapeHint));
      i += 1;
      continue;
    }
    char e = raw[i + 1];
    i += 2;
    switch (e) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'u': {
        uint32_t cp = 0;
        bool ok = true;
        if (i < raw.size() && raw[i] == '{') {
          size_t j = i + 1;
          size_t digits = 0;
          while (j < raw.size() && HexDigit(raw[j]) >= 0 && digits < 7) {
            cp = cp * 16 + static_cast<uint32_t>(HexDigit(raw[j]));
            ++j;
            ++digits;
          }
          ok = digits >= 1 && digits <= 6 && j < raw.size() && raw[j] == '}';
          i = ok ? j + 1 : j;
        } else {
          size_t digits = 0;
          while (digits < 4 && i < raw.size() && HexDigit(raw[i]) >= 0) {
            cp = cp * 16 + static_cast<uint32_t>(HexDigit(raw[i]));
            ++i;
            ++digits;
          }
          ok = digits == 4;
        }
        if (!ok) {
          state.AddError(at, "malformed unicode escape; write `\\uXXXX` with four hex digits",
                         std::string(kEscapeHint));
        } else if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
          state.AddError(at, "unicode escape names no character (a surrogate or past U+10FFFF)");
        } else {
          AppendUtf8(out, cp);
        }
        break;
      }
      default: {
        // Name the whole character after the backslash, even when it is not ASCII.
        size_t start = i - 1;
        size_t end = i;
        while (end < raw.size() && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) ++end;
        i = end;
        state.AddError(at,
                       "unknown escape `\\" + std::string(raw.substr(start, end - start)) +
                           "` in a string",
                       std::string(kEscapeHint));
        break;
      }
    }
  }
  if (!closed) {
    state.AddError(offset, "unterminated string", "close it with `\"` on the same line");
  }
  return out;
}

// Reports what the lexer found but the parser never sees: characters that start no
// token, unterminated strings and block comments, and bad escapes.
void CheckTokens(antlr4::CommonTokenStream& tokens, ParseState& state) {
  size_t last_error_char_end = SIZE_MAX;
  for (antlr4::Token* token : tokens.getTokens()) {
    switch (token->getType()) {
      case SpeccLexer::ERROR_CHAR: {
        // One diagnostic per run of stray characters, not one per character.
        if (token->getStartIndex() != last_error_char_end) {
          std::string_view ch = state.TokenText(token);
          if (ch == "\xEF\xBF\xBD" || ch.empty()) {
            break;  // invalid UTF-8: already reported as such
          }
          state.AddError(state.TokenOffset(token), "unexpected character `" + std::string(ch) + "`");
        }
        last_error_char_end = token->getStopIndex() + 1;
        break;
      }
      case SpeccLexer::STRING:
        if (state.TokenText(token).substr(0, 1) == "'") {
          state.AddError(state.TokenOffset(token), "strings are written in double quotes",
                         "write \"...\" instead of '...'");
          break;
        }
        DecodeString(state.TokenText(token), state.TokenOffset(token), state);
        break;
      case SpeccLexer::BLOCK_COMMENT: {
        std::string_view text = state.TokenText(token);
        if (text.size() < 4 || text.substr(text.size() - 2) != "*/") {
          state.AddError(state.TokenOffset(token), "unterminated `/*` comment",
                         "close it with `*/`");
        }
        break;
      }
      default:
        break;
    }
  }
}

bool IsNameToken(size_t type) {
  return type == SpeccParser::IDENT || (type >= SpeccParser::PROJECT && type <= SpeccParser::BRANCH);
}

// Says in words which tokens `expected` holds: "a value", "a field or `}`", "`=` or `{`".
// `in_block` says whether the parser is inside a `{ ... }` body of fields, where a name
// starts a field, rather than in the project, where it starts a declaration.
std::string DescribeExpected(const antlr4::misc::IntervalSet& expected,
                             const antlr4::dfa::Vocabulary& vocabulary, bool in_block) {
  std::vector<size_t> types;
  for (ssize_t t : expected.toList()) types.push_back(static_cast<size_t>(t));
  auto has = [&](size_t t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  std::vector<std::string> parts;
  bool names = has(SpeccParser::IDENT);
  bool values = names && has(SpeccParser::STRING) && has(SpeccParser::NUMBER) &&
                has(SpeccParser::LBRACKET);
  if (values) {
    parts.push_back("a value");
  } else if (names && has(SpeccParser::SEMICOLON)) {
    parts.push_back(in_block ? "a field" : "a declaration");
  } else if (names) {
    parts.push_back("a name");
  }
  for (size_t t : types) {
    if (t == antlr4::Token::EOF) continue;
    if (names && IsNameToken(t)) continue;
    if (values && (t == SpeccParser::STRING || t == SpeccParser::NUMBER ||
                   t == SpeccParser::QUANTITY || t == SpeccParser::LBRACKET)) {
      continue;
    }
    // After a name, `.` and `(` would continue it; they are never what the user meant.
    if (names && (t == SpeccParser::DOT || t == SpeccParser::LPAREN)) continue;
    // `;` is always optional; naming it only adds noise.
    if (t == SpeccParser::SEMICOLON && types.size() > 1) continue;
    if (t == SpeccParser::STRING) {
      parts.push_back("a string");
    } else if (t == SpeccParser::NUMBER) {
      parts.push_back("a number");
    } else if (t == SpeccParser::QUANTITY) {
      parts.push_back("a duration such as `72h`");
    } else {
      std::string literal = vocabulary.getLiteralName(t);
      if (literal.size() >= 2) literal = literal.substr(1, literal.size() - 2);
      parts.push_back("`" + literal + "`");
    }
  }
  if (has(antlr4::Token::EOF)) parts.push_back("the end of the file");
  if (parts.empty()) return "something else";
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

// Replaces ANTLR's messages ("mismatched input 'x' expecting {...}") with plain words
// naming the token before the problem: "expected `=` after `scope`, found `runtime`".
class PlainWordsErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit PlainWordsErrorStrategy(ParseState& state) : state_(state), errors_before_(state.error_count()) {}

  // Reports through the report* methods below, then stops the parse once it has found
  // kMaxSyntaxErrors errors (or the state keeps no more): recovering further costs work
  // and reports only consequences.
  void reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) override {
    antlr4::DefaultErrorStrategy::reportError(parser, e);
    StopIfEnough(parser);
  }

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& e) override {
    antlr4::Token* start = e.getStartToken();
    antlr4::Token* offending = e.getOffendingToken();
    // Prediction looked one token past a word and found nothing that fits: say what
    // belongs after the word (ANTLR's expected set here is that of the enclosing loop,
    // which would name the wrong things).
    if (start != nullptr && offending != nullptr && start != offending &&
        Previous(parser, offending) == start) {
      std::string expected;
      switch (start->getType()) {
        case SpeccParser::SERVICE:
        case SpeccParser::RESOURCE:
        case SpeccParser::ENV:
        case SpeccParser::INTEGRATION:
          expected = "a name";
          break;
        case SpeccParser::ENVIRONMENTS:
        case SpeccParser::PREVIEW:
          expected = "`{`";
          break;
        case SpeccParser::BRANCH:
          expected = "`per`";
          break;
        case SpeccParser::PER:
          expected = "`environment`";
          break;
        default:
          expected = IsNameToken(start->getType()) ? "`=`" : "";
          break;
      }
      if (!expected.empty()) {
        if (AfterStrayCharacter(parser, offending)) return;
        state_.AddError(state_.TokenEnd(start), "expected " + expected + " after " + Describe(start));
        return;
      }
    }
    ReportFound(parser, offending, e.getExpectedTokens());
  }

  void reportInputMismatch(antlr4::Parser* parser,
                           const antlr4::InputMismatchException& e) override {
    ReportFound(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  void reportFailedPredicate(antlr4::Parser* parser,
                             const antlr4::FailedPredicateException& e) override {
    ReportFound(parser, e.getOffendingToken(), e.getExpectedTokens());
  }

  void reportUnwantedToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    ReportFound(parser, parser->getCurrentToken(), getExpectedTokens(parser));
    StopIfEnough(parser);
  }

  void reportMissingToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    ReportMissing(parser);
    StopIfEnough(parser);
  }

 private:
  void StopIfEnough(antlr4::Parser* parser) {
    if (state_.full() || state_.error_count() - errors_before_ >= kMaxSyntaxErrors) {
      state_.Stop(state_.TokenEnd(parser->getCurrentToken()));
      throw antlr4::ParseCancellationException("too many syntax errors");
    }
  }

  void ReportMissing(antlr4::Parser* parser) {
    antlr4::Token* token = parser->getCurrentToken();
    antlr4::Token* previous = Previous(parser, token);
    antlr4::misc::IntervalSet expected_set = getExpectedTokens(parser);
    if (AfterStrayCharacter(parser, token)) return;
    std::string expected = Expected(parser, expected_set);
    // `scope runtime`: the name could also open an override block, but a value after it
    // means the `=` is what is missing.
    if (expected_set.contains(static_cast<size_t>(SpeccParser::EQUALS)) &&
        token->getType() != SpeccParser::LBRACE) {
      expected = "`=`";
    }
    // Point just past the previous token, where the missing one belongs (as compilers do
    // for a missing `;`).
    if (previous == nullptr) {
      state_.AddError(state_.TokenOffset(token), "expected " + expected);
      return;
    }
    state_.AddError(state_.TokenEnd(previous), "expected " + expected + " after " + Describe(previous));
  }

  std::string Describe(antlr4::Token* token) const {
    if (token->getType() == antlr4::Token::EOF) return "the end of the file";
    return "`" + Abbreviate(state_.TokenText(token)) + "`";
  }

  // Whether the parser is inside a block of fields (body or override block).
  static bool InBlock(antlr4::Parser* parser) {
    for (antlr4::RuleContext* ctx = parser->getContext(); ctx != nullptr;
         ctx = dynamic_cast<antlr4::RuleContext*>(ctx->parent)) {
      size_t rule = ctx->getRuleIndex();
      if (rule == SpeccParser::RuleBody || rule == SpeccParser::RuleOverrideBlock) return true;
      if (rule == SpeccParser::RuleProject) return false;
    }
    return false;
  }

  std::string Expected(antlr4::Parser* parser, const antlr4::misc::IntervalSet& set) {
    return DescribeExpected(set, parser->getVocabulary(), InBlock(parser));
  }

  // Whether a stray character (already reported) comes right before `token`, skipping
  // white space: the parse error there is a consequence, not news.
  static bool AfterStrayCharacter(antlr4::Parser* parser, antlr4::Token* token) {
    auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
    if (stream == nullptr || token == nullptr) return false;
    size_t index = token->getTokenIndex();
    if (index > stream->size()) return false;
    while (index > 0) {
      --index;
      size_t type = stream->get(index)->getType();
      if (type == SpeccLexer::ERROR_CHAR) return true;
      if (type != SpeccLexer::WS) return false;
    }
    return false;
  }

  // The last token before `token` on the parser's channel, or nullptr.
  static antlr4::Token* Previous(antlr4::Parser* parser, antlr4::Token* token) {
    auto* stream = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
    if (stream == nullptr || token == nullptr) return nullptr;
    size_t index = token->getTokenIndex();
    if (index > stream->size()) return nullptr;
    while (index > 0) {
      --index;
      antlr4::Token* t = stream->get(index);
      if (t->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return t;
    }
    return nullptr;
  }

  void ReportFound(antlr4::Parser* parser, antlr4::Token* token,
                   const antlr4::misc::IntervalSet& expected_set) {
    if (token == nullptr) token = parser->getCurrentToken();
    if (AfterStrayCharacter(parser, token)) return;
    antlr4::Token* previous = Previous(parser, token);
    std::string expected = Expected(parser, expected_set);
    std::string message = "expected " + expected;
    if (previous != nullptr) message += " after " + Describe(previous);
    message += ", found " + Describe(token);
    std::string hint;
    std::string_view text = state_.TokenText(token);
    if (token->getType() == antlr4::Token::EOF && expected_set.contains(static_cast<size_t>(SpeccParser::RBRACE))) {
      hint = "a block opened with `{` is not closed";
    } else if (text == ":" && expected_set.contains(static_cast<size_t>(SpeccParser::EQUALS))) {
      hint = "fields are written `key = value`";
    } else if (token->getType() == SpeccParser::NUMBER &&
               expected_set.contains(static_cast<size_t>(SpeccParser::RBRACE)) && previous != nullptr &&
               previous->getType() == SpeccParser::NUMBER) {
      hint = "write a version as a string: \"1.4.0\"";
    } else if (previous != nullptr && previous->getType() == SpeccParser::RBRACE &&
               expected_set.contains(static_cast<size_t>(antlr4::Token::EOF))) {
      hint = "a file holds one project; put every declaration inside its braces";
    } else if (previous == nullptr) {
      hint = "a project spec starts with `project \"name\" {`";
    }
    state_.AddError(state_.TokenOffset(token), std::move(message), std::move(hint));
  }

  ParseState& state_;
  // The errors found before parsing began (lexical ones).
  size_t errors_before_;
};

// Swallows ANTLR's own console reports; PlainWordsErrorStrategy reports instead. The
// lexer cannot fail (ERROR_CHAR matches anything), so this only silences.
class SilentErrorListener : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {}
};

// Turns the parse tree into the syntax tree. Runs only on a tree without syntax errors,
// but checks for absent children anyway: a missing node is a bug, never a crash.
class TreeWalker {
 public:
  explicit TreeWalker(ParseState& state) : state_(state) {}

  ast::File Walk(SpeccParser::FileContext* file) {
    ast::File out;
    SpeccParser::ProjectContext* project = file->project();
    if (project == nullptr) return out;
    out.loc = state_.TokenLoc(project->getStart());
    if (antlr4::tree::TerminalNode* name = project->STRING()) {
      out.project_name = ast::Ident{String(name->getSymbol()), state_.TokenLoc(name->getSymbol())};
    }
    for (SpeccParser::ProjectItemContext* item : project->projectItem()) {
      if (item->field() != nullptr) {
        out.fields.push_back(Field(item->field()));
      } else if (auto* d = item->environmentsDecl()) {
        ast::Decl decl = StartDecl(ast::Decl::Kind::kEnvironments, d);
        for (SpeccParser::NameContext* n : d->name()) decl.names.push_back(Name(n));
        out.decls.push_back(std::move(decl));
      } else if (auto* d = item->previewDecl()) {
        ast::Decl decl = StartDecl(ast::Decl::Kind::kPreview, d);
        Body(d->body(), decl.members);
        out.decls.push_back(std::move(decl));
      } else if (auto* d = item->serviceDecl()) {
        out.decls.push_back(NamedDecl(ast::Decl::Kind::kService, d, d->name(), d->body()));
      } else if (auto* d = item->resourceDecl()) {
        ast::Decl decl = NamedDecl(ast::Decl::Kind::kResource, d, d->name(), d->body());
        if (d->dottedName() != nullptr) decl.type = DottedName(d->dottedName());
        out.decls.push_back(std::move(decl));
      } else if (auto* d = item->envDecl()) {
        out.decls.push_back(NamedDecl(ast::Decl::Kind::kEnv, d, d->name(), d->body()));
      } else if (auto* d = item->integrationDecl()) {
        out.decls.push_back(NamedDecl(ast::Decl::Kind::kIntegration, d, d->name(), d->body()));
      }
    }
    return out;
  }

 private:
  ast::Decl StartDecl(ast::Decl::Kind kind, antlr4::ParserRuleContext* ctx) {
    ast::Decl decl;
    decl.kind = kind;
    decl.loc = state_.TokenLoc(ctx->getStart());
    return decl;
  }

  ast::Decl NamedDecl(ast::Decl::Kind kind, antlr4::ParserRuleContext* ctx,
                      SpeccParser::NameContext* name, SpeccParser::BodyContext* body) {
    ast::Decl decl = StartDecl(kind, ctx);
    if (name != nullptr) decl.name = Name(name);
    Body(body, decl.members);
    return decl;
  }

  void Body(SpeccParser::BodyContext* body, std::vector<ast::Member>& out) {
    if (body == nullptr) return;
    for (SpeccParser::MemberContext* m : body->member()) {
      if (m->field() != nullptr) {
        out.push_back(Field(m->field()));
      } else if (m->flag() != nullptr) {
        out.push_back(Flag(m->flag()));
      } else if (auto* o = m->overrideBlock()) {
        ast::Member member;
        member.kind = ast::Member::Kind::kOverride;
        if (o->name() != nullptr) member.key = Name(o->name());
        for (SpeccParser::OverrideMemberContext* om : o->overrideMember()) {
          if (om->field() != nullptr) member.members.push_back(Field(om->field()));
          if (om->flag() != nullptr) member.members.push_back(Flag(om->flag()));
        }
        out.push_back(std::move(member));
      }
    }
  }

  ast::Member Field(SpeccParser::FieldContext* field) {
    ast::Member member;
    member.kind = ast::Member::Kind::kField;
    if (field->name() != nullptr) member.key = Name(field->name());
    if (field->value() != nullptr) member.value = Value(field->value());
    return member;
  }

  ast::Member Flag(SpeccParser::FlagContext* flag) {
    ast::Member member;
    member.kind = ast::Member::Kind::kFlag;
    member.key.loc = state_.TokenLoc(flag->getStart());
    for (antlr4::tree::ParseTree* child : flag->children) {
      if (!member.key.text.empty()) member.key.text += ' ';
      member.key.text += child->getText();
    }
    return member;
  }

  ast::Value Value(SpeccParser::ValueContext* value) {
    if (value->scalar() != nullptr) return Scalar(value->scalar());
    if (auto* call = value->call()) {
      ast::Value out;
      out.kind = ast::Value::Kind::kCall;
      out.loc = state_.TokenLoc(call->getStart());
      if (call->valueName() != nullptr) out.path.push_back(Name(call->valueName()));
      out.text = out.path.empty() ? "" : out.path[0].text;
      for (SpeccParser::DottedNameContext* arg : call->dottedName()) {
        out.items.push_back(DottedName(arg));
      }
      return out;
    }
    ast::Value out;
    out.kind = ast::Value::Kind::kList;
    if (auto* list = value->list()) {
      out.loc = state_.TokenLoc(list->getStart());
      for (SpeccParser::ScalarContext* s : list->scalar()) out.items.push_back(Scalar(s));
    }
    return out;
  }

  ast::Value Scalar(SpeccParser::ScalarContext* scalar) {
    ast::Value out;
    out.loc = state_.TokenLoc(scalar->getStart());
    if (antlr4::tree::TerminalNode* s = scalar->STRING()) {
      out.kind = ast::Value::Kind::kString;
      out.text = String(s->getSymbol());
    } else if (antlr4::tree::TerminalNode* n = scalar->NUMBER()) {
      out.kind = ast::Value::Kind::kNumber;
      out.text = std::string(state_.TokenText(n->getSymbol()));
    } else if (antlr4::tree::TerminalNode* q = scalar->QUANTITY()) {
      out.kind = ast::Value::Kind::kQuantity;
      out.text = std::string(state_.TokenText(q->getSymbol()));
    } else if (scalar->valueName() != nullptr) {
      out.kind = ast::Value::Kind::kName;
      out.path.push_back(Name(scalar->valueName()));
      for (SpeccParser::NameContext* n : scalar->name()) out.path.push_back(Name(n));
      for (const ast::Ident& segment : out.path) {
        if (!out.text.empty()) out.text += '.';
        out.text += segment.text;
      }
    }
    return out;
  }

  ast::Value DottedName(SpeccParser::DottedNameContext* dotted) {
    ast::Value out;
    out.kind = ast::Value::Kind::kName;
    out.loc = state_.TokenLoc(dotted->getStart());
    for (SpeccParser::NameContext* n : dotted->name()) {
      out.path.push_back(Name(n));
      if (!out.text.empty()) out.text += '.';
      out.text += out.path.back().text;
    }
    return out;
  }

  ast::Ident Name(antlr4::ParserRuleContext* name) {
    antlr4::Token* token = name->getStart();
    return ast::Ident{std::string(state_.TokenText(token)), state_.TokenLoc(token)};
  }

  std::string String(antlr4::Token* token) {
    return DecodeString(state_.TokenText(token), state_.TokenOffset(token), state_);
  }

  ParseState& state_;
};

}  // namespace

std::optional<ast::File> ParseProjectText(FileId file, std::string_view text, DiagSink& sink, ParseWork* work) {
  if (text.size() >= UINT32_MAX) {
    sink.Report(DiagCode::kDslSyntax, Loc{file, 0}, "the project spec is too large (4 GiB or more)");
    return std::nullopt;
  }
  DecodedText decoded = DecodeUtf8(text);
  if (decoded.first_invalid >= 0) {
    sink.Report(DiagCode::kSpecEncodingInvalid,
                Loc{file, static_cast<uint32_t>(decoded.first_invalid)},
                "the project spec is not valid UTF-8", "save the file as UTF-8");
  }
  ParseState state(file, text, decoded);
  std::optional<ast::File> result;
  uint64_t token_reads = 0;
  try {
    CodePointStream input(decoded.code_points);
    SpeccLexer lexer(&input);
    lexer.removeErrorListeners();
    SilentErrorListener silent;
    lexer.addErrorListener(&silent);
    CountingTokenStream tokens(&lexer, &token_reads);
    tokens.fill();
    token_reads += tokens.size();
    CheckTokens(tokens, state);

    SpeccParser parser(&tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(&silent);
    parser.setErrorHandler(std::make_shared<PlainWordsErrorStrategy>(state));
    SpeccParser::FileContext* tree = parser.file();
    if (!state.has_errors() && decoded.first_invalid < 0) {
      TreeWalker walker(state);
      result = walker.Walk(tree);
    }
  } catch (const antlr4::ParseCancellationException&) {
    // PlainWordsErrorStrategy stopped at kMaxSyntaxErrors; Truncate() says so below.
  } catch (const std::exception& e) {
    // The runtime should not throw past the error strategy; if it ever does, the input
    // is still reported, not crashed on.
    state.AddError(0, std::string("the parser gave up: ") + e.what());
  }
  if (work != nullptr) work->steps += token_reads + state.work();
  std::optional<uint32_t> left_out = state.Truncate();
  for (SyntaxError& e : state.errors()) {
    sink.Report(DiagCode::kDslSyntax, Loc{file, e.offset}, std::move(e.message), std::move(e.hint));
  }
  if (left_out) {
    sink.Report(DiagCode::kDslSyntax, Loc{file, *left_out},
                "too many syntax errors: stopped after the first " + std::to_string(kMaxSyntaxErrors),
                "fix these and run specc again");
  }
  const std::vector<SyntaxError>& errors = state.errors();
  if (!errors.empty() || decoded.first_invalid >= 0) return std::nullopt;
  return result;
}

}  // namespace specc::dsl
