#include "base/fs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "base/path.h"

namespace specc {

Result<std::string> RealFs::Read(const std::string& path) const {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Error{path + ": is a directory"};
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Error{path + ": " + std::strerror(errno)};
  std::string contents;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) contents.append(buffer, n);
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Error{path + ": read error"};
  return contents;
}

Result<std::string> RealFs::Canonical(const std::string& path) const {
  std::error_code ec;
  auto canonical = std::filesystem::canonical(path, ec);
  if (ec) return Error{path + ": " + ec.message()};
  return canonical.generic_string();
}

Result<std::vector<std::string>> RealFs::ListFiles(const std::string& dir) const {
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
