#include "drift/classify.h"

#include <algorithm>
#include <set>

#include "base/check.h"
#include "base/sha256.h"

namespace specc::drift {
namespace {

std::string Backticked(const std::string& path) { return "`" + path + "`"; }

std::string UncommittedSuggestion(const std::string& path) {
  return Backticked(path) + " is generated and has uncommitted edits: move them into the spec " +
         "(or a hand-written file), then discard them (`git restore --staged --worktree -- " +
         path + "`) and re-run `specc apply`";
}

std::string CommittedEditSuggestion(const std::string& path) {
  return Backticked(path) + " is generated but was edited by hand and committed: move the edit " +
         "into the spec (or a hand-written file), delete the file, and re-run `specc apply`";
}

std::string ForeignFileSuggestion(const std::string& path) {
  return Backticked(path) + " exists but specc did not generate it: move or rename it (or send " +
         "this output elsewhere in specc.yaml), then re-run `specc apply`";
}

// The HEAD and index versions of one path, read only when a decision needs them: a
// generated file is usually unchanged, and then its current bytes equal the generated
// ones and its index entry is HEAD's blob, so neither of those is read (a version of
// GitHub's description generates ~50 MB of files; reading each three times was most of
// a check).
class LazyVersions {
 public:
  LazyVersions(const Worktree& worktree, const std::string& path) : worktree_(worktree), path_(path) {}

  Result<const std::optional<std::string>*> Head() { return Get(Version::kHead, head_); }
  Result<const std::optional<std::string>*> Index() { return Get(Version::kIndex, index_); }
  Result<bool> IndexIsHead() { return worktree_.SameBytes(Version::kIndex, Version::kHead, path_); }

 private:
  Result<const std::optional<std::string>*> Get(Version version,
                                                std::optional<std::optional<std::string>>& slot) {
    if (!slot) {
      Result<std::optional<std::string>> read = worktree_.Read(version, path_);
      SPECC_RETURN_IF_ERROR(read);
      slot = std::move(read).value();
    }
    return &*slot;
  }

