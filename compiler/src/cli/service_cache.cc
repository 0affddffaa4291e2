#include "cli/service_cache.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <iostream>

#include "base/atomic_file.h"
#include "base/path.h"
#include "base/sha256.h"
#include "cli/cache_format.h"
#include "cli/run_cache.h"

namespace specc::cli {
namespace {

constexpr std::string_view kMagic = "specc-service-cache 3\n";
constexpr std::string_view kSettledMagic = "specc-service-settled 2\n";
constexpr std::string_view kSettledSuffix = ".settled";

void Trace(const std::string& note) {
  // Straight to stderr: what a recorded run prints to its context is replayed later.
  if (CacheTraceOn()) std::cerr << "specc: service cache: " << note << "\n";
}

void PutDiagnostic(std::string& out, const Diagnostic& d, const SourceMap& sources, const std::vector<FileId>& local,
                   bool* ok) {
  PutNumber(out, static_cast<int64_t>(d.severity));
  PutNumber(out, static_cast<int64_t>(d.code));
  if (!d.loc.known()) {
    PutField(out, "");
  } else {
    auto it = std::find(local.begin(), local.end(), d.loc.file);
    if (it != local.end()) {
      PutField(out, "#" + std::to_string(it - local.begin()));
    } else if (d.loc.file < sources.file_count()) {
      PutField(out, "=" + sources.path(d.loc.file));
    } else {
      *ok = false;
    }
  }
  PutNumber(out, d.loc.offset);
  PutField(out, d.message);
  PutField(out, d.hint);
  PutNumber(out, static_cast<int64_t>(d.notes.size()));
  for (const Diagnostic& note : d.notes) PutDiagnostic(out, note, sources, local, ok);
}

bool ReadDiagnostic(FieldReader& in, const SourceMap& sources, const std::vector<FileId>& local,
                    const std::vector<size_t>& local_sizes, int depth, Diagnostic* d) {
  int64_t severity = 0, code = 0, offset = 0, notes = 0;
  std::string file;
  if (depth > 8 || !in.NextNumber(&severity) || severity < 0 || severity > 2 || !in.NextNumber(&code) || code < 0 ||
      code >= static_cast<int64_t>(AllDiagCodes().size()) || !in.Next(&file) || !in.NextNumber(&offset) ||
      offset < 0 || offset > UINT32_MAX || !in.Next(&d->message) || !in.Next(&d->hint) || !in.NextNumber(&notes) ||
      notes < 0) {
    return false;
  }
  d->severity = static_cast<Severity>(severity);
  d->code = static_cast<DiagCode>(code);
  d->loc = Loc{};
  size_t size = 0;
  if (!file.empty()) {
    if (file[0] == '#') {
      size_t index = 0;
      for (size_t i = 1; i < file.size(); ++i) {
        if (file[i] < '0' || file[i] > '9' || i > 9) return false;
        index = index * 10 + static_cast<size_t>(file[i] - '0');
      }
      if (file.size() < 2 || index >= local.size() || index >= local_sizes.size()) return false;
      d->loc.file = local[index];
      size = local_sizes[index];
    } else if (file[0] == '=') {
      std::string_view path = std::string_view(file).substr(1);
      FileId found = kNoFile;
      for (FileId id = 0; id < sources.file_count() && found == kNoFile; ++id) {
        if (sources.path(id) == path) found = id;
      }
      if (found == kNoFile) return false;
      d->loc.file = found;
      size = sources.size(found);
    } else {
      return false;
    }
    if (static_cast<size_t>(offset) > size) return false;
  }
  d->loc.offset = static_cast<uint32_t>(offset);
  for (int64_t i = 0; i < notes; ++i) {
    if (!ReadDiagnostic(in, sources, local, local_sizes, depth + 1, &d->notes.emplace_back())) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> EncodeDiagnostics(const std::vector<Diagnostic>& diagnostics, const SourceMap& sources,
                                             const std::vector<FileId>& local) {
  std::string out;
  bool ok = true;
  PutNumber(out, static_cast<int64_t>(diagnostics.size()));
  for (const Diagnostic& d : diagnostics) PutDiagnostic(out, d, sources, local, &ok);
  if (!ok) return std::nullopt;
  return out;
}

bool DecodeDiagnostics(std::string_view encoded, const SourceMap& sources, const std::vector<FileId>& local,
                       const std::vector<size_t>& local_sizes, DiagSink& sink) {
  FieldReader in(encoded);
  int64_t count = 0;
  if (!in.NextNumber(&count) || count < 0) return false;
  std::vector<Diagnostic> diagnostics;
  for (int64_t i = 0; i < count; ++i) {
    if (!ReadDiagnostic(in, sources, local, local_sizes, 0, &diagnostics.emplace_back())) return false;
  }
  if (!in.AtEnd()) return false;
  for (Diagnostic& d : diagnostics) sink.Report(std::move(d));
  return true;
}

namespace {

void PutHeader(std::string& out, const ServiceRecord& record) {
  PutField(out, record.identity);
  PutField(out, record.key);
  PutNumber(out, record.started_ns);
  PutObservations(out, record.observations);
  PutNumber(out, record.load_observations);
  PutNumber(out, record.sources_needed ? 1 : 0);
  PutNumber(out, static_cast<int64_t>(record.sources.size()));
  for (const auto& [path, size] : record.sources) {
    PutField(out, path);
    PutNumber(out, size);
  }
  PutField(out, record.load_diagnostics);
  PutNumber(out, static_cast<int64_t>(record.task_diagnostics.size()));
  for (const std::string& encoded : record.task_diagnostics) PutField(out, encoded);
  PutNumber(out, static_cast<int64_t>(record.files.size()));
}

bool ReadHeader(FieldReader& in, ServiceRecord* record, int64_t* groups) {
  int64_t count = 0, sources_needed = 0;
  if (!in.Next(&record->identity) || !in.Next(&record->key) || !in.NextNumber(&record->started_ns) ||
      !ReadObservations(in, &record->observations) || !in.NextNumber(&record->load_observations) ||
      record->load_observations < 0 || record->load_observations > static_cast<int64_t>(record->observations.size()) ||
      !in.NextNumber(&sources_needed) || sources_needed < 0 || sources_needed > 1 || !in.NextNumber(&count) ||
      count < 0) {
    return false;
  }
  record->sources_needed = sources_needed == 1;
  for (int64_t i = 0; i < count; ++i) {
    auto& [path, size] = record->sources.emplace_back();
    if (!in.Next(&path) || !in.NextNumber(&size) || size < 0) return false;
  }
  if (!in.Next(&record->load_diagnostics) || !in.NextNumber(&count) || count < 0) return false;
  for (int64_t i = 0; i < count; ++i) {
    if (!in.Next(&record->task_diagnostics.emplace_back())) return false;
  }
  return in.NextNumber(groups) && *groups >= 0;
}

// How a record names a file: a generated file or a scaffold with its bytes, or a generated
// file settled (its sha256). A settled record holds settled files alone (scaffolds too,
// with no hash); a full record, bytes and files settled as they were rendered.
enum FileKind : int64_t { kGenerated = 0, kScaffold = 1, kSettledGenerated = 2 };

// A record's files, with their bytes (`settled` false) or settled: each file's bytes, or
// its sha256, in one field.
void PutFiles(std::string& out, const ServiceRecord& record, bool settled) {
  for (const OutputSet& group : record.files) {
    size_t count = group.settled().size() + (settled ? 0 : group.files().size());
    PutNumber(out, static_cast<int64_t>(count));
    if (!settled) {
      for (const auto& [path, bytes] : group.files()) {
        PutField(out, path);
        PutNumber(out, group.IsScaffold(path) ? kScaffold : kGenerated);
        PutField(out, bytes);
      }
    }
    for (const auto& [path, sha256] : group.settled()) {
      bool scaffold = group.IsScaffold(path);
      PutField(out, path);
      PutNumber(out, settled ? (scaffold ? kScaffold : kGenerated) : kSettledGenerated);
      PutField(out, sha256);
    }
  }
}

Result<ServiceRecord> ParseRecord(std::string_view bytes, std::string_view magic, bool settled) {
  Result<std::string_view> body = Unseal(bytes, magic);
  if (!body.ok()) return body.error();
  FieldReader in(body.value());
  ServiceRecord record;
  Error malformed{"malformed record"};
  int64_t groups = 0;
  if (!ReadHeader(in, &record, &groups)) return malformed;
  for (int64_t g = 0; g < groups; ++g) {
    OutputSet& group = record.files.emplace_back();
    int64_t files = 0;
    if (!in.NextNumber(&files) || files < 0) return malformed;
    for (int64_t i = 0; i < files; ++i) {
      std::string path, bytes;
      int64_t scaffold = 0;
      if (!in.Next(&path) || !in.NextNumber(&scaffold) || scaffold < 0 ||
          scaffold > (settled ? kScaffold : kSettledGenerated) || !in.Next(&bytes) || !IsNormalRelativePath(path) ||
          group.Has(path)) {
        return malformed;
      }
      if (settled) {
        group.PutSettled(path, std::move(bytes), scaffold == kScaffold);
      } else if (scaffold == kSettledGenerated) {
        group.PutSettled(path, std::move(bytes), false);
      } else if (scaffold == kScaffold) {
        group.PutScaffold(path, std::move(bytes));
      } else {
        group.Put(path, std::move(bytes));
      }
    }
  }
  if (!in.AtEnd()) return malformed;
  return record;
}

}  // namespace

namespace {

std::string Serialize(const ServiceRecord& record, std::string_view magic, bool settled) {
  // Room for the files up front: a large service's record runs to megabytes, and growing
  // the string copies them again and again.
  size_t files = 0;
  for (const OutputSet& group : record.files) {
    for (const auto& [path, bytes] : group.settled()) files += path.size() + bytes.size() + 48;
    if (settled) continue;
    for (const auto& [path, bytes] : group.files()) files += path.size() + bytes.size() + 48;
  }
  std::string out;
  out.reserve(magic.size() + files + 4096);
  out += magic;
  PutHeader(out, record);
  PutFiles(out, record, settled);
  Seal(out);
  return out;
}

}  // namespace

std::string SerializeServiceRecord(const ServiceRecord& record) { return Serialize(record, kMagic, false); }

Result<ServiceRecord> ParseServiceRecord(std::string_view bytes) { return ParseRecord(bytes, kMagic, false); }

std::string SerializeSettledRecord(const ServiceRecord& record) { return Serialize(record, kSettledMagic, true); }

Result<ServiceRecord> ParseSettledRecord(std::string_view bytes) { return ParseRecord(bytes, kSettledMagic, true); }

ServiceCache::ServiceCache(const std::string& common_git_dir, const Fs& raw_fs, const drift::Worktree& worktree,
                           bool staged, RunRecord* run_record, int64_t started_ns)
    : dir_(common_git_dir + "/specc/services"),
      raw_fs_(raw_fs),
      worktree_(worktree),
      staged_(staged),
      run_record_(run_record),
      started_ns_(started_ns) {}

std::string ServiceCache::FileFor(const std::string& path, const std::string& name) const {
  return dir_ + "/" +
         Sha256Hex("root " + worktree_.root() + "\n" + (staged_ ? "index" : "disk") + "\npath " + path + "\nname " +
                   name)
             .substr(0, 32);
}

std::optional<ServiceRecord> ServiceCache::Find(const std::string& path, const std::string& name,
                                                const std::string& key) const {
  bool load_changed = false;
  return FindIn(FileFor(path, name), path, name, key, /*settled=*/false, &load_changed);
}

std::optional<ServiceRecord> ServiceCache::FindSettled(const std::string& path, const std::string& name,
                                                       const std::string& key, bool* load_changed) const {
  return FindIn(FileFor(path, name) + std::string(kSettledSuffix), path, name, key, /*settled=*/true, load_changed);
}

std::optional<ServiceRecord> ServiceCache::FindIn(const std::string& file, const std::string& path,
                                                  const std::string& name, const std::string& key, bool settled,
                                                  bool* load_changed) const {
  *load_changed = false;
  std::string label = path + (settled ? " (settled)" : "");
  std::optional<std::string> bytes = ReadCacheFile(file);
  if (!bytes) {
    Trace(label + ": miss (no record)");
    return std::nullopt;
  }
  Result<ServiceRecord> parsed = settled ? ParseSettledRecord(*bytes) : ParseServiceRecord(*bytes);
  if (!parsed.ok()) {
    Trace(label + ": miss (" + parsed.error().message + ")");
    return std::nullopt;
  }
  ServiceRecord record = std::move(parsed).value();
  if (record.identity != CacheIdentity()) {
    Trace(label + ": miss (written by another specc)");
    return std::nullopt;
  }
  if (record.key != key) {
    Trace(label + ": miss (the project, specc.yaml or the service's name changed)");
    return std::nullopt;
  }
  RunRecord seen(record.started_ns, std::move(record.observations));
  std::vector<Observation> refreshed;
  bool needs_refresh = false;
  std::string why;
  size_t changed_at = 0;
  if (!RecordStillHolds(seen, raw_fs_, staged_, worktree_, &refreshed, &needs_refresh, &why, &changed_at)) {
    *load_changed = static_cast<int64_t>(changed_at) < record.load_observations;
    Trace(label + ": miss (" + why + ")");
    // The caller skips the full record, which saw the same load.
    if (*load_changed) Trace(path + ": miss (" + why + ", as the settled record saw)");
    return std::nullopt;
  }
  record.observations = std::move(refreshed);
  if (needs_refresh) {
    record.started_ns = started_ns_;
    if (settled) {
      StoreSettled(path, name, record);
    } else {
      Store(path, name, record);
    }
  }
  Trace(label + ": hit");
  return record;
}

void ServiceCache::Store(const std::string& path, const std::string& name, const ServiceRecord& record) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  std::string file = FileFor(path, name);
  // The settled record no longer describes what this record's files are.
  std::filesystem::remove(file + std::string(kSettledSuffix), ec);
  Status written = ReplaceFile(file, SerializeServiceRecord(record), 0600, Durability::kUnsynced);
  if (!written.ok()) Trace(path + ": not stored (" + written.error().message + ")");
}

void ServiceCache::StoreSettled(const std::string& path, const std::string& name, const ServiceRecord& record) const {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  Status written = ec ? Status(Error{ec.message()})
                      : ReplaceFile(FileFor(path, name) + std::string(kSettledSuffix), SerializeSettledRecord(record),
                                    0600, Durability::kUnsynced);
  if (!written.ok()) Trace(path + " (settled): not stored (" + written.error().message + ")");
}

}  // namespace specc::cli
