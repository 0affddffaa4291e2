// Lexical path helpers with '/' separators, used for $ref targets and output paths.
// They never touch the disk.
#ifndef SPECC_BASE_PATH_H_
#define SPECC_BASE_PATH_H_

#include <string>
#include <string_view>

namespace specc {

// Removes "." segments, folds "a/../", and collapses repeated slashes. A leading ".."
// that cannot be folded is kept ("../x").
std::string NormalizePath(std::string_view path);
// Returns the directory part of `path` ("a/b.yaml" -> "a"; "b.yaml" -> "").
std::string_view DirName(std::string_view path);
// Joins `dir` and a relative `path`, then normalises.
std::string JoinPath(std::string_view dir, std::string_view path);
// True when normalised `path` lies inside normalised `dir` (or equals it).
bool IsWithin(std::string_view path, std::string_view dir);
// True when `path` is a file path relative to a root that stays inside it, written the
// one way specc writes such paths: not empty, not absolute, already normalised (no "."
// or ".." segment, no repeated or trailing '/'), and free of backslashes and control
// characters, which could name another file on Windows or forge lines in a report.
// Paths read from untrusted input (the manifest) must pass it before they are used.
bool IsNormalRelativePath(std::string_view path);
// True when a segment of `path` is `.git` in any letter case: git's own directory, which
// a case-insensitive file system also reaches as `.GIT` (git refuses such paths too).
bool HasGitSegment(std::string_view path);
// Returns `path` relative to `base` when it lies within it; otherwise `path` unchanged.
std::string RelativeTo(std::string_view path, std::string_view base);
// Returns the relative path that leads from directory `from` to `to`, climbing with ".."
// where needed: ("src/handlers/api", "src/generated/api") -> "../../generated/api".
// REQUIRES: both are relative paths inside the same root, without leading "..".
std::string PathFrom(std::string_view from, std::string_view to);

}  // namespace specc

#endif  // SPECC_BASE_PATH_H_
