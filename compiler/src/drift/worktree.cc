#include "drift/worktree.h"

#include "base/sha256.h"
#include "drift/ownership.h"

namespace specc::drift {

Status Worktree::Write(const std::string& path, std::string_view contents) {
  if (std::optional<std::string> why = ReservedPathReason(path)) {
    return Error{"refusing to write `" + path + "`: it " + *why};
  }
  return WriteFile(path, contents);
}

Result<std::string> Worktree::Fingerprint(Version version, const std::string& path) const {
  Result<std::optional<std::string>> bytes = Read(version, path);
  SPECC_RETURN_IF_ERROR(bytes);
  return bytes.value() ? "sha256 " + Sha256Hex(*bytes.value()) : std::string("none");
}

Result<bool> Worktree::SameBytes(Version a, Version b, const std::string& path) const {
  Result<std::optional<std::string>> first = Read(a, path);
  SPECC_RETURN_IF_ERROR(first);
  Result<std::optional<std::string>> second = Read(b, path);
  SPECC_RETURN_IF_ERROR(second);
  return first.value() == second.value();
}

Result<bool> Worktree::Holds(Version version, const std::string& path, std::string_view bytes) const {
  Result<std::optional<std::string>> read = Read(version, path);
  SPECC_RETURN_IF_ERROR(read);
  return read.value().has_value() && *read.value() == bytes;
}

Status Worktree::Remove(const std::string& path) {
  if (std::optional<std::string> why = ReservedPathReason(path)) {
    return Error{"refusing to delete `" + path + "`: it " + *why};
  }
  return RemoveFile(path);
}

}  // namespace specc::drift
