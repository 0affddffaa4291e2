// Fs: the file system as the front end sees it. RealFs reads the disk; MemFs holds files
// in memory for tests. Paths are plain strings with '/' separators.
#ifndef SPECC_BASE_FS_H_
#define SPECC_BASE_FS_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/loc.h"
#include "base/result.h"

namespace specc {

class Fs {
 public:
  virtual ~Fs() = default;
  // Returns the whole contents of the file at `path`; an Error naming the path and the
  // reason when it cannot be read.
  virtual Result<std::string> Read(const std::string& path) const = 0;
  // Returns the first `limit` bytes of the file at `path` (all of it when it is shorter),
  // for telling what a file is without reading a large one whole. Errors as Read's. The
  // bytes may be the file's before the filter a RealFs applies (git's clean filters only
  // rewrite line ends), so only a sniff reads them: whoever depends on a file's contents
  // reads it whole, which is also what a recording Fs records. This default reads it whole.
  virtual Result<std::string> ReadPrefix(const std::string& path, size_t limit) const;
  // Returns the canonical absolute form of `path` (symlinks resolved) if it exists.
  virtual Result<std::string> Canonical(const std::string& path) const = 0;
  // Returns the regular files below `dir` (recursively), sorted, as paths that start
  // with `dir`.
  virtual Result<std::vector<std::string>> ListFiles(const std::string& dir) const = 0;
};

// The reason an Error gives, after "<path>: ", when ResolveWithin (or a confined RealFs)
// refuses a path that leads out of the directory it is confined to.
inline constexpr char kOutsideRootReason[] = "lies outside the repository";

// True when `error` is ResolveWithin's refusal.
bool IsOutsideRoot(const Error& error);

// When `error` is ResolveWithin's refusal, reports SPEC_FILE_OUTSIDE_REPOSITORY for the
// file displayed as `display` at `loc` (where a spec names it; unknown for a file found
// by listing) and returns true; otherwise reports nothing and returns false.
bool ReportIfOutsideRoot(std::string_view display, const Error& error, Loc loc, DiagSink& sink);

// Returns the absolute form of `path` with every symbolic link resolved (as realpath
// does), when that lies inside directory `root` (resolved the same way) and not in a
// `.git` directory below it (git's files, .git/config among them, are not the
// repository's content); otherwise an Error "<path>: lies outside the repository". Only the part of `path` that exists is
// resolved: the rest cannot hold a link yet and is appended as written, so this also
// checks a file that is about to be created. A link that cannot be resolved (dangling, or
// a loop) is an Error too. Every read of a repository's files and every write into it goes
// through this check; the caller then uses the returned path, so that what is checked is
// what is opened.
Result<std::string> ResolveWithin(const std::string& root, const std::string& path);

class RealFs final : public Fs {
 public:
  // Reads anywhere (file mode: the user named the files).
  RealFs() = default;
  // What a repository makes of a file's bytes before specc reads them: `path` is relative
  // to the root (after links are resolved). `apply` and `check` pass git's clean filters,
  // so that a checkout with CRLF line ends (core.autocrlf) compiles like one with LF.
  using ReadFilter = std::function<Result<std::string>(const std::string& path, std::string bytes)>;

  // Reads only inside `root` (repository mode): every path goes through ResolveWithin, so
  // a committed symbolic link, or a spec naming `../../x`, never makes specc read (and
  // print a line of) a file outside the repository. Every file read passes `filter` when
  // one is given.
  explicit RealFs(std::string root, ReadFilter filter = nullptr);

  Result<std::string> Read(const std::string& path) const override;
  Result<std::string> ReadPrefix(const std::string& path, size_t limit) const override;
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

 private:
  // `path` itself, or its resolved form inside root_ when confined.
  Result<std::string> Confine(const std::string& path) const;

  std::string root_;  // empty: not confined
  std::string real_root_;  // root_ with its links resolved, for the paths `filter_` gets
  ReadFilter filter_;
};

// Returns the bytes of the file at `path` (read in one piece: the buffer is sized from the
// file's length, so a large file is neither copied while it grows nor kept with spare
// capacity); an Error "<display>: <reason>" when it cannot be read.
Result<std::string> ReadWholeFile(const std::string& path, const std::string& display);

// An in-memory file system; paths are used as given after lexical normalisation.
class MemFs final : public Fs {
 public:
  void Write(const std::string& path, std::string contents);
  Result<std::string> Read(const std::string& path) const override;
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace specc

#endif  // SPECC_BASE_FS_H_
