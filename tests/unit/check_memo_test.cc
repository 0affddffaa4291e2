#include "emit/postman/check_memo.h"

#include <vector>

#include <gtest/gtest.h>

namespace specc::emit {
namespace {

TEST(CheckMemoTest, RemembersByNodeSchemaAndDepthUntilCleared) {
  std::vector<int> nodes(100000);
  CheckMemo memo;
  // Enough entries to grow the table many times, and past the size it keeps.
  for (size_t i = 0; i < nodes.size(); ++i) memo.Put(&nodes[i], static_cast<uint32_t>(i % 7), 3, i % 3 == 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const bool* ok = memo.Find(&nodes[i], static_cast<uint32_t>(i % 7), 3);
    ASSERT_NE(ok, nullptr) << i;
    EXPECT_EQ(*ok, i % 3 == 0) << i;
    EXPECT_EQ(memo.Find(&nodes[i], static_cast<uint32_t>(i % 7) + 1, 3), nullptr);
    EXPECT_EQ(memo.Find(&nodes[i], static_cast<uint32_t>(i % 7), 4), nullptr);
  }
  memo.Put(&nodes[5], 5, 3, true);  // a second result for a key replaces the first
  EXPECT_TRUE(*memo.Find(&nodes[5], 5, 3));
  memo.Clear();
  EXPECT_EQ(memo.Find(&nodes[0], 0, 3), nullptr);
  // After a clear of a small table (a step of its counter), nothing of before is found.
  memo.Put(&nodes[1], 1, 0, true);
  memo.Clear();
  EXPECT_EQ(memo.Find(&nodes[1], 1, 0), nullptr);
  memo.Put(&nodes[2], 2, 0, false);
  ASSERT_NE(memo.Find(&nodes[2], 2, 0), nullptr);
  EXPECT_FALSE(*memo.Find(&nodes[2], 2, 0));
}

}  // namespace
}  // namespace specc::emit
