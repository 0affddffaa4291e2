#include "emit/postman/uuid5.h"

#include <string>

#include <gtest/gtest.h>

namespace specc::emit {
namespace {

std::string Hex(const std::array<uint8_t, 20>& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

// FIPS 180 test vectors, plus messages whose padding takes a second block (56..63 bytes
// left over) or ends exactly on one.
TEST(Sha1Test, MatchesTheStandardVectors) {
  EXPECT_EQ(Hex(Sha1("")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(Hex(Sha1("abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(Hex(Sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(Hex(Sha1(std::string(64, 'a'))), "0098ba824b5c16427bd7a1122a5a442a25ec644d");
  EXPECT_EQ(Hex(Sha1(std::string(1000000, 'a'))), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

// Fed in pieces, at every split of messages around the block size, the digest is the
// whole message's; a copy of a hasher carries on from where it stands.
TEST(Sha1Test, PiecesHashAsTheWhole) {
  std::string message;
  for (int i = 0; i < 200; ++i) message.push_back(static_cast<char>('a' + i % 26));
  for (size_t size : {0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 200}) {
    std::string whole = message.substr(0, size);
    for (size_t a = 0; a <= size; a += 7) {
      for (size_t b = a; b <= size; b += 13) {
        Sha1Hasher hasher;
        hasher.Update(std::string_view(whole).substr(0, a)).Update(std::string_view(whole).substr(a, b - a));
        Sha1Hasher copy = hasher;
        copy.Update(std::string_view(whole).substr(b));
        EXPECT_EQ(Hex(copy.Finish()), Hex(Sha1(whole))) << size << " split at " << a << ", " << b;
        EXPECT_EQ(Hex(hasher.Finish()), Hex(Sha1(whole.substr(0, b))));
      }
    }
  }
}

TEST(Uuid5Test, MatchesRfcExample) {
  constexpr std::array<uint8_t, 16> kDns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                            0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
  EXPECT_EQ(Uuid5(kDns, "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(Uuid5(Uuid5Hasher(kDns).Update("python").Update(".org")), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

}  // namespace
}  // namespace specc::emit
