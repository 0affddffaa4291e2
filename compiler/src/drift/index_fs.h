// IndexFs: the SnapshotFs of the index, so that `check --staged` compiles the specs that
// are being committed rather than the working tree's.
#ifndef SPECC_DRIFT_INDEX_FS_H_
#define SPECC_DRIFT_INDEX_FS_H_

#include "drift/snapshot_fs.h"

namespace specc::drift {

class IndexFs final : public SnapshotFs {
 public:
  // `worktree` must outlive this.
  explicit IndexFs(const Worktree& worktree) : SnapshotFs(worktree, std::nullopt) {}
};

// RevisionFs: the SnapshotFs of a commit, so that `specc diff --base REV` compiles the
// specs as they are at REV. `commit` is an id Worktree::ResolveCommit returned.
class RevisionFs final : public SnapshotFs {
 public:
  // `worktree` must outlive this.
  RevisionFs(const Worktree& worktree, std::string commit) : SnapshotFs(worktree, std::move(commit)) {}
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_INDEX_FS_H_
