#include "cli/provision_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace specc::cli {
namespace {

namespace stdfs = std::filesystem;

// Removes the temporary files of earlier writes of `target` that were killed mid-way.
void RemoveLeftovers(const stdfs::path& target) {
  std::error_code ec;
  std::string prefix = target.filename().string() + provision::kTempSuffix;
  for (const stdfs::directory_entry& entry : stdfs::directory_iterator(target.parent_path(), ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() == prefix.size() + 6 && name.rfind(prefix, 0) == 0) stdfs::remove(entry.path(), ec);
  }
}

class RepositoryFiles final : public provision::LocalFiles {
 public:
  explicit RepositoryFiles(drift::Worktree& worktree) : worktree_(worktree) {}

  Result<std::optional<std::string>> Read(const std::string& path) override {
    return worktree_.Read(drift::Version::kWorkdir, path);
  }

  Result<bool> NeverCommitted(const std::string& path) override {
    Result<bool> ignored = worktree_.IsIgnored(path);
    if (!ignored.ok()) return ignored.error();
    if (!ignored.value()) return false;
    for (drift::Version version : {drift::Version::kIndex, drift::Version::kHead}) {
      Result<std::optional<std::string>> held = worktree_.Read(version, path);
      if (!held.ok()) return held.error();
      if (held.value().has_value()) return false;
    }
    return true;
  }

  Status Write(const std::string& path, std::string_view bytes, bool owner_only) override {
    stdfs::path target = stdfs::path(worktree_.root()) / path;
    std::error_code ec;
    stdfs::create_directories(target.parent_path(), ec);
    if (ec) return Error{target.parent_path().generic_string() + ": " + ec.message()};
    // mkstemp creates the file 0600 in the target's directory: a secret is never readable
    // by others, not even for a moment, and rename() stays on one file system. The name
    // starts with the target's (TempPrefix), so the ignore rule that keeps `.env.dev` out of
    // git keeps a temporary file a killed run left behind out too; the next write removes
    // such leftovers first.
    RemoveLeftovers(target);
    std::string temp = target.string() + provision::kTempSuffix + "XXXXXX";
    int fd = ::mkstemp(temp.data());
    if (fd < 0) return Error{temp + ": " + std::strerror(errno)};
    auto fail = [&](const std::string& what) -> Status {
      std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return Error{what + ": " + reason};
    };
    const char* data = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
      ssize_t n = ::write(fd, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return fail(temp);
      data += n;
      left -= static_cast<size_t>(n);
    }
    if (!owner_only) {
      mode_t mask = ::umask(0);
      ::umask(mask);
      if (::fchmod(fd, 0666 & ~mask) != 0) return fail(temp);
    }
    if (::fsync(fd) != 0) return fail(temp);
    if (::close(fd) != 0) {
      ::unlink(temp.c_str());
      return Error{temp + ": " + std::strerror(errno)};
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
      std::string reason = std::strerror(errno);
      ::unlink(temp.c_str());
      return Error{target.generic_string() + ": " + reason};
    }
    // The rename itself survives a crash once the directory is on disk.
    int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
    return Ok{};
  }

 private:
  drift::Worktree& worktree_;
};

}  // namespace

std::unique_ptr<provision::LocalFiles> NewRepositoryFiles(drift::Worktree& worktree) {
  return std::make_unique<RepositoryFiles>(worktree);
}

}  // namespace specc::cli
