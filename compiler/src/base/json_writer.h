// JsonWriter: a small streaming writer for the JSON that specc prints (the IR, reports,
// diagnostics). Keys come out in the order they are written, numbers through
// std::to_chars, strings escaped per RFC 8259, so output is byte-for-byte deterministic.
#ifndef SPECC_BASE_JSON_WRITER_H_
#define SPECC_BASE_JSON_WRITER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace specc {

class JsonWriter {
 public:
  // `indent` spaces per level; 0 writes everything on one line.
  explicit JsonWriter(int indent = 2) : indent_(indent) {}
  // Continues `text` (moved in) with one value standing at nesting `depth`: a part written
  // straight into a larger document, laid out as if the writer had written all of it.
  // Release() gives the text back.
  JsonWriter(int indent, std::string text, int depth)
      : out_(std::move(text)), indent_(indent), base_depth_(static_cast<size_t>(depth)) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  // Writes an object key; the next call writes its value.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // Writes `json` verbatim as one value; REQUIRES: it is valid JSON.
  JsonWriter& Raw(std::string_view json);
  // Writes `json`, laid out as a writer with this one's indentation lays out a top-level
  // value (no final newline), as one value at the current depth.
  JsonWriter& Nested(std::string_view json);

  // Spaces per level (0: one line).
  int indent() const { return indent_; }
  // Has `drain` called with the text written so far before each line break, so that the
  // caller can hand complete lines on while a large value is written (OutputStream::Drain,
  // which may erase them: the writer never reads back what it wrote). Null for none; not
  // owned.
  void set_drain(const std::function<void(std::string&)>* drain) { drain_ = drain; }

  // Returns the document, with a final newline once the top-level value is closed.
  std::string Finish();
  // Returns the text once the value is closed, without Finish's final newline.
  std::string Release();

 private:
  void BeforeValue();
  void Newline();

  struct Level {
    bool is_object;
    bool empty;
  };
  std::string out_;
  std::vector<Level> stack_;
  int indent_;
  size_t base_depth_ = 0;  // the nesting the first value stands at
  bool after_key_ = false;
  const std::function<void(std::string&)>* drain_ = nullptr;
};

// Appends `value` to `out` as a quoted, escaped JSON string.
void AppendJsonString(std::string& out, std::string_view value);

// Appends JSON `json`, laid out one member or item per line as a top-level value, with
// `spaces` more spaces after each line break: the same value written `spaces` deeper. Every
// line break in such JSON is layout (strings escape theirs), so no parsing is needed.
void AppendJsonIndented(std::string& out, std::string_view json, size_t spaces);

}  // namespace specc

#endif  // SPECC_BASE_JSON_WRITER_H_
