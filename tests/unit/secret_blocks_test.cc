// The secret scanner's block classifier (base/secret_blocks.h): the vector version and the
// portable byte loop must give the bit a byte by byte reading gives, for every byte value
// at every position of a block. The scanner only looks at the positions these bits name,
// so a wrong bit is a secret it never sees.
#include "base/secret_blocks.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "base/secret_text.h"

namespace specc {
namespace {

using secret_blocks::BlockBits;
using secret_blocks::kBlockSize;

// The bits read one byte at a time from the definitions the rules use.
BlockBits Reference(const std::string& block) {
  BlockBits bits;
  for (size_t i = 0; i < kBlockSize; ++i) {
    if (secret_text::IsWordChar(block[i])) bits.word |= uint64_t{1} << i;
    if (secret_blocks::IsTriggerPunct(block[i])) bits.punct |= uint64_t{1} << i;
  }
  return bits;
}

void ExpectClassifiedLikeReference(const std::string& block) {
  ASSERT_EQ(block.size(), kBlockSize);
  BlockBits want = Reference(block);
  BlockBits bytes = secret_blocks::ClassifyBytes(block.data());
  EXPECT_EQ(bytes.word, want.word);
  EXPECT_EQ(bytes.punct, want.punct);
  BlockBits fastest = secret_blocks::Classify(block.data());
  EXPECT_EQ(fastest.word, want.word);
  EXPECT_EQ(fastest.punct, want.punct);
#ifdef SPECC_SECRET_BLOCKS_SSE2
  BlockBits sse2 = secret_blocks::ClassifySse2(block.data());
  EXPECT_EQ(sse2.word, want.word);
  EXPECT_EQ(sse2.punct, want.punct);
#endif
}

TEST(SecretBlocksTest, EveryByteValueAtEveryPosition) {
  // Each value alone in a block of spaces, and alone in a block of letters: the range
  // compares must hold at the edges (`/`, `0`, `9`, `:`, `@`, `A`, `Z`, `[`, `_`, `` ` ``,
  // `a`, `z`, `{`, DEL, 0x80, 0xFF) in every lane.
  for (int value = 0; value < 256; ++value) {
    for (size_t i = 0; i < kBlockSize; ++i) {
      SCOPED_TRACE("byte " + std::to_string(value) + " at " + std::to_string(i));
      for (char fill : {' ', 'q'}) {
        std::string block(kBlockSize, fill);
        block[i] = static_cast<char>(value);
        ExpectClassifiedLikeReference(block);
      }
    }
  }
}

TEST(SecretBlocksTest, MixedBlocks) {
  uint64_t state = 0x2545F4914F6CDD1Dull;
  for (int round = 0; round < 20000; ++round) {
    std::string block(kBlockSize, ' ');
    for (char& c : block) {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      c = static_cast<char>(state >> 56);
    }
    ExpectClassifiedLikeReference(block);
  }
  ExpectClassifiedLikeReference(std::string(kBlockSize, '-'));
  ExpectClassifiedLikeReference(std::string(kBlockSize, '_'));
  std::string json = "  \"description\": \"ID: x=1, y-2.\",\n  \"name\": \"_Zz09@[`{\\u00e9\"";
  json.resize(kBlockSize, ' ');
  ExpectClassifiedLikeReference(json);
}

}  // namespace
}  // namespace specc
