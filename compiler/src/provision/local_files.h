// The repository's files as provisioning sees them: it reads the generated Postman files
// and its state, and writes the state and the local hand-off file `.env.<env>`. The cli
// implements it over the git worktree (git's ignore rules and index come from there);
// tests use a map. Writes are atomic (a temporary file in the target's directory, then a
// rename), so a run killed at any point leaves every file old or new, never torn.
#ifndef SPECC_PROVISION_LOCAL_FILES_H_
#define SPECC_PROVISION_LOCAL_FILES_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace specc::provision {

// A write goes through `<path>` + kTempSuffix + six random characters, in the target's
// directory, renamed over the target once complete.
inline constexpr char kTempSuffix[] = ".specc-";

class LocalFiles {
 public:
  virtual ~LocalFiles() = default;
  // The file at repository path `path`; nullopt when there is none.
  virtual Result<std::optional<std::string>> Read(const std::string& path) = 0;
  // True when git ignores `path` and neither the index nor HEAD holds it: a file that git
  // would never commit, the only kind that may hold a secret.
  virtual Result<bool> NeverCommitted(const std::string& path) = 0;
  // Replaces `path` atomically (see kTempSuffix); `owner_only` makes the file readable by
  // its owner only.
  virtual Status Write(const std::string& path, std::string_view bytes, bool owner_only) = 0;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_LOCAL_FILES_H_
