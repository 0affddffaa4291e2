// The escaping functions of emit/escape.h and the JSON string escaping every JSON and
// TypeScript string literal goes through (issue #17: code injection through spec text).
#include "emit/escape.h"

#include <gtest/gtest.h>

#include "base/json_writer.h"
#include "base/utf8.h"
#include "emit/render.h"

namespace specc::emit {
namespace {

constexpr char kLs[] = "\xE2\x80\xA8";   // U+2028 LINE SEPARATOR
constexpr char kPs[] = "\xE2\x80\xA9";   // U+2029 PARAGRAPH SEPARATOR
constexpr char kRlo[] = "\xE2\x80\xAE";  // U+202E RIGHT-TO-LEFT OVERRIDE
constexpr char kPdi[] = "\xE2\x81\xA9";  // U+2069 POP DIRECTIONAL ISOLATE

TEST(UnsafeCharTest, FlagsControlsLineSeparatorsAndBidiControlsOnly) {
  EXPECT_EQ(FindUnsafeChar("plain text\twith tab\nand line feed, \xC3\xA9, \xE2\x80\x94 dash"), std::string::npos);
  EXPECT_EQ(FindUnsafeChar(std::string("a\0b", 3)), 1u);
  EXPECT_EQ(FindUnsafeChar("a\rb"), 1u);
  EXPECT_EQ(FindUnsafeChar("a\x1b[2J"), 1u);
  EXPECT_EQ(FindUnsafeChar(std::string("ab") + kLs), 2u);
  EXPECT_EQ(FindUnsafeChar(std::string("ab") + kPs), 2u);
  EXPECT_EQ(FindUnsafeChar(std::string("ab") + kRlo), 2u);
  EXPECT_EQ(FindUnsafeChar(std::string("ab") + kPdi), 2u);
  // U+2027 and U+202F, the neighbours, are ordinary characters.
  EXPECT_EQ(FindUnsafeChar("\xE2\x80\xA7\xE2\x80\xAF"), std::string::npos);
}

TEST(UnsafeCharTest, VisibleTextShowsThemAsEscapes) {
  EXPECT_EQ(VisibleText("plain\ttext\n"), "plain\ttext\n");
  EXPECT_EQ(VisibleText(std::string("\x1b[2J") + kLs + kRlo), "\\u001b[2J\\u2028\\u202e");
}

TEST(JsonQuoteTest, EscapesWhatJavaScriptWouldReadAsALineBreakOrBidiControl) {
  EXPECT_EQ(JsonQuote(std::string("a") + kLs + "b" + kPs + kRlo + kPdi),
            "\"a\\u2028b\\u2029\\u202e\\u2069\"");
  EXPECT_EQ(JsonQuote(std::string("\0\x1b\"\\", 4)), "\"\\u0000\\u001b\\\"\\\\\"");
  EXPECT_EQ(JsonQuote("caf\xC3\xA9 \xE2\x80\x94"), "\"caf\xC3\xA9 \xE2\x80\x94\"");
}

TEST(JsonQuoteTest, FormatJsonKeepsThemEscapedAndEscapesRawOnes) {
  std::string out, error;
  size_t offset = 0;
  ASSERT_TRUE(FormatJson(std::string("[\"\\u2028\", \"raw") + kLs + "\", \"\\u202E\"]", &out, &error, &offset))
      << error;
  EXPECT_EQ(out, "[\n  \"\\u2028\",\n  \"raw\\u2028\",\n  \"\\u202e\"\n]\n");
  EXPECT_EQ(FindUnsafeChar(out), std::string::npos);
}

// A value of the spec written into an indented document reads as the formatter lays it
// out; into a compact one, as it is; one the formatter refuses goes in verbatim, flagged.
TEST(WriteJsonTextTest, LaysOutSpecValuesAsTheFormatterDoes) {
  const std::string value = "{\"b\":[1,{\"c\":\"\\u00e9\\/\"}],\"a\":{}}";
  std::string formatted;
  ASSERT_TRUE(AppendFormattedJson(value, 2, formatted));
  JsonWriter indented(2);
  indented.BeginObject().Key("x").BeginObject().Key("v");
  EXPECT_TRUE(WriteJsonText(indented, value));
  indented.EndObject().EndObject();
  EXPECT_EQ(indented.Finish(), "{\n  \"x\": {\n    \"v\": " + formatted + "\n  }\n}\n");
  JsonWriter compact(0);
  EXPECT_TRUE(WriteJsonText(compact.BeginArray(), value));
  EXPECT_EQ(compact.EndArray().Finish(), "[" + value + "]\n");
  JsonWriter refused(2);
  EXPECT_FALSE(WriteJsonText(refused.BeginArray(), "{\"k\":1,\"k\":2}"));
  EXPECT_EQ(refused.EndArray().Finish(), "[\n  {\"k\":1,\"k\":2}\n]\n");
}

TEST(LineCommentTest, EveryLineBreakBecomesASpaceAndControlsAreVisible) {
  EXPECT_EQ(LineComment(std::string("ok") + kLs + "globalThis.x = 1;" + kPs + "//"),
            "ok globalThis.x = 1; //");
  EXPECT_EQ(LineComment("a\nb\r\nc\rd"), "a b c d");
  EXPECT_EQ(LineComment(std::string("nul\0 esc\x1b bidi", 14) + kRlo), "nul\\u0000 esc\\u001b bidi\\u202e");
}

TEST(BlockCommentTest, KeepsLinesAndCannotBeClosedEarly) {
  EXPECT_EQ(BlockComment("a */ b"), "a *\\/ b");
  EXPECT_EQ(BlockComment("**/"), "**\\/");
  EXPECT_EQ(BlockComment(std::string("a\r\nb") + kLs + "c"), "a\nb\nc");
  EXPECT_EQ(FindUnsafeChar(BlockComment(std::string("x") + kPdi + "\x07")), std::string::npos);
}

TEST(DotenvTest, CommentsCannotStartAVariable) {
  EXPECT_EQ(DotenvComment("info\nEVIL=1"), "# info\n# EVIL=1");
  EXPECT_EQ(DotenvComment(std::string("a\rB=1") + kLs + "C=1"), "# a\n# B=1\n# C=1");
}

TEST(DotenvTest, ValuesStayOnOneLineInTheQuoteTheyDoNotHold) {
  EXPECT_EQ(DotenvValue("info"), "info");
  EXPECT_EQ(DotenvValue("postgres://localhost:5432/db"), "postgres://localhost:5432/db");
  EXPECT_EQ(DotenvValue("two words # not a comment"), "'two words # not a comment'");
  EXPECT_EQ(DotenvValue("it's"), "\"it's\"");
  EXPECT_EQ(DotenvValue("it's \"quoted\""), "`it's \"quoted\"`");
  EXPECT_EQ(DotenvValue("line\nEVIL=1"), "'line\\nEVIL=1'");
  EXPECT_EQ(DotenvValue("it's\nEVIL=1").find('\n'), std::string::npos);
}

TEST(MarkdownTextTest, NoRawHtmlNoLineBreaksNoCommentEnd) {
  EXPECT_EQ(MarkdownText("a\n# heading <img src=x> --> ok"), "a # heading &lt;img src=x> --&gt; ok");
  EXPECT_EQ(MarkdownText("Settings > General & more"), "Settings > General & more");
}

}  // namespace
}  // namespace specc::emit
