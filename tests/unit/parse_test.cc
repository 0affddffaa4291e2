#include <gtest/gtest.h>

#include <string>

#include "spec/parse.h"
#include "spec/to_json.h"

namespace specc::spec {
namespace {

// Parses `text` and returns its canonical JSON, or "ERROR <CODE> at <offset>".
std::string Roundtrip(Format format, const std::string& text, ParseLimits limits = {}) {
  NodeArena arena;
  DiagSink sink;
  const Node* root = ParseDocument(0, format, text, arena, sink, limits);
  if (root == nullptr || sink.has_errors()) {
    if (sink.diagnostics().empty()) return "ERROR (none reported)";
    const Diagnostic& d = sink.diagnostics().front();
    return "ERROR " + std::string(DiagCodeName(d.code)) + " at " + std::to_string(d.loc.offset);
  }
  return ToJson(*root);
}

TEST(JsonParseTest, ParsesValuesAndKeepsOrder) {
  EXPECT_EQ(Roundtrip(Format::kJson, R"({"b":[1,-2.5e3,true,null],"a":"x\u00e9\ud83d\ude00"})"),
            "{\"b\":[1,-2.5e3,true,null],\"a\":\"x\xc3\xa9\xf0\x9f\x98\x80\"}");
}

TEST(JsonParseTest, ReportsExactOffsets) {
  EXPECT_EQ(Roundtrip(Format::kJson, "{\"a\": 1,}"), "ERROR SPEC_JSON_SYNTAX at 7");
  EXPECT_EQ(Roundtrip(Format::kJson, "{\"a\" 1}"), "ERROR SPEC_JSON_SYNTAX at 5");
  EXPECT_EQ(Roundtrip(Format::kJson, "[1, 2"), "ERROR SPEC_JSON_SYNTAX at 0");
  EXPECT_EQ(Roundtrip(Format::kJson, "{'a': 1}"), "ERROR SPEC_JSON_SYNTAX at 1");
  EXPECT_EQ(Roundtrip(Format::kJson, "{} x"), "ERROR SPEC_JSON_SYNTAX at 3");
  EXPECT_EQ(Roundtrip(Format::kJson, "\"\xff\""), "ERROR SPEC_ENCODING_INVALID at 1");
}

TEST(JsonParseTest, RejectsDuplicateKeys) {
  EXPECT_EQ(Roundtrip(Format::kJson, R"({"a":1,"b":2,"a":3})"), "ERROR SPEC_DUPLICATE_KEY at 13");
}

// The parser reads strings and indentation eight bytes at a time: whatever ends a string
// (a quote, an escape, a control byte) and whatever breaks ASCII is found at every place
// in those eight, and so is every length of indentation.
TEST(JsonParseTest, StringsAndIndentationEndAnywhereInAWordOfEightBytes) {
  for (size_t n = 0; n < 20; ++n) {
    std::string pad(n, 'a');
    std::string indent = "\n" + std::string(n, ' ');
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad + "\"]"), "[\"" + pad + "\"]") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad + "\\n" + pad + "\"]"), "[\"" + pad + "\\n" + pad + "\"]") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad + "\xc3\xa9" + pad + "\"]"), "[\"" + pad + "\xc3\xa9" + pad + "\"]") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad + "\xff" + pad + "\"]"), "ERROR SPEC_ENCODING_INVALID at " + std::to_string(2 + n)) << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad + "\t" + pad + "\"]"), "ERROR SPEC_JSON_SYNTAX at " + std::to_string(2 + n)) << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[\"" + pad), "ERROR SPEC_JSON_SYNTAX at 1") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "{" + indent + "\"k\":" + indent + "1" + indent + "}"), "{\"k\":1}") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[" + indent + "\t1]"), "[1]") << n;
    EXPECT_EQ(Roundtrip(Format::kJson, "[" + indent + "x]"), "ERROR SPEC_JSON_SYNTAX at " + std::to_string(2 + n)) << n;
  }
}

