#include "drift/apply.h"

#include <set>

#include "base/atomic_file.h"
#include "base/path.h"
#include "drift/manifest.h"

namespace specc::drift {

Result<size_t> RemoveStaleTempFiles(Worktree& worktree, const Ownership& ownership) {
  std::set<std::string> dirs(ownership.output_dirs.begin(), ownership.output_dirs.end());
  dirs.insert(ownership.scaffold_dirs.begin(), ownership.scaffold_dirs.end());
  dirs.insert(std::string(DirName(kManifestPath)));
  std::set<std::string> stale;
  for (const std::string& dir : dirs) {
    Result<std::vector<std::string>> files = worktree.List(Version::kWorkdir, dir);
    SPECC_RETURN_IF_ERROR(files);
    for (const std::string& path : files.value()) {
      std::string_view name = path;
      name.remove_prefix(name.rfind('/') == std::string_view::npos ? 0 : name.rfind('/') + 1);
      if (IsSpeccTempFile(name)) stale.insert(path);
    }
  }
  for (const std::string& path : stale) SPECC_RETURN_IF_ERROR(worktree.Remove(path));
  return stale.size();
}

Result<ApplyStats> Apply(const Classification& classification, Worktree& worktree,
                         const ApplyOptions& options) {
  if (classification.has_conflicts()) {
    return Error{"refusing to write: the drift report has conflicts"};
  }
  ApplyStats stats;
  const FileEntry* manifest = nullptr;
  for (const FileEntry& f : classification.files) {
    if (f.path == kManifestPath) {
      manifest = &f;
      continue;
    }
    if (f.state == FileState::kAdded || f.state == FileState::kModified) {
      SPECC_RETURN_IF_ERROR(worktree.Write(f.path, *f.generated));
      ++stats.written;
    } else if (f.state == FileState::kRemoved) {
      SPECC_RETURN_IF_ERROR(worktree.Remove(f.path));
      ++stats.removed;
    } else {
      continue;
    }
    if (options.after_each_write) SPECC_RETURN_IF_ERROR(options.after_each_write(f.path));
  }
  // Last: until the manifest names the new files, a re-run still recognises the old ones.
  if (manifest != nullptr &&
      (manifest->state == FileState::kAdded || manifest->state == FileState::kModified)) {
    SPECC_RETURN_IF_ERROR(worktree.Write(manifest->path, *manifest->generated));
    ++stats.written;
  }
  return stats;
}

}  // namespace specc::drift
