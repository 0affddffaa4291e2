// CountByte against a byte loop: every length around the 16-byte steps, every offset into
// a buffer (unaligned loads), bytes with the high bit set (SSE2 compares them signed), and
// texts long enough for a lane to count past 255 matches.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "base/count_bytes.h"

namespace specc {
namespace {

TEST(CountByteTest, CountsWhatAByteLoopCounts) {
  std::string text;
  for (int i = 0; i < 300; ++i) text.push_back(static_cast<char>((i * 37 + i / 7) % 5 == 0 ? '\n' : 0x80 + i % 120));
  for (size_t start = 0; start < 17; ++start) {
    for (size_t size = 0; start + size <= text.size(); size += (size < 70 ? 1 : 13)) {
      std::string_view view = std::string_view(text).substr(start, size);
      for (char c : {'\n', static_cast<char>(0x80), static_cast<char>(0xff), 'x'}) {
        size_t expected = 0;
        for (char b : view) expected += b == c;
        ASSERT_EQ(CountByte(view, c), expected) << "start " << start << " size " << size << " byte " << int(c);
      }
    }
  }
}

TEST(CountByteTest, CountsPastWhatALaneHolds) {
  for (size_t size : {size_t{16 * 255}, size_t{16 * 255 + 1}, size_t{16 * 256 + 7}, size_t{100000}}) {
    std::string all(size, '\n');
    EXPECT_EQ(CountByte(all, '\n'), size);
    std::string every_other(size, 'a');
    for (size_t i = 0; i < size; i += 2) every_other[i] = '\n';
    EXPECT_EQ(CountByte(every_other, '\n'), (size + 1) / 2);
  }
}

}  // namespace
}  // namespace specc
