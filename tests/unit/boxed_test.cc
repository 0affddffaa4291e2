#include "base/boxed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace specc {
namespace {

// Boxed reads like std::optional and copies like a value: a copy owns its own value, so
// changing it leaves the original alone.
TEST(BoxedTest, ReadsLikeAnOptionalAndCopiesTheValue) {
  Boxed<std::vector<std::string>> empty;
  EXPECT_FALSE(empty);
  EXPECT_FALSE(Boxed<int>(std::optional<int>()).has_value());
  Boxed<std::vector<std::string>> names(std::vector<std::string>{"a", "b"});
  ASSERT_TRUE(names);
  EXPECT_EQ(names->size(), 2u);
  Boxed<std::vector<std::string>> copy = names;
  copy->push_back("c");
  EXPECT_EQ(names->size(), 2u);
  EXPECT_EQ((*copy)[2], "c");
  copy = empty;
  EXPECT_FALSE(copy);
  copy = std::nullopt;
  EXPECT_FALSE(copy.has_value());
  Boxed<std::vector<std::string>> moved = std::move(names);
  EXPECT_EQ(moved->front(), "a");
  EXPECT_EQ(sizeof(moved), sizeof(void*));
}

}  // namespace
}  // namespace specc
