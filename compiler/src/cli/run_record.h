// What a drift run looked at, so that a later run can tell, without parsing or rendering,
// that its answer would be the same (cli/run_cache.h). Every question the run asked of
// the file system (read, list, canonical path) and of git (HEAD, index and working-tree
// versions of a path, ignore rules) is recorded with a hash of the answer and, where one
// exists, a cheap witness of it: stat data for a file on disk, git's object id for HEAD and
// the index. A record holds when every question still gets the same answer.
#ifndef SPECC_CLI_RUN_RECORD_H_
#define SPECC_CLI_RUN_RECORD_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "base/fs.h"
#include "drift/worktree.h"

namespace specc::cli {

struct Observation {
  enum Kind : char {
    kRead = 'R',       // Fs::Read(path)
    kCanonical = 'C',  // Fs::Canonical(path)
    kList = 'L',       // Fs::ListFiles(path)
    kTreeRead = 'T',   // Worktree::Read(version, path)
    kTreeList = 'S',   // Worktree::List(version, path)
    kTreeFingerprint = 'F',  // Worktree::Fingerprint(version, path), asked by SameBytes
    kIgnored = 'I',    // Worktree::IsIgnored(path)
    kEnvironment = 'E',  // a git configuration or attributes file, read raw (absolute path)
  };
  Kind kind = kRead;
  int version = 0;  // kTreeRead, kTreeList: the drift::Version
  std::string path;
  std::string answer;  // what the call returned, hashed ("ok <sha256>", "none", "error ...")
  // A witness of `answer` that costs no read: "stat ..." data (trusted only when the file
  // was last changed well before the run started), "git <oid>" (always trusted), or ""
  // (none: the call is repeated).
  std::string witness;
};

// The questions of one run, in the order asked (thread-safe).
class RunRecord {
 public:
  explicit RunRecord(int64_t started_ns) : started_ns_(started_ns) {}
  RunRecord(int64_t started_ns, std::vector<Observation> observations)
      : started_ns_(started_ns), observations_(std::move(observations)) {}

  void Add(Observation observation);
  int64_t started_ns() const { return started_ns_; }
  // The run changed what it observed (an apply that wrote): its answer is not kept.
  void MarkUnstorable() { storable_ = false; }
  bool storable() const { return storable_; }
  const std::vector<Observation>& observations() const { return observations_; }

 private:
  int64_t started_ns_;  // wall clock (ns since the epoch) before the first question
  mutable std::mutex mutex_;
  std::vector<Observation> observations_;
  bool storable_ = true;
};

// The current wall clock in ns since the epoch.
int64_t NowNs();

// Hashed answers, as Observation::answer holds them.
std::string AnswerOf(const Result<std::string>& bytes);
std::string AnswerOf(const Result<std::optional<std::string>>& bytes);

// An Fs that records every question into `record` before answering it as `inner` does.
// `index` is set when `inner` reads the index (check --staged): the witness of a read is
// then the index entry's object id, looked up by the path relative to `root`.
class RecordingFs final : public Fs {
 public:
  RecordingFs(const Fs& inner, RunRecord& record, const std::string& root, const drift::Worktree* index)
      : inner_(inner), record_(record), root_(root), index_(index) {}
  Result<std::string> Read(const std::string& path) const override;
  // Not recorded: a prefix only tells what a file is, and a run that depends on the file
  // reads it whole (Fs::ReadPrefix), which is recorded. Its hash, not the prefix's, is
  // what the next run compares.
  Result<std::string> ReadPrefix(const std::string& path, size_t limit) const override {
    return inner_.ReadPrefix(path, limit);
  }
  Result<std::string> Canonical(const std::string& path) const override;
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override;

