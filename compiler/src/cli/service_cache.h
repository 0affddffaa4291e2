// Per-service reuse for `apply` and `check` in a repository of many services: each
// service's share of a run (what loading its OpenAPI document read and reported, the
// files its emitters rendered and what they reported) is kept in the git directory
// (`<common git dir>/specc/services/`, one sealed record per service), so that a run in
// which one service changed loads and renders that service alone and takes the others'
// shares from their records. The whole-run cache (cli/run_cache.h) answers a run in which
// nothing changed; this one answers the services that did not. A service whose files the
// drift check found unchanged keeps a settled record (their hashes, not their bytes); only
// one whose files differ keeps its full record, bytes and all (StoreServiceRecords in
// cli/project_generate.h).
//
// A record holds only when everything its share depends on is unchanged: the specc that
// wrote it (CacheIdentity), the run's key (specc.yaml, the project spec and everything the
// project read, the number of services, the service's name and path, index or disk), and
// every file the service's loading read (cli/run_record.h: stat data or the index's object
// ids vouch for a file, else it is read and hashed). A damaged, truncated, foreign or
// stale record is a miss, and the service is loaded and rendered cold. A share with an
// error, or with more diagnostics than a sink keeps, is never stored.
#ifndef SPECC_CLI_SERVICE_CACHE_H_
#define SPECC_CLI_SERVICE_CACHE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/output_set.h"
#include "base/result.h"
#include "base/source_map.h"
#include "cli/run_record.h"
#include "drift/worktree.h"

namespace specc::cli {

struct ServiceRecord {
  std::string identity;  // CacheIdentity() of the specc that wrote it
  std::string key;       // what the share depends on besides the service's own files
  int64_t started_ns = 0;
  std::vector<Observation> observations;  // what loading the service read
  // How many of `observations` loading made; in a settled record the rest are what the
  // drift check asked about its files. A settled record that misses on one of the first
  // ones tells that the full record misses too: both saw the same load.
  int64_t load_observations = 0;
  // The files loading added to the run's SourceMap, in order: display path and size.
  std::vector<std::pair<std::string, int64_t>> sources;
  std::string load_diagnostics;               // EncodeDiagnostics of what loading reported
  std::vector<std::string> task_diagnostics;  // the same, per emitter task
  std::vector<OutputSet> files;               // per output group
  // Whether taking the share needs the service's files in the run's SourceMap: some
  // diagnostic points into them, or one holds a secret-shaped value the secret review
  // must judge again (against the allowlist of that run). Otherwise a run that takes the
  // share reads none of its files (a monorepo's unchanged services cost no reading).
  bool sources_needed = true;
};

// A service whose files a drift check found unchanged: its record without the files'
// bytes (`files` holds settled files, OutputSet::PutSettled), whose observations add what
// the check asked of the repository about those files (cli/run_record.h: KnownRead,
// SameBytesObservations). While it holds, the service's files are still unchanged, and a
// run neither reads its record's bytes nor compares them (a monorepo in which one service
// changed then costs about that service).
std::string SerializeServiceRecord(const ServiceRecord& record);
Result<ServiceRecord> ParseServiceRecord(std::string_view bytes);
std::string SerializeSettledRecord(const ServiceRecord& record);
Result<ServiceRecord> ParseSettledRecord(std::string_view bytes);

// Diagnostics as fields. A location in one of the files `local` names is kept as an index
// into it (a file two services read has one SourceMap entry per service); any other as
// the file's display path. Returns nullopt when a location names no file of `sources`.
std::optional<std::string> EncodeDiagnostics(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
                                             const std::vector<FileId>& local);
// Reports the diagnostics of `encoded` to `sink`, their locations in `local` (whose
// sizes are `local_sizes`) or, by display path, in `sources`. Returns false (reporting
// nothing) when `encoded` is not well-formed or names a file that is not there.
bool DecodeDiagnostics(std::string_view encoded, const SourceMap& sources, const std::vector<FileId>& local,
                       const std::vector<size_t>& local_sizes, DiagSink& sink);

// The records of one repository, for one run.
class ServiceCache {
 public:
  // `raw_fs` reads the specs as the run does (disk or index, `staged`), unrecorded;
  // `run_record`, when set, is the whole-run record every service's reads are added to.
  ServiceCache(const std::string& common_git_dir, const Fs& raw_fs, const drift::Worktree& worktree, bool staged,
               RunRecord* run_record, int64_t started_ns);

  const Fs& raw_fs() const { return raw_fs_; }
  bool staged() const { return staged_; }
  int64_t started_ns() const { return started_ns_; }
  RunRecord* run_record() const { return run_record_; }
  // The index a RecordingFs over raw_fs() takes its witnesses from (null: the disk).
  const drift::Worktree* index() const { return staged_ ? &worktree_ : nullptr; }
  const std::string& root() const { return worktree_.root(); }

  // The record of the service at `path` named `name` when it still holds for `key`,
  // with its observations refreshed (the record is rewritten when a witness had to be
  // re-established); nullopt otherwise.
  std::optional<ServiceRecord> Find(const std::string& path, const std::string& name, const std::string& key) const;
  // Stores `record` for the service at `path` named `name` (a failure is only traced).
  void Store(const std::string& path, const std::string& name, const ServiceRecord& record) const;
  // The same for the settled record of a service (see SerializeSettledRecord). Storing a
  // full record drops the settled one: its files are rendered anew.
  // `*load_changed` tells, on a miss, whether a file the service's loading read changed
  // (the full record then misses too, and need not be read).
  std::optional<ServiceRecord> FindSettled(const std::string& path, const std::string& name, const std::string& key,
                                           bool* load_changed) const;
  void StoreSettled(const std::string& path, const std::string& name, const ServiceRecord& record) const;

  const drift::Worktree& worktree() const { return worktree_; }

 private:
  std::string FileFor(const std::string& path, const std::string& name) const;
  std::optional<ServiceRecord> FindIn(const std::string& file, const std::string& path, const std::string& name,
                                      const std::string& key, bool settled, bool* load_changed) const;

  std::string dir_;
  const Fs& raw_fs_;
  const drift::Worktree& worktree_;
  bool staged_;
  RunRecord* run_record_;
  int64_t started_ns_;
};

}  // namespace specc::cli

#endif  // SPECC_CLI_SERVICE_CACHE_H_
