// Unit tests of the drift engine's parts over MemWorktree: SHA-256, the manifest, line
// diffs, the classification rules and the report formats.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <cstdio>
#include <string>

#include "drift/apply.h"
#include "drift/classify.h"
#include "drift/diff.h"
#include "drift/manifest.h"
#include "drift/mem_worktree.h"
#include "drift/report.h"
#include "base/sha256.h"

namespace specc::drift {
namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Every padding case (the length field in the same block or the next), against coreutils.
TEST(Sha256, MatchesSha256sumAroundBlockBoundaries) {
  for (size_t n : {1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129}) {
    std::string data(n, 'x');
    for (size_t i = 0; i < n; ++i) data[i] = static_cast<char>('a' + (i * 7) % 26);
    std::string command = "printf '%s' '" + data + "' | sha256sum";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buffer[65] = {};
    ASSERT_EQ(fread(buffer, 1, 64, pipe), 64u);
    pclose(pipe);
    EXPECT_EQ(Sha256Hex(data), std::string(buffer, 64)) << "length " << n;
  }
}

// The SHA instructions' path (where the CPU has them) gives the portable digest for every
// length up to a few blocks past each boundary, on bytes of every value.
TEST(Sha256, AcceleratedMatchesPortable) {
  std::string data;
  uint32_t seed = 12345;
  for (size_t n = 0; n < 1100; ++n) {
    EXPECT_EQ(Sha256Hex(data), Sha256HexPortable(data)) << "length " << n;
    seed = seed * 1103515245 + 12345;
    data += static_cast<char>(seed >> 16);
  }
  EXPECT_EQ(Sha256HexPortable(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

GeneratorInfo Specc(const std::string& version = "0.1.0") {
  GeneratorInfo info;
  info.version = version;
  return info;
}

TEST(Manifest, CanonicalTextAndRoundTrip) {
  OutputSet outputs;
  outputs.Put("src/b.ts", "b\n");
  outputs.Put("src/a.ts", "a\n");
  std::string text = WriteManifest(BuildManifest(outputs, Specc()));
  EXPECT_EQ(text,
            "{\n"
            "  \"generator\": {\n"
            "    \"name\": \"specc\",\n"
            "    \"version\": \"0.1.0\"\n"
            "  },\n"
            "  \"artifactSchemaVersion\": 1,\n"
            "  \"files\": [\n"
            "    {\n"
            "      \"path\": \"src/a.ts\",\n"
            "      \"sha256\": \"" +
                Sha256Hex("a\n") +
                "\"\n"
                "    },\n"
                "    {\n"
                "      \"path\": \"src/b.ts\",\n"
                "      \"sha256\": \"" +
                Sha256Hex("b\n") +
                "\"\n"
                "    }\n"
                "  ]\n"
                "}\n");
  Result<Manifest> parsed = ParseManifest(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(WriteManifest(parsed.value()), text);
}

TEST(Manifest, RejectsMalformedAndUnsafeInput) {
  EXPECT_FALSE(ParseManifest("").ok());
  EXPECT_FALSE(ParseManifest("[]").ok());
  EXPECT_FALSE(ParseManifest(std::string(100000, '[')).ok());
  std::string escape =
      R"({"generator":{"name":"specc","version":"0.1.0"},"artifactSchemaVersion":1,)"
      R"("files":[{"path":"../etc/passwd","sha256":")" +
      Sha256Hex("") + R"("}]})";
  Result<Manifest> parsed = ParseManifest(escape);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("../etc/passwd"), std::string::npos);
  // Backslashes name other files on Windows; control characters would forge report lines.
  for (const std::string& path : {std::string("out\\\\..\\\\x"), std::string("out/a\\nstatus: clean")}) {
    std::string text = R"({"generator":{"name":"specc","version":"0.1.0"},"artifactSchemaVersion":1,)"
                       R"("files":[{"path":")" + path + R"(","sha256":")" + Sha256Hex("") + R"("}]})";
    Result<Manifest> bad = ParseManifest(text);
    ASSERT_FALSE(bad.ok()) << path;
    EXPECT_EQ(bad.error().message.find('\n'), std::string::npos) << bad.error().message;
  }
}

