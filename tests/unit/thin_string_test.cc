#include "base/thin_string.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace specc {
namespace {

// Texts of every length class: empty, one byte, short (std::string's inline size), long,
// and one holding a NUL in the middle (the length, not the NUL, ends a ThinString).
std::vector<std::string> Samples() {
  return {"", "a", "int64", "date-time", std::string(15, 'x'), std::string(16, 'y'),
          std::string("nul\0inside", 10), std::string(1000, 'z')};
}

TEST(ThinStringTest, HoldsWhatItWasGiven) {
  for (const std::string& text : Samples()) {
    ThinString from_string(text);
    ThinString from_view{std::string_view(text)};
    for (const ThinString* s : {&from_string, &from_view}) {
      EXPECT_EQ(s->view(), text);
      EXPECT_EQ(s->size(), text.size());
      EXPECT_EQ(s->empty(), text.empty());
      EXPECT_EQ(s->str(), text);
      // A C string: the characters end in a NUL, also when empty.
      EXPECT_EQ(s->data()[s->size()], '\0');
    }
  }
  ThinString from_literal = "literal";
  EXPECT_EQ(from_literal, "literal");
}

TEST(ThinStringTest, CopiesAndMovesLikeAValue) {
  for (const std::string& text : Samples()) {
    ThinString original(text);
    ThinString copy = original;
    EXPECT_EQ(copy, text);
    EXPECT_EQ(original, text);
    if (!text.empty()) EXPECT_NE(copy.data(), original.data()) << "a copy owns its characters";
    ThinString moved = std::move(copy);
    EXPECT_EQ(moved, text);
    EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a move leaves the source empty
    ThinString assigned = "something else, long enough for a heap block of its own";
    assigned = original;
    EXPECT_EQ(assigned, text);
    assigned = assigned;  // self-assignment keeps the value
    EXPECT_EQ(assigned, text);
    assigned = std::move(moved);
    EXPECT_EQ(assigned, text);
    assigned.clear();
    EXPECT_TRUE(assigned.empty());
    EXPECT_EQ(assigned.view(), "");
  }
}

// Comparisons and ordering agree with std::string's on every pair, in both orders and
// against each kind of right-hand side.
TEST(ThinStringTest, ComparesAsStdStringDoes) {
  std::vector<std::string> texts = Samples();
  texts.push_back("int32");
  texts.push_back("a");
  for (const std::string& a : texts) {
    for (const std::string& b : texts) {
      ThinString ta(a), tb(b);
      EXPECT_EQ(ta == tb, a == b) << a << " / " << b;
      EXPECT_EQ(ta == b, a == b);
      EXPECT_EQ(b == ta, a == b);
      EXPECT_EQ(ta != std::string_view(b), a != b);
      EXPECT_EQ(ta < tb, a < b);
      EXPECT_EQ(ta <=> b, a <=> b);
      EXPECT_EQ(b + ta, b + a);
      EXPECT_EQ(ta + std::string_view(b), a + b);
    }
  }
  EXPECT_TRUE(ThinString("int64") == "int64");
  EXPECT_TRUE("int64" == ThinString("int64"));
  std::vector<ThinString> sorted = {"b", "", "ab", "a"};
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<ThinString>{"", "a", "ab", "b"}));
}

// Random assignments against std::string doing the same (valgrind and ASan see a lost or
// doubled block).
TEST(ThinStringTest, DoesWhatStdStringDoes) {
  std::mt19937 random(20261130);
  std::vector<std::string> samples = Samples();
  std::vector<ThinString> thin(8);
  std::vector<std::string> plain(8);
  for (int step = 0; step < 2000; ++step) {
    size_t i = random() % 8, j = random() % 8;
    switch (random() % 4) {
      case 0: {
        const std::string& text = samples[random() % samples.size()];
        thin[i] = text;
        plain[i] = text;
        break;
      }
      case 1:
        thin[i] = thin[j];
        plain[i] = plain[j];
        break;
      case 2:
        if (i != j) {
          thin[i] = std::move(thin[j]);
          plain[i] = std::move(plain[j]);
          plain[j].clear();
        }
        break;
      case 3:
        thin[i].swap(thin[j]);
        plain[i].swap(plain[j]);
        break;
    }
    for (size_t k = 0; k < 8; ++k) ASSERT_EQ(thin[k].view(), plain[k]) << "step " << step;
  }
  std::ostringstream out;
  out << ThinString("printed");
  EXPECT_EQ(out.str(), "printed");
}

}  // namespace
}  // namespace specc
