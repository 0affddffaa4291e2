// A JSON (RFC 8259) parser that builds spec::Node trees directly. It is iterative, so
// nesting depth is bounded by ParseLimits rather than by the C++ stack, and strings
// without escapes are not copied: they point into the file's text.
#include <cstring>
#include <string>

#include "spec/parse.h"
#include "base/swar.h"
#include "base/utf8.h"

namespace specc::spec {
namespace {

class JsonParser {
 public:
  JsonParser(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
             ParseLimits limits)
      : file_(file), text_(text), arena_(arena), sink_(sink), builder_(arena, file, sink, limits) {}

  const Node* Parse();

 private:
  bool Fail(size_t offset, std::string message, std::string hint = {}) {
    sink_.Report(DiagCode::kSpecJsonSyntax, Loc{file_, static_cast<uint32_t>(offset)},
                 std::move(message), std::move(hint));
    return false;
  }
  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '\n') {
        ++pos_;
        // Indentation is nearly half of a pretty-printed description: eight bytes at a time.
        while (pos_ + 8 <= text_.size()) {
          unsigned spaces = swar::LeadingSpaces(swar::Load8(text_.data() + pos_));
          pos_ += spaces;
          if (spaces < 8) break;
        }
        continue;
      }
      if (c != ' ' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }
  bool ParseValue();
  bool ParseString(std::string_view* out);
  bool ParseNumber();
  bool ParseLiteral(std::string_view word, NodeKind kind);
  std::string Describe(size_t offset) const;

  FileId file_;
  std::string_view text_;
  NodeArena& arena_;
  DiagSink& sink_;
  TreeBuilder builder_;
  size_t pos_ = 0;
};

std::string JsonParser::Describe(size_t offset) const {
  if (offset >= text_.size()) return "the end of the file";
  unsigned char c = static_cast<unsigned char>(text_[offset]);
  if (c >= 0x20 && c < 0x7f) return std::string("`") + static_cast<char>(c) + "`";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "byte 0x%02x", c);
  return buffer;
}

bool JsonParser::ParseLiteral(std::string_view word, NodeKind kind) {
  if (text_.compare(pos_, word.size(), word) != 0) {
    return Fail(pos_, "unexpected " + Describe(pos_) + "; expected a JSON value",
                text_[pos_] == '\'' ? "JSON strings use double quotes" : "");
  }
  builder_.Scalar(kind, word, static_cast<uint32_t>(pos_));
  pos_ += word.size();
  return true;
}

bool JsonParser::ParseNumber() {
  size_t start = pos_;
  bool is_float = false;
  auto digits = [&] {
    size_t first = pos_;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    return pos_ > first;
  };
  if (text_[pos_] == '-') ++pos_;
  if (pos_ < text_.size() && text_[pos_] == '0') {
    ++pos_;
  } else if (!digits()) {
    return Fail(pos_, "malformed number: expected a digit, found " + Describe(pos_));
  }
  if (pos_ < text_.size() && text_[pos_] == '.') {
    is_float = true;
    ++pos_;
    if (!digits()) return Fail(pos_, "malformed number: expected a digit after `.`");
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    is_float = true;
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (!digits()) return Fail(pos_, "malformed number: expected a digit in the exponent");
  }
  builder_.Scalar(is_float ? NodeKind::kFloat : NodeKind::kInt, text_.substr(start, pos_ - start),
                  static_cast<uint32_t>(start));
  return true;
}

// Parses the string starting at the quote at pos_. Escape-free strings are views of the
// input; others are decoded into the arena.
bool JsonParser::ParseString(std::string_view* out) {
  size_t start = ++pos_;
  const char* data = text_.data();
  size_t size = text_.size();
  size_t i = start;
  // Eight bytes at a time to the first quote, backslash or control byte; `high` collects
  // the bytes passed, whose high bits say whether the string is all ASCII.
  uint64_t high = 0;
  while (i + 8 <= size) {
    uint64_t v = swar::Load8(data + i);
    uint64_t stop = swar::BytesEqual(v, '"') | swar::BytesEqual(v, '\\') | swar::BytesBelow(v, 0x20);
    if (stop != 0) {
      unsigned k = swar::FirstFlagged(stop);
      high |= swar::BytesBefore(v, k);
      i += k;
      break;
    }
    high |= v;
    i += 8;
  }
  bool ascii = (high & swar::kHighs) == 0;
  while (i < size) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
    ascii &= c < 0x80;
    ++i;
  }
  if (i >= size) return Fail(start - 1, "unterminated string", "add the closing `\"`");
  if (data[i] == '"') {
    std::string_view raw(data + start, i - start);
    if (!ascii) {
      size_t bad = FindInvalidUtf8(raw);
      if (bad != std::string_view::npos) {
        sink_.Report(DiagCode::kSpecEncodingInvalid, Loc{file_, static_cast<uint32_t>(start + bad)},
                     "invalid UTF-8 in a string", "save the file as UTF-8");
        return false;
      }
    }
    *out = raw;
    pos_ = i + 1;
    return true;
  }
  // Slow path: escapes (or a control character, which is an error).
  std::string decoded(data + start, i - start);
  while (i < size) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '"') break;
    if (c < 0x20) {
      return Fail(i, c == '\n' ? "line break inside a string" : "control character inside a string",
                  "escape it (`\\n`, `\\t`, `\\u00XX`) or close the string");
    }
    if (c != '\\') {
      decoded += static_cast<char>(c);
      ++i;
      continue;
    }
    if (i + 1 >= size) break;
    char e = data[i + 1];
    switch (e) {
      case '"': decoded += '"'; i += 2; continue;
      case '\\': decoded += '\\'; i += 2; continue;
      case '/': decoded += '/'; i += 2; continue;
      case 'b': decoded += '\b'; i += 2; continue;
      case 'f': decoded += '\f'; i += 2; continue;
      case 'n': decoded += '\n'; i += 2; continue;
      case 'r': decoded += '\r'; i += 2; continue;
      case 't': decoded += '\t'; i += 2; continue;
      case 'u': {
        uint32_t code = 0;
        if (!ParseHex4(text_.substr(i + 2), &code)) {
          return Fail(i, "malformed `\\u` escape: expected four hex digits");
        }
        size_t next = i + 6;
        if (code >= 0xD800 && code <= 0xDBFF) {
          uint32_t low = 0;
          if (text_.compare(next, 2, "\\u") == 0 && ParseHex4(text_.substr(next + 2), &low) &&
              low >= 0xDC00 && low <= 0xDFFF) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            next += 6;
          } else {
            code = 0xFFFD;  // a lone surrogate cannot be UTF-8; keep the text readable
          }
        } else if (code >= 0xDC00 && code <= 0xDFFF) {
          code = 0xFFFD;
        }
        AppendUtf8(decoded, code);
        i = next;
        continue;
      }
      default:
        return Fail(i, "unknown escape `\\" + std::string(1, e) + "` in a string",
                    "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
  }
  if (i >= size) return Fail(start - 1, "unterminated string", "add the closing `\"`");
  size_t bad = FindInvalidUtf8(decoded);
  if (bad != std::string::npos) {
    sink_.Report(DiagCode::kSpecEncodingInvalid, Loc{file_, static_cast<uint32_t>(start)},
                 "invalid UTF-8 in a string", "save the file as UTF-8");
    return false;
  }
  *out = arena_.Intern(decoded);
  pos_ = i + 1;
  return true;
}

