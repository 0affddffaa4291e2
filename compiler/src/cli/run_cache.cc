#include "cli/run_cache.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "base/atomic_file.h"
#include "base/file_lock.h"
#include "base/path.h"
#include "base/sha256.h"
#include "cli/cache_format.h"
#include "cli/drift_run.h"
#include "cli/version.h"
#include "drift/git_worktree.h"
#include "drift/index_fs.h"

namespace specc::cli {
namespace {

constexpr std::string_view kMagic = "specc-run-cache 1\n";

void Trace(const CommandContext& ctx, const std::string& note) {
  if (CacheTraceOn()) ctx.err << "specc: cache: " << note << "\n";
}

// Replays a stored run.
int Replay(const CacheEntry& entry, const CommandContext& ctx) {
  ctx.out << entry.out;
  ctx.err << entry.err;
  if (ctx.accepted_secrets != nullptr) ctx.accepted_secrets->insert(entry.accepted.begin(), entry.accepted.end());
  return entry.exit_code;
}

void Store(const std::string& path, const CacheEntry& entry, const CommandContext& ctx) {
  std::error_code ec;
  std::filesystem::create_directories(std::string(DirName(path)), ec);
  Status written = ec ? Status(Error{ec.message()}) : ReplaceFile(path, SerializeCacheEntry(entry), 0600, Durability::kUnsynced);
  Trace(ctx, written.ok() ? "stored" : "not stored (" + written.error().message + ")");
}

// Whether `entry` (read from its file) answers this run; `*why` says why not.
bool Usable(const CacheEntry& entry, const std::string& key, std::string* why) {
  if (entry.identity != CacheIdentity()) {
    *why = "written by another specc";
    return false;
  }
  if (entry.key != key) {
    *why = "written for another command or working tree";
    return false;
  }
  return true;
}

}  // namespace

std::string CacheIdentity() {
  std::string identity = VersionLine();
  // A rebuilt specc may render differently without a new version: its executable differs.
  struct stat st;
  if (::stat("/proc/self/exe", &st) == 0) {
    identity += " exe " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                std::to_string(st.st_mtim.tv_nsec) + " " + std::to_string(st.st_ino);
  }
  return identity;
}

std::string SerializeCacheEntry(const CacheEntry& entry) {
  std::string out(kMagic);
  PutField(out, entry.identity);
  PutField(out, entry.key);
  PutField(out, std::to_string(entry.started_ns));
  PutField(out, std::to_string(entry.exit_code));
  PutField(out, entry.out);
  PutField(out, entry.err);
  PutField(out, std::to_string(entry.accepted.size()));
  for (const std::string& fingerprint : entry.accepted) PutField(out, fingerprint);
  PutObservations(out, entry.observations);
  Seal(out);
  return out;
}

Result<CacheEntry> ParseCacheEntry(std::string_view bytes) {
  Result<std::string_view> body = Unseal(bytes, kMagic);
  if (!body.ok()) return body.error();
  FieldReader in(body.value());
  CacheEntry entry;
  std::string exit_code;
  int64_t number = 0, count = 0;
  Error malformed{"malformed entry"};
  if (!in.Next(&entry.identity) || !in.Next(&entry.key) || !in.NextNumber(&entry.started_ns) ||
      !in.NextNumber(&number) || !in.Next(&entry.out) || !in.Next(&entry.err) || !in.NextNumber(&count) ||
      count < 0) {
    return malformed;
  }
  entry.exit_code = static_cast<int>(number);
  for (int64_t i = 0; i < count; ++i) {
    if (!in.Next(&entry.accepted.emplace_back())) return malformed;
  }
  if (!ReadObservations(in, &entry.observations)) return malformed;
  if (!in.AtEnd()) return malformed;
  return entry;
}

bool CacheDisabledByEnvironment() {
  const char* off = std::getenv("SPECC_NO_CACHE");
  return off != nullptr && std::string_view(off) != "" && std::string_view(off) != "0";
}

std::string CacheEntryPath(const std::string& git_dir, const std::string& key) {
  return git_dir + "/specc/cache/" + Sha256Hex(key).substr(0, 32);
}

int RunWithCache(const std::string& command_key, bool staged, const CommandContext& ctx, const RecordableRun& run) {
  Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(ctx.working_dir);
  // Outside a repository the run says so itself.
  if (!opened.ok()) return run(ctx, nullptr);
  const drift::Worktree& worktree = *opened.value();
  std::string key = command_key + "\nroot " + worktree.root() + "\nworking dir " + ctx.working_dir;
  std::string path = CacheEntryPath(worktree.CommonGitDir(), key);

  int64_t started = NowNs();
  {
    // Read under the shared lock, as a cold check does: an apply writing meanwhile would
    // make the answer a mix. When the lock is taken, the cold run reports it.
    Result<std::unique_ptr<FileLock>> lock = FileLock::TryAcquire(LockPath(worktree), FileLock::Mode::kShared);
    bool locked_out = lock.ok() && lock.value() == nullptr;
    std::optional<std::string> bytes = locked_out ? std::nullopt : ReadCacheFile(path);
    if (bytes) {
      Result<CacheEntry> entry = ParseCacheEntry(*bytes);
      std::string why;
      if (!entry.ok()) {
        Trace(ctx, "miss (" + entry.error().message + ")");
      } else if (!Usable(entry.value(), key, &why)) {
        Trace(ctx, "miss (" + why + ")");
      } else {
        RealFs disk(worktree.root(), [&worktree](const std::string& file, std::string contents) {
          return worktree.Clean(file, std::move(contents));
        });
        drift::IndexFs index(worktree);
        const Fs& fs = staged ? static_cast<const Fs&>(index) : disk;
        RunRecord record(entry.value().started_ns, entry.value().observations);
        std::vector<Observation> refreshed;
        bool needs_refresh = false;
        if (RecordStillHolds(record, fs, staged, worktree, &refreshed, &needs_refresh, &why)) {
          Trace(ctx, "hit");
          if (needs_refresh) {
            CacheEntry renewed = std::move(entry).value();
            renewed.started_ns = started;
            renewed.observations = std::move(refreshed);
            Store(path, renewed, ctx);
            return Replay(renewed, ctx);
          }
          return Replay(entry.value(), ctx);
        }
        Trace(ctx, "miss (" + why + ")");
      }
    } else {
      Trace(ctx, locked_out ? "skipped (the repository is locked)" : "miss (no entry)");
    }
  }

  RunRecord record(started);
  RecordEnvironment(worktree, record);
  std::ostringstream out, err;
  std::set<std::string> accepted;
  CommandContext recorded{ctx.working_dir, ctx.free_memory, ctx.format, out, err, &accepted};
  int code = run(recorded, &record);
  CacheEntry entry{CacheIdentity(), key, started, code, out.str(), err.str(),
                   std::vector<std::string>(accepted.begin(), accepted.end()), record.observations()};
  ctx.out << entry.out;
  ctx.err << entry.err;
  if (ctx.accepted_secrets != nullptr) ctx.accepted_secrets->insert(accepted.begin(), accepted.end());
  // Usage and environment errors (a lock held, an unreadable file) are not the specs'
  // answer, and an apply that wrote changed what it read: they are not kept.
  if (code != kExitUsage && record.storable()) Store(path, entry, ctx);
  return code;
}

}  // namespace specc::cli
