// UnchangedOutputs (cli/unchanged_outputs.h): the files the drift check will find unchanged
// are settled as they are rendered, the others keep their bytes, and classifying the set
// that results gives exactly what classifying every byte gives.
#include "cli/unchanged_outputs.h"

#include <gtest/gtest.h>

#include "base/secret_scan.h"
#include "base/sha256.h"
#include "cli/guard.h"
#include "drift/classify.h"
#include "drift/mem_worktree.h"

namespace specc::cli {
namespace {

using drift::FileEntry;
using drift::MemWorktree;
using drift::Version;

drift::GeneratorInfo Specc() {
  drift::GeneratorInfo info;
  info.version = "1.0.0";
  return info;
}

const std::string kSecret = "key: AKIA" + std::string("Q7ZK2WX4VB6NM3LP") + "\n";
const std::string kAccepted = "key: AKIA" + std::string("M3LPQ7ZK2WX4VB6N") + "\n";

// What this run renders, under out/.
std::map<std::string, std::string> Rendered() {
  return {{"same.ts", "same\n"},        {"edited.ts", "edited\n"}, {"staged.ts", "staged\n"},
          {"new-bytes.ts", "new\n"},    {"secret.ts", kSecret},    {"accepted.ts", kAccepted},
          {"not-in-manifest.ts", "n\n"}};
}

// A repository where the previous run generated and committed every file (with older
// bytes for new-bytes.ts), then the user edited edited.ts and staged an edit of staged.ts.
MemWorktree Repository() {
  MemWorktree worktree;
  OutputSet previous;
  for (const auto& [path, bytes] : Rendered()) {
    if (path == "not-in-manifest.ts") continue;
    previous.Put("out/" + path, path == "new-bytes.ts" ? "old\n" : bytes);
  }
  for (const auto& [path, bytes] : previous.files()) worktree.Commit(path, bytes);
  worktree.Commit("out/not-in-manifest.ts", "n\n");
  worktree.Commit(drift::kManifestPath, drift::WriteManifest(drift::BuildManifest(previous, Specc())));
  worktree.files(Version::kWorkdir)["out/edited.ts"] = "by hand\n";
  worktree.files(Version::kIndex)["out/staged.ts"] = "staged by hand\n";
  return worktree;
}

std::set<std::string> AcceptedIn(const std::string& text) {
  std::set<std::string> accepted;
  for (const SecretHit& hit : ScanForSecrets(text)) accepted.insert(SecretFingerprint(text, hit));
  return accepted;
}

// Renders Rendered() into an OutputSet under out/, through `unchanged` when set.
OutputSet Render(UnchangedOutputs* unchanged) {
  OutputSet group;
  if (unchanged != nullptr) group.set_consumer(unchanged->ForDir("out"));
  for (const auto& [path, bytes] : Rendered()) group.Put(path, bytes);
  group.PutScaffold("impl.ts", "scaffold\n");
  OutputSet run;
  for (auto& [path, bytes] : group.TakeFiles()) {
    if (group.IsScaffold(path)) {
      run.PutScaffold("out/" + path, std::move(bytes));
    } else {
      run.Put("out/" + path, std::move(bytes));
    }
  }
  for (auto& [path, sha256] : group.TakeSettled()) run.PutSettled("out/" + path, sha256, group.IsScaffold(path));
  return run;
}

drift::Classification ClassifyNow(const OutputSet& outputs, const drift::Worktree& worktree, bool staged) {
  drift::ClassifyOptions options;
  options.generator = Specc();
  options.staged = staged;
  options.ownership.output_dirs = {"out"};
  options.ownership.scaffold_dirs = {"out"};
  Result<drift::Classification> result = drift::Classify(outputs, worktree, options);
  EXPECT_TRUE(result.ok());
  return std::move(result).value();
}

void ExpectSameClassification(const drift::Classification& a, const drift::Classification& b) {
  ASSERT_EQ(a.files.size(), b.files.size());
  for (size_t i = 0; i < a.files.size(); ++i) {
    const FileEntry& x = a.files[i];
    const FileEntry& y = b.files[i];
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.state, y.state) << x.path;
    EXPECT_EQ(x.current, y.current) << x.path;
    EXPECT_EQ(x.generated, y.generated) << x.path;
    EXPECT_EQ(x.reason, y.reason) << x.path;
    EXPECT_EQ(x.suggestion, y.suggestion) << x.path;
  }
}

TEST(UnchangedOutputs, SettlesExactlyTheFilesTheCheckFindsUnchanged) {
  ASSERT_FALSE(ScanForSecrets(kSecret).empty()) << "the test's secret is not secret-shaped";
  ASSERT_TRUE(HoldsUnacceptedSecret(kSecret, AcceptedIn(kAccepted)));
  MemWorktree worktree = Repository();
  std::unique_ptr<UnchangedOutputs> unchanged = UnchangedOutputs::Open(worktree, false, Specc());
  ASSERT_NE(unchanged, nullptr);
  unchanged->Accept(AcceptedIn(kAccepted));
  OutputSet settled = Render(unchanged.get());
  std::set<std::string> kept;
  for (const auto& [path, bytes] : settled.files()) kept.insert(path);
  // Unchanged: same.ts, and accepted.ts (its secret is accepted, so the guard passes it).
  EXPECT_EQ(settled.settled().size(), 2u);
  EXPECT_EQ(settled.settled().at("out/same.ts"), Sha256Hex("same\n"));
  EXPECT_EQ(settled.settled().count("out/accepted.ts"), 1u);
  EXPECT_EQ(kept, (std::set<std::string>{"out/edited.ts", "out/impl.ts", "out/new-bytes.ts", "out/not-in-manifest.ts",
                                         "out/secret.ts", "out/staged.ts"}));
  // The report is the same as with every byte.
  drift::Classification with_bytes = ClassifyNow(Render(nullptr), worktree, false);
  ExpectSameClassification(ClassifyNow(settled, worktree, false), with_bytes);
  EXPECT_TRUE(with_bytes.has_conflicts());  // the edits are the user's

  // What settling asked, as the check records it: the read it stands for, then index and
  // HEAD, per file in path order.
  RunRecord record(0);
  unchanged->RecordTo(record);
  ASSERT_EQ(record.observations().size(), 6u);
  EXPECT_EQ(record.observations()[0].path, "out/accepted.ts");
  EXPECT_EQ(record.observations()[0].kind, Observation::kTreeRead);
  EXPECT_EQ(record.observations()[3].path, "out/same.ts");
  EXPECT_EQ(record.observations()[4].kind, Observation::kTreeFingerprint);
}

TEST(UnchangedOutputs, StagedComparesTheIndex) {
  MemWorktree worktree = Repository();
  std::unique_ptr<UnchangedOutputs> unchanged = UnchangedOutputs::Open(worktree, true, Specc());
  ASSERT_NE(unchanged, nullptr);
  OutputSet settled = Render(unchanged.get());
  // The working tree's edit is not in the index; the staged edit is.
  EXPECT_EQ(settled.settled().count("out/edited.ts"), 1u);
  EXPECT_EQ(settled.settled().count("out/staged.ts"), 0u);
  ExpectSameClassification(ClassifyNow(settled, worktree, true), ClassifyNow(Render(nullptr), worktree, true));
}

TEST(UnchangedOutputs, NothingIsSettledWithoutATrustedManifest) {
  MemWorktree worktree = Repository();
  drift::GeneratorInfo older = Specc();
  older.version = "0.9.0";  // the manifest comes from a newer specc
  EXPECT_EQ(UnchangedOutputs::Open(worktree, false, older), nullptr);
  worktree.files(Version::kWorkdir)[drift::kManifestPath] = "{";
  EXPECT_EQ(UnchangedOutputs::Open(worktree, false, Specc()), nullptr);
  worktree.files(Version::kWorkdir).erase(drift::kManifestPath);
  EXPECT_EQ(UnchangedOutputs::Open(worktree, false, Specc()), nullptr);
}

}  // namespace
}  // namespace specc::cli
