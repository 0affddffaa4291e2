// Fs: the file system as the front end sees it. RealFs reads the disk; MemFs holds files
// in memory for tests. Paths are plain strings with '/' separators.
#ifndef SPECC_BASE_FS_H_
#define SPECC_BASE_FS_H_

#include <map>
#include <string>
#include <vector>

#include "base/result.h"

namespace specc {

class Fs {
 public:
  virtual ~Fs() = default;
  // Returns the whole contents of the file at `path`; an Error naming the path and the
  // reason when it cannot be read.
  virtual Result<std::string> Read(const std::string& path) const = 0;
  // Returns the canonical absolute form of `path` (symlinks resolved) if it exists.
  virtual Result<std::string> Canonical(const std::string& path) const = 0;
  // Returns the regular files below `dir` (recursively), sorted, as paths that start
  // with `dir`.
  virtual Result<std::vector<std::string>> ListFiles(const std::string& dir) const = 0;
};

class RealFs final : public Fs {
 public:
  Result<std::string> Read(const std::string& path) const override;
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;
};

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
