// Classification: the heart of the drift engine. For every path specc generates now or
// generated before (by the manifest), it compares what specc would write with HEAD, the
// index and the working tree, and decides: unchanged, added, modified, removed, or a
// conflict (SPEC.md, Drift; seed 002 FR-010 and Edge Cases). Both `apply` and `check`
// start here; report.h turns the result into a DriftReport and apply.h writes it.
#ifndef SPECC_DRIFT_CLASSIFY_H_
#define SPECC_DRIFT_CLASSIFY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_set.h"
#include "base/result.h"
#include "drift/manifest.h"
#include "drift/ownership.h"
#include "drift/worktree.h"

namespace specc::drift {

enum class FileState { kUnchanged, kAdded, kModified, kRemoved, kConflict };

enum class ConflictReason {
  // A generated file has edits that are not committed (in the working tree or the index)
  // and that differ both from HEAD and from what specc wrote last.
  kUncommittedLocalChanges,
  // A generated file was edited by hand and committed, or a path specc wants to write
  // holds a file specc never generated.
  kManualDivergence,
  // The manifest comes from a newer or incompatible specc or artifact schema, or cannot
  // be read at all, so specc cannot tell its files from anyone else's.
  kSchemaMismatch,
};

// "UNCOMMITTED_LOCAL_CHANGES", "MANUAL_DIVERGENCE", "SCHEMA_MISMATCH" (the seed's names).
std::string_view ConflictReasonName(ConflictReason reason);

struct FileEntry {
  std::string path;
  FileState state = FileState::kUnchanged;
  // What the file holds now (working tree, or the index with `staged`); nullopt if absent.
  // Set only when `state` is not kUnchanged: an unchanged file's bytes are the generated
  // ones, and keeping a copy of every file would double a large run's memory.
  std::optional<std::string> current;
  // What specc would write; nullopt when specc no longer generates the path (and, as for
  // `current`, for an unchanged file).
  std::optional<std::string> generated;
  // Set for kConflict only.
  ConflictReason reason = ConflictReason::kManualDivergence;
  std::string suggestion;
};

struct ClassifyOptions {
  GeneratorInfo generator;
  // Compare with the index instead of the working tree (`check --staged`, for hooks).
  bool staged = false;
  // Where specc may write and delete. The default owns nothing: every manifest entry of
  // a file that exists is then a conflict, and every generated path an Error.
  Ownership ownership;
};

struct Classification {
  // Every path generated now or before, and the manifest itself, sorted by path.
  std::vector<FileEntry> files;

  bool has_conflicts() const;
  // True when some file would be added, modified or removed.
  bool has_changes() const;
};

// Classifies every path in `generated` or in the current manifest against `worktree`.
// A settled file of `generated` (OutputSet::PutSettled) is unchanged, and not read.
// The manifest is untrusted input (it comes from pull requests like the specs): an entry
// that is protected (options.ownership: git's files, specc.yaml, an input) is a
// kSchemaMismatch conflict; one outside every output directory is a kSchemaMismatch
// conflict while its file exists (specc deletes nothing there) and is dropped from the
// manifest once it is gone. Neither is ever kRemoved.
// Returns an Error when the repository cannot be read, or when `generated` holds a path
// that options.ownership does not give specc to write.
// REQUIRES: `generated` does not contain kManifestPath (the engine owns that path).
Result<Classification> Classify(const OutputSet& generated, const Worktree& worktree,
                                const ClassifyOptions& options);

}  // namespace specc::drift

#endif  // SPECC_DRIFT_CLASSIFY_H_
