// Confinement over real git repositories: specc runs in hooks and CI on specs and a
// manifest that come from pull requests, so neither may make it delete or write outside
// the output directories of specc.yaml, nor read outside the repository.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/file_lock.h"
#include "base/fs.h"
#include "base/sha256.h"
#include "cli/cli.h"
#include "drift/manifest.h"
#include "git_repo.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;
using drift_test::Generated;
using drift_test::GitRepo;
using drift_test::RunResult;
using drift_test::Specc;
using drift_test::SpeccWithEmitters;

// A repository where the test generator's files are applied and committed.
void SetUpGenerated(GitRepo& repo) {
  repo.Write("specc.yaml", "# the configuration\n");
  repo.Write("specs/a.txt", "alpha\n");
  RunResult apply = Specc(repo.dir(), {"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  repo.CommitAll("generated");
}

// Adds `path` to the committed manifest with the hash of the file there now, as a pull
// request could, and commits it.
void ListInManifest(GitRepo& repo, const std::vector<std::string>& paths) {
  Result<drift::Manifest> manifest = drift::ParseManifest(repo.Read(drift::kManifestPath));
  ASSERT_TRUE(manifest.ok());
  for (const std::string& path : paths) {
    manifest.value().files[path] = Sha256Hex(repo.Read(path));
  }
  repo.Write(drift::kManifestPath, drift::WriteManifest(manifest.value()));
  repo.CommitAll("tampered manifest");
}

TEST(ConfineGit, ACommittedManifestCannotDeleteConfigSpecsOrGitFiles) {
  GitRepo repo;
  SetUpGenerated(repo);
  std::string head = repo.Read(".git/HEAD");
  ListInManifest(repo, {"specc.yaml", ".git/HEAD", "specs/a.txt", ".git/config"});
  std::string manifest = repo.Read(drift::kManifestPath);

  RunResult apply = Specc(repo.dir(), {"apply", "--format", "json"});
  EXPECT_EQ(apply.exit_code, 2) << apply.out << apply.err;
  for (const char* path : {"specc.yaml", ".git/HEAD", "specs/a.txt", ".git/config"}) {
    EXPECT_NE(apply.out.find(std::string("\"path\": \"") + path +
                             "\",\n      \"reason\": \"SCHEMA_MISMATCH\""),
              std::string::npos)
        << path << "\n"
        << apply.out;
  }
  EXPECT_EQ(repo.Read("specc.yaml"), "# the configuration\n");
  EXPECT_EQ(repo.Read("specs/a.txt"), "alpha\n");
  EXPECT_EQ(repo.Read(".git/HEAD"), head);
  EXPECT_EQ(repo.Read(drift::kManifestPath), manifest);
  // Still a git repository, and nothing changed in it.
  EXPECT_EQ(repo.Porcelain(), "");
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 2);
}

// After an output directory moves, the old directory's files stay listed in the manifest.
// specc does not delete there; once the user has, the entries are dropped.
TEST(ConfineGit, EntriesOutsideTheOutputDirectoriesAreLeftToTheUser) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("old/a.txt", "from an earlier configuration\n");
  ListInManifest(repo, {"old/a.txt"});

  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 2) << apply.out << apply.err;
  EXPECT_NE(apply.out.find("conflict  old/a.txt  SCHEMA_MISMATCH\n"), std::string::npos)
      << apply.out;
  EXPECT_NE(apply.out.find("outside every output directory (`out`)"), std::string::npos);
  EXPECT_NE(apply.out.find("git rm -- old/a.txt"), std::string::npos);
  EXPECT_TRUE(repo.Exists("old/a.txt"));

  repo.Git("rm -q -- old/a.txt");
  apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  EXPECT_EQ(repo.Read(drift::kManifestPath).find("old/a.txt"), std::string::npos);
  repo.CommitAll();
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
}

