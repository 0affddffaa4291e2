// The incremental drift check: `specc check` stores what it printed, its exit code and
// everything it looked at (cli/run_record.h) in the git directory
// (`<common git dir>/specc/cache/`, never in the working tree); the next check with the
// same flags in the same working tree answers from that entry, without parsing or
// rendering, when every file and every git version the first run read is unchanged.
//
// The entry is never trusted blindly: it names the specc that wrote it (version, commit,
// and the executable's size and time, so that a rebuilt specc starts over), the command
// and working tree it answers for, and ends with a SHA-256 of everything before; a
// truncated, flipped, foreign or stale entry is a miss, and the run is then cold. Writes go
// through a temporary file and a rename. A cache that cannot be read or written never
// fails a check: the run is cold and says nothing (SPECC_CACHE_TRACE=1 says why).
// `--no-cache` or SPECC_NO_CACHE=1 turns it off.
#ifndef SPECC_CLI_RUN_CACHE_H_
#define SPECC_CLI_RUN_CACHE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "cli/commands.h"
#include "cli/run_record.h"

namespace specc::cli {

struct CacheEntry {
  std::string identity;  // CacheIdentity() of the specc that wrote it
  std::string key;       // the command, its flags and the working tree
  int64_t started_ns = 0;
  int exit_code = 0;
  std::string out, err;               // what the run printed
  std::vector<std::string> accepted;  // the secret fingerprints the printed output may hold
  std::vector<Observation> observations;
};

// The specc that writes and reads entries: its version line and its executable's stat.
std::string CacheIdentity();

std::string SerializeCacheEntry(const CacheEntry& entry);
// Returns the entry, or an Error saying why `bytes` is not one (truncated, bad checksum,
// malformed).
Result<CacheEntry> ParseCacheEntry(std::string_view bytes);

// True when SPECC_NO_CACHE is set to anything but "" or "0".
bool CacheDisabledByEnvironment();

// The path of the entry for `key` in the repository whose common git dir is `git_dir`.
std::string CacheEntryPath(const std::string& git_dir, const std::string& key);

// A drift run that can be recorded: prints to ctx and returns the exit code, recording into
// `record` when it is not null.
using RecordableRun = std::function<int(const CommandContext& ctx, RunRecord* record)>;

// Answers `run` (whose command and flags `command_key` names; `staged` when it reads the
// index) from the cache when an entry holds, otherwise runs it, recording, and stores
// what it printed.
int RunWithCache(const std::string& command_key, bool staged, const CommandContext& ctx, const RecordableRun& run);

}  // namespace specc::cli

#endif  // SPECC_CLI_RUN_CACHE_H_
