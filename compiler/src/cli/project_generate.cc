#include "cli/project_generate.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "base/check.h"
#include "base/path.h"
#include "base/secret_scan.h"
#include "base/sha256.h"
#include "cli/commands.h"
#include "cli/run_cache.h"
#include "driver/front_end.h"
#include "driver/generate.h"
#include "driver/secret_review.h"
#include "emit/registry.h"
#include "emit/template_set.h"

namespace specc::cli {

namespace {

// What the run owns under `config` (drift/ownership.h). Every configured output directory
// counts, enabled or not, so that switching an artifact off removes its files; the
// inputs are the directories specc.yaml names and every file the front end read.
drift::Ownership OwnershipOf(const spec::ProjectConfig& config,
                             const std::vector<std::string>& files_read) {
  drift::Ownership owned;
  std::set<std::string> outputs, scaffolds, inputs = {"specc.yaml", config.specs_dir};
  for (const spec::ArtifactConfig& artifact : config.artifacts) {
    // specc.yaml reports an enabled artifact's bad directory; a disabled one's default
    // may overlap the specs, and is then simply not owned.
    if (!spec::OutputDirProblem(config, artifact.out)) outputs.insert(artifact.out);
    if (artifact.enabled && artifact.scaffold && emit::FindEmitter(artifact.kind) != nullptr) {
      scaffolds.insert(artifact.handlers.empty() ? artifact.out : artifact.handlers);
    }
  }
  if (!config.templates_dir.empty()) inputs.insert(config.templates_dir);
  for (const std::string& file : files_read) {
    // A file outside the repository is displayed by its absolute path; nothing specc
    // writes can be it.
    if (IsNormalRelativePath(file)) inputs.insert(file);
  }
  owned.output_dirs.assign(outputs.begin(), outputs.end());
  owned.scaffold_dirs.assign(scaffolds.begin(), scaffolds.end());
  owned.inputs.assign(inputs.begin(), inputs.end());
  return owned;
}


// An Fs that writes what every question got into `*log` (hashed), so that a key can
// stand for everything a phase read.
class KeyingFs final : public Fs {
 public:
  KeyingFs(const Fs& inner, std::string* log) : inner_(inner), log_(log) {}
  Result<std::string> Read(const std::string& path) const override {
    Result<std::string> bytes = inner_.Read(path);
    *log_ += "read " + path + " " + AnswerOf(bytes) + "\n";
    return bytes;
  }
  Result<std::string> ReadPrefix(const std::string& path, size_t limit) const override {
    return inner_.ReadPrefix(path, limit);  // a sniff: what depends on the file reads it whole
  }
  Result<std::string> Canonical(const std::string& path) const override {
    Result<std::string> canonical = inner_.Canonical(path);
    *log_ += "canonical " + path + " " + (canonical.ok() ? canonical.value() : "error " + canonical.error().message) +
             "\n";
    return canonical;
  }
  Result<std::vector<std::string>> ListFiles(const std::string& dir) const override {
    Result<std::vector<std::string>> listed = inner_.ListFiles(dir);
    *log_ += "list " + dir + (listed.ok() ? "" : " error " + listed.error().message) + "\n";
    if (listed.ok()) {
      for (const std::string& file : listed.value()) *log_ += "  " + file + "\n";
    }
    return listed;
  }

