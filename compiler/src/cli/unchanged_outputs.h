// The drift check's memory at repository scale: a file that the check will find unchanged
// does not need its bytes once it is rendered. UnchangedOutputs is the OutputConsumer
// (base/output_set.h) that decides so for each file the moment an emitter puts it, and
// settles it (OutputSet::PutSettled: path and SHA-256 only), so that a run holds the bytes
// of the files that may differ alone (about 50 MB less on GitHub's REST description).
//
// A file is settled when Classify (drift/classify.h) would find it unchanged without
// looking further: it is generated (not a scaffold), the manifest is trusted and records
// its SHA-256, the secret guard lets it through (cli/guard.h: it holds no secret-shaped
// string outside the accepted ones, so the guard does not need its bytes), the
// working tree (the index with --staged) holds exactly its bytes, and, unless staged, the
// index holds what HEAD holds. The check then neither reads nor compares it again, and the
// report, diffs, manifest and exit code are those of a run that kept every byte.
#ifndef SPECC_CLI_UNCHANGED_OUTPUTS_H_
#define SPECC_CLI_UNCHANGED_OUTPUTS_H_

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/output_set.h"
#include "cli/run_record.h"
#include "drift/manifest.h"
#include "drift/worktree.h"

namespace specc::cli {

class UnchangedOutputs {
 public:
  // Returns null when nothing can be settled: no manifest, or one `generator` cannot trust.
  // `worktree` is the repository itself (not a recording one: RecordTo records the
  // questions asked in a deterministic order); it is asked from one thread at a time.
  static std::unique_ptr<UnchangedOutputs> Open(const drift::Worktree& worktree, bool staged,
                                                const drift::GeneratorInfo& generator);

  ~UnchangedOutputs();

  // The fingerprints of the secrets the guard lets through (the spec review's). Set before
  // any file is rendered.
  void Accept(std::set<std::string> accepted) { accepted_ = std::move(accepted); }

  // The consumer of the files of the output directory `dir` (their paths are relative to
  // it). With `secret_free_only`, a file holding any secret-shaped string, accepted or
  // not, keeps its bytes.
  OutputConsumer* ForDir(const std::string& dir, bool secret_free_only = false);

  // Adds to `record`, in path order, what the drift check would have recorded when it
  // compared the files settled here (RecordingWorktree::Holds and SameBytes).
  void RecordTo(RunRecord& record) const;

  // Decides for the file at `path` (relative to the repository) holding `bytes`: its
  // Sha256Hex when settled, std::nullopt when its bytes are to be kept. Thread-safe.
  std::optional<std::string> Settle(const std::string& path, const std::string& bytes, bool secret_free_only = false);

  // A file settled here: what settling it asked of the repository, and whether its bytes
  // held no secret-shaped string at all, not even an accepted one (a service record that
  // settles it must not depend on the run's allowlist).
  struct SettledFile {
    std::vector<Observation> observed;
    bool secret_free = false;
  };
  // The file at `path` as settled here; null when it was not. Call once rendering is done.
  const SettledFile* Settled(const std::string& path) const;

 private:
  UnchangedOutputs(const drift::Worktree& worktree, bool staged, drift::Manifest manifest);

  class DirConsumer;

  const drift::Worktree& worktree_;
  const bool staged_;
  const drift::Manifest manifest_;
  std::set<std::string> accepted_;
  std::mutex mutex_;  // the worktree's questions, and what follows
  std::map<std::string, SettledFile> settled_;  // by path
  std::vector<std::unique_ptr<DirConsumer>> dirs_;
};

}  // namespace specc::cli

#endif  // SPECC_CLI_UNCHANGED_OUTPUTS_H_
