// provision::LocalFiles over the git repository: reads the working tree, asks the worktree
// whether git ignores or tracks a path, and writes with mkstemp in the target's directory,
// fsync, then rename, so a run killed at any point leaves the old file or the new one.
#ifndef SPECC_CLI_PROVISION_FILES_H_
#define SPECC_CLI_PROVISION_FILES_H_

#include <memory>

#include "drift/worktree.h"
#include "provision/local_files.h"

namespace specc::cli {

// `worktree` must outlive the returned object.
std::unique_ptr<provision::LocalFiles> NewRepositoryFiles(drift::Worktree& worktree);

}  // namespace specc::cli

#endif  // SPECC_CLI_PROVISION_FILES_H_
