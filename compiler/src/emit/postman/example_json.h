// JSON texts of the example builder's values (emit/postman/example_value.h): read faster
// than nlohmann's parser reads them, which copies every byte twice and tracks lines and
// columns for its messages, and written as nlohmann's dump writes them, faster than its
// serializer, which decodes every byte of every string as UTF-8. The values themselves
// are nlohmann's, in example_value.cc: these take and give events and text only.
#ifndef SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
#define SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specc::emit {

// What a JSON text holds, in order, as nlohmann's SAX interface has it.
class JsonEvents {
 public:
  virtual ~JsonEvents() = default;
  virtual void Null() = 0;
  virtual void Boolean(bool value) = 0;
  virtual void Integer(int64_t value) = 0;    // a negative integer
  virtual void Unsigned(uint64_t value) = 0;  // any other
  virtual void Float(double value) = 0;       // a number with a fraction or an exponent
  virtual void String(std::string&& value) = 0;
  virtual void StartObject() = 0;
  virtual void Key(std::string&& key) = 0;
  virtual void EndObject() = 0;
  virtual void StartArray() = 0;
  virtual void EndArray() = 0;
};

// Feeds `events` what `text` holds and returns true when nlohmann's parser would read it
// alike: the texts the front end writes (short escapes, well-formed UTF-8, integers of up
// to 18 digits, other numbers within a double's range, nesting up to 256 deep). Returns
// false for any other text, errors included, having fed `events` part of it: such a text
// is for nlohmann's parser.
bool ReadJsonFast(std::string_view text, JsonEvents& events);

// Writes one value as nlohmann's dump(indent) writes it: compact when `indent` is negative,
// else one member or item per line, `indent` spaces per level.
class DumpWriter {
 public:
  DumpWriter(int indent, std::string* out) : indent_(indent), out_(*out) {}

  void StartObject();
  // False when `key` is not UTF-8 (nlohmann's dump throws).
  bool Key(std::string_view key);
  void EndObject();
  void StartArray();
  void EndArray();
  // False when `value` is not UTF-8.
  bool String(std::string_view value);
  // A number or literal, as nlohmann writes it.
  void Scalar(std::string_view text);

 private:
  void BeforeValue();
  void Close(char bracket);
  void Indent(size_t levels);
  bool Quoted(std::string_view text);

  int indent_;
  std::string& out_;
  std::vector<bool> empty_;  // for each open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
