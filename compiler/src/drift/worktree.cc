#include "drift/worktree.h"

#include "drift/ownership.h"

namespace specc::drift {

Status Worktree::Write(const std::string& path, std::string_view contents) {
  if (std::optional<std::string> why = ReservedPathReason(path)) {
    return Error{"refusing to write `" + path + "`: it " + *why};
  }
  return WriteFile(path, contents);
}

Status Worktree::Remove(const std::string& path) {
  if (std::optional<std::string> why = ReservedPathReason(path)) {
    return Error{"refusing to delete `" + path + "`: it " + *why};
  }
  return RemoveFile(path);
}

}  // namespace specc::drift
