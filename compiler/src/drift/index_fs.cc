#include "drift/index_fs.h"

#include "base/path.h"

namespace specc::drift {

Result<std::string> IndexFs::Relative(const std::string& path) const {
  std::string absolute = JoinPath(worktree_.root(), path);
  if (!IsWithin(absolute, worktree_.root())) {
    return Error{path + ": outside the repository at " + worktree_.root()};
  }
  std::string relative = RelativeTo(absolute, worktree_.root());
  return relative == "." ? std::string() : relative;
}

Result<std::string> IndexFs::Read(const std::string& path) const {
  Result<std::string> relative = Relative(path);
  SPECC_RETURN_IF_ERROR(relative);
  Result<std::optional<std::string>> contents = worktree_.Read(Version::kIndex, relative.value());
  SPECC_RETURN_IF_ERROR(contents);
  if (!contents.value()) return Error{path + ": not in the index (No such file or directory)"};
  return std::move(*contents.value());
}

Result<std::string> IndexFs::Canonical(const std::string& path) const {
  Result<std::string> relative = Relative(path);
  SPECC_RETURN_IF_ERROR(relative);
  const std::string& rel = relative.value();
  if (rel.empty()) return worktree_.root();
  Result<std::optional<std::string>> file = worktree_.Read(Version::kIndex, rel);
  SPECC_RETURN_IF_ERROR(file);
  if (!file.value()) {
    Result<std::vector<std::string>> below = worktree_.List(Version::kIndex, rel);
    SPECC_RETURN_IF_ERROR(below);
    if (below.value().empty())
      return Error{path + ": not in the index (No such file or directory)"};
  }
  return JoinPath(worktree_.root(), rel);
}

Result<std::vector<std::string>> IndexFs::ListFiles(const std::string& dir) const {
  Result<std::string> relative = Relative(dir);
  SPECC_RETURN_IF_ERROR(relative);
  Result<std::vector<std::string>> files = worktree_.List(Version::kIndex, relative.value());
  SPECC_RETURN_IF_ERROR(files);
  // Fs promises paths that start with `dir` as given.
  std::vector<std::string> out;
  out.reserve(files.value().size());
  for (const std::string& file : files.value()) {
    out.push_back(
        JoinPath(dir, RelativeTo(file, relative.value().empty() ? "." : relative.value())));
  }
  if (out.empty()) return Error{dir + ": not in the index (No such file or directory)"};
  return out;
}

}  // namespace specc::drift
