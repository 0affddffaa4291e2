#include "base/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace specc {
namespace {

constexpr std::string_view kTempInfix = ".specc-tmp.";

// The process's umask, read once: umask() can only be read by setting it, which would let
// a thread writing a file meanwhile create it with no mask at all. specc never changes it.
mode_t CurrentUmask() {
  static const mode_t mask = [] {
    mode_t current = ::umask(0);
    ::umask(current);
    return current;
  }();
  return mask;
}

Error Fail(const std::string& what, int fd, const std::string& temp) {
  std::string reason = std::strerror(errno);
  if (fd >= 0) ::close(fd);
  ::unlink(temp.c_str());
  return Error{what + ": " + reason};
}

Result<std::string> WriteTemp(const std::string& path, std::string_view contents, std::optional<unsigned> mode,
                              bool sync) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  // Next to the target, so that rename() stays on one file system and is atomic.
  std::string temp = dir + "." + name + std::string(kTempInfix) + "XXXXXX";
  int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return Error{path + ": cannot create a temporary file: " + std::strerror(errno)};
  mode_t bits = 0666 & ~CurrentUmask();
  if (mode) {
    bits = static_cast<mode_t>(*mode) & 0777 & ~CurrentUmask();
  } else {
    struct stat existing;
    if (::lstat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) bits = existing.st_mode & 0777;
  }
  if (::fchmod(fd, bits) != 0) return Fail(temp, fd, temp);
  const char* data = contents.data();
  size_t left = contents.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail(temp, fd, temp);
    data += n;
    left -= static_cast<size_t>(n);
  }
  if (sync && ::fsync(fd) != 0) return Fail(temp, fd, temp);
  if (::close(fd) != 0) return Fail(temp, -1, temp);
  return temp;
}

}  // namespace

Status ReplaceFile(const std::string& path, std::string_view contents, std::optional<unsigned> mode,
                   Durability durability) {
  Result<std::string> temp = WriteTemp(path, contents, mode, durability == Durability::kSynced);
  SPECC_RETURN_IF_ERROR(temp);
  return CommitTempFile(temp.value(), path);
}

Result<std::string> WriteTempFile(const std::string& path, std::string_view contents, bool sync) {
  return WriteTemp(path, contents, std::nullopt, sync);
}

Status CommitTempFile(const std::string& temp, const std::string& path) {
  if (::rename(temp.c_str(), path.c_str()) != 0) return Fail(path, -1, temp);
  return Ok{};
}

bool IsSpeccTempFile(std::string_view filename) {
  if (filename.size() < 2 || filename.front() != '.') return false;
  size_t infix = filename.rfind(kTempInfix);
  if (infix == std::string_view::npos || infix < 2) return false;
  std::string_view suffix = filename.substr(infix + kTempInfix.size());
  if (suffix.empty()) return false;
  for (char c : suffix) {
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alnum) return false;
  }
  return true;
}

}  // namespace specc
