// SourceMap's compacted texts (base/compact_text.h) against its plain ones: after
// Compact, every offset must give the same line:col and the same caret line as before,
// and the text must come back byte for byte, whatever the line ends, tabs, multi-byte
// characters or missing final newline, and wherever the compressed blocks are cut.
#include "base/source_map.h"
#include "base/compact_text.h"

#include <gtest/gtest.h>

#include <algorithm>
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

// Compacted on a thread of its own, the files answer as the plain ones do, whichever is
// asked first, and a SourceMap destroyed before anyone asks waits for the thread.
TEST(SourceMapCompactTest, AnswersTheSameWhenCompactedInTheBackground) {
  std::vector<std::string> texts;
  for (int f = 0; f < 5; ++f) {
    std::string text;
    for (int i = 0; i < 4000 * (f + 1); ++i) text += std::string(i % 12, ' ') + "\"line " + std::to_string(i) + "\",\n";
    texts.push_back(text);
  }
  SourceMap plain, background;
  background.set_background_work(true);
  FileId before = background.Add("before.json", "kept plain\n");
  for (const std::string& text : texts) {
    plain.Add("a.json", text);
    background.Add("a.json", text);
  }
  background.CompactFrom(before + 1);
  EXPECT_EQ(background.contents(before), "kept plain\n");
  // The last file first: the others are compacted by then, or waited for.
  for (size_t f = texts.size(); f-- > 0;) {
    FileId a = static_cast<FileId>(f), b = static_cast<FileId>(f + 1);
    EXPECT_EQ(background.path(b), "a.json");
    EXPECT_EQ(background.size(b), texts[f].size());
    for (uint32_t offset = 0; offset <= texts[f].size(); offset += 997) {
      ASSERT_EQ(background.Position(Loc{b, offset}).line, plain.Position(Loc{a, offset}).line) << "offset " << offset;
      ASSERT_EQ(background.Position(Loc{b, offset}).column, plain.Position(Loc{a, offset}).column);
      ASSERT_EQ(background.LineText(Loc{b, offset}), plain.LineText(Loc{a, offset}));
    }
    EXPECT_EQ(background.contents(b), texts[f]);
  }
  {
    SourceMap abandoned;
    abandoned.set_background_work(true);
    for (const std::string& text : texts) abandoned.Add("a.json", text);
    abandoned.CompactFrom(0);
  }
}

