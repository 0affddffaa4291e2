#include "emit/postman/example_json.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/utf8.h"

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Builds nlohmann values from the fast reader's events as Json::parse builds them (a
// repeated key keeps its first place and its last value).
class Builder final : public JsonEvents {
 public:
  Json Take() { return std::move(root_); }

  void Null() override { Add(nullptr); }
  void Boolean(bool value) override { Add(value); }
  void Integer(int64_t value) override { Add(value); }
  void Unsigned(uint64_t value) override { Add(value); }
  void Float(double value) override { Add(value); }
  void String(std::string&& value) override { Add(std::move(value)); }
  void StartObject() override { open_.push_back(Json::object()); }
  void Key(std::string&& key) override { keys_.push_back(std::move(key)); }
  void EndObject() override { Close(); }
  void StartArray() override { open_.push_back(Json::array()); }
  void EndArray() override { Close(); }

 private:
  void Add(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
    } else if (open_.back().is_array()) {
      open_.back().push_back(std::move(value));
    } else {
      open_.back()[keys_.back()] = std::move(value);
      keys_.pop_back();
    }
  }
  void Close() {
    Json done = std::move(open_.back());
    open_.pop_back();
    Add(std::move(done));
  }

  std::vector<Json> open_;
  std::vector<std::string> keys_;
  Json root_;
};

// What the fast reader makes of `text`; nullopt when it leaves the text to nlohmann.
std::optional<Json> ReadFast(std::string_view text) {
  Builder builder;
  if (!ReadJsonFast(text, builder)) return std::nullopt;
  return builder.Take();
}

// Whether `a` and `b` are the same value down to the kind of number (signed, unsigned or
// floating: the example builder's checks and nlohmann's dump tell them apart) and the
// order of members.
bool Same(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case Json::value_t::object: {
      if (a.size() != b.size()) return false;
      for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
        if (x.key() != y.key() || !Same(x.value(), y.value())) return false;
      }
      return true;
    }
    case Json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!Same(a[i], b[i])) return false;
      }
      return true;
    }
    case Json::value_t::number_float: {
      double x = a.get<double>(), y = b.get<double>();
      return x == y && std::signbit(x) == std::signbit(y);
    }
    default:
      return a == b;
  }
}

TEST(ExampleJsonTest, ReadsWhatTheFrontEndWritesAsNlohmann) {
  for (const char* text : {
           R"({"a":1,"b":[true,false,null],"c":{"d":"e"}})",
           R"(  { "a" : [ 1 , 2 ] ,"b":{}, "c":[] }  )",
           "\t\r\n[1]\n",
           R"({"a":1,"a":2,"b":3})",  // a repeated key: its first place, its last value
           R"({"b":1,"a":2})",
           R"("plain")",
           R"("esc \" \\ \/ \b \f \n \r \t")",
           "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE2\x80\xA8\"",
           "0", "-0", "7", "-7", "123456789012345678", "-123456789012345678", "1.5", "-0.0", "0.1", "1e3",
           "1E+3", "1e-3", "2.5e-308", "123456789.123456789e-5", "1e308", "true", "false", "null",
       }) {
    std::optional<Json> ours = ReadFast(text);
    ASSERT_TRUE(ours.has_value()) << text;
    EXPECT_TRUE(Same(*ours, Json::parse(text))) << text << "\nours:   " << ours->dump();
  }
}

TEST(ExampleJsonTest, LeavesEverythingElseToNlohmann) {
  for (const std::string& text : std::vector<std::string>{
           // Not JSON.
           "", " ", "{", "}", "[1,]", "[,1]", R"({"a":1,})", R"({"a" 1})", R"({a:1})", "[1 2]", "01", "-", "1.",
           ".5", "1e", "1e+", "+1", "--1", "truex", "tru", "nul", "[true false]", "\"open", R"("\x")", "1 2",
           "[1]]", "{}{}", "\"tab\there\"", "\"line\nbreak\"",
           // JSON that takes more than the fast reader knows.
           R"("\u00e9")", R"("\ud83d\ude00")", R"("\ud83d")", "\xEF\xBB\xBF[1]", "1234567890123456789",
           "18446744073709551616", "-9223372036854775809", "1e400", "1e-400",
           // Not UTF-8: an overlong NUL, a surrogate, past U+10FFFF, cut short, a lone continuation.
           "\"\xC0\x80\"", "\"\xED\xA0\x80\"", "\"\xF4\x90\x80\x80\"", "\"\xC3\"", "\"\x80\"",
           std::string(300, '[') + std::string(300, ']'),
       }) {
    EXPECT_FALSE(ReadFast(text).has_value()) << text;
  }
  EXPECT_TRUE(ReadFast(std::string(256, '[') + std::string(256, ']')).has_value());
}