 private:
  const Fs& inner_;
  std::string* log_;
};

// The output groups of `config`: kinds that share an output directory are generated
// together (the routes import the schemas next to them); each group's files go under its
// directory. Kinds without an emitter generate nothing.
struct Groups {
  std::vector<driver::GenerateGroup> groups;
  std::vector<std::string> dirs;
  std::map<std::string, std::string> scaffolds_by_dir;  // where the handler scaffolds of a group go
  std::set<std::string> no_scaffolds;                     // groups whose routes say `handlers: false`
};

Groups GroupsOf(const spec::ProjectConfig& config) {
  Groups out;
  std::map<std::string, std::vector<std::string>> kinds_by_dir;
  for (const spec::ArtifactConfig& artifact : config.artifacts) {
    if (artifact.enabled && emit::FindEmitter(artifact.kind) != nullptr) {
      kinds_by_dir[artifact.out].push_back(artifact.kind);
      if (!artifact.handlers.empty()) out.scaffolds_by_dir[artifact.out] = artifact.handlers;
      if (!artifact.scaffold) out.no_scaffolds.insert(artifact.out);
    }
  }
  for (const auto& [dir, kinds] : kinds_by_dir) {
    emit::EmitOptions options;
    options.postman_prefix = config.postman_prefix;
    options.postman_base_urls = config.postman_base_urls;
    auto scaffold_dir = out.scaffolds_by_dir.find(dir);
    options.handlers_to_out =
        PathFrom(scaffold_dir == out.scaffolds_by_dir.end() ? dir : scaffold_dir->second, dir);
    out.groups.push_back({kinds, options});
    out.dirs.push_back(dir);
  }
  return out;
}

// One service's share of the run: taken from its record, or loaded and rendered now.
struct Share {
  bool taken = false;                   // from the cache
  // Its record without the files, when a drift check may settle it: rendered now, or
  // taken from a record with the files' bytes.
  std::optional<ServiceRecord> header;
  std::vector<FileId> files;            // the SourceMap entries of its files
  std::vector<size_t> sizes;            // their sizes
  // The display paths of its files when taken without reading them (see
  // ServiceRecord::sources_needed): read by the run all the same, but not into the SourceMap.
  std::vector<std::string> unread;
  std::vector<Observation> observations;  // what loading it read (cold, with a cache)
  std::vector<Diagnostic> load_diagnostics;
  bool storable = false;
};

// Takes the share of `record` into `sources`, `sink` and `*part`: re-reads the files the
// service's loading read (vouched for by the record) into the SourceMap when its
// diagnostics or the secret review need them, and replays what it reported. Returns false,
// changing nothing, when a file cannot be read as recorded.
bool TakeRecord(ServiceRecord& record, const ServiceCache& cache, size_t tasks, SourceMap& sources,
                DiagSink& sink, Share* share, driver::RenderedPart* part) {
  std::vector<std::string> texts;
  std::vector<size_t> sizes;
  for (const auto& [display, size] : record.sources) {
    if (!IsNormalRelativePath(display)) return false;
    if (!record.sources_needed) continue;
    Result<std::string> text = cache.raw_fs().Read(JoinPath(cache.root(), display));
    if (!text.ok() || static_cast<int64_t>(text.value().size()) != size) return false;
    sizes.push_back(text.value().size());
    texts.push_back(std::move(text).value());
  }
  std::vector<FileId> local;
  for (size_t i = 0; i < texts.size(); ++i) local.push_back(static_cast<FileId>(sources.file_count() + i));
  DiagSink loaded;
  std::vector<DiagSink> rendered(tasks);
  if (record.task_diagnostics.size() != tasks ||
      !DecodeDiagnostics(record.load_diagnostics, sources, local, sizes, loaded)) {
    return false;
  }
  for (size_t t = 0; t < tasks; ++t) {
    if (!DecodeDiagnostics(record.task_diagnostics[t], sources, local, sizes, rendered[t])) return false;
  }
  for (size_t i = 0; i < texts.size(); ++i) sources.Add(record.sources[i].first, std::move(texts[i]));
  sink.Absorb(loaded);
  share->files = std::move(local);
  share->sizes = std::move(sizes);
  if (!record.sources_needed) {
    for (const auto& [display, size] : record.sources) share->unread.push_back(display);
  }
  part->files = std::move(record.files);
  part->diags = std::move(rendered);
  return true;
}

// Loads the service at `loaded` cold, recording what it reads when there is a cache.
void LoadCold(driver::LoadedApi& loaded, const std::string& root, const Fs& fs, const ServiceCache* cache,
              SourceMap& sources, DiagSink& sink, Share* share) {
  FileId first = static_cast<FileId>(sources.file_count());
  if (cache == nullptr) {
    driver::LoadApiChecked(loaded, root, fs, sources, sink, driver::Meanings::kKeep);
    return;
  }
  RunRecord record(cache->started_ns());
  RecordingFs recording(cache->raw_fs(), record, cache->root(), cache->index());
  DiagSink reported;
  driver::LoadApiChecked(loaded, root, recording, sources, reported, driver::Meanings::kKeep);
  sink.Absorb(reported);
  for (FileId id = first; id < sources.file_count(); ++id) {
    share->files.push_back(id);
    share->sizes.push_back(sources.size(id));
  }
  share->observations = record.observations();
  share->load_diagnostics = reported.diagnostics();
  share->storable = !reported.has_errors() && reported.dropped_count() == 0 && loaded.api.has_value();
  for (FileId id : share->files) share->storable &= IsNormalRelativePath(sources.path(id));
}

bool PointsInto(const std::vector<Diagnostic>& diagnostics, const std::vector<FileId>& files) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return (d.loc.known() && std::find(files.begin(), files.end(), d.loc.file) != files.end()) ||
           PointsInto(d.notes, files);
  });
}