// The same through the real generator: its ownership comes from specc.yaml.
TEST(ConfineGit, TheRealGeneratorOwnsTheDirectoriesOfSpeccYaml) {
  GitRepo repo;
  repo.Write("specc.yaml", "artifacts:\n  routes: false\n  schemas: false\n  mcp: false\n"
                           "  postman: false\n  env: false\n  plan: false\n"
                           "  openapi: {out: gen}\n");
  repo.Write("specs/api.yaml",
             "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
             "      operationId: getA\n      responses:\n        '200': {description: ok}\n");
  auto run = [&](const std::vector<std::string>& args) { return SpeccWithEmitters(repo.dir(), args); };
  RunResult apply = run({"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  repo.CommitAll("generated");
  ASSERT_NE(repo.Read(drift::kManifestPath).find("\"path\": \"gen/"), std::string::npos);

  repo.Write("gen/stale.json", "{}\n");
  repo.Write("docs/guide.md", "the user's\n");
  ListInManifest(repo, {"specs/api.yaml", "specc.yaml", "gen/stale.json", "docs/guide.md"});
  RunResult check = run({"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 2) << check.out << check.err;
  for (const char* path : {"specs/api.yaml", "specc.yaml", "docs/guide.md"}) {
    EXPECT_NE(check.out.find(std::string("\"path\": \"") + path +
                             "\",\n      \"reason\": \"SCHEMA_MISMATCH\""),
              std::string::npos)
        << path << "\n"
        << check.out;
  }
  // The stale file inside the output directory is specc's to remove.
  EXPECT_NE(check.out.find("\"path\": \"gen/stale.json\",\n      \"type\": \"removed\""),
            std::string::npos)
      << check.out;
  EXPECT_EQ(run({"apply"}).exit_code, 2);
  EXPECT_TRUE(repo.Exists("specs/api.yaml"));
  EXPECT_TRUE(repo.Exists("gen/stale.json"));
}

// specc.yaml comes from pull requests too: it cannot send output into git's directory,
// specc's own state or the specs.
TEST(ConfineGit, SpeccYamlCannotSendOutputIntoGitSpeccOrTheSpecs) {
  GitRepo repo;
  repo.Write("specs/api.yaml",
             "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n"
             "      operationId: getA\n      responses:\n        '200': {description: ok}\n");
  repo.CommitAll("specs");
  std::set<std::string> hooks_before;
  for (const auto& entry : stdfs::directory_iterator(repo.dir() + "/.git/hooks")) {
    hooks_before.insert(entry.path().filename());
  }
  for (const std::string& config :
       {"artifacts: {openapi: {out: .git/hooks}}\n", "artifacts: {openapi: {out: .git}}\n",
        "artifacts: {openapi: {out: .specc}}\n", "artifacts: {openapi: {out: specs}}\n",
        // A default output directory inside the specs directory, reported at `specs`.
        "specs: src\n"}) {
    repo.Write("specc.yaml", config);
    if (config == "specs: src\n") repo.Write("src/api.yaml", repo.Read("specs/api.yaml"));
    RunResult apply = SpeccWithEmitters(repo.dir(), {"apply"});
    EXPECT_EQ(apply.exit_code, 3) << config << apply.out << apply.err;
    EXPECT_NE(apply.err.find("[CONFIG_PATH_INVALID]"), std::string::npos) << config << apply.err;
  }
  EXPECT_NE(SpeccWithEmitters(repo.dir(), {"apply"}).err.find(
                "specc.yaml:1:8: error: output directory `src/generated` of `routes` overlaps the "
                "specs directory `src`"),
            std::string::npos);
  std::set<std::string> hooks_after;
  for (const auto& entry : stdfs::directory_iterator(repo.dir() + "/.git/hooks")) {
    hooks_after.insert(entry.path().filename());
  }
  EXPECT_EQ(hooks_after, hooks_before);
  EXPECT_FALSE(repo.Exists(".specc"));
  EXPECT_FALSE(repo.Exists("specs/api"));
  EXPECT_FALSE(repo.Exists("src/generated"));
}

// A directory beside the repository, removed with the test.
class Outside {
 public:
  explicit Outside(const GitRepo& repo) : dir_(repo.dir() + "-outside") {
    stdfs::create_directories(dir_);
  }
  ~Outside() { stdfs::remove_all(dir_); }
  const std::string& dir() const { return dir_; }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ + "/" + name, std::ios::binary) << text;
  }
  std::vector<std::string> Files() const {
    std::vector<std::string> out;
    for (const auto& entry : stdfs::directory_iterator(dir_)) out.push_back(entry.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  std::string dir_;
};

// A committed link for an output directory must not carry writes or deletions out of the
// repository, nor into git's own directory.
TEST(ConfineGit, NoWriteOrDeletionThroughASymlinkedOutputDirectory) {
  GitRepo repo;
  Outside outside(repo);
  outside.Write("victim.txt", "keep me\n");
  repo.Write("specs/a.txt", "alpha\n");
  stdfs::create_directory_symlink(outside.dir(), repo.dir() + "/out");
  repo.CommitAll("out is a link");
  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 4) << apply.out << apply.err;
  EXPECT_NE(apply.err.find("`out` is a symbolic link"), std::string::npos) << apply.err;
  EXPECT_EQ(outside.Files(), std::vector<std::string>{"victim.txt"});
  RunResult check = Specc(repo.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 4);
  EXPECT_NE(check.err.find("`out/a.txt` lies below `out`, a symbolic link"), std::string::npos)
      << check.err;

  // A manifest that lists the file behind the link, with its hash, deletes nothing either.
  stdfs::remove(repo.dir() + "/out");
  ASSERT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  Result<drift::Manifest> manifest = drift::ParseManifest(repo.Read(drift::kManifestPath));
  ASSERT_TRUE(manifest.ok());
  manifest.value().files["out/victim.txt"] = Sha256Hex("keep me\n");
  repo.Write(drift::kManifestPath, drift::WriteManifest(manifest.value()));
  stdfs::remove_all(repo.dir() + "/out");
  stdfs::create_directory_symlink(outside.dir(), repo.dir() + "/out");
  repo.CommitAll("manifest and link");
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 4);
  EXPECT_EQ(outside.Files(), std::vector<std::string>{"victim.txt"});

  // A link inside the repository is refused too: it could lead into `.git`.
  stdfs::remove(repo.dir() + "/out");
  stdfs::create_directory_symlink(".git", repo.dir() + "/out");
  std::string head = repo.Read(".git/HEAD");
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 4);
  EXPECT_FALSE(stdfs::exists(repo.dir() + "/.git/a.txt"));
  EXPECT_EQ(repo.Read(".git/HEAD"), head);
}

// The specs come from pull requests: a committed link or a path that climbs out of the
// repository is never read, so no line of a file outside it is ever printed.
TEST(ConfineGit, SpecsThatLeadOutOfTheRepositoryAreNeverRead) {
  GitRepo repo;
  Outside outside(repo);
  outside.Write("secret.yaml", "OUTSIDE_MARKER_LINE: [unclosed\n");
  repo.Write("specs/shop.specc",
             "project \"shop\" {\n"
             "  id = \"7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30\"\n"
             "  version = \"1.0.0\"\n"
             "  constitution = \"1.0.0\"\n"
             "  service api { openapi = \"../../" +
                 stdfs::path(outside.dir()).filename().string() +
                 "/secret.yaml\"; runtime = cloudflare.worker }\n"
                 "}\n");
  repo.CommitAll("specs");
  auto run = [&](const std::vector<std::string>& args) { return SpeccWithEmitters(repo.dir(), args); };
  auto expect_refused = [&](const RunResult& r, const std::string& what) {
    EXPECT_EQ(r.exit_code, 3) << what << "\n" << r.out << r.err;
    EXPECT_NE((r.out + r.err).find("[SPEC_FILE_OUTSIDE_REPOSITORY]"), std::string::npos)
        << what << "\n" << r.out << r.err;
    EXPECT_EQ((r.out + r.err).find("OUTSIDE_MARKER"), std::string::npos) << what << "\n" << r.err;
  };
  expect_refused(run({"check"}), "a path that climbs out");
  expect_refused(run({"lint"}), "lint, a path that climbs out");

  // A root document that is a link out of the repository.
  stdfs::remove(repo.dir() + "/specs/shop.specc");
  stdfs::create_symlink(outside.dir() + "/secret.yaml", repo.dir() + "/specs/api.yaml");
  expect_refused(run({"check"}), "a linked root document");
  expect_refused(run({"apply"}), "apply, a linked root document");
  expect_refused(run({"ir"}), "ir, a linked root document");

  // A link into git's directory, inside the repository but not its content: .git/config
  // may hold credentials.
  stdfs::remove(repo.dir() + "/specs/api.yaml");
  repo.Git("config remote.origin.url https://OUTSIDE_MARKER_URL@example.com/x.git");
  stdfs::create_symlink("../.git/config", repo.dir() + "/specs/api.yaml");
  expect_refused(run({"check"}), "a link to .git/config");

  // The whole specs directory as a link.
  stdfs::remove_all(repo.dir() + "/specs");
  outside.Write("api.yaml", "openapi: 3.0.3\nOUTSIDE_MARKER_TWO: [\n");
  stdfs::create_directory_symlink(outside.dir(), repo.dir() + "/specs");
  RunResult check = run({"check"});
  EXPECT_EQ(check.exit_code, 4) << check.out << check.err;
  EXPECT_NE(check.err.find(kOutsideRootReason), std::string::npos) << check.err;
  EXPECT_EQ((check.out + check.err).find("OUTSIDE_MARKER"), std::string::npos) << check.err;
  EXPECT_FALSE(repo.Exists(drift::kManifestPath));
}

// Earlier versions wrote through `.<name>.specc-tmp.<pid>` opened with O_TRUNC: links
// planted at the next process ids made apply overwrite a file outside the repository.
TEST(ConfineGit, PlantedLinksAtTemporaryNamesAreNotFollowed) {
  GitRepo repo;
  Outside outside(repo);
  outside.Write("victim.txt", "keep me\n");
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "changed\n");
  for (pid_t pid = getpid() - 3; pid <= getpid() + 30; ++pid) {
    for (const char* name : {"out/.a.txt.specc-tmp.", ".specc/.manifest.json.specc-tmp."}) {
      stdfs::create_symlink(outside.dir() + "/victim.txt",
                            repo.dir() + "/" + name + std::to_string(pid));
    }
  }
  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  std::ifstream victim(outside.dir() + "/victim.txt");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(victim), {}), "keep me\n");
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("changed\n"));
  // The planted names match the temporary-file pattern: apply cleared them away.
  EXPECT_EQ(repo.Porcelain(), " M .specc/manifest.json\n M out/a.txt\n M specs/a.txt\n");
}

