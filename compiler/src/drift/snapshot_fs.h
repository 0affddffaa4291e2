// SnapshotFs: the Fs (base/fs.h) that reads files as they are in one snapshot of a
// Worktree other than the working tree: the index (IndexFs, for `check --staged`) or a
// commit (RevisionFs, for `specc diff --base REV`). The driver uses it in place of RealFs,
// so the specs are compiled as they are there, multi-file `$ref`s included, without
// checking anything out. Read-only.
#ifndef SPECC_DRIFT_SNAPSHOT_FS_H_
#define SPECC_DRIFT_SNAPSHOT_FS_H_

#include <optional>
#include <string>
#include <vector>

#include "base/fs.h"
#include "drift/worktree.h"

namespace specc::drift {

class SnapshotFs : public Fs {
 public:
  // Paths handed to this Fs are resolved against the worktree's root: absolute paths
  // must lie below it, relative ones are taken from it. `worktree` must outlive this.
  // `commit` is an id ResolveCommit returned; std::nullopt reads the index.
  SnapshotFs(const Worktree& worktree, std::optional<std::string> commit);

  Result<std::string> Read(const std::string& path) const override;
  // The absolute path of a file of the snapshot or of a directory holding one.
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

 private:
  // Returns `path` relative to the root ("" for the root itself), or ResolveWithin's
  // Error (IsOutsideRoot) when it lies outside the repository.
  Result<std::string> Relative(const std::string& path) const;
  Result<std::optional<std::string>> ReadRelative(const std::string& relative) const;
  Result<std::vector<std::string>> ListRelative(const std::string& relative) const;
  // "not in the index (No such file or directory)", "not in commit 1a2b3c4d5e6f (...)".
  Error Missing(const std::string& path) const;

  const Worktree& worktree_;
  std::optional<std::string> commit_;
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_SNAPSHOT_FS_H_