// The record of a service loaded and rendered cold, without its files, when it can be
// replayed. `secrets` is the run's secret review.
std::optional<ServiceRecord> RecordOfShare(const std::string& key, const Share& share, const driver::RenderedPart& part,
                                           const SourceMap& sources, const driver::SecretReview& secrets,
                                           const ServiceCache& cache) {
  if (!share.storable) return std::nullopt;
  ServiceRecord record;
  record.identity = CacheIdentity();
  record.key = key;
  record.started_ns = cache.started_ns();
  record.observations = share.observations;
  record.load_observations = static_cast<int64_t>(share.observations.size());
  record.sources_needed = PointsInto(share.load_diagnostics, share.files) ||
                          std::any_of(share.files.begin(), share.files.end(),
                                      [&](FileId file) { return secrets.files_with_findings.count(file) > 0; });
  for (const DiagSink& reported : part.diags) record.sources_needed |= PointsInto(reported.diagnostics(), share.files);
  for (size_t i = 0; i < share.files.size(); ++i) {
    record.sources.emplace_back(sources.path(share.files[i]), static_cast<int64_t>(share.sizes[i]));
  }
  std::optional<std::string> load = EncodeDiagnostics(share.load_diagnostics, sources, share.files);
  if (!load) return std::nullopt;
  record.load_diagnostics = std::move(*load);
  for (const DiagSink& reported : part.diags) {
    if (reported.has_errors() || reported.dropped_count() > 0) return std::nullopt;
    std::optional<std::string> encoded = EncodeDiagnostics(reported.diagnostics(), sources, share.files);
    if (!encoded) return std::nullopt;
    record.task_diagnostics.push_back(std::move(*encoded));
  }
  return record;
}

}  // namespace