// An interrupted apply leaves its temporary files behind; the next apply removes them
// from its own directories (and nowhere else), so they never pile up or get committed.
TEST(ConfineGit, ApplyRemovesTemporaryFilesThatInterruptedRunsLeft) {
  GitRepo repo;
  SetUpGenerated(repo);
  const std::vector<std::string> stale = {"out/.a.txt.specc-tmp.12345",
                                          "out/sub/.b.txt.specc-tmp.Ab12Cd",
                                          ".specc/.manifest.json.specc-tmp.777"};
  for (const std::string& path : stale) repo.Write(path, std::string(1 << 20, 'x'));
  repo.Write("docs/.guide.md.specc-tmp.1", "not in a directory specc owns\n");
  repo.Write("out/.keep", "not a temporary name\n");
  EXPECT_EQ(Specc(repo.dir(), {"apply", "--dry-run"}).exit_code, 0);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
  for (const std::string& path : stale) EXPECT_TRUE(repo.Exists(path)) << path;

  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.err.find("removed 3 temporary files that an interrupted run left behind"),
            std::string::npos)
      << apply.err;
  for (const std::string& path : stale) EXPECT_FALSE(repo.Exists(path)) << path;
  EXPECT_FALSE(repo.Exists("out/sub"));
  EXPECT_TRUE(repo.Exists("docs/.guide.md.specc-tmp.1"));
  EXPECT_TRUE(repo.Exists("out/.keep"));
}

