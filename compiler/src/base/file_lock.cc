#include "base/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace specc {
namespace {

// True when `fd` is still the file at `path`: a holder that released the lock may have
// removed the file after this process opened it, and a lock on a removed file guards
// nothing.
bool StillThere(int fd, const std::string& path) {
  struct stat open_file, named;
  return ::fstat(fd, &open_file) == 0 && ::lstat(path.c_str(), &named) == 0 &&
         open_file.st_dev == named.st_dev && open_file.st_ino == named.st_ino;
}

}  // namespace

Result<std::unique_ptr<FileLock>> FileLock::TryAcquire(const std::string& path, Mode mode) {
  for (;;) {
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return Error{path + ": " + std::strerror(errno)};
    if (::flock(fd, (mode == Mode::kExclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
      int error = errno;
      ::close(fd);
      if (error == EWOULDBLOCK) return std::unique_ptr<FileLock>();
      return Error{path + ": " + std::strerror(error)};
    }
    if (!StillThere(fd, path)) {
      ::close(fd);
      continue;
    }
    // The process id is only a hint for the message of a run that finds the lock taken;
    // the lock holds without it. A shared holder clears what a killed writer left.
    std::string pid = mode == Mode::kExclusive ? std::to_string(::getpid()) + "\n" : "";
    bool recorded = ::ftruncate(fd, 0) == 0 &&
                    ::pwrite(fd, pid.data(), pid.size(), 0) == static_cast<ssize_t>(pid.size());
    static_cast<void>(recorded);
    return std::unique_ptr<FileLock>(new FileLock(path, fd, mode));
  }
}

std::string FileLock::Holder(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return "";
  char buffer[32];
  ssize_t n = ::read(fd, buffer, sizeof buffer);
  ::close(fd);
  std::string pid;
  for (ssize_t i = 0; i < n && buffer[i] >= '0' && buffer[i] <= '9'; ++i) pid += buffer[i];
  return pid;
}

FileLock::~FileLock() {
  // Remove the file only while holding it exclusively, so that no other holder is left
  // with a lock on a removed file (TryAcquire checks for that and retries).
  bool exclusive = mode_ == Mode::kExclusive || ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
  if (exclusive && StillThere(fd_, path_)) ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace specc
