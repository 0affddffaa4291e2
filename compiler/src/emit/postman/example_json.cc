#include "emit/postman/example_json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "base/utf8.h"

namespace specc::emit {
namespace {

// Reads a JSON text into `out` as nlohmann's parser would, for the texts it knows how to
// read exactly alike; Read() is false for any other (then `out` got part of the text).
class FastReader {
 public:
  FastReader(std::string_view text, JsonEvents& out) : text_(text), out_(out) {}

  bool Read() {
    if (!Value(0)) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  // Deeper values are left to nlohmann's parser, which keeps its stack on the heap.
  static constexpr int kMaxDepth = 256;
  // Integers of up to 18 digits fit both int64 and uint64.
  static constexpr size_t kMaxIntegerDigits = 18;

  // The bytes a string's fast loop stops at: the quote, a backslash, control characters
  // (an error) and the bytes of multi-byte characters (checked after).
  static constexpr std::array<bool, 256> kStringStop = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = true;
    for (int c = 0x80; c < 0x100; ++c) table[c] = true;
    table['"'] = true;
    table['\\'] = true;
    return table;
  }();

  void SkipSpace() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
      ++pos_;
    }
  }

  bool Consume(char c) {
    SkipSpace();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool Value(int depth) {
    SkipSpace();
    if (pos_ >= text_.size() || depth > kMaxDepth) return false;
    switch (text_[pos_]) {
      case '{':
        return Object(depth);
      case '[':
        return Array(depth);
      case '"': {
        std::string s;
        if (!String(&s)) return false;
        out_.String(std::move(s));
        return true;
      }
      case 't':
        if (!Literal("true")) return false;
        out_.Boolean(true);
        return true;
      case 'f':
        if (!Literal("false")) return false;
        out_.Boolean(false);
        return true;
      case 'n':
        if (!Literal("null")) return false;
        out_.Null();
        return true;
      default:
        return Number();
    }
  }

  bool Object(int depth) {
    ++pos_;
    out_.StartObject();
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      out_.EndObject();
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return false;
      std::string key;
      if (!String(&key)) return false;
      out_.Key(std::move(key));
      if (!Consume(':') || !Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      char c = text_[pos_++];
      if (c == '}') {
        out_.EndObject();
        return true;
      }
      if (c != ',') return false;
    }
  }

  bool Array(int depth) {
    ++pos_;
    out_.StartArray();
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      out_.EndArray();
      return true;
    }
    while (true) {
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      char c = text_[pos_++];
      if (c == ']') {
        out_.EndArray();
        return true;
      }
      if (c != ',') return false;
    }
  }

  // At the opening quote.
  bool String(std::string* out) {
    ++pos_;
    bool multibyte = false;
    while (true) {
      size_t run = pos_;
      while (pos_ < text_.size() && !kStringStop[static_cast<unsigned char>(text_[pos_])]) ++pos_;
      out->append(text_.data() + run, pos_ - run);
      if (pos_ >= text_.size()) return false;
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        // nlohmann rejects a string that is not well-formed UTF-8; so does FindInvalidUtf8
        // (overlong forms, surrogates, past U+10FFFF).
        return !multibyte || FindInvalidUtf8(*out) == std::string_view::npos;
      }
      if (c >= 0x80) {
        multibyte = true;
        out->push_back(static_cast<char>(c));
        ++pos_;
        continue;
      }
      if (c != '\\' || pos_ + 1 >= text_.size()) return false;  // a control character
      char escaped = text_[pos_ + 1];
      pos_ += 2;
      switch (escaped) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        default: return false;  // `\u` (surrogate pairs and their errors) and bad escapes
      }
    }
  }

  // The grammar's number; integers as nlohmann reads them (negative ones signed, others
  // unsigned), others as the double nearest the text (as strtod, without its locale).
  bool Number() {
    size_t start = pos_;
    auto digit = [&] { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; };
    bool negative = pos_ < text_.size() && text_[pos_] == '-';
    if (negative) ++pos_;
    if (!digit()) return false;
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (digit()) ++pos_;
    }
    size_t integer_end = pos_;
    bool integer = true;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      integer = false;
      ++pos_;
      if (!digit()) return false;
      while (digit()) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      integer = false;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digit()) return false;
      while (digit()) ++pos_;
    }
    if (integer) {
      size_t digits_start = start + (negative ? 1 : 0);
      if (integer_end - digits_start > kMaxIntegerDigits) return false;
      uint64_t magnitude = 0;
      for (size_t i = digits_start; i < integer_end; ++i) magnitude = magnitude * 10 + static_cast<uint64_t>(text_[i] - '0');
      if (negative) {
        out_.Integer(-static_cast<int64_t>(magnitude));
      } else {
        out_.Unsigned(magnitude);
      }
      return true;
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    if (ec != std::errc() || end != text_.data() + pos_ || !std::isfinite(value)) return false;
    out_.Float(value);
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  JsonEvents& out_;
};

}  // namespace

bool ReadJsonFast(std::string_view text, JsonEvents& events) { return FastReader(text, events).Read(); }

void DumpWriter::Indent(size_t levels) {
  if (indent_ > 0) out_.append(levels * static_cast<size_t>(indent_), ' ');
}

// Before a value or key: the comma after the one before, then its own line.
void DumpWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) out_ += ',';
  empty_.back() = false;
  if (indent_ >= 0) out_ += '\n';
  Indent(empty_.size());
}

void DumpWriter::StartObject() {
  BeforeValue();
  out_ += '{';
  empty_.push_back(true);
}

bool DumpWriter::Key(std::string_view key) {
  BeforeValue();
  bool ok = Quoted(key);
  out_ += indent_ < 0 ? ":" : ": ";
  after_key_ = true;
  return ok;
}

void DumpWriter::EndObject() { Close('}'); }

void DumpWriter::StartArray() {
  BeforeValue();
  out_ += '[';
  empty_.push_back(true);
}

void DumpWriter::EndArray() { Close(']'); }

// `{}` and `[]` when empty, else the bracket on a line of its own.
void DumpWriter::Close(char bracket) {
  bool empty = empty_.back();
  empty_.pop_back();
  if (!empty && indent_ >= 0) {
    out_ += '\n';
    Indent(empty_.size());
  }
  out_ += bracket;
}

bool DumpWriter::String(std::string_view value) {
  BeforeValue();
  return Quoted(value);
}

void DumpWriter::Scalar(std::string_view text) {
  BeforeValue();
  out_ += text;
}

// nlohmann's escapes (ensure_ascii off): the short ones, other controls as \u00xx, every
// other byte as it is.
bool DumpWriter::Quoted(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool multibyte = false;
  out_ += '"';
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) multibyte = true;
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\t': out_ += "\\t"; break;
      case '\n': out_ += "\\n"; break;
      case '\f': out_ += "\\f"; break;
      case '\r': out_ += "\\r"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xf];
    }
  }
  out_.append(text.data() + run, text.size() - run);
  out_ += '"';
  return !multibyte || FindInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace specc::emit
