#include "drift/ownership.h"

#include "base/atomic_file.h"
#include "base/path.h"
#include "drift/manifest.h"

namespace specc::drift {
namespace {

// True when `path` lies strictly below directory `dir` ("." holds every path).
bool IsBelow(std::string_view path, std::string_view dir) {
  return dir == "." || (path != dir && IsWithin(path, dir));
}

std::string Listed(const std::vector<std::string>& dirs) {
  std::string out;
  for (const std::string& dir : dirs) out += (out.empty() ? "`" : ", `") + dir + "`";
  return out.empty() ? "none" : out;
}

}  // namespace

std::optional<std::string> ReservedPathReason(std::string_view path) {
  if (!IsNormalRelativePath(path)) return "is not a normalised path relative to the repository root";
  if (HasGitSegment(path)) return "lies in a `.git` directory, which belongs to git";
  // The manifest's own temporary file (base/atomic_file.h) is specc's too.
  std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
  bool manifest_temp = DirName(path) == DirName(kManifestPath) && IsSpeccTempFile(name);
  if (path != kManifestPath && !manifest_temp && IsWithin(path, ".specc")) {
    return std::string("lies in `.specc/`, where specc keeps only `") + kManifestPath + "`";
  }
  if (path == "specc.yaml") return "is specc's configuration";
  return std::nullopt;
}

std::optional<std::string> ProtectedPathReason(const Ownership& ownership, std::string_view path) {
  if (std::optional<std::string> reserved = ReservedPathReason(path)) return reserved;
  for (const std::string& input : ownership.inputs) {
    if (IsWithin(path, input)) {
      return input == path ? std::string("is an input of specc")
                           : "lies in `" + input + "`, an input of specc";
    }
  }
  return std::nullopt;
}

std::optional<std::string> NotOwnedReason(const Ownership& ownership, std::string_view path,
                                          PathUse use) {
  if (std::optional<std::string> reason = ProtectedPathReason(ownership, path)) return reason;
  const std::vector<std::string>& dirs =
      use == PathUse::kScaffold ? ownership.scaffold_dirs : ownership.output_dirs;
  for (const std::string& dir : dirs) {
    if (IsBelow(path, dir)) return std::nullopt;
  }
  return std::string(use == PathUse::kScaffold ? "lies outside every handlers directory (" :
                                                 "lies outside every output directory (") +
         Listed(dirs) + ")";
}

}  // namespace specc::drift
