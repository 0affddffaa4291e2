// Parallel work for the driver: a fixed number of threads take tasks by index. Results go
// to slots the caller owns (one per task) and are merged afterwards in task order, so the
// output of a run does not depend on how many threads ran it or which finished first.
#ifndef SPECC_DRIVER_PARALLEL_H_
#define SPECC_DRIVER_PARALLEL_H_

#include <cstddef>
#include <functional>

namespace specc::driver {

// How many threads parallel stages use: `jobs` when positive, otherwise the number of
// cores. Set once per command (`-j N`); 1 runs everything on the calling thread.
void SetJobs(int jobs);
int Jobs();

// Runs task(0) .. task(count - 1) on up to Jobs() threads (the calling thread among them)
// and returns when all have finished. Tasks must not share mutable state.
void ParallelFor(size_t count, const std::function<void(size_t)>& task);
// As above, but the tasks for which starts_first(i) holds are taken first (each set in
// index order): a long task started last would run alone at the end while the other
// cores idle.
void ParallelFor(size_t count, const std::function<bool(size_t)>& starts_first,
                 const std::function<void(size_t)>& task);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_PARALLEL_H_
