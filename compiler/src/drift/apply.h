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
#include "drift/ownership.h"
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

// Deletes the temporary files (base/atomic_file.h: IsSpeccTempFile) that interrupted runs
// left in the directories `ownership` gives specc (output and scaffold directories) and
// in `.specc/`, so that they neither pile up nor get committed by `git add -A`. Returns
// how many it deleted, or the first Error.
// REQUIRES: no other specc run writes in the repository (the caller holds the lock).
Result<size_t> RemoveStaleTempFiles(Worktree& worktree, const Ownership& ownership);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_APPLY_H_
