// The Worktree of a real git repository, read through libgit2. Only a factory is exposed,
// so that no libgit2 type leaves drift/git_worktree.cc (flatc's generator headers do the
// same). It handles a normal repository, a linked worktree (`git worktree add`), a
// repository with no commits yet (HEAD is then empty), and a start directory anywhere
// below the working tree's root.
#ifndef SPECC_DRIFT_GIT_WORKTREE_H_
#define SPECC_DRIFT_GIT_WORKTREE_H_

#include <memory>
#include <string>

#include "base/result.h"
#include "drift/worktree.h"

namespace specc::drift {

// Opens the repository whose working tree holds `start_dir`, searching upward as git does.
// HEAD and the index are read as they are now; the Worktree sees later changes to the
// working tree but not to HEAD or the index. Returns an Error saying "not a git
// repository" (or why the repository cannot be used, e.g. a bare one) otherwise.
Result<std::unique_ptr<Worktree>> OpenGitWorktree(const std::string& start_dir);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_GIT_WORKTREE_H_
