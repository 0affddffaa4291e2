#include "emit/postman/example_json.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Builds a value from nlohmann's SAX events exactly as Json::parse does (a repeated key
// keeps its first place and its last value), but moves each object's members in once,
// counted. ordered_json keeps members in a vector of pair<const string, json>: the const
// key rules out moves, so every time that vector grows it deep-copies the members before,
// and parsing GitHub's large nested examples spent most of its time copying.
class OrderedJsonBuilder {
 public:
  Json Take() { return std::move(root_); }

  bool null() { return Add(Json(nullptr)); }
  bool boolean(bool value) { return Add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return Add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return Add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return Add(Json(value)); }
  bool string(Json::string_t& value) { return Add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return Add(Json::binary(std::move(value))); }
  bool start_object(std::size_t) {
    frames_.emplace_back();
    return true;
  }
  bool key(Json::string_t& key) {
    frames_.back().keys.push_back(std::move(key));
    return true;
  }
  bool end_object() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    Json object = Json::object();
    Json::object_t& members = object.get_ref<Json::object_t&>();
    members.reserve(frame.values.size());
    for (size_t i = 0; i < frame.values.size(); ++i) {
      auto [it, inserted] = members.emplace(std::move(frame.keys[i]), std::move(frame.values[i]));
      if (!inserted) it->second = std::move(frame.values[i]);
    }
    return Add(std::move(object));
  }
  bool start_array(std::size_t) {
    frames_.emplace_back();
    return true;
  }
  bool end_array() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    Json array = Json::array();
    array.get_ref<Json::array_t&>() = std::move(frame.values);
    return Add(std::move(array));
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  // An object or array being read: its values so far, and an object's keys beside them.
  struct Frame {
    std::vector<std::string> keys;
    std::vector<Json> values;
  };

  bool Add(Json value) {
    if (frames_.empty()) {
      root_ = std::move(value);
    } else {
      frames_.back().values.push_back(std::move(value));
    }
    return true;
  }

  std::vector<Frame> frames_;
  Json root_;
};

// Reads a JSON text into `out` as nlohmann's parser would, for the texts it knows how to
// read exactly alike; Read() is false for any other (then `out` holds part of the text and
// is thrown away).
class FastReader {
 public:
  FastReader(std::string_view text, OrderedJsonBuilder* out) : text_(text), out_(out) {}

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
        return String(&s) && out_->string(s);
      }
      case 't':
        return Literal("true") && out_->boolean(true);
      case 'f':
        return Literal("false") && out_->boolean(false);
      case 'n':
        return Literal("null") && out_->null();
      default:
        return Number();
    }
  }

  bool Object(int depth) {
    ++pos_;
    out_->start_object(static_cast<size_t>(-1));
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return out_->end_object();
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return false;
      std::string key;
      if (!String(&key) || !out_->key(key) || !Consume(':') || !Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      char c = text_[pos_++];
      if (c == '}') return out_->end_object();
      if (c != ',') return false;
    }
  }

  bool Array(int depth) {
    ++pos_;
    out_->start_array(static_cast<size_t>(-1));
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return out_->end_array();
    }
    while (true) {
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ >= text_.size()) return false;
      char c = text_[pos_++];
      if (c == ']') return out_->end_array();
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
      if (negative) return out_->number_integer(-static_cast<int64_t>(magnitude));
      return out_->number_unsigned(magnitude);
    }
    double value = 0;
    auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, value);
    if (ec != std::errc() || end != text_.data() + pos_ || !std::isfinite(value)) return false;
    Json::string_t no_text;
    return out_->number_float(value, no_text);
  }

  std::string_view text_;
  size_t pos_ = 0;
  OrderedJsonBuilder* out_;
};

// Writes values as nlohmann's serializer does (serializer::dump with ensure_ascii off).
class Writer {
 public:
  Writer(int indent, std::string* out) : indent_(indent), out_(*out) {}

  // False when a string is not UTF-8 (then `out` holds part of the value).
  bool Value(const Json& j, size_t level) {
    switch (j.type()) {
      case Json::value_t::object: {
        if (j.empty()) {
          out_ += "{}";
          return true;
        }
        out_ += indent_ < 0 ? "{" : "{\n";
        bool first = true;
        for (auto it = j.begin(); it != j.end(); ++it) {
          if (!first) out_ += indent_ < 0 ? "," : ",\n";
          first = false;
          Indent(level + 1);
          if (!String(it.key())) return false;
          out_ += indent_ < 0 ? ":" : ": ";
          if (!Value(it.value(), level + 1)) return false;
        }
        Close('}', level);
        return true;
      }
      case Json::value_t::array: {
        if (j.empty()) {
          out_ += "[]";
          return true;
        }
        out_ += indent_ < 0 ? "[" : "[\n";
        bool first = true;
        for (const Json& item : j) {
          if (!first) out_ += indent_ < 0 ? "," : ",\n";
          first = false;
          Indent(level + 1);
          if (!Value(item, level + 1)) return false;
        }
        Close(']', level);
        return true;
      }
      case Json::value_t::string:
        return String(j.get_ref<const Json::string_t&>());
      case Json::value_t::boolean:
        out_ += j.get<bool>() ? "true" : "false";
        return true;
      case Json::value_t::null:
        out_ += "null";
        return true;
      case Json::value_t::number_integer:
        Integer(j.get<Json::number_integer_t>());
        return true;
      case Json::value_t::number_unsigned:
        Integer(j.get<Json::number_unsigned_t>());
        return true;
      default:  // floats (nlohmann's shortest round trip), and what parsing never makes
        out_ += j.dump();
        return true;
    }
  }

 private:
  void Indent(size_t level) {
    if (indent_ > 0) out_.append(level * static_cast<size_t>(indent_), ' ');
  }

  void Close(char bracket, size_t level) {
    if (indent_ >= 0) out_ += '\n';
    Indent(level);
    out_ += bracket;
  }

  template <typename T>
  void Integer(T value) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
    out_.append(digits, end);
  }

  // nlohmann's escapes: the short ones, other controls as \u00xx; everything else as it is.
  bool String(const std::string& s) {
    static constexpr char kHex[] = "0123456789abcdef";
    bool multibyte = false;
    out_ += '"';
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) multibyte = true;
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s, run, i - run);
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
    out_.append(s, run, s.size() - run);
    out_ += '"';
    return !multibyte || FindInvalidUtf8(s) == std::string_view::npos;
  }

  int indent_;
  std::string& out_;
};

}  // namespace

std::string DumpJsonValue(const Json& value, int indent) {
  std::string out;
  if (!Writer(indent, &out).Value(value, 0)) return value.dump(indent);
  return out;
}

Json ParseJsonValue(std::string_view text) {
  {
    OrderedJsonBuilder builder;
    if (FastReader(text, &builder).Read()) return builder.Take();
  }
  OrderedJsonBuilder builder;
  if (!Json::sax_parse(text, &builder)) return Json(Json::value_t::discarded);
  return builder.Take();
}

}  // namespace specc::emit
