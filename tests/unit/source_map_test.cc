// SourceMap's compacted texts (base/compact_text.h) against its plain ones: after
// Compact, every offset must give the same line:col and the same caret line as before,
// and the text must come back byte for byte, whatever the line ends, tabs, multi-byte
// characters, missing final newline or indentation deeper than one count holds.
#include "base/source_map.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace specc {
namespace {

// Asserts that a compacted copy of `text` answers every question as the plain one does.
void ExpectCompactedSameAsPlain(const std::string& text) {
  SourceMap plain, compacted;
  FileId a = plain.Add("a.json", text);
  FileId b = compacted.Add("a.json", text);
  compacted.Compact(b);
  ASSERT_EQ(compacted.size(b), text.size());
  // Past the end too: offsets are clamped to the end as for a plain text.
  for (uint32_t offset = 0; offset <= text.size() + 2; ++offset) {
    LineCol want = plain.Position(Loc{a, offset});
    LineCol got = compacted.Position(Loc{b, offset});
    ASSERT_EQ(got.line, want.line) << "offset " << offset;
    ASSERT_EQ(got.column, want.column) << "offset " << offset;
    ASSERT_EQ(compacted.LineText(Loc{b, offset}), plain.LineText(Loc{a, offset})) << "offset " << offset;
  }
  EXPECT_EQ(compacted.contents(b), text);
  // Expanded again, it answers from the plain text.
  EXPECT_EQ(compacted.size(b), text.size());
  EXPECT_EQ(compacted.LineText(Loc{b, 0}), plain.LineText(Loc{a, 0}));
}

TEST(SourceMapCompactTest, KeepsPositionsAndLinesOfHandWrittenTexts) {
  const std::vector<std::string> texts = {
      "",
      "\n",
      "\n\n\n",
      "no newline at the end",
      "{\n  \"a\": 1,\n    \"b\": [\n      2\n    ]\n}\n",
      "{\r\n  \"crlf\": true\r\n}\r\n",
      "a:\n\tb: tab-indented\n \tc: space then tab\n",
      "name: caf\xc3\xa9\n  emoji: \xf0\x9f\x98\x80 x\n   \xe2\x82\xac\n",
      "   \n      \n  only spaces on lines\n   ",
      "trailing spaces   \n  x  \n",
      std::string(300, ' ') + "deeper than one count\n" + std::string(255, ' ') + "exactly 255\n" +
          std::string(256, ' ') + "256",
  };
  for (const std::string& text : texts) {
    SCOPED_TRACE(testing::Message() << "text: \"" << text << "\"");
    ExpectCompactedSameAsPlain(text);
  }
}

TEST(SourceMapCompactTest, KeepsPositionsAcrossManyCheckpoints) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::string(i % 40, ' ') + "\"line " + std::to_string(i) + "\",\n";
  text += "last";
  ExpectCompactedSameAsPlain(text);
}

TEST(SourceMapCompactTest, KeepsPositionsOfRandomTexts) {
  std::mt19937 random(20261130);
  const std::string alphabet[] = {" ", " ", " ", " ", "\n", "\r\n", "\t", "a", "{", "\xc3\xa9"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    size_t pieces = random() % 600;
    for (size_t i = 0; i < pieces; ++i) text += alphabet[random() % std::size(alphabet)];
    SCOPED_TRACE(round);
    ExpectCompactedSameAsPlain(text);
  }
}

TEST(SourceMapCompactTest, CompactsIndentation) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += std::string(20, ' ') + "x\n";
  // 2 bytes of text and 1 of indentation count per line (and a checkpoint per 64 lines)
  // where the text has 22.
  EXPECT_LT(CompactText(text).held_bytes(), text.size() / 5);
  SourceMap sources;
  FileId file = sources.Add("a.json", text);
  sources.Compact(file);
  // The text is kept without its indentation until someone asks for all of it.
  EXPECT_EQ(sources.Position(Loc{file, 22 * 50 + 20}).line, 51u);
  EXPECT_EQ(sources.Position(Loc{file, 22 * 50 + 20}).column, 21u);
  EXPECT_EQ(sources.LineText(Loc{file, 22 * 50}), std::string(20, ' ') + "x");
  EXPECT_EQ(sources.contents(file), text);
}

}  // namespace
}  // namespace specc
