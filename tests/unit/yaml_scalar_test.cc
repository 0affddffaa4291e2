#include "spec/yaml_scalar.h"

#include <gtest/gtest.h>

namespace specc::spec {
namespace {

std::string Decode(ScalarStyle style, std::string_view source, std::string_view header = {}) {
  std::optional<std::string> value = DecodeScalar(style, source, header);
  return value ? *value : "<not decoded>";
}

// YAML 1.2 spec example 8.10: folding keeps the breaks around more-indented lines.
TEST(YamlScalarTest, FoldsLikeTheSpecExample) {
  EXPECT_EQ(Decode(ScalarStyle::kFolded,
                   "\n folded\n line\n\n next\n line\n   * bullet\n\n   * list\n   * lines\n\n last\n line\n",
                   ">"),
            "\nfolded line\nnext line\n  * bullet\n\n  * list\n  * lines\n\nlast line\n");
  // libfyaml 0.7.12 drops a break here (GitHub's description has this shape).
  EXPECT_EQ(Decode(ScalarStyle::kFolded, "  first\n\n   more.save()\n", "d: >-"), "first\n\n more.save()");
}

TEST(YamlScalarTest, ChompsBlockScalars) {
  EXPECT_EQ(Decode(ScalarStyle::kLiteral, "  a\n   b\n\n", "x: |"), "a\n b\n");
  EXPECT_EQ(Decode(ScalarStyle::kLiteral, "  a\n\n", "x: |-"), "a");
  EXPECT_EQ(Decode(ScalarStyle::kLiteral, "  a\n\n\n", "x: |+"), "a\n\n\n");
  // The source may run into the next line's indentation; that is not content.
  EXPECT_EQ(Decode(ScalarStyle::kFolded, "    text\n  ", "description: >+"), "text\n");
  EXPECT_EQ(Decode(ScalarStyle::kLiteral, "  a\n", "x: |2"), "<not decoded>");
  // A tab after the indentation is content (Adyen's description).
  EXPECT_EQ(Decode(ScalarStyle::kLiteral, "  \t\n  text\n", "d: |-"), "\t\ntext");
}

TEST(YamlScalarTest, UnescapesQuotedScalars) {
  // libfyaml 0.7.12 returns three quotes here (AWS MediaConvert's description).
  EXPECT_EQ(Decode(ScalarStyle::kSingleQuoted, "'''a can''''t b'''"), "'a can''t b'");
  EXPECT_EQ(Decode(ScalarStyle::kDoubleQuoted, "\"tab\\there \\u00e9\\x41\\\"\""), "tab\there \xc3\xa9" "A\"");
  EXPECT_EQ(Decode(ScalarStyle::kDoubleQuoted, "\"bad \\q\""), "<not decoded>");
}

TEST(YamlScalarTest, FoldsMultiLineFlowScalars) {
  EXPECT_EQ(Decode(ScalarStyle::kPlain, "plain\n  multi\n\n  line"), "plain multi\nline");
  EXPECT_EQ(Decode(ScalarStyle::kSingleQuoted, "'one  \n   two\n\n   three '''"), "one two\nthree '");
  // An escaped line break joins without a space; an escaped blank survives the break.
  EXPECT_EQ(Decode(ScalarStyle::kDoubleQuoted, "\"l1\n  \\\n  l2 \\t\n\n  l3\""), "l1 l2 \t\nl3");
}

}  // namespace
}  // namespace specc::spec