 private:
  const Fs& inner_;
  RunRecord& record_;
  std::string root_;
  const drift::Worktree* index_;
};

// The witness of Fs::Read(path) for a RecordingFs over `index` (null: the disk).
std::string ReadWitness(const std::string& path, const std::string& root, const drift::Worktree* index);

// What RecordingWorktree records for Read(version, path) of a file known to hold bytes
// whose Sha256Hex is `sha256`, without reading it. A run that found the file so records
// this after the fact: a change since the run started leaves stat data too recent to
// vouch for it (or another object id), so the next run reads the file again.
Observation KnownRead(const drift::Worktree& worktree, drift::Version version, const std::string& path,
                      const std::string& sha256);
// What RecordingWorktree records for SameBytes(a, b, path), asked now.
std::vector<Observation> SameBytesObservations(const drift::Worktree& worktree, drift::Version a, drift::Version b,
                                               const std::string& path);
// Appends SameBytesObservations(worktree, kIndex, kHead, path) to `*observed` and returns
// whether the index holds what HEAD holds (equal fingerprints, neither an error): what a
// drift check that found the file unchanged depended on, besides the file itself.
bool ObserveIndexIsHead(const drift::Worktree& worktree, const std::string& path, std::vector<Observation>* observed);
// What RecordingWorktree records for Read(version, path), reading it now.
Observation ObservedRead(const drift::Worktree& worktree, drift::Version version, const std::string& path);

// A Worktree that records the reads, lists and ignore questions of the drift engine into
// `record`; everything else is passed to `inner`.
class RecordingWorktree final : public drift::Worktree {
 public:
  RecordingWorktree(const drift::Worktree& inner, RunRecord& record) : inner_(inner), record_(record) {}
  const std::string& root() const override { return inner_.root(); }
  Result<std::optional<std::string>> Read(drift::Version version, const std::string& path) const override;
  Result<std::vector<std::string>> List(drift::Version version, const std::string& dir) const override;
  Result<bool> IsIgnored(const std::string& path) const override;
  // Compares as `inner` does (for HEAD and the index, git's object ids, reading no blob)
  // and records the fingerprints of both versions: equal fingerprints next time mean the
  // same bytes, so the same answer. A comparison with the working tree reads both
  // versions through Read, which records them.
  Result<bool> SameBytes(drift::Version a, drift::Version b, const std::string& path) const override;
  // Asks `inner` (which compares a working-tree file in chunks, unread); when the version
  // holds `bytes`, records what Read would have (KnownRead: its witness, taken first, and
  // the hash of `bytes`), else reads it through Read, which records it.
  Result<bool> Holds(drift::Version version, const std::string& path, std::string_view bytes) const override;
  Result<std::string> Fingerprint(drift::Version version, const std::string& path) const override {
    return inner_.Fingerprint(version, path);
  }
  Result<std::string> Clean(const std::string& path, std::string contents) const override {
    return inner_.Clean(path, std::move(contents));
  }
  Result<std::string> ResolveCommit(const std::string& revision) const override {
    return inner_.ResolveCommit(revision);
  }
  Result<std::optional<drift::BaseCommit>> DefaultBase() const override { return inner_.DefaultBase(); }
  Result<std::optional<std::string>> ReadCommit(const std::string& commit, const std::string& path) const override {
    return inner_.ReadCommit(commit, path);
  }
  Result<std::vector<std::string>> ListCommit(const std::string& commit, const std::string& dir) const override {
    return inner_.ListCommit(commit, dir);
  }
  Result<std::string> HooksDir() const override { return inner_.HooksDir(); }
  std::string CommonGitDir() const override { return inner_.CommonGitDir(); }

 protected:
  // The drift check never writes; a run that does is not recorded through this.
  Status WriteFile(const std::string& path, std::string_view contents) override;
  Status RemoveFile(const std::string& path) override;

 private:
  const drift::Worktree& inner_;
  RunRecord& record_;
};

// Records the git configuration and attribute files that decide how files are read (the
// clean filters: core.autocrlf, `text` attributes) for the repository of `worktree`.
void RecordEnvironment(const drift::Worktree& worktree, RunRecord& record);

// True when every question of `record` gets the same answer now, asked of `disk` (or of
// `index` for a staged run, `staged`) and `worktree`. `*refreshed` receives the record with
// today's witnesses (set when some witness had to be re-established by reading), so that
// the next run trusts its stat data; `*why` says what changed on a false return, and
// `*changed_at` (when set) the index of the observation whose answer changed.
bool RecordStillHolds(const RunRecord& record, const Fs& fs, bool staged, const drift::Worktree& worktree,
                      std::vector<Observation>* refreshed, bool* needs_refresh, std::string* why,
                      size_t* changed_at = nullptr);

}  // namespace specc::cli

#endif  // SPECC_CLI_RUN_RECORD_H_