// A large file compressed on another thread while it is still read (as the OpenAPI load
// parses and lowers it): its text and positions are the plain ones until CompactFrom, and
// the same after; a SourceMap destroyed with a compression under way waits for it; without
// background work, or for a small file, nothing starts and Compact works as before.
TEST(SourceMapCompactTest, CompressesALargeFileWhileItIsStillRead) {
  std::string large;
  for (int i = 0; large.size() < (3u << 20) / 2; ++i) {
    large += std::string(i % 16, ' ') + "\"/repos/{owner}/{repo}/issues/" + std::to_string(i) + "\": {},\n";
  }
  SourceMap plain, early;
  early.set_background_work(true);
  FileId small = early.Add("small.json", "{\n  \"a\": 1\n}\n");
  FileId big = early.Add("big.json", large);
  FileId a = plain.Add("big.json", large);
  early.StartCompressing(small);
  early.StartCompressing(big);
  EXPECT_EQ(early.contents(big), large);
  for (uint32_t offset = 0; offset <= large.size(); offset += 4099) {
    ASSERT_EQ(early.Position(Loc{big, offset}).line, plain.Position(Loc{a, offset}).line);
  }
  early.CompactFrom(small);
  EXPECT_EQ(early.size(big), large.size());
  for (uint32_t offset = 0; offset <= large.size(); offset += 997) {
    ASSERT_EQ(early.Position(Loc{big, offset}).line, plain.Position(Loc{a, offset}).line) << "offset " << offset;
    ASSERT_EQ(early.Position(Loc{big, offset}).column, plain.Position(Loc{a, offset}).column);
    ASSERT_EQ(early.LineText(Loc{big, offset}), plain.LineText(Loc{a, offset}));
  }
  EXPECT_EQ(early.LineText(Loc{small, 4}), "  \"a\": 1");
  EXPECT_EQ(early.contents(big), large);
  {
    SourceMap abandoned;
    abandoned.set_background_work(true);
    abandoned.StartCompressing(abandoned.Add("big.json", large));
  }
  SourceMap serial;
  FileId b = serial.Add("big.json", large);
  serial.StartCompressing(b);
  serial.Compact(b);
  EXPECT_EQ(serial.LineText(Loc{b, static_cast<uint32_t>(large.size() / 2)}), plain.LineText(Loc{a, static_cast<uint32_t>(large.size() / 2)}));
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

// Asserts that `compact`, made from `text`, answers as SourceMap's plain line table does,
// asked in an order shuffled by `seed` (so that the kept block changes between questions).
void ExpectCompactTextSameAsPlain(const std::string& text, const CompactText& compact, uint32_t seed) {
  SourceMap plain;
  FileId file = plain.Add("a.json", text);
  ASSERT_EQ(compact.size(), text.size());
  std::vector<uint32_t> offsets;
  for (uint32_t offset = 0; offset <= text.size() + 1; ++offset) offsets.push_back(offset);
  std::shuffle(offsets.begin(), offsets.end(), std::mt19937(seed));
  for (uint32_t offset : offsets) {
    LineCol want = plain.Position(Loc{file, offset});
    CompactText::LinePlace got = compact.LineAt(offset);
    ASSERT_EQ(got.index + 1, want.line) << "offset " << offset;
    ASSERT_EQ(std::min<uint32_t>(offset, compact.size()) - got.start + 1, want.column) << "offset " << offset;
    std::string line = compact.Line(got.index);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ASSERT_EQ(line, plain.LineText(Loc{file, offset})) << "offset " << offset;
  }
  EXPECT_EQ(compact.Line(plain.Position(Loc{file, compact.size()}).line), "") << "past the last line";
  EXPECT_EQ(compact.Expand(), text);
}

// CompactText alone, in blocks as small as one byte: lines that end on a block's last
// byte, start on its first, or span many blocks. Made from a text it takes (the line
// breaks' table then read back from the blocks) and from one it only reads (the table read
// from the text), as SourceMap::StartCompressing makes it.
void ExpectSameAsPlainInBlocksOf(const std::string& text, uint32_t block_bytes) {
  {
    SCOPED_TRACE("from the text itself");
    ExpectCompactTextSameAsPlain(text, CompactText(std::string(text), block_bytes), block_bytes);
  }
  {
    SCOPED_TRACE("from a view of the text");
    ExpectCompactTextSameAsPlain(text, CompactText(std::string_view(text), block_bytes), block_bytes);
  }
}

TEST(SourceMapCompactTest, KeepsPositionsAcrossBlockEdges) {
  const std::vector<std::string> texts = {
      "",
      "\n",
      "ab\ncd\nef\n",
      "{\n  \"a\": 1,\n    \"b\": [\n      2\n    ]\n}\n",
      "a line longer than many blocks, without a break\nthen\n\n\na short one",
      "x\r\ny\r\n\r\n",
  };
  for (const std::string& text : texts) {
    for (uint32_t block_bytes : {1u, 2u, 3u, 7u, 64u}) {
      SCOPED_TRACE(testing::Message() << "text: \"" << text << "\", blocks of " << block_bytes);
      ExpectSameAsPlainInBlocksOf(text, block_bytes);
    }
  }
  std::mt19937 random(20261201);
  for (int round = 0; round < 100; ++round) {
    std::string text;
    size_t length = random() % 400;
    for (size_t i = 0; i < length; ++i) text += "ab \n\n{"[random() % 7];
    SCOPED_TRACE(round);
    ExpectSameAsPlainInBlocksOf(text, 1 + random() % 40);
  }
}

TEST(SourceMapCompactTest, KeepsADescriptionInAFractionOfItsBytes) {
  std::string text = "{\n";
  for (int i = 0; i < 2000; ++i) {
    text += "    \"/repos/{owner}/{repo}/issues/" + std::to_string(i) + "\": {\n      \"get\": {\"operationId\": \"issues/get-" +
            std::to_string(i) + "\"}\n    },\n";
  }
  text += "}\n";
  ASSERT_GT(text.size(), 2 * CompactText::kBlockBytes) << "more than one block";
  EXPECT_LT(CompactText(text).held_bytes(), text.size() / 5);
  SourceMap sources;
  FileId file = sources.Add("a.json", text);
  sources.Compact(file);
  // Line 2 + 3 * 1000 is the first line of path 1000.
  size_t offset = text.find("    \"/repos/{owner}/{repo}/issues/1000\"");
  EXPECT_EQ(sources.Position(Loc{file, static_cast<uint32_t>(offset) + 4}).line, 3002u);
  EXPECT_EQ(sources.Position(Loc{file, static_cast<uint32_t>(offset) + 4}).column, 5u);
  EXPECT_EQ(sources.LineText(Loc{file, static_cast<uint32_t>(offset)}), "    \"/repos/{owner}/{repo}/issues/1000\": {");
  EXPECT_EQ(sources.contents(file), text);
}

}  // namespace
}  // namespace specc