Result<Generation> GenerateProject(const std::string& root, const Fs& fs, SourceMap& sources, DiagSink& sink,
                                   const ServiceCache* cache, UnchangedOutputs* unchanged) {
  // With a cache, everything the project's phase reads (specc.yaml, the project spec and
  // what it reads) goes into the key every service's record is checked against.
  std::string project_reads;
  KeyingFs keyed(fs, &project_reads);
  const Fs& project_fs = cache != nullptr ? static_cast<const Fs&>(keyed) : fs;
  spec::ProjectConfig config = driver::LoadConfig(root, project_fs, sources, sink);
  Result<std::vector<std::string>> inputs = driver::FindSpecInputs(config.specs_dir, root, fs);
  if (!inputs.ok()) return inputs.error();
  FileId first_spec = static_cast<FileId>(sources.file_count());
  driver::LoadedSpecs specs = driver::LoadProjectSpecs(inputs.value(), root, project_fs, sources, sink);
  Groups groups = GroupsOf(config);
  std::vector<driver::EmitTask> tasks = driver::PlanEmitTasks(groups.groups);
  std::vector<std::string> names = driver::ServiceDirNames(specs);
  // Templates of the project's own are read later, past the key: such a project is not
  // reused per service (the whole-run cache still answers it). Nor is a project of one
  // service: whatever changes its record's key changes that one service, so the record
  // would only cost its writing (a quarter of a cold check on GitHub's description).
  const ServiceCache* reuse =
      cache != nullptr && config.templates_dir.empty() && specs.apis.size() > 1 ? cache : nullptr;
  std::string key;
  if (reuse != nullptr) {
    key = Sha256Hex(CacheIdentity() + "\n" + (reuse->staged() ? "index" : "disk") + "\nservices " +
                    std::to_string(specs.apis.size()) + "\n" + project_reads);
  }
  std::vector<Share> shares(specs.apis.size());
  std::vector<driver::RenderedPart> parts(specs.apis.size());
  for (driver::RenderedPart& part : parts) {
    part.files.assign(groups.groups.size(), OutputSet{});
    part.diags.assign(tasks.size(), DiagSink{});
  }
  for (size_t i = 0; i < specs.apis.size(); ++i) {
    driver::LoadedApi& loaded = specs.apis[i];
    std::string service_key = key + "\nname " + names[i] + "\npath " + loaded.path;
    if (reuse != nullptr) {
      // A settled record first: it spares reading the files' bytes and comparing them.
      bool load_changed = false;
      std::optional<ServiceRecord> record = reuse->FindSettled(loaded.path, names[i], service_key, &load_changed);
      bool settled = record.has_value();
      if (!settled && !load_changed) record = reuse->Find(loaded.path, names[i], service_key);
      if (record && record->files.size() == groups.groups.size() &&
          TakeRecord(*record, *reuse, tasks.size(), sources, sink, &shares[i], &parts[i])) {
        if (reuse->run_record() != nullptr) {
          for (const Observation& seen : record->observations) reuse->run_record()->Add(seen);
        }
        shares[i].taken = true;
        if (!settled) {
          record->files.clear();
          shares[i].header = std::move(record);
        }
        continue;
      }
    }
    LoadCold(loaded, root, fs, reuse, sources, sink, &shares[i]);
    if (reuse != nullptr && reuse->run_record() != nullptr) {
      for (const Observation& seen : shares[i].observations) reuse->run_record()->Add(seen);
    }
  }
  // Everything read so far is specc.yaml and the specs (the allowlist and the templates
  // come next).
  std::vector<std::string> files_read;
  for (FileId file = 0; file < sources.file_count(); ++file) files_read.push_back(sources.path(file));
  // Files the run reads but not into the SourceMap: the allowlist, and taken services' specs.
  std::vector<std::string> read_otherwise = driver::SecretAllowlists({}, config.specs_dir);
  for (const Share& share : shares) {
    files_read.insert(files_read.end(), share.unread.begin(), share.unread.end());
    read_otherwise.insert(read_otherwise.end(), share.unread.begin(), share.unread.end());
  }
  Generation out;
  out.secrets = driver::ReviewSpecSecrets(first_spec, driver::SecretAllowlists({}, config.specs_dir), root, fs,
                                          sources, sink);
  // After the files read are listed: a file nothing reaches is no input of the outputs.
  driver::ReportUnreachedSpecFiles(config.specs_dir, root, fs, sources, read_otherwise, sink);
  if (sink.has_errors()) return Generation{};
  out.ownership = OwnershipOf(config, files_read);
  emit::TemplateSet templates = emit::TemplateSet::BuiltIn(sources);
  if (!config.templates_dir.empty()) {
    // Read through `fs`, so that `check --staged` renders with the staged templates.
    Status status = templates.Override(JoinPath(root, config.templates_dir), config.templates_dir, fs,
                                       sources, sink);
    if (!status.ok()) return status.error();
  }
  // Every service not taken from the cache, and the project's own files, on all cores (-j);
  // the result does not depend on it.
  std::vector<bool> render(specs.apis.size());
  for (size_t i = 0; i < specs.apis.size(); ++i) render[i] = !shares[i].taken && specs.apis[i].api.has_value();
  driver::RenderedPart project;
  driver::PartConsumers consumers;
  if (unchanged != nullptr) {
    unchanged->Accept(out.secrets.accepted);
    for (const std::string& dir : groups.dirs) {
      consumers.project.push_back(unchanged->ForDir(dir, false));
      // A service's record vouches for a file settled as it was rendered only when it holds
      // no secret-shaped string (the guard would look again): such a file keeps its bytes.
      consumers.apis.push_back(unchanged->ForDir(dir, reuse != nullptr));
    }
  }
  driver::RenderParts(specs, names, groups.groups, tasks, templates, render, &project, &parts, consumers);
  if (reuse != nullptr) {
    // Stored once the drift check compared the files (StoreServiceRecords).
    for (size_t i = 0; i < specs.apis.size(); ++i) {
      if (!render[i]) continue;
      shares[i].header =
          RecordOfShare(key + "\nname " + names[i] + "\npath " + specs.apis[i].path, shares[i], parts[i], sources,
                        out.secrets, *reuse);
    }
    out.settle = std::make_shared<SettleCandidates>();
  }
  // Task by task, as one run over every service reports them.
  for (size_t t = 0; t < tasks.size(); ++t) {
    if (!tasks[t].info->per_api) {
      sink.Absorb(project.diags[t]);
      continue;
    }
    for (driver::RenderedPart& part : parts) sink.Absorb(part.diags[t]);
  }
  std::vector<SettleCandidate> candidates(specs.apis.size());
  for (size_t g = 0; g < groups.groups.size(); ++g) {
    const std::string& dir = groups.dirs[g];
    auto scaffold_dir = groups.scaffolds_by_dir.find(dir);
    std::string scaffolds = scaffold_dir == groups.scaffolds_by_dir.end() ? dir : scaffold_dir->second;
    bool keeps_scaffolds = groups.no_scaffolds.count(dir) == 0;
    // Where a file of the group goes, or "" when the run drops it.
    auto destination = [&](const std::string& path, bool scaffold) {
      return !scaffold ? JoinPath(dir, path) : keeps_scaffolds ? JoinPath(scaffolds, path) : std::string();
    };
    auto put = [&](OutputSet& generated, SettleCandidate* candidate) {
      // Moved, not copied: a large run's outputs run to tens of megabytes.
      for (auto& [path, bytes] : generated.TakeFiles()) {
        bool scaffold = generated.IsScaffold(path);
        std::string to = destination(path, scaffold);
        if (candidate != nullptr) candidate->files.push_back({g, path, to, scaffold, {}});
        if (to.empty()) {
          if (candidate != nullptr) candidate->files.back().dropped = std::move(bytes);
          continue;
        }
        if (scaffold) {
          out.files.PutScaffold(to, std::move(bytes));
        } else {
          out.files.Put(to, std::move(bytes));
        }
      }
      for (auto& [path, sha256] : generated.TakeSettled()) {
        bool scaffold = generated.IsScaffold(path);
        std::string to = destination(path, scaffold);
        if (candidate != nullptr) candidate->files.push_back({g, path, to, scaffold, {}, true});
        if (!to.empty()) out.files.PutSettled(to, std::move(sha256), scaffold);
      }
      generated = OutputSet{};  // freed as soon as it is merged
    };
    put(project.files[g], nullptr);
    for (size_t i = 0; i < parts.size(); ++i) put(parts[i].files[g], shares[i].header ? &candidates[i] : nullptr);
  }
  if (out.settle != nullptr) {
    for (size_t i = 0; i < specs.apis.size(); ++i) {
      if (!shares[i].header) continue;
      candidates[i].path = specs.apis[i].path;
      candidates[i].name = names[i];
      candidates[i].header = std::move(*shares[i].header);
      candidates[i].header.files.assign(groups.groups.size(), OutputSet{});
      candidates[i].rendered = render[i];
      out.settle->services.push_back(std::move(candidates[i]));
    }
  }
  return out;
}

