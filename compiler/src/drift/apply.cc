#include "drift/apply.h"

#include "drift/manifest.h"

namespace specc::drift {

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
