// Worktree: the repository as the drift engine sees it. Three versions of every path (the
// HEAD commit, the index, the working tree), whether git ignores a path, and the only way
// the engine writes: whole files, atomically. `specc diff` also reads any commit. GitWorktree (libgit2) is the real one and
// MemWorktree the one for tests (ninja's VirtualFileSystem); nothing else in specc knows
// about git. Paths are relative to the repository root, normalised, with '/'.
#ifndef SPECC_DRIFT_WORKTREE_H_
#define SPECC_DRIFT_WORKTREE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace specc::drift {

// The commit `specc diff` compares with when no --base is given, and how it was chosen.
struct BaseCommit {
  std::string commit;  // 40 hex digits
  std::string name;    // "HEAD", or "merge base of HEAD and origin/main"
};

// Which version of a path to read.
enum class Version {
  kHead,     // the commit HEAD points at; nothing when the repository has no commits yet
  kIndex,    // the staging area (what `git commit` would record)
  kWorkdir,  // the files on disk
};

class Worktree {
 public:
  virtual ~Worktree() = default;

  // The absolute path of the working tree's root, with '/' and no trailing slash.
  virtual const std::string& root() const = 0;

  // Returns the bytes of `path` in `version`, std::nullopt when no file is there (also for
  // a directory or a submodule); an Error when the repository cannot be read.
  virtual Result<std::optional<std::string>> Read(Version version,
                                                  const std::string& path) const = 0;

  // Returns the files below directory `dir` ("" for all) in `version`, sorted, as paths
  // relative to the root.
  virtual Result<std::vector<std::string>> List(Version version, const std::string& dir) const = 0;

  // A short witness of Read(version, path): two equal witnesses mean equal bytes, so
  // that a cache (cli/run_cache.h) can tell that a version did not change without
  // reading it. "none" when no file is there. This default hashes what Read returns;
  // GitWorktree answers for HEAD and the index with git's object id, without reading.
  virtual Result<std::string> Fingerprint(Version version, const std::string& path) const;

  // True when versions `a` and `b` of `path` hold the same bytes (or neither holds a
  // file). This default reads both, so a recording Worktree sees both reads; GitWorktree
  // compares git's object ids for HEAD and the index without reading: the drift check
  // asks this of every generated file, whose index and HEAD versions are usually one blob.
  virtual Result<bool> SameBytes(Version a, Version b, const std::string& path) const;

  // True when version `version` of `path` holds exactly `bytes` (false when no file is
  // there). This default reads the version, so a recording Worktree sees the read;
  // GitWorktree compares a working-tree file that no git filter applies to in small
  // chunks, without reading it whole: the drift check asks this of every generated file,
  // and reading tens of megabytes into fresh memory cost a fifth of a check.
  virtual Result<bool> Holds(Version version, const std::string& path, std::string_view bytes) const;

  // True when `path` matches the repository's ignore rules (.gitignore, info/exclude).
  virtual Result<bool> IsIgnored(const std::string& path) const = 0;

  // Returns `contents`, read from the working-tree file at `path`, as git would store it
  // (its clean filters and attributes: CRLF to LF under core.autocrlf=true or `text`
  // attributes). Read(kWorkdir) returns files this way already; specs read from the disk
  // go through it too, so a checkout with CRLF line ends compiles like one with LF.
  virtual Result<std::string> Clean(const std::string& path, std::string contents) const = 0;

  // Replaces the working-tree file at `path` with `contents` so that a reader (or a crash)
  // sees either the old or the new bytes, never a mix: the bytes go to a temporary file in
  // the same directory, which is then renamed over the target. Creates missing
  // directories; keeps the permission bits of a file it replaces.
  // Returns an Error without touching anything when `path` is reserved
  // (ReservedPathReason in ownership.h: not normalised, in `.git`, specc's own state
  // other than the manifest, specc.yaml), whatever the caller decided.
  Status Write(const std::string& path, std::string_view contents);

  // Deletes the working-tree file at `path` (no error when it is already gone) and the
  // directories that this leaves empty, up to the root. Refuses a reserved path as Write
  // does.
  Status Remove(const std::string& path);

  // Returns the id (40 hex digits) of the commit `revision` names: anything `git
  // rev-parse` takes that leads to a commit (a branch, a tag, `HEAD~2`, an abbreviated
  // id). Returns an Error naming `revision` when it names no commit.
  virtual Result<std::string> ResolveCommit(const std::string& revision) const = 0;

  // Returns the merge base of HEAD and the remote default branch (`<remote>/HEAD`, else
  // `<remote>/main` or `<remote>/master`, of the remote `origin` or else the first remote)
  // when there is one, otherwise HEAD; std::nullopt when HEAD has no commit yet.
  virtual Result<std::optional<BaseCommit>> DefaultBase() const = 0;

  // Read and List (above) of the tree of `commit`, an id ResolveCommit returned. Reading
  // a symbolic link there is an Error: specs are read from a revision's regular files.
  virtual Result<std::optional<std::string>> ReadCommit(const std::string& commit,
                                                        const std::string& path) const = 0;
  virtual Result<std::vector<std::string>> ListCommit(const std::string& commit,
                                                      const std::string& dir) const = 0;

  // Returns the absolute directory git runs hooks from (core.hooksPath, or the hooks
  // directory of the common git dir, which linked worktrees share).
  virtual Result<std::string> HooksDir() const = 0;

  // Returns the absolute git directory that linked worktrees share (`.git` of the main
  // working tree), without a trailing slash; specc keeps its lock file there.
  virtual std::string CommonGitDir() const = 0;

 protected:
  // Write and Remove after the reserved-path check; the implementations' part.
  virtual Status WriteFile(const std::string& path, std::string_view contents) = 0;
  virtual Status RemoveFile(const std::string& path) = 0;
};

}  // namespace specc::drift

#endif  // SPECC_DRIFT_WORKTREE_H_