// Two runs in one repository never interleave: apply locks it exclusively, check shared.
TEST(ConfineGit, AnotherRunHoldingTheLockStopsApplyWithExit4) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "changed\n");
  const std::string lock_path = repo.dir() + "/.git/specc.lock";
  {
    Result<std::unique_ptr<FileLock>> writer =
        FileLock::TryAcquire(lock_path, FileLock::Mode::kExclusive);
    ASSERT_TRUE(writer.ok() && writer.value() != nullptr);
    RunResult apply = Specc(repo.dir(), {"apply"});
    EXPECT_EQ(apply.exit_code, 4) << apply.out << apply.err;
    EXPECT_NE(apply.err.find("another specc run (process " + std::to_string(getpid()) +
                             ") is writing this repository; nothing was done"),
              std::string::npos)
        << apply.err;
    EXPECT_NE(apply.err.find(lock_path), std::string::npos);
    EXPECT_EQ(apply.out, "");
    EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 4);
    EXPECT_EQ(repo.Read("out/a.txt"), Generated("alpha\n"));
  }
  {
    // A running check: other checks go on, apply waits for it.
    Result<std::unique_ptr<FileLock>> reader =
        FileLock::TryAcquire(lock_path, FileLock::Mode::kShared);
    ASSERT_TRUE(reader.ok() && reader.value() != nullptr);
    EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 1);
    EXPECT_EQ(Specc(repo.dir(), {"apply", "--dry-run"}).exit_code, 0);
    RunResult apply = Specc(repo.dir(), {"apply"});
    EXPECT_EQ(apply.exit_code, 4);
    EXPECT_NE(apply.err.find("another specc run is reading this repository"), std::string::npos)
        << apply.err;
  }
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("changed\n"));
  EXPECT_FALSE(stdfs::exists(lock_path));
}

