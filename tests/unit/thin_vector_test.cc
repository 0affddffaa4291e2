#include "base/thin_vector.h"

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace specc {
namespace {

// Every operation against std::vector doing the same, on strings long enough to live on the
// heap (so a lost, doubled or unmoved item shows in the values, and in ASan's and
// valgrind's reports).
TEST(ThinVectorTest, DoesWhatStdVectorDoes) {
  std::mt19937 random(20261130);
  ThinVector<std::string> thin;
  std::vector<std::string> plain;
  auto expect_same = [&] {
    ASSERT_EQ(thin.size(), plain.size());
    ASSERT_EQ(thin.empty(), plain.empty());
    ASSERT_GE(thin.capacity(), thin.size());
    ASSERT_TRUE(std::equal(thin.begin(), thin.end(), plain.begin(), plain.end()));
    ASSERT_TRUE(std::equal(thin.rbegin(), thin.rend(), plain.rbegin(), plain.rend()));
    ASSERT_TRUE(thin == plain);
  };
  for (int step = 0; step < 3000; ++step) {
    std::string item = "an item long enough for the heap, number " + std::to_string(step);
    switch (random() % 9) {
      case 0:
      case 1:
      case 2:
        thin.push_back(item);
        plain.push_back(item);
        break;
      case 3:
        thin.emplace_back(std::move(item));
        plain.emplace_back("an item long enough for the heap, number " + std::to_string(step));
        break;
      case 4:
        // An item of its own, pushed back as it grows: copied before the old items move.
        if (!plain.empty()) {
          size_t i = random() % plain.size();
          thin.push_back(thin[i]);
          plain.push_back(plain[i]);
        }
        break;
      case 5: {
        std::vector<std::string> more = {item + " a", item + " b"};
        thin.append(more.begin(), more.end());
        plain.insert(plain.end(), more.begin(), more.end());
        break;
      }
      case 6:
        thin.shrink_to_fit();
        ASSERT_EQ(thin.capacity(), thin.size());
        break;
      case 7: {
        ThinVector<std::string> copy = thin;
        ThinVector<std::string> moved = std::move(thin);
        EXPECT_TRUE(thin.empty());  // NOLINT(bugprone-use-after-move): a move leaves it empty
        EXPECT_TRUE(copy == moved);
        thin = copy;
        copy.push_back("only in the copy");
        EXPECT_FALSE(copy == thin);
        break;
      }
      case 8:
        if (random() % 20 == 0) {
          thin.clear();
          plain.clear();
        }
        break;
    }
    expect_same();
  }
  thin.assign(plain.begin(), plain.begin() + plain.size() / 2);
  plain.resize(plain.size() / 2);
  expect_same();
  thin.clear();
  thin.shrink_to_fit();
  EXPECT_EQ(thin.capacity(), 0u) << "an empty ThinVector holds no block";
}

TEST(ThinVectorTest, IsOnePointerWideAndHoldsItemsOfAnyAlignment) {
  EXPECT_EQ(sizeof(ThinVector<std::string>), sizeof(void*));
  ThinVector<std::pair<std::string, uint32_t>> pairs = {{"a", 1}, {"b", 2}};
  EXPECT_EQ(pairs.back().second, 2u);
  ThinVector<char> bytes;
  for (char c : std::string("thin")) bytes.push_back(c);
  EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "thin");
  ThinVector<std::unique_ptr<int>> owned;
  owned.push_back(std::make_unique<int>(7));
  owned.reserve(10);
  EXPECT_EQ(*owned.front(), 7);
  ThinVector<double> numbers = {0.5, 1.5};
  EXPECT_EQ(reinterpret_cast<uintptr_t>(numbers.data()) % alignof(double), 0u);
  EXPECT_TRUE(numbers == std::vector<double>({0.5, 1.5}));
  EXPECT_FALSE(numbers == std::vector<double>({0.5}));
}

}  // namespace
}  // namespace specc
