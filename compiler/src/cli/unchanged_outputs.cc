#include "cli/unchanged_outputs.h"

#include "base/path.h"
#include "base/secret_scan.h"
#include "base/sha256.h"
#include "cli/guard.h"

namespace specc::cli {

class UnchangedOutputs::DirConsumer final : public OutputConsumer {
 public:
  DirConsumer(UnchangedOutputs& outputs, std::string dir, bool secret_free_only)
      : outputs_(outputs), dir_(std::move(dir)), secret_free_only_(secret_free_only) {}
  std::optional<std::string> Take(const std::string& path, const std::string& bytes, bool scaffold) override {
    // A scaffold is compared with nothing: the check only asks whether it exists.
    if (scaffold) return std::nullopt;
    return outputs_.Settle(JoinPath(dir_, path), bytes, secret_free_only_);
  }

 private:
  UnchangedOutputs& outputs_;
  std::string dir_;
  bool secret_free_only_;
};

std::unique_ptr<UnchangedOutputs> UnchangedOutputs::Open(const drift::Worktree& worktree, bool staged,
                                                         const drift::GeneratorInfo& generator) {
  Result<std::optional<std::string>> text =
      worktree.Read(staged ? drift::Version::kIndex : drift::Version::kWorkdir, drift::kManifestPath);
  if (!text.ok() || !text.value()) return nullptr;
  Result<drift::Manifest> manifest = drift::ParseManifest(*text.value());
  if (!manifest.ok() || drift::Incompatibility(manifest.value().generator, generator)) return nullptr;
  return std::unique_ptr<UnchangedOutputs>(new UnchangedOutputs(worktree, staged, std::move(manifest).value()));
}

OutputConsumer* UnchangedOutputs::ForDir(const std::string& dir, bool secret_free_only) {
  std::lock_guard<std::mutex> lock(mutex_);
  return dirs_.emplace_back(std::make_unique<DirConsumer>(*this, dir, secret_free_only)).get();
}

UnchangedOutputs::UnchangedOutputs(const drift::Worktree& worktree, bool staged, drift::Manifest manifest)
    : worktree_(worktree), staged_(staged), manifest_(std::move(manifest)) {}

UnchangedOutputs::~UnchangedOutputs() = default;

std::optional<std::string> UnchangedOutputs::Settle(const std::string& path, const std::string& bytes,
                                                    bool secret_free_only) {
  auto last = manifest_.files.find(path);
  if (last == manifest_.files.end()) return std::nullopt;
  std::string sha256 = Sha256Hex(bytes);
  if (sha256 != last->second) return std::nullopt;
  bool secret_free = ScanForSecrets(bytes).empty();
  if (!secret_free && (secret_free_only || HoldsUnacceptedSecret(bytes, accepted_))) return std::nullopt;
  const drift::Version current = staged_ ? drift::Version::kIndex : drift::Version::kWorkdir;
  std::lock_guard<std::mutex> lock(mutex_);
  // As RecordingWorktree::Holds records it: the witness first, so that a change while the
  // file is compared shows in the next run's stat data.
  std::vector<Observation> observed = {KnownRead(worktree_, current, path, sha256)};
  Result<bool> holds = worktree_.Holds(current, path, bytes);
  if (!holds.ok() || !holds.value()) return std::nullopt;
  // An index that differs from HEAD may hold an uncommitted edit: Classify decides that.
  if (!staged_ && !ObserveIndexIsHead(worktree_, path, &observed)) return std::nullopt;
  settled_[path] = SettledFile{std::move(observed), secret_free};
  return sha256;
}

const UnchangedOutputs::SettledFile* UnchangedOutputs::Settled(const std::string& path) const {
  auto it = settled_.find(path);
  return it == settled_.end() ? nullptr : &it->second;
}

void UnchangedOutputs::RecordTo(RunRecord& record) const {
  for (const auto& [path, settled] : settled_) {
    for (const Observation& seen : settled.observed) record.Add(seen);
  }
}

}  // namespace specc::cli
