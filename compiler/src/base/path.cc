#include "base/path.h"

#include <vector>

namespace specc {

std::string NormalizePath(std::string_view path) {
  bool absolute = !path.empty() && path.front() == '/';
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view part = path.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out = absolute ? "/" : "";
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) out = ".";
  return out;
}

std::string_view DirName(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  if (slash == 0) return path.substr(0, 1);
  return path.substr(0, slash);
}

std::string JoinPath(std::string_view dir, std::string_view path) {
  if (!path.empty() && path.front() == '/') return NormalizePath(path);
  if (dir.empty()) return NormalizePath(path);
  std::string joined(dir);
  joined += '/';
  joined += path;
  return NormalizePath(joined);
}

bool IsWithin(std::string_view path, std::string_view dir) {
  std::string p = NormalizePath(path);
  std::string d = NormalizePath(dir);
  if (d == ".") return p != ".." && p.rfind("../", 0) != 0 && p.front() != '/';
  if (p == d) return true;
  if (d == "/") return p.front() == '/';
  return p.size() > d.size() && p.compare(0, d.size(), d) == 0 && p[d.size()] == '/';
}

bool IsNormalRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/' || path == "." || path == "..") return false;
  if (path.rfind("../", 0) == 0) return false;
  for (char c : path) {
    if (c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return NormalizePath(path) == path;
}

bool HasGitSegment(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part.size() == 4 && part[0] == '.' && (part[1] | 0x20) == 'g' && (part[2] | 0x20) == 'i' &&
        (part[3] | 0x20) == 't') {
      return true;
    }
    start = slash + 1;
  }
  return false;
}

std::string RelativeTo(std::string_view path, std::string_view base) {
  std::string p = NormalizePath(path);
  std::string b = NormalizePath(base);
  if (b == "." || !IsWithin(p, b)) return p;
  if (p == b) return ".";
  if (b == "/") return p.substr(1);
  return p.substr(b.size() + 1);
}

std::string PathFrom(std::string_view from, std::string_view to) {
  auto segments = [](const std::string& path) {
    std::vector<std::string> out;
    if (path == ".") return out;
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      if (slash == std::string::npos) slash = path.size();
      out.push_back(path.substr(start, slash - start));
      start = slash + 1;
    }
    return out;
  };
  std::vector<std::string> f = segments(NormalizePath(from));
  std::vector<std::string> t = segments(NormalizePath(to));
  size_t common = 0;
  while (common < f.size() && common < t.size() && f[common] == t[common]) ++common;
  std::string out;
  for (size_t i = common; i < f.size(); ++i) out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < t.size(); ++i) out += (out.empty() ? "" : "/") + t[i];
  return out.empty() ? "." : out;
}

}  // namespace specc
