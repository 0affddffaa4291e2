#include "base/json_writer.h"

#include <array>
#include <charconv>

#include "base/check.h"
#include "base/utf8.h"

namespace specc {

namespace {

// The bytes a JSON string must escape: controls, `"` and `\`, plus the lead byte 0xE2 of
// the characters JavaScript or a reader would misread (U+2028, U+2029 and the bidi
// controls; see UnsafeCharLength), so that a JSON string is also a safe JavaScript string
// literal. One lookup per byte, since generated collections run tens of megabytes of
// strings through here.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  table[0xE2] = true;
  return table;
}();

}  // namespace

void AppendJsonString(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run = 0;  // start of the current run of characters that need no escape
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(value[i]);
    if (!kNeedsEscape[c]) continue;
    if (c == 0xE2) {
      size_t length = UnsafeCharLength(value, i);
      if (length == 0) continue;
      out.append(value.data() + run, i - run);
      AppendUnicodeEscape(out, DecodeUtf8(value, i, length));
      i += length - 1;
      run = i + 1;
      continue;
    }
    out.append(value.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xf];
    }
  }
  out.append(value.data() + run, value.size() - run);
  out += '"';
}

void AppendJsonIndented(std::string& out, std::string_view json, size_t spaces) {
  size_t pos = 0;
  while (true) {
    size_t line_break = json.find('\n', pos);
    if (line_break == std::string_view::npos) break;
    out.append(json.data() + pos, line_break + 1 - pos);
    out.append(spaces, ' ');
    pos = line_break + 1;
  }
  out.append(json.data() + pos, json.size() - pos);
}

void JsonWriter::Newline() {
  if (indent_ == 0) return;
  if (drain_ != nullptr) (*drain_)(out_);
  out_ += '\n';
  out_.append((stack_.size() + base_depth_) * indent_, ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  SPECC_CHECK(!stack_.back().is_object) << "JSON value inside an object without a key";
  if (!stack_.back().empty) out_ += ',';
  stack_.back().empty = false;
  Newline();
}

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  SPECC_CHECK(!stack_.empty() && stack_.back().is_object && !after_key_);
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  SPECC_CHECK(!stack_.empty() && !stack_.back().is_object);
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) Newline();
  out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  SPECC_CHECK(!stack_.empty() && stack_.back().is_object && !after_key_);
  if (!stack_.back().empty) out_ += ',';
  stack_.back().empty = false;
  Newline();
  AppendJsonString(out_, key);
  out_ += indent_ == 0 ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out_.append(buffer, end);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  BeforeValue();
  out_ += json;
  return *this;
}

JsonWriter& JsonWriter::Nested(std::string_view json) {
  BeforeValue();
  AppendJsonIndented(out_, json, (stack_.size() + base_depth_) * static_cast<size_t>(indent_));
  return *this;
}

std::string JsonWriter::Finish() {
  std::string text = Release();
  text += '\n';
  return text;
}

std::string JsonWriter::Release() {
  SPECC_CHECK(stack_.empty() && !after_key_) << "unbalanced JSON document";
  return std::move(out_);
}

}  // namespace specc
