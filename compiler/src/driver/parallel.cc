#include "driver/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace specc::driver {
namespace {

std::atomic<int> configured_jobs{0};

}  // namespace

void SetJobs(int jobs) { configured_jobs = jobs; }

int Jobs() {
  int jobs = configured_jobs;
  if (jobs > 0) return jobs;
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

void ParallelFor(size_t count, const std::function<void(size_t)>& task) {
  size_t threads = std::min<size_t>(count, static_cast<size_t>(std::max(1, Jobs())));
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (size_t i = 0; i + 1 < threads; ++i) helpers.emplace_back(work);
  work();
  for (std::thread& helper : helpers) helper.join();
}

void ParallelFor(size_t count, const std::function<bool(size_t)>& starts_first,
                 const std::function<void(size_t)>& task) {
  std::vector<size_t> order(count);
  for (size_t i = 0; i < count; ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(), starts_first);
  ParallelFor(count, [&](size_t k) { task(order[k]); });
}

}  // namespace specc::driver
