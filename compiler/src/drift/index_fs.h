// IndexFs: the Fs (base/fs.h) that reads files as they are staged in the index of a
// Worktree, so that `check --staged` compiles the specs that are being committed rather
// than the working tree's. The driver uses it in place of RealFs; it is read-only.
#ifndef SPECC_DRIFT_INDEX_FS_H_
#define SPECC_DRIFT_INDEX_FS_H_

#include <string>
#include <vector>

#include "base/fs.h"
#include "drift/worktree.h"

namespace specc::drift {

class IndexFs final : public Fs {
 public:
  // Paths handed to this Fs are resolved against the worktree's root: absolute paths
  // must lie below it, relative ones are taken from it. `worktree` must outlive this.
  explicit IndexFs(const Worktree& worktree) : worktree_(worktree) {}

  Result<std::string> Read(const std::string& path) const override;
  // The absolute path of a staged file or of a directory holding one.
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

 private:
  // Returns `path` relative to the root ("" for the root itself), or an Error when it
  // lies outside the repository.
  Result<std::string> Relative(const std::string& path) const;

  const Worktree& worktree_;
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_INDEX_FS_H_
