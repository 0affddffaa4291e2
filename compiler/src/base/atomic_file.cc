#include "base/atomic_file.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "base/check.h"

namespace specc {
namespace {

constexpr std::string_view kTempInfix = ".specc-tmp.";

// The process's umask, read once at start-up, before main() starts any thread: umask() can
// only be read by setting it, which would let a thread creating a file meanwhile (a
// directory made by another emitter) create it with no mask at all. Read on first use, as
// it was, the first emitter to write a file opened that window while the others ran.
// specc never changes it.
const mode_t kProcessUmask = [] {
  mode_t current = ::umask(0);
  ::umask(current);
  return current;
}();

mode_t CurrentUmask() { return kProcessUmask; }

Error Fail(const std::string& what, int fd, const std::string& temp) {
  std::string reason = std::strerror(errno);
  if (fd >= 0) ::close(fd);
  ::unlink(temp.c_str());
  return Error{what + ": " + reason};
}

Result<std::string> WriteTemp(const std::string& path, std::string_view contents, std::optional<unsigned> mode,
                              bool sync) {
  Result<TempFileWriter> file = TempFileWriter::Create(path, mode);
  SPECC_RETURN_IF_ERROR(file);
  SPECC_RETURN_IF_ERROR(file.value().Append(contents));
  return file.value().Finish(sync);
}

}  // namespace

Result<TempFileWriter> TempFileWriter::Create(const std::string& path, std::optional<unsigned> mode) {
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
  return TempFileWriter(fd, std::move(temp));
}

TempFileWriter::TempFileWriter(TempFileWriter&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), temp_(std::move(other.temp_)) {}

TempFileWriter::~TempFileWriter() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
}

Status TempFileWriter::Append(std::string_view piece) {
  SPECC_CHECK(fd_ >= 0) << "appending to a finished temporary file";
  const char* data = piece.data();
  size_t left = piece.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail(temp_, std::exchange(fd_, -1), temp_);
    data += n;
    left -= static_cast<size_t>(n);
  }
  return Ok{};
}

Result<std::string> TempFileWriter::Finish(bool sync) {
  SPECC_CHECK(fd_ >= 0) << "finishing a finished temporary file";
  int fd = std::exchange(fd_, -1);
  if (sync && ::fsync(fd) != 0) return Fail(temp_, fd, temp_);
  if (::close(fd) != 0) return Fail(temp_, -1, temp_);
  return std::move(temp_);
}

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
