// MemWorktree: an in-memory Worktree for tests. Each version (HEAD, index, working tree)
// is a plain map from path to bytes that a test fills in directly; writes go to the
// working-tree map, and a write can be made to fail to exercise error paths.
#ifndef SPECC_DRIFT_MEM_WORKTREE_H_
#define SPECC_DRIFT_MEM_WORKTREE_H_

#include <map>
#include <set>
#include <string>

#include "drift/worktree.h"

namespace specc::drift {

class MemWorktree final : public Worktree {
 public:
  explicit MemWorktree(std::string root = "/repo") : root_(std::move(root)) {}

  // Direct access for tests: each map is one version of the repository.
  std::map<std::string, std::string>& files(Version version);
  const std::map<std::string, std::string>& files(Version version) const;
  // Puts `contents` at `path` in HEAD, the index and the working tree: a committed file.
  void Commit(const std::string& path, const std::string& contents);
  void set_ignored(const std::string& path) { ignored_.insert(path); }
  // Every Write or Remove of `path` fails from now on.
  void set_fail_path(const std::string& path) { fail_path_ = path; }

  const std::string& root() const override { return root_; }
  Result<std::optional<std::string>> Read(Version version, const std::string& path) const override;
  Result<std::vector<std::string>> List(Version version, const std::string& dir) const override;
  Result<bool> IsIgnored(const std::string& path) const override;
  Result<std::string> Clean(const std::string&, std::string contents) const override {
    return contents;
  }
  Result<std::string> HooksDir() const override { return root_ + "/.git/hooks"; }
  std::string CommonGitDir() const override { return root_ + "/.git"; }

 protected:
  Status WriteFile(const std::string& path, std::string_view contents) override;
  Status RemoveFile(const std::string& path) override;

 private:
  std::string root_;
  std::map<std::string, std::string> head_, index_, workdir_;
  std::set<std::string> ignored_;
  std::string fail_path_;
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_MEM_WORKTREE_H_