bool JsonParser::ParseValue() {
  SkipSpace();
  if (pos_ >= text_.size()) return Fail(pos_, "unexpected end of file; expected a JSON value");
  char c = text_[pos_];
  switch (c) {
    case '{':
    case '[':
      break;
    case '"': {
      uint32_t at = static_cast<uint32_t>(pos_);
      std::string_view s;
      if (!ParseString(&s)) return false;
      builder_.Scalar(NodeKind::kString, s, at);
      return true;
    }
    case 't':
      return ParseLiteral("true", NodeKind::kBool);
    case 'f':
      return ParseLiteral("false", NodeKind::kBool);
    case 'n':
      return ParseLiteral("null", NodeKind::kNull);
    default:
      if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
      return Fail(pos_, "unexpected " + Describe(pos_) + "; expected a JSON value",
                  c == '\'' ? "JSON strings use double quotes" : "");
  }
  // Containers: an explicit loop, so depth costs heap, not stack.
  if (!(c == '{' ? builder_.BeginMap(static_cast<uint32_t>(pos_))
                 : builder_.BeginSeq(static_cast<uint32_t>(pos_)))) {
    return false;
  }
  std::vector<char> closers{c == '{' ? '}' : ']'};
  std::vector<size_t> openers{pos_};
  ++pos_;
  bool first = true;
  while (!closers.empty()) {
    SkipSpace();
    char close = closers.back();
    if (pos_ < text_.size() && text_[pos_] == close) {
      ++pos_;
      closers.pop_back();
      openers.pop_back();
      builder_.End();
      first = false;
      continue;
    }
    if (!first) {
      if (pos_ >= text_.size()) {
        return Fail(openers.back(), std::string("unclosed `") + (close == '}' ? '{' : '[') + "`",
                    std::string("add the matching `") + close + "`");
      }
      if (text_[pos_] != ',') {
        return Fail(pos_, "unexpected " + Describe(pos_) + "; expected `,` or `" +
                              std::string(1, close) + "`");
      }
      ++pos_;
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == close) {
        return Fail(pos_ - 1, "trailing comma before `" + std::string(1, close) + "`",
                    "JSON does not allow a comma after the last element");
      }
    }
    first = false;
    if (close == '}') {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        return Fail(pos_, "unexpected " + Describe(pos_) + "; expected a string key",
                    pos_ < text_.size() && text_[pos_] == '\'' ? "JSON strings use double quotes"
                                                                : "");
      }
      uint32_t key_at = static_cast<uint32_t>(pos_);
      std::string_view key;
      if (!ParseString(&key)) return false;
      builder_.Key(key, key_at);
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') {
        return Fail(pos_, "unexpected " + Describe(pos_) + "; expected `:` after the key");
      }
      ++pos_;
    }
    SkipSpace();
    if (pos_ >= text_.size()) {
      return Fail(openers.back(), std::string("unclosed `") + (close == '}' ? '{' : '[') + "`",
                  std::string("add the matching `") + close + "`");
    }
    char v = text_[pos_];
    if (v == '{' || v == '[') {
      if (!(v == '{' ? builder_.BeginMap(static_cast<uint32_t>(pos_))
                     : builder_.BeginSeq(static_cast<uint32_t>(pos_)))) {
        return false;
      }
      closers.push_back(v == '{' ? '}' : ']');
      openers.push_back(pos_);
      ++pos_;
      first = true;
      continue;
    }
    if (!ParseValue()) return false;
  }
  return true;
}

const Node* JsonParser::Parse() {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  if (!ParseValue()) return nullptr;
  SkipSpace();
  if (pos_ < text_.size()) {
    Fail(pos_, "unexpected " + Describe(pos_) + " after the end of the JSON value",
         "a JSON file holds exactly one value");
    return nullptr;
  }
  return builder_.root();
}

}  // namespace

const Node* ParseJson(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
                      ParseLimits limits) {
  JsonParser parser(file, text, arena, sink, limits);
  const Node* root = parser.Parse();
  return root;
}

}  // namespace specc::spec
