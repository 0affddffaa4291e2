#include "base/fs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/path.h"

namespace specc {

namespace stdfs = std::filesystem;

bool IsOutsideRoot(const Error& error) {
  const std::string& m = error.message;
  std::string_view reason = kOutsideRootReason;
  return m.size() >= reason.size() + 2 && m.compare(m.size() - reason.size(), reason.size(), reason) == 0 &&
         m.compare(m.size() - reason.size() - 2, 2, ": ") == 0;
}

bool ReportIfOutsideRoot(std::string_view display, const Error& error, Loc loc, DiagSink& sink) {
  if (!IsOutsideRoot(error)) return false;
  sink.Report(DiagCode::kSpecFileOutsideRepository, loc,
              "`" + std::string(display) + "` leads outside the repository (through a symbolic " +
                  "link or a path that climbs out of it); specc reads nothing there",
              "keep every spec file inside the repository: replace the link or the path with "
              "the file itself");
  return true;
}

namespace {

// ResolveWithin for a root whose links are already resolved.
Result<std::string> ResolveInside(const std::string& real_root, const std::string& path) {
  std::error_code ec;
  stdfs::path absolute = stdfs::absolute(path, ec);
  if (ec) return Error{path + ": " + ec.message()};
  absolute = absolute.lexically_normal();
  // The deepest part that exists (a link counts, even a dangling one: it is resolved
  // below, and fails there, rather than being created through).
  stdfs::path existing = absolute;
  std::vector<stdfs::path> rest;
  while (!stdfs::exists(stdfs::symlink_status(existing, ec)) && existing.has_relative_path()) {
    if (!existing.filename().empty()) rest.push_back(existing.filename());
    existing = existing.parent_path();
  }
  stdfs::path resolved = stdfs::canonical(existing, ec);
  if (ec) return Error{path + ": a symbolic link on the way cannot be resolved (" + ec.message() + ")"};
  for (auto it = rest.rbegin(); it != rest.rend(); ++it) resolved /= *it;
  std::string out = resolved.generic_string();
  // git's own directory is not the repository's content: a link into it could expose
  // .git/config, which may hold credentials.
  if (!IsWithin(out, real_root) || HasGitSegment(RelativeTo(out, real_root))) {
    return Error{path + ": " + kOutsideRootReason};
  }
  return out;
}

}  // namespace

Result<std::string> ResolveWithin(const std::string& root, const std::string& path) {
  std::error_code ec;
  stdfs::path real_root = stdfs::canonical(root, ec);
  if (ec) return Error{root + ": " + ec.message()};
  return ResolveInside(real_root.generic_string(), path);
}

RealFs::RealFs(std::string root, ReadFilter filter) : root_(std::move(root)), filter_(std::move(filter)) {
  std::error_code ec;
  real_root_ = stdfs::canonical(root_, ec).generic_string();
}

Result<std::string> RealFs::Confine(const std::string& path) const {
  if (root_.empty()) return path;
  // The root is resolved once; when that failed, ResolveWithin says why.
  return real_root_.empty() ? ResolveWithin(root_, path) : ResolveInside(real_root_, path);
}

Result<std::string> ReadWholeFile(const std::string& path, const std::string& display) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{display + ": " + std::strerror(errno)};
  struct stat info {};
  std::string contents;
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) contents.resize(static_cast<size_t>(info.st_size));
  size_t used = 0;
  for (;;) {
    // Past the length fstat gave (the file grew, or it is not a regular file), read
    // through a small buffer: the common exact fit then ends without growing `contents`.
    char probe[1 << 14];
    bool past_end = used == contents.size();
    ssize_t n = past_end ? ::read(fd, probe, sizeof probe) : ::read(fd, contents.data() + used, contents.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      return Error{display + ": " + std::strerror(error)};
    }
    if (n == 0) break;
    if (past_end) contents.append(probe, static_cast<size_t>(n));
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  contents.resize(used);
  return contents;
}

Result<std::string> Fs::ReadPrefix(const std::string& path, size_t limit) const {
  Result<std::string> bytes = Read(path);
  if (bytes.ok() && bytes.value().size() > limit) bytes.value().resize(limit);
  return bytes;
}

Result<std::string> RealFs::ReadPrefix(const std::string& given, size_t limit) const {
  Result<std::string> confined = Confine(given);
  SPECC_RETURN_IF_ERROR(confined);
  const std::string& path = confined.value();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{given + ": is a directory"};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{given + ": " + std::strerror(errno)};
  std::string head(limit, '\0');
  size_t used = 0;
  while (used < limit) {
    ssize_t n = ::read(fd, head.data() + used, limit - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      return Error{given + ": " + std::strerror(error)};
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  head.resize(used);
  return head;
}

Result<std::string> RealFs::Read(const std::string& given) const {
  Result<std::string> confined = Confine(given);
  SPECC_RETURN_IF_ERROR(confined);
  const std::string& path = confined.value();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{given + ": is a directory"};
  Result<std::string> contents = ReadWholeFile(path, given);
  SPECC_RETURN_IF_ERROR(contents);
  if (filter_) return filter_(RelativeTo(path, real_root_), std::move(contents).value());
  return contents;
}

Result<std::string> RealFs::Canonical(const std::string& path) const {
  Result<std::string> confined = Confine(path);
  SPECC_RETURN_IF_ERROR(confined);
  std::error_code ec;
  if (!root_.empty()) {
    // Confine resolved every link already; what is left is whether the file is there.
    if (!stdfs::exists(confined.value(), ec)) return Error{path + ": No such file or directory"};
    return confined.value();
  }
  auto canonical = std::filesystem::canonical(confined.value(), ec);
  if (ec) return Error{path + ": " + ec.message()};
  return canonical.generic_string();
}

Result<std::vector<std::string>> RealFs::ListFiles(const std::string& dir) const {
  // The files below are listed by the path given; each is confined again when it is read.
  SPECC_RETURN_IF_ERROR(Confine(dir));
  std::error_code ec;
  std::vector<std::string> out;
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Error{dir + ": " + ec.message()};
  for (; it != end; it.increment(ec)) {
    if (ec) return Error{dir + ": " + ec.message()};
    if (it->is_regular_file(ec)) out.push_back(it->path().generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void MemFs::Write(const std::string& path, std::string contents) {
  files_[NormalizePath(path)] = std::move(contents);
}

Result<std::string> MemFs::Read(const std::string& path) const {
  auto it = files_.find(NormalizePath(path));
  if (it == files_.end()) return Error{path + ": No such file or directory"};
  return it->second;
}

Result<std::vector<std::string>> MemFs::ListFiles(const std::string& dir) const {
  std::string prefix = NormalizePath(dir) + "/";
  std::vector<std::string> out;
  for (const auto& [path, contents] : files_) {
    if (path.rfind(prefix, 0) == 0) out.push_back(path);
  }
  return out;
}

Result<std::string> MemFs::Canonical(const std::string& path) const {
  std::string normal = NormalizePath(path);
  if (files_.count(normal) == 0) return Error{path + ": No such file or directory"};
  return normal;
}

}  // namespace specc