// A run killed with SIGKILL cannot release anything; the kernel drops its flock, so the
// lock file it leaves behind does not block the next run.
TEST(ConfineGit, ALockLeftByAKilledRunIsNotStale) {
  GitRepo repo;
  SetUpGenerated(repo);
  const std::string lock_path = repo.dir() + "/.git/specc.lock";
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<std::unique_ptr<FileLock>> lock = FileLock::TryAcquire(lock_path, FileLock::Mode::kExclusive);
    if (lock.ok() && lock.value() != nullptr) ::kill(::getpid(), SIGKILL);
    ::_exit(1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  ASSERT_TRUE(stdfs::exists(lock_path));
  EXPECT_EQ(FileLock::Holder(lock_path), std::to_string(child));
  repo.Write("specs/a.txt", "after the kill\n");
  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("after the kill\n"));
}

// The lock lives in the git directory that linked worktrees share.
TEST(ConfineGit, LinkedWorktreesShareTheLock) {
  GitRepo repo;
  SetUpGenerated(repo);
  std::string linked = repo.dir() + "-linked";
  repo.Git("worktree add -q " + drift_test::Quote(linked));
  Result<std::unique_ptr<FileLock>> writer =
      FileLock::TryAcquire(repo.dir() + "/.git/specc.lock", FileLock::Mode::kExclusive);
  ASSERT_TRUE(writer.ok() && writer.value() != nullptr);
  EXPECT_EQ(Specc(linked, {"apply"}).exit_code, 4);
  writer.value().reset();
  EXPECT_EQ(Specc(linked, {"apply"}).exit_code, 0);
  stdfs::remove_all(linked);
}