// Texts a few random edits away from valid ones, with the bytes JSON's grammar turns on:
// whatever the fast reader reads, nlohmann's parser reads alike.
TEST(ExampleJsonTest, ReadsEditedTextsAsNlohmannOrNotAtAll) {
  const std::vector<std::string> seeds = {
      R"({"id":1,"name":"octocat","tags":["a","b"],"score":-1.5e3,"ok":true,"none":null})",
      R"([{"a":{"b":[1,2,{"c":"d\n\"e\""}]}},0,-0,123456789012345678])",
      "{\"caf\xC3\xA9\":\"\xE2\x82\xAC\",\"x\":[0.5,1E-2]}",
      R"("just a string with \\ and \/ escapes")",
  };
  const std::string alphabet = "{}[]:,\"\\/-+.0123456789eEtrufalsn \t\n\x01\x7f\xC3\xA9\xE2\x80\xA8\xED\xF4u";
  std::mt19937 random(16);
  int read = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = seeds[random() % seeds.size()];
    int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      size_t at = random() % text.size();
      char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1); break;
      }
    }
    std::optional<Json> ours = ReadFast(text);
    if (!ours) continue;
    ++read;
    Json theirs = Json::parse(text, nullptr, false);
    ASSERT_FALSE(theirs.is_discarded()) << "read, but not JSON: " << text;
    ASSERT_TRUE(Same(*ours, theirs)) << "text: " << text;
  }
  // Both kinds of text were met: the edits leave some readable and make others not.
  EXPECT_GT(read, 1000);
  EXPECT_LT(read, 19000);
}

// Writes `j` through a DumpWriter as the example builder does; nullopt when a string in
// it is not UTF-8.
std::optional<std::string> Dump(const Json& j, int indent) {
  std::string out;
  DumpWriter writer(indent, &out);
  std::function<bool(const Json&)> write = [&](const Json& v) {
    switch (v.type()) {
      case Json::value_t::object:
        writer.StartObject();
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (!writer.Key(it.key()) || !write(it.value())) return false;
        }
        writer.EndObject();
        return true;
      case Json::value_t::array:
        writer.StartArray();
        for (const Json& item : v) {
          if (!write(item)) return false;
        }
        writer.EndArray();
        return true;
      case Json::value_t::string:
        return writer.String(v.get_ref<const Json::string_t&>());
      default:
        writer.Scalar(v.dump());
        return true;
    }
  };
  if (!write(j)) return std::nullopt;
  return out;
}

TEST(ExampleJsonTest, WritesAsNlohmannDumps) {
  for (const char* text : {
           R"({"a":1,"b":[true,false,null],"c":{"d":"e"},"e":{},"f":[],"g":[[],{}],"h":[{}],"i":{"j":[]}})",
           R"([0,-0,-7,18446744073709551615,-9223372036854775808,1.5,-0.0,0.1,1e300,2.5e-308,1E3,100.0])",
           R"("quote \" backslash \\ slash \/ controls \b\f\n\r\t \u0001\u001f\u007f")",
           "\"caf\xC3\xA9 \\u2028 \\ud83d\\ude00 \xE2\x80\xA8\"",
           R"({"nested":{"deeper":{"deepest":[1,{"x":"y"}]}},"k\"ey":"v"})",
           "[]", "{}", "null", "true", "\"\"",
       }) {
    Json value = Json::parse(text);
    for (int indent : {-1, 0, 2, 4}) EXPECT_EQ(Dump(value, indent), value.dump(indent)) << text << " " << indent;
  }
}

TEST(ExampleJsonTest, WritesBuiltValuesAsNlohmannDumps) {
  std::mt19937 random(7);
  const std::string alphabet = "ab \"\\/\b\f\n\r\t\x01\x1f\x7f\xC3\xA9\xE2\x80\xA8";
  // Random trees of every kind of value; strings from bytes JSON escapes and bytes it does
  // not, drawn one by one (those that come out not UTF-8 replaced).
  std::function<Json(int)> make = [&](int depth) -> Json {
    switch (random() % (depth > 3 ? 6 : 8)) {
      case 0: return nullptr;
      case 1: return random() % 2 == 0;
      case 2: return static_cast<int64_t>(random()) - (int64_t{1} << 31);
      case 3: return static_cast<uint64_t>(random()) << 20;
      case 4: return static_cast<double>(random()) / 977.0;
      case 5: {
        std::string s;
        for (int n = static_cast<int>(random() % 12); n > 0; --n) s += alphabet[random() % alphabet.size()];
        return FindInvalidUtf8(s) == std::string_view::npos ? s : "plain";
      }
      case 6: {
        Json array = Json::array();
        for (int n = static_cast<int>(random() % 4); n > 0; --n) array.push_back(make(depth + 1));
        return array;
      }
      default: {
        Json object = Json::object();
        for (int n = static_cast<int>(random() % 4); n > 0; --n) object["k" + std::to_string(random() % 9)] = make(depth + 1);
        return object;
      }
    }
  };
  for (int round = 0; round < 2000; ++round) {
    Json value = make(0);
    for (int indent : {-1, 2}) ASSERT_EQ(Dump(value, indent), value.dump(indent)) << value.dump();
  }
}

TEST(ExampleJsonTest, SaysWhenAStringIsNotUtf8) {
  Json value = Json::array({"ok", std::string("\xC3")});
  EXPECT_THROW(value.dump(2), nlohmann::json::type_error);  // what the builder falls back to
  EXPECT_EQ(Dump(value, 2), std::nullopt);
  EXPECT_EQ(Dump(Json::object({{std::string("\xC3"), 1}}), -1), std::nullopt);
}

}  // namespace
}  // namespace specc::emit