  const Worktree& worktree_;
  const std::string& path_;
  std::optional<std::optional<std::string>> head_, index_;
};

// The decision for a path, without the manifest's own row. What the file holds now (the
// working tree, or the index when `staged`) is `generated` when `holds_generated`, else
// `read`; the working tree and the index are the local versions: one that is neither HEAD
// nor specc's content is an uncommitted edit.
Result<FileEntry> Decide(const std::string& path, std::optional<std::string> read, bool holds_generated, bool staged,
                         LazyVersions& versions, const std::string* generated,
                         const std::string* last_sha256) {
  SPECC_CHECK(!holds_generated || generated != nullptr) << path;
  FileEntry entry;
  entry.path = path;
  const std::string* current = holds_generated ? generated : read ? &*read : nullptr;
  // Content specc itself is responsible for: what it wrote last, or what it would write
  // now. The second matters for a re-run after an interrupted apply, whose new files
  // are not in the old manifest yet.
  auto is_specc_content = [&](const std::string& text) {
    return (generated != nullptr && text == *generated) ||
           (last_sha256 != nullptr && Sha256Hex(text) == *last_sha256);
  };
  const bool current_is_specc = current != nullptr && (holds_generated || is_specc_content(*current));
  auto decided = [&](FileState state) {
    entry.state = state;
    // The report and apply read the bytes of a changed entry only.
    if (state != FileState::kUnchanged) {
      entry.current = holds_generated ? std::optional<std::string>(*generated) : std::move(read);
      if (generated != nullptr) entry.generated = *generated;
    }
    return entry;
  };
  auto conflict = [&](ConflictReason reason, std::string suggestion) {
    entry.reason = reason;
    entry.suggestion = std::move(suggestion);
    return decided(FileState::kConflict);
  };

  // A file at a path specc never generated (and would write differently) is someone
  // else's, committed or not.
  if (last_sha256 == nullptr && generated != nullptr && current != nullptr && *current != *generated) {
    return conflict(ConflictReason::kManualDivergence, ForeignFileSuggestion(path));
  }
  // A deleted file is not an edit worth keeping: regenerating it loses nothing.
  if (current != nullptr && !current_is_specc) {
    Result<const std::optional<std::string>*> head = versions.Head();
    SPECC_RETURN_IF_ERROR(head);
    const std::optional<std::string>& head_bytes = *head.value();
    if (!head_bytes || *current != *head_bytes) {
      return conflict(ConflictReason::kUncommittedLocalChanges, UncommittedSuggestion(path));
    }
  }
  if (!staged) {
    Result<bool> index_is_head = versions.IndexIsHead();
    SPECC_RETURN_IF_ERROR(index_is_head);
    if (!index_is_head.value()) {
      Result<const std::optional<std::string>*> index = versions.Index();
      SPECC_RETURN_IF_ERROR(index);
      const std::optional<std::string>& staged_bytes = *index.value();
      if (staged_bytes && !is_specc_content(*staged_bytes)) {
        return conflict(ConflictReason::kUncommittedLocalChanges, UncommittedSuggestion(path));
      }
    }
  }
  // Nothing uncommitted, so `current` is what HEAD holds: a committed edit.
  if (last_sha256 != nullptr && current != nullptr && !current_is_specc) {
    return conflict(ConflictReason::kManualDivergence, CommittedEditSuggestion(path));
  }
  if (generated != nullptr) {
    if (current == nullptr) return decided(FileState::kAdded);
    if (*current != *generated) return decided(FileState::kModified);
  } else if (current != nullptr) {
    return decided(FileState::kRemoved);
  }
  return decided(FileState::kUnchanged);
}

std::string ProtectedEntrySuggestion(const std::string& path, const std::string& why) {
  return Backticked(path) + " is listed in `" + kManifestPath + "` but " + why +
         ": specc never generates such a file, so the manifest was edited (by hand or in a " +
         "pull request) and specc deletes nothing it lists. Restore the manifest from git " +
         "history (`git log -p -- " + kManifestPath + "`), or delete it, then re-run `specc apply`";
}

std::string OutsideEntrySuggestion(const std::string& path, const std::string& why) {
  return Backticked(path) + " is listed in `" + kManifestPath + "` but " + why +
         ", where specc deletes nothing: if an earlier specc.yaml sent generated files there, " +
         "delete it yourself (`git rm -- " + path + "`); otherwise the manifest was edited, so " +
         "restore it from git history. Then re-run `specc apply`";
}

// The row of a manifest entry that specc may not delete (see Classify), or std::nullopt
// when the entry is simply dropped.
Result<std::optional<FileEntry>> RefusedEntry(const std::string& path, const Worktree& worktree,
                                              const Ownership& ownership) {
  FileEntry entry;
  entry.path = path;
  entry.state = FileState::kConflict;
  entry.reason = ConflictReason::kSchemaMismatch;
  if (std::optional<std::string> why = ProtectedPathReason(ownership, path)) {
    entry.suggestion = ProtectedEntrySuggestion(path, *why);
    return std::optional<FileEntry>(std::move(entry));
  }
  std::optional<std::string> why = NotOwnedReason(ownership, path, PathUse::kRemove);
  SPECC_CHECK(why.has_value()) << path;
  for (Version v : {Version::kWorkdir, Version::kIndex}) {
    Result<std::optional<std::string>> version = worktree.Read(v, path);
    SPECC_RETURN_IF_ERROR(version);
    if (version.value()) {
      entry.suggestion = OutsideEntrySuggestion(path, *why);
      return std::optional<FileEntry>(std::move(entry));
    }
  }
  return std::optional<FileEntry>();
}

}  // namespace

std::string_view ConflictReasonName(ConflictReason reason) {
  switch (reason) {
    case ConflictReason::kUncommittedLocalChanges:
      return "UNCOMMITTED_LOCAL_CHANGES";
    case ConflictReason::kManualDivergence:
      return "MANUAL_DIVERGENCE";
    case ConflictReason::kSchemaMismatch:
      return "SCHEMA_MISMATCH";
  }
  return "MANUAL_DIVERGENCE";
}

bool Classification::has_conflicts() const {
  for (const FileEntry& f : files) {
    if (f.state == FileState::kConflict) return true;
  }
  return false;
}

bool Classification::has_changes() const {
  for (const FileEntry& f : files) {
    if (f.state == FileState::kAdded || f.state == FileState::kModified ||
        f.state == FileState::kRemoved) {
      return true;
    }
  }
  return false;
}

Result<Classification> Classify(const OutputSet& generated, const Worktree& worktree,
                                const ClassifyOptions& options) {
  SPECC_CHECK(!generated.Has(kManifestPath))
      << "an emitter wrote the manifest path " << kManifestPath;
  const Version current_version = options.staged ? Version::kIndex : Version::kWorkdir;

  Result<std::optional<std::string>> manifest_text = worktree.Read(current_version, kManifestPath);
  SPECC_RETURN_IF_ERROR(manifest_text);
  std::optional<Manifest> last;
  std::string mismatch;
  if (manifest_text.value()) {
    Result<Manifest> parsed = ParseManifest(*manifest_text.value());
    if (!parsed.ok()) {
      mismatch = "`" + std::string(kManifestPath) + "` cannot be read (" + parsed.error().message +
                 "): restore it from git history, or delete it to let specc adopt files " +
                 "identical to what it generates, then re-run `specc apply`";
    } else if (auto why = Incompatibility(parsed.value().generator, options.generator)) {
      mismatch = *why + ": upgrade specc to at least that version (or regenerate with the " +
                 "specc the repository uses)";
    } else {
      last = std::move(parsed).value();
    }
  }

  Classification out;
  std::set<std::string> paths;
  for (const auto& [path, contents] : generated.files()) paths.insert(path);
  for (const auto& [path, sha256] : generated.settled()) paths.insert(path);
  if (last) {
    for (const auto& [path, sha256] : last->files) paths.insert(path);
  }
  for (const std::string& path : paths) {
    if (generated.settled().count(path) > 0) {
      // Found unchanged by an earlier run, with nothing it compared changed since: a
      // scaffold that exists (nothing to say) or a generated file holding its bytes.
      PathUse use = generated.IsScaffold(path) ? PathUse::kScaffold : PathUse::kGenerate;
      if (std::optional<std::string> why = NotOwnedReason(options.ownership, path, use)) {
        return Error{"refusing to write `" + path + "`: it " + *why};
      }
      if (!generated.IsScaffold(path)) {
        FileEntry entry;
        entry.path = path;
        out.files.push_back(std::move(entry));
      }
      continue;
    }
    const std::string* gen = generated.Find(path);
    if (gen != nullptr) {
      PathUse use = generated.IsScaffold(path) ? PathUse::kScaffold : PathUse::kGenerate;
      if (std::optional<std::string> why = NotOwnedReason(options.ownership, path, use)) {
        return Error{"refusing to write `" + path + "`: it " + *why};
      }
    } else if (NotOwnedReason(options.ownership, path, PathUse::kRemove)) {
      // Checked before anything else reads the path: the entry is the manifest's claim,
      // not specc's.
      Result<std::optional<FileEntry>> refused = RefusedEntry(path, worktree, options.ownership);
      SPECC_RETURN_IF_ERROR(refused);
      if (refused.value()) out.files.push_back(std::move(*refused.value()));
      continue;
    }
    // A generated file usually holds what specc would write: asked first, so that its
    // bytes are read only when they differ (or a scaffold or an untrusted manifest needs
    // them).
    bool holds_generated = false;
    if (gen != nullptr && !generated.IsScaffold(path) && mismatch.empty()) {
      Result<bool> holds = worktree.Holds(current_version, path, *gen);
      SPECC_RETURN_IF_ERROR(holds);
      holds_generated = holds.value();
    }
    Result<std::optional<std::string>> current = holds_generated ? std::optional<std::string>()
                                                                  : worktree.Read(current_version, path);
    SPECC_RETURN_IF_ERROR(current);
    if (generated.IsScaffold(path)) {
      // A scaffold is added where no version of the file exists (working tree, index or
      // HEAD); any existing file is the user's and is left alone, whatever it holds.
      bool exists = current.value().has_value();
      for (Version v : {Version::kHead, Version::kIndex, Version::kWorkdir}) {
        if (exists) break;
        Result<std::optional<std::string>> version = worktree.Read(v, path);
        SPECC_RETURN_IF_ERROR(version);
        exists |= version.value().has_value();
      }
      // Once specc has written a scaffold, a missing one was deleted on purpose.
      bool deleted_by_user = last && last->scaffolds.count(path) > 0;
      if (!exists && !deleted_by_user) {
        FileEntry entry;
        entry.path = path;
        entry.generated = *gen;
        entry.state = FileState::kAdded;
        out.files.push_back(std::move(entry));
      }
      continue;
    }
    if (!mismatch.empty()) {
      // Without a trusted manifest, only the plain comparison is meaningful; the
      // manifest's conflict below stops any write.
      FileEntry entry;
      entry.path = path;
      if (!current.value()) {
        entry.state = FileState::kAdded;
      } else if (*current.value() != *gen) {
        entry.state = FileState::kModified;
      }
      if (entry.state != FileState::kUnchanged) {
        entry.current = std::move(current).value();
        entry.generated = *gen;
      }
      out.files.push_back(std::move(entry));
      continue;
    }
    LazyVersions versions(worktree, path);
    if (options.staged && !holds_generated && !current.value()) {
      // An ignored file that is not in the index is not part of any commit; a hook has
      // nothing to say about it.
      Result<bool> ignored = worktree.IsIgnored(path);
      SPECC_RETURN_IF_ERROR(ignored);
      if (ignored.value()) continue;
    }
    auto last_it =
        last ? last->files.find(path) : std::map<std::string, std::string>::const_iterator();
    const std::string* last_sha256 =
        last && last_it != last->files.end() ? &last_it->second : nullptr;
    Result<FileEntry> entry =
        Decide(path, std::move(current).value(), holds_generated, options.staged, versions, gen, last_sha256);
    SPECC_RETURN_IF_ERROR(entry);
    out.files.push_back(std::move(entry).value());
  }

  // The manifest's own row: a conflict when it cannot be trusted, otherwise a change like
  // any other file. With nothing generated and no manifest yet there is nothing to record.
  FileEntry manifest;
  manifest.path = kManifestPath;
  manifest.current = manifest_text.value();
  if (!mismatch.empty()) {
    manifest.state = FileState::kConflict;
    manifest.reason = ConflictReason::kSchemaMismatch;
    manifest.suggestion = mismatch;
  } else if (manifest_text.value() || !generated.files().empty()) {
    manifest.generated = WriteManifest(BuildManifest(generated, options.generator));
    if (!manifest.current) {
      manifest.state = FileState::kAdded;
    } else if (*manifest.current != *manifest.generated) {
      manifest.state = FileState::kModified;
    }
  }
  if (manifest.state != FileState::kUnchanged || manifest.current) {
    auto pos =
        std::lower_bound(out.files.begin(), out.files.end(), manifest.path,
                         [](const FileEntry& e, const std::string& p) { return e.path < p; });
    out.files.insert(pos, std::move(manifest));
  }
  return out;
}

}  // namespace specc::drift
