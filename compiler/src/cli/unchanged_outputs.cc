#include "cli/unchanged_outputs.h"

#include "base/path.h"
#include "base/sha256.h"
#include "cli/guard.h"

namespace specc::cli {

class UnchangedOutputs::DirConsumer final : public OutputConsumer {
 public:
  DirConsumer(UnchangedOutputs& outputs, std::string dir) : outputs_(outputs), dir_(std::move(dir)) {}
  std::optional<std::string> Take(const std::string& path, const std::string& bytes, bool scaffold) override {
    // A scaffold is compared with nothing: the check only asks whether it exists.
    if (scaffold) return std::nullopt;
    return outputs_.Settle(JoinPath(dir_, path), bytes);
  }

 private:
  UnchangedOutputs& outputs_;
  std::string dir_;
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

OutputConsumer* UnchangedOutputs::ForDir(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  return dirs_.emplace_back(std::make_unique<DirConsumer>(*this, dir)).get();
}

UnchangedOutputs::UnchangedOutputs(const drift::Worktree& worktree, bool staged, drift::Manifest manifest)
    : worktree_(worktree), staged_(staged), manifest_(std::move(manifest)) {}

UnchangedOutputs::~UnchangedOutputs() = default;

std::optional<std::string> UnchangedOutputs::Settle(const std::string& path, const std::string& bytes) {
  auto last = manifest_.files.find(path);
  if (last == manifest_.files.end()) return std::nullopt;
  std::string sha256 = Sha256Hex(bytes);
  if (sha256 != last->second || HoldsUnacceptedSecret(bytes, accepted_)) return std::nullopt;
  const drift::Version current = staged_ ? drift::Version::kIndex : drift::Version::kWorkdir;
  std::lock_guard<std::mutex> lock(mutex_);
  // As RecordingWorktree::Holds records it: the witness first, so that a change while the
  // file is compared shows in the next run's stat data.
  std::vector<Observation> observed = {KnownRead(worktree_, current, path, sha256)};
  Result<bool> holds = worktree_.Holds(current, path, bytes);
  if (!holds.ok() || !holds.value()) return std::nullopt;
  // An index that differs from HEAD may hold an uncommitted edit: Classify decides that.
  if (!staged_ && !ObserveIndexIsHead(worktree_, path, &observed)) return std::nullopt;
  observed_[path] = std::move(observed);
  return sha256;
}

void UnchangedOutputs::RecordTo(RunRecord& record) const {
  for (const auto& [path, observed] : observed_) {
    for (const Observation& seen : observed) record.Add(seen);
  }
}

}  // namespace specc::cli
