#include "emit/postman/example_json.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Whether `a` and `b` are the same value down to the kind of number (a signed, unsigned or
// floating one: the example builder's checks and nlohmann's dump tell them apart) and the
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
    case Json::value_t::discarded:
      return true;
    default:
      return a == b;
  }
}

// What nlohmann's own parser makes of `text`.
Json Reference(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  return j;
}

void ExpectAsNlohmann(const std::string& text) {
  Json ours = ParseJsonValue(text);
  Json theirs = Reference(text);
  EXPECT_TRUE(Same(ours, theirs)) << "text: " << text << "\nours:   "
                                  << (ours.is_discarded() ? "(not JSON)" : ours.dump())
                                  << "\ntheirs: " << (theirs.is_discarded() ? "(not JSON)" : theirs.dump());
}

TEST(ExampleJsonTest, ReadsValuesAsNlohmann) {
  for (const char* text : {
           R"({"a":1,"b":[true,false,null],"c":{"d":"e"}})",
           R"(  { "a" : [ 1 , 2 ] ,"b":{}, "c":[] }  )",
           "\t\r\n[1]\n",
           R"({"a":1,"a":2,"b":3})",  // a repeated key: its first place, its last value
           R"({"b":1,"a":2})",
           R"("plain")",
           R"("esc \" \\ \/ \b \f \n \r \t")",
           "\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\"",
           "0", "-0", "7", "-7", "123456789012345678", "-123456789012345678",
           "1234567890123456789", "-1234567890123456789", "18446744073709551615",
           "18446744073709551616", "-9223372036854775808", "-9223372036854775809",
           "99999999999999999999999", "1.5", "-0.0", "0.1", "1e3", "1E+3", "1e-3", "2.5e-308",
           "1e400", "-1e400", "1e-400", "123456789.123456789e-5", "true", "false", "null",
       }) {
    ExpectAsNlohmann(text);
  }
}

TEST(ExampleJsonTest, RejectsWhatNlohmannRejects) {
  for (const char* text : {
           "", " ", "{", "}", "[1,]", "[,1]", R"({"a":1,})", R"({"a" 1})", R"({a:1})", "[1 2]", "01", "-",
           "1.", ".5", "1e", "1e+", "+1", "--1", "truex", "tru", "nul", "[true false]", "\"open", R"("\x")",
           R"("\u12")", "1 2", "[1]]", "{}{}", "\"tab\there\"", "\"line\nbreak\"",
       }) {
    ExpectAsNlohmann(text);
  }
}

TEST(ExampleJsonTest, LeavesUnicodeEscapesAndBadUtf8ToNlohmann) {
  for (const std::string& text : std::vector<std::string>{
           R"("\u00e9\u0000\u2028")", R"("\ud83d\ude00")", R"("\ud83d")", R"("\ude00")", R"("\uD83D\uDE00")",
           "\xEF\xBB\xBF[1]",        // a byte order mark
           "\"\xC0\x80\"",           // an overlong NUL
           "\"\xED\xA0\x80\"",       // a surrogate
           "\"\xF4\x90\x80\x80\"",   // past U+10FFFF
           "\"\xC3\"",               // cut short
           "\"\x80\"",               // a continuation byte alone
           "\"\xE2\x80\xA8\"",       // U+2028, raw
       }) {
    ExpectAsNlohmann(text);
  }
}

TEST(ExampleJsonTest, ReadsDeepNestingAsNlohmann) {
  for (int depth : {10, 255, 256, 257, 300, 5000}) {
    ExpectAsNlohmann(std::string(depth, '[') + std::string(depth, ']'));
    std::string objects;
    for (int i = 0; i < depth; ++i) objects += "{\"k\":";
    objects += "1";
    objects += std::string(depth, '}');
    ExpectAsNlohmann(objects);
  }
}

// Texts a few random edits away from valid ones, with the bytes JSON's grammar turns on:
// wherever the fast reader and nlohmann's parser could part ways.
TEST(ExampleJsonTest, AgreesWithNlohmannOnEditedTexts) {
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
    Json ours = ParseJsonValue(text);
    ASSERT_TRUE(Same(ours, Reference(text))) << "text: " << text;
    read += ours.is_discarded() ? 0 : 1;
  }
  // Both kinds of text were met: the edits leave some valid and make others invalid.
  EXPECT_GT(read, 1000);
  EXPECT_LT(read, 19000);
}

void ExpectDumpsAsNlohmann(const Json& value) {
  for (int indent : {-1, 0, 2, 4}) {
    EXPECT_EQ(DumpJsonValue(value, indent), value.dump(indent)) << "indent " << indent;
  }
}

TEST(ExampleJsonTest, DumpsAsNlohmann) {
  for (const char* text : {
           R"({"a":1,"b":[true,false,null],"c":{"d":"e"},"e":{},"f":[],"g":[[],{}]})",
           R"([0,-0,-7,18446744073709551615,-9223372036854775808,1.5,-0.0,0.1,1e300,2.5e-308,1E3,100.0])",
           R"("quote \" backslash \\ slash \/ controls \b\f\n\r\t \u0001\u001f\u007f")",
           R"("caf\u00e9 \u2028 \ud83d\ude00 é")",
           R"({"nested":{"deeper":{"deepest":[1,{"x":"y"}]}},"k\"ey":"v"})",
           "[]", "{}", "null", "true", "\"\"",
       }) {
    SCOPED_TRACE(text);
    ExpectDumpsAsNlohmann(Json::parse(text));
  }
}

TEST(ExampleJsonTest, DumpsBuiltValuesAsNlohmann) {
  std::mt19937 random(7);
  // Random trees of every kind of value, strings drawn from bytes JSON escapes and not.
  std::function<Json(int)> make = [&](int depth) -> Json {
    switch (random() % (depth > 3 ? 6 : 8)) {
      case 0: return nullptr;
      case 1: return random() % 2 == 0;
      case 2: return static_cast<int64_t>(random()) - (1LL << 31);
      case 3: return static_cast<uint64_t>(random()) << 20;
      case 4: return static_cast<double>(random()) / 977.0;
      case 5: {
        std::string s;
        const std::string alphabet = std::string("ab \"\\/\b\f\n\r\t\x01\x1f\x7f") + "\xC3\xA9" + "\xE2\x80\xA8";
        for (int n = static_cast<int>(random() % 12); n > 0; --n) s += alphabet[random() % alphabet.size()];
        return FindInvalidUtf8(s) == std::string_view::npos ? s : "plain";  // bytes drawn one by one
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
    std::string compact = value.dump(), pretty = value.dump(2);
    ASSERT_EQ(DumpJsonValue(value, -1), compact);
    ASSERT_EQ(DumpJsonValue(value, 2), pretty);
  }
}

TEST(ExampleJsonTest, DumpOfNonUtf8ThrowsAsNlohmann) {
  Json value = Json::array({"ok", std::string("\xC3")});
  EXPECT_THROW(value.dump(2), nlohmann::json::type_error);
  EXPECT_THROW(DumpJsonValue(value, 2), nlohmann::json::type_error);
}

}  // namespace
}  // namespace specc::emit