TEST(Manifest, NewerVersionsAreIncompatibleOlderOnesAreNot) {
  EXPECT_FALSE(Incompatibility(Specc("0.1.0"), Specc("0.1.0")));
  EXPECT_FALSE(Incompatibility(Specc("0.0.9"), Specc("0.1.0")));
  EXPECT_TRUE(Incompatibility(Specc("0.1.1"), Specc("0.1.0")));
  EXPECT_TRUE(Incompatibility(Specc("1.0.0"), Specc("0.10.0")));
  GeneratorInfo other = Specc();
  other.name = "openapi-generator";
  EXPECT_TRUE(Incompatibility(other, Specc()));
  GeneratorInfo future_schema = Specc();
  future_schema.artifact_schema_version = kArtifactSchemaVersion + 1;
  EXPECT_TRUE(Incompatibility(future_schema, Specc()));
}

TEST(Diff, SummaryCountsLines) {
  EXPECT_EQ(
      FormatDiffSummary(CountChangedLines(std::string("a\nb\nc\n"), std::string("a\nB\nc\nd\n"))),
      "+2 -1");
  EXPECT_EQ(FormatDiffSummary(CountChangedLines(std::nullopt, std::string("a\nb\n"))), "+2 -0");
  EXPECT_EQ(FormatDiffSummary(CountChangedLines(std::string("a\nb\n"), std::nullopt)), "+0 -2");
  EXPECT_EQ(FormatDiffSummary(CountChangedLines(std::string("a"), std::string("a\n"))), "+1 -1");
}