// Concurrent applies in separate processes: each finishes or stops with exit 4, and the
// repository ends consistent.
TEST(ConfineGit, ConcurrentAppliesLeaveAConsistentRepository) {
  GitRepo repo;
  SetUpGenerated(repo);
  for (int i = 0; i < 20; ++i) repo.Write("specs/f" + std::to_string(i) + ".txt", std::string(4096, 'a' + i % 26));
  std::string script;
  for (int i = 0; i < 6; ++i) {
    script += drift_test::Quote(TEST_SPECC_PATH) + " -C " + drift_test::Quote(repo.dir()) +
              " apply >/dev/null 2>&1; echo $? >> " + drift_test::Quote(repo.dir() + "/.git/codes") + " &\n";
  }
  drift_test::Shell(script + "wait\n");
  std::string codes = repo.Read(".git/codes");
  EXPECT_EQ(std::count(codes.begin(), codes.end(), '\n'), 6) << codes;
  for (char c : codes) EXPECT_TRUE(c == '0' || c == '4' || c == '\n') << codes;
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  RunResult check = Specc(repo.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  for (const auto& entry : stdfs::recursive_directory_iterator(repo.dir() + "/out")) {
    EXPECT_EQ(entry.path().string().find(".specc-tmp"), std::string::npos) << entry.path();
  }
}

// A clone with core.autocrlf=true: git checks out CRLF and cleans it back to LF, so
// `git status` is clean; specc compares and writes the same way.
class AutocrlfClone {
 public:
  explicit AutocrlfClone(const GitRepo& origin) : dir_(origin.dir() + "-crlf") {
    std::string out = drift_test::Shell("git clone -q -c core.autocrlf=true " +
                                        drift_test::Quote(origin.dir()) + " " + drift_test::Quote(dir_));
    EXPECT_TRUE(stdfs::exists(dir_ + "/.git")) << out;
  }
  ~AutocrlfClone() { stdfs::remove_all(dir_); }
  const std::string& dir() const { return dir_; }
  std::string Read(const std::string& path) const {
    std::ifstream in(dir_ + "/" + path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void Write(const std::string& path, const std::string& text) const {
    std::ofstream(dir_ + "/" + path, std::ios::binary) << text;
  }
  std::string Git(const std::string& args) const {
    return drift_test::Shell("git -C " + drift_test::Quote(dir_) + " " + args);
  }

 private:
  std::string dir_;
};

std::string Crlf(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

TEST(ConfineGit, AutocrlfCloneIsCleanAndApplyWritesWhatCheckoutWould) {
  GitRepo repo;
  repo.Write("specs/a.txt", "alpha 1\nalpha 2\n");
  repo.Write("specs/b.txt", "beta 1\n");
  ASSERT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  repo.CommitAll("generated");
  AutocrlfClone clone(repo);
  ASSERT_EQ(clone.Read("out/a.txt"), Crlf(Generated("alpha 1\nalpha 2\n")));
  ASSERT_EQ(clone.Git("status --porcelain"), "");

  RunResult check = Specc(clone.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "status: clean (0 changed, 0 conflicts)\n");
  RunResult apply = Specc(clone.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0);
  EXPECT_EQ(apply.out, "status: clean (0 changed, 0 conflicts)\n");

  // An edit saved with CRLF, as an editor in this checkout would: apply writes the file as
  // checkout would (CRLF), git sees only the changed line, and check is clean.
  clone.Write("specs/a.txt", Crlf("alpha 1\nALPHA 2\n"));
  apply = Specc(clone.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_NE(apply.out.find("modified  out/a.txt  +1 -1\n"), std::string::npos) << apply.out;
  EXPECT_EQ(clone.Read("out/a.txt"), Crlf(Generated("alpha 1\nALPHA 2\n")));
  EXPECT_EQ(clone.Git("diff --numstat out/a.txt"), "1\t1\tout/a.txt\n");
  EXPECT_EQ(clone.Git("status --porcelain"),
            " M .specc/manifest.json\n M out/a.txt\n M specs/a.txt\n");
  EXPECT_EQ(Specc(clone.dir(), {"check"}).exit_code, 0);
  // What is committed from the clone is what an LF checkout generates.
  clone.Git("-c user.name=t -c user.email=t@example.com commit -qam crlf");
  EXPECT_EQ(clone.Git("show HEAD:out/a.txt"), Generated("alpha 1\nALPHA 2\n"));
}

// The real generator on the example project of this repository, in an autocrlf clone:
// before, 21 generated files were reported as UNCOMMITTED_LOCAL_CHANGES (exit 2).
TEST(ConfineGit, AutocrlfCloneOfTheExampleProjectChecksClean) {
  GitRepo repo;
  stdfs::copy(std::string(SPECC_SOURCE_DIR) + "/specs", repo.dir() + "/specs",
              stdfs::copy_options::recursive);
  stdfs::copy_file(std::string(SPECC_SOURCE_DIR) + "/specc.yaml", repo.dir() + "/specc.yaml");
  RunResult apply = SpeccWithEmitters(repo.dir(), {"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  repo.CommitAll("example");
  AutocrlfClone clone(repo);
  ASSERT_EQ(clone.Git("status --porcelain"), "");
  RunResult check = SpeccWithEmitters(clone.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "status: clean (0 changed, 0 conflicts)\n");
  EXPECT_EQ(SpeccWithEmitters(clone.dir(), {"apply"}).exit_code, 0);
  EXPECT_EQ(clone.Git("status --porcelain"), "");
}

}  // namespace
}  // namespace specc