namespace {

// Whether the run can vouch for `file` of `candidate`, settled without its bytes: its
// sha256 goes to `*sha256`, and what vouches for it to `*observed` (nothing for a file
// settled in the record the run took: that record's observations hold it already). Not
// when it may hold an accepted secret, which the guard is to look at again next time.
bool VouchForSettled(const SettleCandidate& candidate, const SettleCandidate::File& file, const OutputSet& outputs,
                     const UnchangedOutputs* unchanged, std::string* sha256, std::vector<Observation>* observed) {
  auto found = outputs.settled().find(file.path);
  if (found == outputs.settled().end()) return false;
  *sha256 = found->second;
  if (!candidate.rendered) return true;
  const UnchangedOutputs::SettledFile* settled = unchanged != nullptr ? unchanged->Settled(file.path) : nullptr;
  if (settled == nullptr || !settled->secret_free) return false;
  observed->insert(observed->end(), settled->observed.begin(), settled->observed.end());
  return true;
}

// The full record of rendered `candidate`: its header with every file's bytes, or, for a
// file settled as it was rendered, its hash and what vouched for it (with `environment`,
// how the working tree's files read); nullopt when the run cannot vouch for such a file.
std::optional<ServiceRecord> FullRecord(const SettleCandidate& candidate, const OutputSet& outputs,
                                        const UnchangedOutputs* unchanged, const RunRecord& environment) {
  ServiceRecord record = candidate.header;
  bool any_settled = false;
  for (const SettleCandidate::File& file : candidate.files) {
    OutputSet& group = record.files[file.group];
    if (file.settled_as_rendered) {
      std::string sha256;
      if (!VouchForSettled(candidate, file, outputs, unchanged, &sha256, &record.observations)) return std::nullopt;
      group.PutSettled(file.in_group, std::move(sha256), false);
      any_settled = true;
      continue;
    }
    const std::string* bytes = file.path.empty() ? &file.dropped : outputs.Find(file.path);
    SPECC_CHECK(bytes != nullptr) << "a rendered service's file without its bytes: " << file.path;
    if (file.scaffold) {
      group.PutScaffold(file.in_group, *bytes);
    } else {
      group.Put(file.in_group, *bytes);
    }
  }
  if (any_settled) {
    for (const Observation& seen : environment.observations()) record.observations.push_back(seen);
  }
  return record;
}

}  // namespace

