#include "driver/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <vector>

namespace specc::driver {
namespace {

class ParallelTest : public ::testing::Test {
 protected:
  void TearDown() override { SetJobs(0); }
};

TEST_F(ParallelTest, OneThreadTakesTheTasksThatStartFirstBeforeTheRest) {
  SetJobs(1);
  std::vector<size_t> ran;
  ParallelFor(
      6, [](size_t i) { return i == 4 || i == 2; }, [&](size_t i) { ran.push_back(i); });
  EXPECT_EQ(ran, (std::vector<size_t>{2, 4, 0, 1, 3, 5}));
}

TEST_F(ParallelTest, EveryTaskRunsOnceWhateverTheThreads) {
  for (int jobs : {1, 2, 5}) {
    SetJobs(jobs);
    std::vector<std::atomic<int>> runs(40);
    ParallelFor(
        runs.size(), [](size_t i) { return i % 7 == 3; }, [&](size_t i) { ++runs[i]; });
    for (size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(runs[i], 1) << "task " << i << " with -j " << jobs;
  }
}

}  // namespace
}  // namespace specc::driver
