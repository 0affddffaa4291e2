// Ownership: which paths of the repository specc may write and delete. specc runs in
// hooks and CI on specs and a manifest that come from pull requests, so neither may steer
// a write or a deletion: generated files go only into the output directories that
// specc.yaml names, a file is deleted only there, and never a file specc reads, one of
// git's or specc's own state. The generator says what it owns (the CLI fills this from
// specc.yaml); Classify enforces it for every generated path and every manifest entry,
// and the Worktree refuses the reserved paths again as a second line of defence.
#ifndef SPECC_DRIFT_OWNERSHIP_H_
#define SPECC_DRIFT_OWNERSHIP_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace specc::drift {

struct Ownership {
  // Directories, relative to the root, that hold specc's generated files: the only places
  // where it writes them, and the only places where it deletes anything.
  std::vector<std::string> output_dirs;
  // Directories where specc writes scaffolds (code the user then owns): written once
  // where no file exists, never deleted.
  std::vector<std::string> scaffold_dirs;
  // Files and directories the run reads (specc.yaml, the specs directory and every spec
  // file, the templates directory): never written or deleted, even inside an output
  // directory.
  std::vector<std::string> inputs;
};

// What specc wants to do with a path.
enum class PathUse {
  kGenerate,  // write a generated file
  kScaffold,  // write a scaffold once
  kRemove,    // delete a file the manifest lists
};

// Returns why specc must never write or delete `path` whatever the configuration, or
// std::nullopt when it may: the path is not a normalised relative path
// (IsNormalRelativePath), lies in a `.git` directory (in any letter case, as git itself
// refuses), lies in `.specc/` but is neither the manifest nor a temporary file of it, or
// is `specc.yaml`.
std::optional<std::string> ReservedPathReason(std::string_view path);

// Returns why `path` is protected under `ownership` (a reserved path, or an input or a
// path inside one), or std::nullopt. specc never generates such a path, so a manifest
// that lists one was edited. The reason is a phrase that completes "`path` ...".
std::optional<std::string> ProtectedPathReason(const Ownership& ownership, std::string_view path);

// Returns why `path` is not specc's to use as `use` under `ownership`: it is protected,
// or lies outside every directory owned for that use. std::nullopt when it is specc's.
// The reason is a phrase that completes "`path` ...".
std::optional<std::string> NotOwnedReason(const Ownership& ownership, std::string_view path,
                                          PathUse use);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_OWNERSHIP_H_