TEST(YamlParseTest, UsesTheYaml12CoreSchema) {
  EXPECT_EQ(Roundtrip(Format::kYaml,
                      "a: 0000-00-00T00:00:00+00:00\nb: 2024-01-01\nc: yes\nd: 1.0\ne: 0x1F\nf: ~\n"
                      "g: .5\nh: '12'\ni: !!str 12\nj: +7\nk: 007\n"),
            "{\"a\":\"0000-00-00T00:00:00+00:00\",\"b\":\"2024-01-01\",\"c\":\"yes\",\"d\":1.0,"
            "\"e\":31,\"f\":null,\"g\":0.5,\"h\":\"12\",\"i\":\"12\",\"j\":7,\"k\":7}");
}

TEST(YamlParseTest, AcceptsTabsInBlockScalarsAndUnicodeSpaces) {
  EXPECT_EQ(Roundtrip(Format::kYaml, "d: |-\n  \t\n  text\n"), "{\"d\":\"\\t\\ntext\"}");
  // U+2028 is read as text; the JSON writer spells it `\u2028` (JavaScript would end a line there).
  EXPECT_EQ(Roundtrip(Format::kYaml, "d: a\u2028b\u00a0c\n"), "{\"d\":\"a\\u2028b\u00a0c\"}");
}

// libfyaml 0.7.12's fy_token_get_text appends a NUL to some folded scalars (GitHub's
// description has one); the parser reads scalars chunk by chunk instead.
TEST(YamlParseTest, FoldedScalarsEndWithoutNul) {
  EXPECT_EQ(Roundtrip(Format::kYaml, "d: >-\n  first\n\n   more.save()\nid: 1\n"),
            "{\"d\":\"first\\n\\n more.save()\",\"id\":1}");
  EXPECT_EQ(Roundtrip(Format::kYaml, "q: 'it''s'\ne: \"tab\\there\"\n"), "{\"q\":\"it's\",\"e\":\"tab\\there\"}");
}

TEST(YamlParseTest, ExpandsAliases) {
  EXPECT_EQ(Roundtrip(Format::kYaml, "a: &x {k: 1}\nb: *x\n"), "{\"a\":{\"k\":1},\"b\":{\"k\":1}}");
}

TEST(YamlParseTest, StopsAliasBombs) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev;
    for (int i = 0; i < 9; ++i) bomb += ", *" + prev;
    bomb += "]\n";
  }
  EXPECT_EQ(Roundtrip(Format::kYaml, bomb).substr(0, 27), "ERROR SPEC_YAML_ALIAS_LIMIT");
}

TEST(YamlParseTest, LimitsNesting) {
  std::string deep(5000, '[');
  EXPECT_EQ(Roundtrip(Format::kYaml, deep).substr(0, 27), "ERROR SPEC_NESTING_TOO_DEEP");
  EXPECT_EQ(Roundtrip(Format::kJson, deep).substr(0, 27), "ERROR SPEC_NESTING_TOO_DEEP");
  std::string ok = std::string(999, '[') + std::string(999, ']');
  EXPECT_EQ(Roundtrip(Format::kJson, ok).substr(0, 2), "[[");
}

TEST(YamlParseTest, ReportsSyntaxErrorsWithOffsets) {
  std::string result = Roundtrip(Format::kYaml, "a: 1\nb: [1, 2\nc: 3\n");
  EXPECT_EQ(result.substr(0, 22), "ERROR SPEC_YAML_SYNTAX");
  EXPECT_EQ(Roundtrip(Format::kYaml, "a: 1\na: 2\n"), "ERROR SPEC_DUPLICATE_KEY at 5");
  EXPECT_EQ(Roundtrip(Format::kYaml, "a: 1\n---\nb: 2\n").substr(0, 27), "ERROR SPEC_YAML_UNSUPPORTED");
}

}  // namespace
}  // namespace specc::spec
