// FileLock: an advisory lock on a file (flock(2)), held for as long as the object lives.
// `apply` holds it exclusively and `check` shared, so that two runs in one repository
// never interleave their reads and writes. The kernel drops a flock when its process
// ends, however it ends (kill -9 included), so a lock never goes stale: a lock file left
// behind by a killed run is simply locked again by the next one.
#ifndef SPECC_BASE_FILE_LOCK_H_
#define SPECC_BASE_FILE_LOCK_H_

#include <memory>
#include <string>

#include "base/result.h"

namespace specc {

class FileLock {
 public:
  enum class Mode { kShared, kExclusive };

  // Takes the lock on the file at `path` (created when missing, never through a symbolic
  // link) without waiting. Returns the lock; nullptr when another process holds a lock
  // that conflicts with `mode`; an Error when the file cannot be opened or locked.
  // An exclusive holder writes its process id into the file (Holder reads it); a shared
  // one empties it.
  static Result<std::unique_ptr<FileLock>> TryAcquire(const std::string& path, Mode mode);

  // The process id the exclusive holder of the lock at `path` recorded, or "" when none.
  static std::string Holder(const std::string& path);

  // Releases the lock; the last holder removes the file.
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  FileLock(std::string path, int fd, Mode mode) : path_(std::move(path)), fd_(fd), mode_(mode) {}

  std::string path_;
  int fd_;
  Mode mode_;
};

}  // namespace specc

#endif  // SPECC_BASE_FILE_LOCK_H_
