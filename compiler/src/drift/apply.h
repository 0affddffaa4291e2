// Apply: writes a Classification to the working tree. Only files whose bytes change are
// written (so unchanged files keep their mtimes and build tools stay quiet), each through
// Worktree::Write (temporary file, then rename); files specc no longer generates are
// deleted; the manifest is written last, so that an interrupted run leaves every file
// either old or new and the next run finishes the job.
#ifndef SPECC_DRIFT_APPLY_H_
#define SPECC_DRIFT_APPLY_H_

#include <cstddef>
#include <functional>
#include <string>

#include "base/result.h"
#include "drift/classify.h"
#include "drift/worktree.h"

namespace specc::drift {

struct ApplyOptions {
  // Called after each file is written or removed, with its path. An Error stops the run
  // at that point, as a crash would; tests use it to show that a re-run converges.
  std::function<Status(const std::string& path)> after_each_write;
};

struct ApplyStats {
  size_t written = 0;
  size_t removed = 0;
};

// Writes the added and modified files of `classification` and removes the removed ones,
// then the manifest. Returns what it did, or the first Error (files already written
// stay written; the manifest is then still the old one).
// Returns an Error and writes nothing when `classification` has a conflict.
Result<ApplyStats> Apply(const Classification& classification, Worktree& worktree,
                         const ApplyOptions& options = {});

}  // namespace specc::drift

#endif  // SPECC_DRIFT_APPLY_H_
