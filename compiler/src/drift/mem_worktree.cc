#include "drift/mem_worktree.h"

namespace specc::drift {

std::map<std::string, std::string>& MemWorktree::files(Version version) {
  switch (version) {
    case Version::kHead:
      return head_;
    case Version::kIndex:
      return index_;
    case Version::kWorkdir:
      break;
  }
  return workdir_;
}

const std::map<std::string, std::string>& MemWorktree::files(Version version) const {
  return const_cast<MemWorktree*>(this)->files(version);
}

void MemWorktree::Commit(const std::string& path, const std::string& contents) {
  head_[path] = contents;
  index_[path] = contents;
  workdir_[path] = contents;
}

Result<std::optional<std::string>> MemWorktree::Read(Version version,
                                                     const std::string& path) const {
  const auto& map = files(version);
  auto it = map.find(path);
  if (it == map.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Result<std::vector<std::string>> MemWorktree::List(Version version, const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, contents] : files(version)) {
    if (path.rfind(prefix, 0) == 0) out.push_back(path);
  }
  return out;
}

Result<bool> MemWorktree::IsIgnored(const std::string& path) const {
  return ignored_.count(path) > 0;
}

Status MemWorktree::WriteFile(const std::string& path, std::string_view contents) {
  if (path == fail_path_) return Error{path + ": injected write failure"};
  workdir_[path] = std::string(contents);
  return Ok{};
}

Status MemWorktree::RemoveFile(const std::string& path) {
  if (path == fail_path_) return Error{path + ": injected remove failure"};
  workdir_.erase(path);
  return Ok{};
}

}  // namespace specc::drift