void StoreServiceRecords(const Generation& generation, const drift::Classification& classification, bool staged,
                         const ServiceCache& cache, const UnchangedOutputs* unchanged) {
  if (generation.settle == nullptr) return;
  const drift::Worktree& worktree = cache.worktree();
  const drift::Version current = staged ? drift::Version::kIndex : drift::Version::kWorkdir;
  auto entry_of = [&](const std::string& path) -> const drift::FileEntry* {
    auto it = std::lower_bound(classification.files.begin(), classification.files.end(), path,
                               [](const drift::FileEntry& e, const std::string& p) { return e.path < p; });
    return it != classification.files.end() && it->path == path ? &*it : nullptr;
  };
  // How the working tree's files read (git's configuration and attributes: clean filters)
  // is part of what the comparison depended on.
  RunRecord environment(cache.started_ns());
  RecordEnvironment(worktree, environment);
  for (const SettleCandidate& candidate : generation.settle->services) {
    ServiceRecord record = candidate.header;
    record.started_ns = cache.started_ns();
    for (const Observation& seen : environment.observations()) record.observations.push_back(seen);
    bool settles = true;
    for (const SettleCandidate::File& file : candidate.files) {
      OutputSet& group = record.files[file.group];
      if (file.path.empty()) {  // dropped by the run: nothing in the repository to compare
        group.PutSettled(file.in_group, "", file.scaffold);
        continue;
      }
      if (file.settled_as_rendered) {
        std::string sha256;
        if (!VouchForSettled(candidate, file, generation.files, unchanged, &sha256, &record.observations)) {
          settles = false;
          break;
        }
        group.PutSettled(file.in_group, std::move(sha256), false);
        continue;
      }
      const std::string* bytes = generation.files.Find(file.path);
      // A file the guard would look at again (it may accept less next time) is not settled.
      if (bytes == nullptr || !ScanForSecrets(*bytes).empty()) {
        settles = false;
        break;
      }
      if (file.scaffold) {
        // An existing scaffold is the user's: the check says nothing of it while it exists.
        Observation read = ObservedRead(worktree, current, file.path);
        if (read.answer.rfind("ok ", 0) != 0 && read.answer.rfind("git ", 0) != 0) {
          settles = false;
          break;
        }
        record.observations.push_back(std::move(read));
        group.PutSettled(file.in_group, "", true);
        continue;
      }
      const drift::FileEntry* entry = entry_of(file.path);
      if (entry == nullptr || entry->state != drift::FileState::kUnchanged) {
        settles = false;
        break;
      }
      std::string sha256 = Sha256Hex(*bytes);
      record.observations.push_back(KnownRead(worktree, current, file.path, sha256));
      // Unchanged with the index as HEAD holds it: what the manifest says does not matter.
      if (!staged && !ObserveIndexIsHead(worktree, file.path, &record.observations)) {
        settles = false;
        break;
      }
      group.PutSettled(file.in_group, std::move(sha256), false);
    }
    if (settles) {
      cache.StoreSettled(candidate.path, candidate.name, record);
    } else if (candidate.rendered) {
      if (std::optional<ServiceRecord> full = FullRecord(candidate, generation.files, unchanged, environment)) {
        cache.Store(candidate.path, candidate.name, *full);
      }
    }
  }
}

Result<Generation> DefaultGenerate(const std::string& root, const Fs& fs, SourceMap& sources, DiagSink& sink) {
  return GenerateProject(root, fs, sources, sink, nullptr);
}

}  // namespace specc::cli
