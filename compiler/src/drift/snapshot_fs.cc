#include "drift/snapshot_fs.h"

#include "base/path.h"

namespace specc::drift {

SnapshotFs::SnapshotFs(const Worktree& worktree, std::optional<std::string> commit)
    : worktree_(worktree), commit_(std::move(commit)) {}

Result<std::string> SnapshotFs::Relative(const std::string& path) const {
  std::string absolute = JoinPath(worktree_.root(), path);
  if (!IsWithin(absolute, worktree_.root())) {
    // The refusal a confined RealFs gives (base/fs.h), so that the front end reports a
    // `$ref` climbing out of the repository alike at every revision.
    return Error{path + ": " + kOutsideRootReason};
  }
  std::string relative = RelativeTo(absolute, worktree_.root());
  return relative == "." ? std::string() : relative;
}

Result<std::optional<std::string>> SnapshotFs::ReadRelative(const std::string& relative) const {
  return commit_ ? worktree_.ReadCommit(*commit_, relative) : worktree_.Read(Version::kIndex, relative);
}

Result<std::vector<std::string>> SnapshotFs::ListRelative(const std::string& relative) const {
  return commit_ ? worktree_.ListCommit(*commit_, relative) : worktree_.List(Version::kIndex, relative);
}

Error SnapshotFs::Missing(const std::string& path) const {
  return Error{path + ": not in " + (commit_ ? "commit " + commit_->substr(0, 12) : std::string("the index")) +
               " (No such file or directory)"};
}

Result<std::string> SnapshotFs::Read(const std::string& path) const {
  Result<std::string> relative = Relative(path);
  SPECC_RETURN_IF_ERROR(relative);
  Result<std::optional<std::string>> contents = ReadRelative(relative.value());
  SPECC_RETURN_IF_ERROR(contents);
  if (!contents.value()) return Missing(path);
  return std::move(*contents.value());
}

Result<std::string> SnapshotFs::Canonical(const std::string& path) const {
  Result<std::string> relative = Relative(path);
  SPECC_RETURN_IF_ERROR(relative);
  const std::string& rel = relative.value();
  if (rel.empty()) return worktree_.root();
  Result<std::optional<std::string>> file = ReadRelative(rel);
  SPECC_RETURN_IF_ERROR(file);
  if (!file.value()) {
    Result<std::vector<std::string>> below = ListRelative(rel);
    SPECC_RETURN_IF_ERROR(below);
    if (below.value().empty()) return Missing(path);
  }
  return JoinPath(worktree_.root(), rel);
}

Result<std::vector<std::string>> SnapshotFs::ListFiles(const std::string& dir) const {
  Result<std::string> relative = Relative(dir);
  SPECC_RETURN_IF_ERROR(relative);
  Result<std::vector<std::string>> files = ListRelative(relative.value());
  SPECC_RETURN_IF_ERROR(files);
  // Fs promises paths that start with `dir` as given.
  std::vector<std::string> out;
  out.reserve(files.value().size());
  for (const std::string& file : files.value()) {
    out.push_back(
        JoinPath(dir, RelativeTo(file, relative.value().empty() ? "." : relative.value())));
  }
  if (out.empty()) return Missing(dir);
  return out;
}

}  // namespace specc::drift