TEST(Diff, UnifiedFormat) {
  EXPECT_EQ(UnifiedDiff("x.ts", std::string("a\nb\nc\n"), std::string("a\nB\nc\n")),
            "--- a/x.ts\n+++ b/x.ts\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
  EXPECT_EQ(UnifiedDiff("new.ts", std::nullopt, std::string("n\n")),
            "--- /dev/null\n+++ b/new.ts\n@@ -1,0 +1,1 @@\n+n\n");
  EXPECT_EQ(UnifiedDiff("same.ts", std::string("s\n"), std::string("s\n")), "");
}

// Classifies `outputs` against `worktree` with this specc.
Classification ClassifyNow(const OutputSet& outputs, const MemWorktree& worktree,
                           bool staged = false) {
  ClassifyOptions options;
  options.generator = Specc();
  options.staged = staged;
  options.ownership.output_dirs = {"."};
  options.ownership.scaffold_dirs = {"."};
  Result<Classification> result = Classify(outputs, worktree, options);
  EXPECT_TRUE(result.ok());
  return std::move(result).value();
}

const FileEntry& Entry(const Classification& c, const std::string& path) {
  for (const FileEntry& f : c.files) {
    if (f.path == path) return f;
  }
  static FileEntry missing;
  ADD_FAILURE() << "no entry for " << path;
  return missing;
}

// A repository where specc generated and committed `a.ts` and `b.ts`.
MemWorktree Generated(const OutputSet& outputs) {
  MemWorktree worktree;
  for (const auto& [path, contents] : outputs.files()) worktree.Commit(path, contents);
  worktree.Commit(kManifestPath, WriteManifest(BuildManifest(outputs, Specc())));
  return worktree;
}

OutputSet TwoFiles() {
  OutputSet outputs;
  outputs.Put("a.ts", "a\n");
  outputs.Put("b.ts", "b\n");
  return outputs;
}

TEST(Classify, EveryStateAndReason) {
  MemWorktree worktree = Generated(TwoFiles());
  worktree.Commit("c.ts", "c\n");
  {
    Classification c = ClassifyNow(TwoFiles(), worktree);
    EXPECT_FALSE(c.has_changes());
    EXPECT_FALSE(c.has_conflicts());
  }
  OutputSet next;
  next.Put("a.ts", "a2\n");  // modified
  next.Put("d.ts", "d\n");   // added
  next.Put("c.ts", "c?\n");  // a committed file specc never generated
  Classification c = ClassifyNow(next, worktree);
  EXPECT_EQ(Entry(c, "a.ts").state, FileState::kModified);
  EXPECT_EQ(Entry(c, "b.ts").state, FileState::kRemoved);
  EXPECT_EQ(Entry(c, "d.ts").state, FileState::kAdded);
  EXPECT_EQ(Entry(c, "c.ts").state, FileState::kConflict);
  EXPECT_EQ(Entry(c, "c.ts").reason, ConflictReason::kManualDivergence);
  EXPECT_EQ(Entry(c, kManifestPath).state, FileState::kModified);
  std::vector<std::string> order;
  for (const FileEntry& f : c.files) order.push_back(f.path);
  EXPECT_EQ(order,
            (std::vector<std::string>{".specc/manifest.json", "a.ts", "b.ts", "c.ts", "d.ts"}));
}

// A scaffold (a handler implementation the user owns) is added where no file exists, then
// never compared, overwritten, tracked in the manifest or removed.
TEST(Classify, ScaffoldsAreWrittenOnceAndThenLeftAlone) {
  OutputSet outputs = TwoFiles();
  outputs.PutScaffold("impl.ts", "stub\n");
  MemWorktree empty;
  Classification first = ClassifyNow(outputs, empty);
  EXPECT_EQ(Entry(first, "impl.ts").state, FileState::kAdded);
  EXPECT_EQ(BuildManifest(outputs, Specc()).files.count("impl.ts"), 0u);

  MemWorktree edited = Generated(outputs);
  edited.Commit("impl.ts", "the user's code\n");
  edited.files(Version::kWorkdir)["impl.ts"] = "uncommitted user code\n";
  Classification later = ClassifyNow(outputs, edited);
  EXPECT_FALSE(later.has_conflicts());
  EXPECT_FALSE(later.has_changes());
  for (const FileEntry& f : later.files) EXPECT_NE(f.path, "impl.ts");

  // Dropped from the output, it is still not removed: the manifest never listed it.
  Classification dropped = ClassifyNow(TwoFiles(), edited);
  for (const FileEntry& f : dropped.files) EXPECT_NE(f.path, "impl.ts");
}

// The manifest remembers the scaffolds: one the user deleted (and committed the deletion
// of) is not written again, and its absence is no drift; one never written still is.
TEST(Classify, AScaffoldTheUserDeletedStaysDeleted) {
  OutputSet outputs = TwoFiles();
  outputs.PutScaffold("impl.ts", "stub\n");
  Manifest manifest = BuildManifest(outputs, Specc());
  EXPECT_EQ(manifest.scaffolds, std::set<std::string>{"impl.ts"});
  Result<Manifest> reread = ParseManifest(WriteManifest(manifest));
  ASSERT_TRUE(reread.ok());
  EXPECT_EQ(reread.value().scaffolds, manifest.scaffolds);

  MemWorktree deleted;
  OutputSet two = TwoFiles();
  for (const auto& [path, contents] : two.files()) deleted.Commit(path, contents);
  deleted.Commit(kManifestPath, WriteManifest(manifest));
  Classification after_delete = ClassifyNow(outputs, deleted);
  EXPECT_FALSE(after_delete.has_changes());
  for (const FileEntry& f : after_delete.files) EXPECT_NE(f.path, "impl.ts");

  MemWorktree never_written = Generated(TwoFiles());
  Classification first = ClassifyNow(outputs, never_written);
  EXPECT_EQ(Entry(first, "impl.ts").state, FileState::kAdded);
  // A manifest without scaffolds reads as before; a malformed entry is refused.
  EXPECT_EQ(WriteManifest(BuildManifest(TwoFiles(), Specc())).find("scaffolds"), std::string::npos);
  EXPECT_FALSE(ParseManifest(R"({"generator":{"name":"specc","version":"0.1.0"},"artifactSchemaVersion":1,)"
                             R"("files":[],"scaffolds":["../x"]})")
                   .ok());
}

TEST(Classify, LocalEditsAndCommittedEdits) {
  MemWorktree worktree = Generated(TwoFiles());
  worktree.files(Version::kWorkdir)["a.ts"] = "hand edit\n";
  worktree.files(Version::kIndex)["b.ts"] = "staged hand edit\n";
  Classification c = ClassifyNow(TwoFiles(), worktree);
  EXPECT_EQ(Entry(c, "a.ts").reason, ConflictReason::kUncommittedLocalChanges);
  EXPECT_EQ(Entry(c, "b.ts").reason, ConflictReason::kUncommittedLocalChanges);

  MemWorktree committed = Generated(TwoFiles());
  committed.Commit("a.ts", "committed hand edit\n");
  Classification d = ClassifyNow(TwoFiles(), committed);
  EXPECT_EQ(Entry(d, "a.ts").state, FileState::kConflict);
  EXPECT_EQ(Entry(d, "a.ts").reason, ConflictReason::kManualDivergence);

  // Deleting a generated file loses nothing: it is simply added back.
  MemWorktree deleted = Generated(TwoFiles());
  deleted.files(Version::kWorkdir).erase("a.ts");
  EXPECT_EQ(Entry(ClassifyNow(TwoFiles(), deleted), "a.ts").state, FileState::kAdded);
}

TEST(Classify, StagedComparesTheIndex) {
  MemWorktree worktree = Generated(TwoFiles());
  worktree.files(Version::kWorkdir)["a.ts"] = "unstaged hand edit\n";
  EXPECT_FALSE(ClassifyNow(TwoFiles(), worktree, /*staged=*/true).has_conflicts());
  EXPECT_TRUE(ClassifyNow(TwoFiles(), worktree, /*staged=*/false).has_conflicts());
}

// A MemWorktree that counts the reads of each version of a path, and compares HEAD with
// the index without reading either, as GitWorktree does with git's object ids.
class CountingWorktree final : public MemWorktree {
 public:
  int reads(Version version, const std::string& path) const { return reads_[{version, path}]; }

  Result<std::optional<std::string>> Read(Version version, const std::string& path) const override {
    ++reads_[{version, path}];
    return MemWorktree::Read(version, path);
  }
  Result<bool> SameBytes(Version a, Version b, const std::string& path) const override {
    auto bytes = [&](Version v) {
      auto it = files(v).find(path);
      return it == files(v).end() ? std::optional<std::string>() : std::optional<std::string>(it->second);
    };
    return bytes(a) == bytes(b);
  }

 private:
  mutable std::map<std::pair<Version, std::string>, int> reads_;
};

// A clean check of a large repository reads each generated file once: an unchanged file's
// index entry is HEAD's (compared without reading), and its bytes are specc's own, so
// neither HEAD nor the index is read, and the entry keeps no copy of the bytes.
TEST(Classify, AnUnchangedFileIsReadOnceAndNotCopied) {
  CountingWorktree worktree;
  const OutputSet two = TwoFiles();
  for (const auto& [path, contents] : two.files()) worktree.Commit(path, contents);
  worktree.Commit(kManifestPath, WriteManifest(BuildManifest(two, Specc())));
  ClassifyOptions options;
  options.generator = Specc();
  options.ownership.output_dirs = {"."};
  Result<Classification> clean = Classify(TwoFiles(), worktree, options);
  ASSERT_TRUE(clean.ok());
  EXPECT_FALSE(clean.value().has_changes());
  for (const std::string path : {"a.ts", "b.ts"}) {
    EXPECT_EQ(worktree.reads(Version::kWorkdir, path), 1) << path;
    EXPECT_EQ(worktree.reads(Version::kHead, path), 0) << path;
    EXPECT_EQ(worktree.reads(Version::kIndex, path), 0) << path;
    EXPECT_FALSE(Entry(clean.value(), path).current.has_value()) << path;
    EXPECT_FALSE(Entry(clean.value(), path).generated.has_value()) << path;
  }

  // A staged edit is still found without the comparison by bytes, and a changed entry
  // carries both versions for the report.
  worktree.files(Version::kIndex)["b.ts"] = "staged hand edit\n";
  OutputSet next = TwoFiles();
  next.Put("a.ts", "a2\n");
  Result<Classification> edited = Classify(next, worktree, options);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(Entry(edited.value(), "b.ts").reason, ConflictReason::kUncommittedLocalChanges);
  EXPECT_EQ(Entry(edited.value(), "a.ts").state, FileState::kModified);
  EXPECT_EQ(Entry(edited.value(), "a.ts").current, std::optional<std::string>("a\n"));
  EXPECT_EQ(Entry(edited.value(), "a.ts").generated, std::optional<std::string>("a2\n"));
}

TEST(Classify, UnreadableOrFutureManifestIsSchemaMismatch) {
  for (const std::string& manifest :
       {std::string("{not json"), WriteManifest(BuildManifest(TwoFiles(), Specc("9.0.0")))}) {
    MemWorktree worktree = Generated(TwoFiles());
    worktree.Commit(kManifestPath, manifest);
    Classification c = ClassifyNow(TwoFiles(), worktree);
    const FileEntry& m = Entry(c, kManifestPath);
    EXPECT_EQ(m.state, FileState::kConflict);
    EXPECT_EQ(m.reason, ConflictReason::kSchemaMismatch);
    EXPECT_FALSE(Apply(c, worktree).ok());
    EXPECT_EQ(worktree.files(Version::kWorkdir).at(kManifestPath), manifest);
  }
}

// The manifest is input from pull requests: whatever it lists, specc deletes only inside
// its output directories, and never git's files, specc.yaml or a spec.
TEST(Classify, ManifestEntriesSpeccDoesNotOwnAreConflictsNeverRemovals) {
  OutputSet outputs;
  outputs.Put("out/a.ts", "a\n");
  MemWorktree worktree = Generated(outputs);
  Manifest tampered = BuildManifest(outputs, Specc());
  for (const char* path : {"specc.yaml", ".git/HEAD", ".GIT/config", "specs/api.yaml",
                           ".specc/other.json", "docs/guide.md", "gone/old.ts"}) {
    if (std::string(path) != "gone/old.ts") worktree.Commit(path, std::string(path) + "\n");
    tampered.files[path] = Sha256Hex(std::string(path) + "\n");
  }
  worktree.Commit(kManifestPath, WriteManifest(tampered));
  ClassifyOptions options;
  options.generator = Specc();
  options.ownership.output_dirs = {"out"};
  options.ownership.inputs = {"specs"};
  Result<Classification> c = Classify(outputs, worktree, options);
  ASSERT_TRUE(c.ok()) << c.error().message;
  for (const char* path : {"specc.yaml", ".git/HEAD", ".GIT/config", "specs/api.yaml",
                           ".specc/other.json", "docs/guide.md"}) {
    const FileEntry& entry = Entry(c.value(), path);
    EXPECT_EQ(entry.state, FileState::kConflict) << path;
    EXPECT_EQ(entry.reason, ConflictReason::kSchemaMismatch) << path;
    EXPECT_NE(entry.suggestion.find(std::string("`") + path + "` is listed in"), std::string::npos)
        << entry.suggestion;
  }
  EXPECT_NE(Entry(c.value(), "docs/guide.md").suggestion.find("outside every output directory (`out`)"),
            std::string::npos);
  EXPECT_NE(Entry(c.value(), "specs/api.yaml").suggestion.find("lies in `specs`, an input"),
            std::string::npos);
  // An entry outside the output directories whose file is gone has nothing to delete: it
  // is left out of the new manifest.
  for (const FileEntry& f : c.value().files) EXPECT_NE(f.path, "gone/old.ts");
  EXPECT_FALSE(Apply(c.value(), worktree).ok());
  EXPECT_EQ(worktree.files(Version::kWorkdir).count("specc.yaml"), 1u);
  EXPECT_EQ(worktree.files(Version::kWorkdir).count(".git/HEAD"), 1u);

  // Without those entries, a file of the output directory that is no longer generated is
  // still removed.
  Manifest fair = BuildManifest(outputs, Specc());
  fair.files["out/old.ts"] = Sha256Hex("old\n");
  fair.files["gone/old.ts"] = Sha256Hex("old\n");
  worktree.Commit("out/old.ts", "old\n");
  worktree.Commit(kManifestPath, WriteManifest(fair));
  Result<Classification> d = Classify(outputs, worktree, options);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(Entry(d.value(), "out/old.ts").state, FileState::kRemoved);
  EXPECT_FALSE(d.value().has_conflicts());
}

TEST(Classify, GeneratedPathsOutsideTheOwnedDirectoriesAreRefused) {
  MemWorktree worktree;
  ClassifyOptions options;
  options.generator = Specc();
  options.ownership.output_dirs = {"out"};
  options.ownership.scaffold_dirs = {"handlers"};
  options.ownership.inputs = {"out/specs"};
  OutputSet inside;
  inside.Put("out/a.ts", "a\n");
  inside.PutScaffold("handlers/impl.ts", "impl\n");
  EXPECT_TRUE(Classify(inside, worktree, options).ok());
  for (const char* path : {"src/a.ts", "out/specs/api.yaml", ".git/hooks/pre-commit"}) {
    OutputSet outputs;
    outputs.Put(path, "x\n");
    Result<Classification> c = Classify(outputs, worktree, options);
    ASSERT_FALSE(c.ok()) << path;
    EXPECT_NE(c.error().message.find(std::string("refusing to write `") + path + "`"),
              std::string::npos)
        << c.error().message;
  }
  OutputSet scaffold_elsewhere;
  scaffold_elsewhere.PutScaffold("out/impl.ts", "impl\n");
  EXPECT_FALSE(Classify(scaffold_elsewhere, worktree, options).ok());
}

// The second line of defence: the Worktree itself refuses reserved paths, whoever asks.
TEST(Worktree, WriteAndRemoveRefuseReservedPaths) {
  MemWorktree worktree;
  worktree.Commit(".git/HEAD", "ref: refs/heads/main\n");
  worktree.Commit("specc.yaml", "specs: specs\n");
  for (const char* path : {".git/HEAD", "sub/.Git/config", "specc.yaml", ".specc/lock",
                           "../outside", "/etc/passwd", "a/../b", "a\\b", "a\nb", ""}) {
    EXPECT_FALSE(worktree.Write(path, "x").ok()) << path;
    EXPECT_FALSE(worktree.Remove(path).ok()) << path;
  }
  EXPECT_EQ(worktree.files(Version::kWorkdir).at(".git/HEAD"), "ref: refs/heads/main\n");
  EXPECT_EQ(worktree.files(Version::kWorkdir).at("specc.yaml"), "specs: specs\n");
  EXPECT_TRUE(worktree.Write(kManifestPath, "{}").ok());
  EXPECT_TRUE(worktree.Remove(".specc/.manifest.json.specc-tmp.Ab12Cd").ok());
  EXPECT_TRUE(worktree.Write("src/a.ts", "a").ok());
  EXPECT_TRUE(worktree.Remove("src/a.ts").ok());
}

TEST(Report, JsonTextAndGithub) {
  MemWorktree worktree = Generated(TwoFiles());
  worktree.files(Version::kWorkdir)["b.ts"] = "hand, edit: 100%\n";
  OutputSet next;
  next.Put("a.ts", "a\nmore\n");
  next.Put("b.ts", "b2\n");
  DriftReport report = BuildReport(ClassifyNow(next, worktree));
  EXPECT_EQ(report.status(), ReportStatus::kConflicts);
  EXPECT_EQ(ReportToJson(report),
            "{\n"
            "  \"changedFiles\": [\n"
            "    {\n"
            "      \"path\": \".specc/manifest.json\",\n"
            "      \"type\": \"modified\",\n"
            "      \"diffSummary\": \"+2 -2\"\n"
            "    },\n"
            "    {\n"
            "      \"path\": \"a.ts\",\n"
            "      \"type\": \"modified\",\n"
            "      \"diffSummary\": \"+1 -0\"\n"
            "    }\n"
            "  ],\n"
            "  \"conflicts\": [\n"
            "    {\n"
            "      \"path\": \"b.ts\",\n"
            "      \"reason\": \"UNCOMMITTED_LOCAL_CHANGES\",\n"
            "      \"suggestion\": \"" +
                report.conflicts[0].suggestion +
                "\"\n"
                "    }\n"
                "  ],\n"
                "  \"summary\": {\n"
                "    \"changedCount\": 2,\n"
                "    \"conflictCount\": 1,\n"
                "    \"status\": \"conflicts\"\n"
                "  }\n"
                "}\n");
  EXPECT_EQ(ReportToText(report),
            "modified  .specc/manifest.json  +2 -2\n"
            "modified  a.ts  +1 -0\n"
            "conflict  b.ts  UNCOMMITTED_LOCAL_CHANGES\n"
            "          " +
                report.conflicts[0].suggestion +
                "\n"
                "status: conflicts (2 changed, 1 conflict)\n");
  std::string github = ReportToGithub(report);
  EXPECT_NE(github.find("::error file=a.ts,title=specc drift%3A modified::generated file is stale "
                        "(modified, +1 -0); run `specc apply` and commit the result\n"),
            std::string::npos)
      << github;
  EXPECT_NE(github.find("::error file=b.ts,title=specc conflict%3A UNCOMMITTED_LOCAL_CHANGES::"),
            std::string::npos);
  EXPECT_NE(github.find("::notice title=specc drift::conflicts (2 changed, 1 conflict)\n"),
            std::string::npos);
}

TEST(Apply, WritesOnlyChangesAndTheManifestLast) {
  MemWorktree worktree = Generated(TwoFiles());
  OutputSet next;
  next.Put("a.ts", "a2\n");
  next.Put("b.ts", "b\n");
  Classification c = ClassifyNow(next, worktree);
  std::vector<std::string> writes;
  ApplyOptions options;
  options.after_each_write = [&](const std::string& path) -> Status {
    writes.push_back(path);
    return Ok{};
  };
  Result<ApplyStats> stats = Apply(c, worktree, options);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(writes, std::vector<std::string>{"a.ts"});
  EXPECT_EQ(stats.value().written, 2u);  // a.ts, then the manifest
  EXPECT_FALSE(ClassifyNow(next, worktree).has_changes());
}

}  // namespace
}  // namespace specc::drift
