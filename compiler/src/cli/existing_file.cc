#include "cli/existing_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace specc::cli {
namespace {

constexpr size_t kBlock = size_t{1} << 16;

// Reads `size` bytes at `offset` into `buffer`; false on an error or a short file.
bool ReadAt(int fd, char* buffer, size_t size, uint64_t offset) {
  for (size_t done = 0; done < size;) {
    ssize_t n = ::pread(fd, buffer + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

bool SameVersion(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino && a.st_size == b.st_size &&
         a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
         a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

}  // namespace

ExistingFile::ExistingFile(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd_ < 0) return;
  if (::fstat(fd_, &opened_) != 0 || !S_ISREG(opened_.st_mode)) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  matching_ = true;
}

ExistingFile::~ExistingFile() {
  if (fd_ >= 0) ::close(fd_);
}

bool ExistingFile::Matches(std::string_view piece) {
  if (!matching_) return false;
  if (matched_ + piece.size() > static_cast<uint64_t>(opened_.st_size)) {
    matching_ = false;
    return false;
  }
  char buffer[kBlock];
  for (size_t done = 0; done < piece.size();) {
    size_t size = std::min(kBlock, piece.size() - done);
    if (!ReadAt(fd_, buffer, size, matched_ + done) || std::memcmp(buffer, piece.data() + done, size) != 0) {
      matching_ = false;
      return false;
    }
    done += size;
  }
  matched_ += piece.size();
  return true;
}

Status ExistingFile::CopyMatched(TempFileWriter& out) const {
  if (matched_ == 0) return Ok{};
  char buffer[kBlock];
  for (uint64_t done = 0; done < matched_;) {
    size_t size = static_cast<size_t>(std::min<uint64_t>(kBlock, matched_ - done));
    if (!ReadAt(fd_, buffer, size, done)) return Error{"cannot read the file it replaces"};
    SPECC_RETURN_IF_ERROR(out.Append(std::string_view(buffer, size)));
    done += size;
  }
  struct stat now {};
  if (::fstat(fd_, &now) != 0 || !SameVersion(now, opened_)) {
    return Error{"the file it replaces changed while specc compared it; run again"};
  }
  return Ok{};
}

}  // namespace specc::cli
