// MemWorktree: an in-memory Worktree for tests. Each version (HEAD, index, working tree)
// is a plain map from path to bytes that a test fills in directly; writes go to the
// working-tree map, and a write can be made to fail to exercise error paths. A test may
// derive from it to watch or change how it answers.
#ifndef SPECC_DRIFT_MEM_WORKTREE_H_
#define SPECC_DRIFT_MEM_WORKTREE_H_

#include <map>
#include <set>
#include <string>

#include "drift/worktree.h"

namespace specc::drift {

class MemWorktree : public Worktree {
 public:
  explicit MemWorktree(std::string root = "/repo") : root_(std::move(root)) {}

  // Direct access for tests: each map is one version of the repository.
  std::map<std::string, std::string>& files(Version version);
  const std::map<std::string, std::string>& files(Version version) const;
  // Puts `contents` at `path` in HEAD, the index and the working tree: a committed file.
  void Commit(const std::string& path, const std::string& contents);
  void set_ignored(const std::string& path) { ignored_.insert(path); }
  // Records a commit named `id` holding `files`; ResolveCommit knows it by that name.
  void AddCommit(const std::string& id, std::map<std::string, std::string> files) {
    commits_[id] = std::move(files);
  }
  void set_default_base(BaseCommit base) { default_base_ = std::move(base); }
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
  Result<std::string> ResolveCommit(const std::string& revision) const override;
  Result<std::optional<BaseCommit>> DefaultBase() const override { return default_base_; }
  Result<std::optional<std::string>> ReadCommit(const std::string& commit, const std::string& path) const override;
  Result<std::vector<std::string>> ListCommit(const std::string& commit, const std::string& dir) const override;
  std::string CommonGitDir() const override { return root_ + "/.git"; }

 protected:
  Status WriteFile(const std::string& path, std::string_view contents) override;
  Status RemoveFile(const std::string& path) override;

 private:
  std::string root_;
  std::map<std::string, std::string> head_, index_, workdir_;
  std::set<std::string> ignored_;
  std::string fail_path_;
  std::map<std::string, std::map<std::string, std::string>> commits_;
  std::optional<BaseCommit> default_base_;
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_MEM_WORKTREE_H_
