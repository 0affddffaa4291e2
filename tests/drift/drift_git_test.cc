// Scenario tests over real git repositories in temporary directories: `apply` and `check`
// run in-process through cli::Run (with the test generator standing in for the emitters),
// the repositories are set up with the git CLI, and what the Worktree sees is cross-checked
// against `git status --porcelain`.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "drift/apply.h"
#include "drift/classify.h"
#include "drift/git_worktree.h"
#include "drift/manifest.h"
#include "base/sha256.h"
#include "git_repo.h"
#include "test_generator.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;
using drift_test::Generated;
using drift_test::GitRepo;
using drift_test::Quote;
using drift_test::RunResult;
using drift_test::Specc;


// What `git status --porcelain --untracked-files=all` prints, computed from the three
// versions the Worktree reports, so that a test can compare the two.
std::string PorcelainFromWorktree(const drift::Worktree& worktree) {
  std::set<std::string> paths;
  for (drift::Version v :
       {drift::Version::kHead, drift::Version::kIndex, drift::Version::kWorkdir}) {
    Result<std::vector<std::string>> listed = worktree.List(v, "");
    EXPECT_TRUE(listed.ok());
    paths.insert(listed.value().begin(), listed.value().end());
  }
  std::string tracked, untracked;
  for (const std::string& path : paths) {
    auto h = worktree.Read(drift::Version::kHead, path).value();
    auto i = worktree.Read(drift::Version::kIndex, path).value();
    auto w = worktree.Read(drift::Version::kWorkdir, path).value();
    bool ignored = worktree.IsIgnored(path).value();
    if (!i && w && !ignored) untracked += "?? " + path + "\n";
    if (!h && !i) continue;
    char x = !h ? 'A' : !i ? 'D' : (*h != *i ? 'M' : ' ');
    char y = !i ? ' ' : !w ? 'D' : (*i != *w ? 'M' : ' ');
    if (x == ' ' && y == ' ') continue;
    tracked += std::string{x, y, ' '} + path + "\n";
  }
  return tracked + untracked;
}

void ExpectWorktreeMatchesGit(const GitRepo& repo) {
  Result<std::unique_ptr<drift::Worktree>> worktree = drift::OpenGitWorktree(repo.dir());
  ASSERT_TRUE(worktree.ok()) << worktree.error().message;
  EXPECT_EQ(PorcelainFromWorktree(*worktree.value()), repo.Porcelain());
}

// A repository with two specs whose generated files are applied and committed.
void SetUpGenerated(const GitRepo& repo) {
  repo.Write("specs/a.txt", "alpha 1\nalpha 2\nalpha 3\n");
  repo.Write("specs/b.txt", "beta 1\n");
  RunResult apply = Specc(repo.dir(), {"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.out << apply.err;
  const_cast<GitRepo&>(repo).CommitAll("generated");
  ASSERT_EQ(repo.Porcelain(), "");
}

// Holds() answers as Read() and a comparison would, for every version: the working tree's
// file compared in chunks (larger than one chunk here), a filtered file through Read.
TEST(DriftGit, HoldsAgreesWithRead) {
  GitRepo repo;
  std::string big;
  for (int i = 0; big.size() < 200000; ++i) big += "line " + std::to_string(i) + "\n";
  repo.Write("big.txt", big);
  repo.Write("small.txt", "small\n");
  repo.Write("crlf.txt", "one\ntwo\n");
  repo.Write(".gitattributes", "crlf.txt text eol=crlf\n");
  repo.CommitAll("files");
  std::string changed = big;
  changed[150000] = changed[150000] == 'x' ? 'y' : 'x';  // the same size, one byte apart
  repo.Write("small.txt", "small but longer\n");
  repo.Write("crlf.txt", "one\r\ntwo\r\n");  // what checkout writes; cleaned back to LF
  Result<std::unique_ptr<drift::Worktree>> opened = drift::OpenGitWorktree(repo.dir());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  const drift::Worktree& worktree = *opened.value();
  std::vector<std::string> candidates = {big, changed, big + "x", big.substr(0, big.size() - 1), "small\n",
                                         "small but longer\n", "one\ntwo\n", "one\r\ntwo\r\n", ""};
  for (drift::Version v : {drift::Version::kHead, drift::Version::kIndex, drift::Version::kWorkdir}) {
    for (const std::string path : {"big.txt", "small.txt", "crlf.txt", "missing.txt"}) {
      std::optional<std::string> read = worktree.Read(v, path).value();
      for (const std::string& bytes : candidates) {
        Result<bool> holds = worktree.Holds(v, path, bytes);
        ASSERT_TRUE(holds.ok()) << holds.error().message;
        EXPECT_EQ(holds.value(), read.has_value() && *read == bytes)
            << path << " in version " << static_cast<int>(v) << ", " << bytes.size() << " bytes";
      }
    }
  }
  // The file changed after the commit: the working tree holds the edit, HEAD the original.
  repo.Write("big.txt", changed);
  EXPECT_TRUE(worktree.Holds(drift::Version::kWorkdir, "big.txt", changed).value());
  EXPECT_FALSE(worktree.Holds(drift::Version::kWorkdir, "big.txt", big).value());
  EXPECT_TRUE(worktree.Holds(drift::Version::kHead, "big.txt", big).value());
}

TEST(DriftGit, ApplyThenCheckIsClean) {
  GitRepo repo;
  repo.Write("specs/a.txt", "alpha\n");
  repo.CommitAll("specs");  // HEAD has specs but nothing generated yet
  RunResult first = Specc(repo.dir(), {"check", "--format", "json"});
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_NE(first.out.find("\"path\": \"out/a.txt\",\n      \"type\": \"added\""),
            std::string::npos)
      << first.out;

  RunResult apply = Specc(repo.dir(), {"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_EQ(apply.out,
            "added     .specc/manifest.json  +13 -0\n"
            "added     out/a.txt  +2 -0\n"
            "updated 2 files (2 written, 0 removed); `git add` them with the specs and commit\n");
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("alpha\n"));
  // Clean before the commit (the manifest vouches for the new files) and after it.
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
  ExpectWorktreeMatchesGit(repo);
  repo.CommitAll();
  RunResult check = Specc(repo.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_EQ(check.out, "status: clean (0 changed, 0 conflicts)\n");
  // A second apply writes nothing and says so.
  RunResult again = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out, "up to date: nothing to write\n");
  // From a subdirectory, the repository root is found as git finds it.
  EXPECT_EQ(Specc(repo.dir() + "/specs", {"check"}).exit_code, 0);
}

TEST(DriftGit, EditIsDriftWithDiffSummariesAndApplyKeepsOtherMtimes) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "alpha 1\nALPHA 2\nalpha 3\nalpha 4\n");
  ExpectWorktreeMatchesGit(repo);
  EXPECT_EQ(repo.Porcelain(), " M specs/a.txt\n");
  RunResult check = Specc(repo.dir(), {"check", "--diff"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(check.out,
            "--- a/.specc/manifest.json\n"
            "+++ b/.specc/manifest.json\n"
            "@@ -7,7 +7,7 @@\n"
            "   \"files\": [\n"
            "     {\n"
            "       \"path\": \"out/a.txt\",\n"
            "-      \"sha256\": \"" +
                Sha256Hex(Generated("alpha 1\nalpha 2\nalpha 3\n")) +
                "\"\n"
                "+      \"sha256\": \"" +
                Sha256Hex(Generated("alpha 1\nALPHA 2\nalpha 3\nalpha 4\n")) +
                "\"\n"
                "     },\n"
                "     {\n"
                "       \"path\": \"out/b.txt\",\n"
                "--- a/out/a.txt\n"
                "+++ b/out/a.txt\n"
                "@@ -1,4 +1,5 @@\n"
                " // Code generated by specc. DO NOT EDIT.\n"
                " alpha 1\n"
                "-alpha 2\n"
                "+ALPHA 2\n"
                " alpha 3\n"
                "+alpha 4\n"
                "modified  .specc/manifest.json  +1 -1\n"
                "modified  out/a.txt  +2 -1\n"
                "status: drift (2 changed, 0 conflicts)\n"
                "next: run `specc apply`, then `git add` the 2 files and commit\n");

  struct stat before;
  ASSERT_EQ(stat((repo.dir() + "/out/b.txt").c_str(), &before), 0);
  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("alpha 1\nALPHA 2\nalpha 3\nalpha 4\n"));
  struct stat after;
  ASSERT_EQ(stat((repo.dir() + "/out/b.txt").c_str(), &after), 0);
  EXPECT_EQ(before.st_mtim.tv_sec, after.st_mtim.tv_sec);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
  EXPECT_EQ(repo.Porcelain(), " M .specc/manifest.json\n M out/a.txt\n M specs/a.txt\n");
  ExpectWorktreeMatchesGit(repo);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
}

TEST(DriftGit, FileNoLongerGeneratedIsRemoved) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Git("rm -q specs/b.txt");
  RunResult check = Specc(repo.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_NE(check.out.find("removed   out/b.txt  +0 -2\n"), std::string::npos) << check.out;
  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 0) << apply.err;
  EXPECT_FALSE(repo.Exists("out/b.txt"));
  EXPECT_TRUE(repo.Exists("out/a.txt"));
  EXPECT_EQ(repo.Read(drift::kManifestPath).find("out/b.txt"), std::string::npos);
  ExpectWorktreeMatchesGit(repo);
  repo.CommitAll();
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
}

TEST(DriftGit, UncommittedHandEditIsAConflictAndSurvivesApply) {
  GitRepo repo;
  SetUpGenerated(repo);
  std::string hand = Generated("alpha 1\nalpha 2\nalpha 3\n") + "// my fix\n";
  repo.Write("out/a.txt", hand);
  repo.Write("specs/a.txt", "alpha 1\n");
  repo.Write("specs/b.txt", "beta 2\n");
  ExpectWorktreeMatchesGit(repo);
  std::string manifest = repo.Read(drift::kManifestPath);

  RunResult check = Specc(repo.dir(), {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(
      check.out.find("\"path\": \"out/a.txt\",\n      \"reason\": \"UNCOMMITTED_LOCAL_CHANGES\""),
      std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("\"status\": \"conflicts\""), std::string::npos);

  RunResult apply = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(apply.exit_code, 2);
  EXPECT_NE(apply.err.find("nothing was written"), std::string::npos);
  // Nothing at all was written: not the conflicted file, not the stale one, not the manifest.
  EXPECT_EQ(repo.Read("out/a.txt"), hand);
  EXPECT_EQ(repo.Read("out/b.txt"), Generated("beta 1\n"));
  EXPECT_EQ(repo.Read(drift::kManifestPath), manifest);
  EXPECT_EQ(repo.Porcelain(), " M out/a.txt\n M specs/a.txt\n M specs/b.txt\n");

  // Once the user discards the edit, apply proceeds.
  repo.Git("checkout -- out/a.txt");
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("alpha 1\n"));
}

TEST(DriftGit, CommittedHandEditIsManualDivergence) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("out/a.txt", "edited and committed\n");
  repo.CommitAll("hand edit");
  ExpectWorktreeMatchesGit(repo);
  RunResult check = Specc(repo.dir(), {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.out.find("\"path\": \"out/a.txt\",\n      \"reason\": \"MANUAL_DIVERGENCE\""),
            std::string::npos)
      << check.out;
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 2);
  EXPECT_EQ(repo.Read("out/a.txt"), "edited and committed\n");
}

TEST(DriftGit, ForeignFileAtAGeneratedPathIsManualDivergence) {
  GitRepo repo;
  repo.Write("specs/a.txt", "alpha\n");
  repo.Write("out/a.txt", "written by a person\n");
  repo.CommitAll("no specc yet");
  repo.Write("specs/c.txt", "gamma\n");
  repo.Write("out/c.txt", "untracked, also not specc's\n");
  ExpectWorktreeMatchesGit(repo);
  RunResult check = Specc(repo.dir(), {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(check.out.find("\"path\": \"out/a.txt\",\n      \"reason\": \"MANUAL_DIVERGENCE\""),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("\"path\": \"out/c.txt\",\n      \"reason\": \"MANUAL_DIVERGENCE\""),
            std::string::npos);
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 2);
  EXPECT_FALSE(repo.Exists(drift::kManifestPath));
}

TEST(DriftGit, ManifestFromAFutureVersionIsSchemaMismatch) {
  GitRepo repo;
  SetUpGenerated(repo);
  std::string manifest = repo.Read(drift::kManifestPath);
  manifest.replace(manifest.find("\"0.1.0\""), 7, "\"99.0.0\"");
  repo.Write(drift::kManifestPath, manifest);
  repo.CommitAll("from the future");
  RunResult check = Specc(repo.dir(), {"check", "--format", "json"});
  EXPECT_EQ(check.exit_code, 2);
  EXPECT_NE(
      check.out.find("\"path\": \".specc/manifest.json\",\n      \"reason\": \"SCHEMA_MISMATCH\""),
      std::string::npos)
      << check.out;
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 2);
  EXPECT_EQ(repo.Read(drift::kManifestPath), manifest);
}

TEST(DriftGit, StagedSeesAStagedChangeTheWorkingTreeReverted) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "staged version\n");
  repo.Git("add specs/a.txt");
  repo.Write("specs/a.txt", "alpha 1\nalpha 2\nalpha 3\n");  // the working tree is back at HEAD
  EXPECT_EQ(repo.Porcelain(), "MM specs/a.txt\n");
  ExpectWorktreeMatchesGit(repo);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
  RunResult staged = Specc(repo.dir(), {"check", "--staged"});
  EXPECT_EQ(staged.exit_code, 1) << staged.err;
  EXPECT_NE(staged.out.find("modified  out/a.txt  +1 -3\n"), std::string::npos) << staged.out;
  // And the other way round: an unstaged spec edit is no concern of --staged.
  repo.Git("reset -q");
  repo.Write("specs/b.txt", "unstaged\n");
  EXPECT_EQ(Specc(repo.dir(), {"check", "--staged"}).exit_code, 0);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 1);
}

TEST(DriftGit, SpecErrorsAreExit3AndNeverClean) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "SYNTAX ERROR\n");
  RunResult check = Specc(repo.dir(), {"check"});
  EXPECT_EQ(check.exit_code, 3);
  EXPECT_NE(check.err.find("specs/a.txt:1:1: error:"), std::string::npos) << check.err;
  EXPECT_EQ(check.out, "");
}

TEST(DriftGit, NotAGitRepositoryIsExit4) {
  std::string pattern = (stdfs::temp_directory_path() / "specc-nogit-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  RunResult check = Specc(pattern, {"check"});
  EXPECT_EQ(check.exit_code, 4);
  EXPECT_NE(check.err.find("not a git repository"), std::string::npos) << check.err;
  EXPECT_EQ(Specc(pattern, {"apply"}).exit_code, 4);
  EXPECT_EQ(Specc(pattern, {"hook", "install"}).exit_code, 4);
  stdfs::remove_all(pattern);
}

TEST(DriftGit, NoCommitsYetAndLinkedWorktree) {
  GitRepo repo;
  repo.Write("specs/a.txt", "alpha\n");
  Result<std::unique_ptr<drift::Worktree>> fresh = drift::OpenGitWorktree(repo.dir());
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  EXPECT_EQ(fresh.value()->root(), repo.dir());
  EXPECT_FALSE(fresh.value()->Read(drift::Version::kHead, "specs/a.txt").value());
  ExpectWorktreeMatchesGit(repo);
  EXPECT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
  repo.CommitAll("first");

  std::string linked = repo.dir() + "-linked";
  repo.Git("worktree add -q " + Quote(linked));
  Result<std::unique_ptr<drift::Worktree>> worktree = drift::OpenGitWorktree(linked + "/specs");
  ASSERT_TRUE(worktree.ok()) << worktree.error().message;
  EXPECT_EQ(worktree.value()->root(), linked);
  EXPECT_EQ(worktree.value()->HooksDir().value(), repo.dir() + "/.git/hooks");
  EXPECT_EQ(Specc(linked, {"check"}).exit_code, 0);
  std::ofstream(linked + "/specs/a.txt") << "changed in the linked worktree\n";
  EXPECT_EQ(Specc(linked, {"check"}).exit_code, 1);
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
  stdfs::remove_all(linked);
}

TEST(DriftGit, InjectedFailureAfterTheFirstWriteLeavesOldOrNewAndConverges) {
  GitRepo repo;
  SetUpGenerated(repo);
  repo.Write("specs/a.txt", "new a\n");
  repo.Write("specs/b.txt", "new b\n");
  repo.Write("specs/c.txt", "new c\n");
  std::string old_manifest = repo.Read(drift::kManifestPath);

  auto classify = [&](drift::Worktree& worktree) {
    OutputSet outputs;
    SourceMap sources;
    DiagSink sink;
    RealFs fs;
    cli::Generation generation = drift_test::TestGenerate(worktree.root(), fs, sources, sink).value();
    outputs = generation.files;
    drift::ClassifyOptions options;
    options.generator.version = "0.1.0";
    options.ownership = generation.ownership;
    return drift::Classify(outputs, worktree, options).value();
  };
  {
    auto worktree = drift::OpenGitWorktree(repo.dir()).value();
    drift::Classification c = classify(*worktree);
    drift::ApplyOptions options;
    options.after_each_write = [](const std::string& path) -> Status {
      return Error{"simulated crash after writing " + path};
    };
    Result<drift::ApplyStats> applied = drift::Apply(c, *worktree, options);
    ASSERT_FALSE(applied.ok());
    EXPECT_EQ(applied.error().message, "simulated crash after writing out/a.txt");
  }
  // Each file is entirely old or entirely new, the manifest is the old one, and no
  // temporary file is left behind.
  EXPECT_EQ(repo.Read("out/a.txt"), Generated("new a\n"));
  EXPECT_EQ(repo.Read("out/b.txt"), Generated("beta 1\n"));
  EXPECT_FALSE(repo.Exists("out/c.txt"));
  EXPECT_EQ(repo.Read(drift::kManifestPath), old_manifest);
  for (const auto& entry : stdfs::recursive_directory_iterator(repo.dir())) {
    EXPECT_EQ(entry.path().string().find(".specc-tmp"), std::string::npos) << entry.path();
  }
  // The re-run sees no conflict (the half-applied file is what specc generates) and
  // finishes the job.
  RunResult rerun = Specc(repo.dir(), {"apply"});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.out << rerun.err;
  EXPECT_EQ(rerun.out.find("out/a.txt"), std::string::npos) << rerun.out;
  EXPECT_EQ(repo.Read("out/b.txt"), Generated("new b\n"));
  EXPECT_EQ(repo.Read("out/c.txt"), Generated("new c\n"));
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
}

TEST(DriftGit, HookBlocksAStaleCommitAndLetsAnUpToDateOneThrough) {
  GitRepo repo;
  SetUpGenerated(repo);
  RunResult install = Specc(repo.dir(), {"hook", "install"});
  ASSERT_EQ(install.exit_code, 0) << install.err;
  struct stat hook;
  ASSERT_EQ(stat((repo.dir() + "/.git/hooks/pre-commit").c_str(), &hook), 0);
  EXPECT_TRUE(hook.st_mode & S_IXUSR);
  const std::string env = "SPECC=" + Quote(TEST_SPECC_PATH);

  repo.Write("specs/a.txt", "stale now\n");
  repo.Git("add specs/a.txt");
  int status = 0;
  std::string out = repo.Git("commit -q -m stale", &status, env);
  EXPECT_NE(status, 0) << out;
  EXPECT_NE(out.find("modified  out/a.txt"), std::string::npos) << out;

  ASSERT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  repo.Git("add -A");
  out = repo.Git("commit -q -m up-to-date", &status, env);
  EXPECT_EQ(status, 0) << out;
  EXPECT_EQ(repo.Porcelain(), "");
}

TEST(DriftGit, HookInstallRefusesAForeignHookUnlessForcedAndKeepsABackup) {
  GitRepo repo;
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
  RunResult refused = Specc(repo.dir(), {"hook", "install"});
  // A usage error: the user has to choose between --chain and --force.
  EXPECT_EQ(refused.exit_code, 4);
  EXPECT_NE(refused.err.find("--chain"), std::string::npos) << refused.err;
  EXPECT_EQ(repo.Read(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n");
  EXPECT_EQ(Specc(repo.dir(), {"hook", "install", "--force", "--chain"}).exit_code, 4);
  RunResult forced = Specc(repo.dir(), {"hook", "install", "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(repo.Read(".git/hooks/pre-commit.specc-backup"), "#!/bin/sh\necho mine\n");
  EXPECT_NE(repo.Read(".git/hooks/pre-commit").find("check --staged"), std::string::npos);
  // Re-installing over specc's own hook is not a conflict.
  EXPECT_EQ(Specc(repo.dir(), {"hook", "install"}).exit_code, 0);
  // Uninstall removes specc's hook only; nothing left is nothing to do.
  EXPECT_EQ(Specc(repo.dir(), {"hook", "uninstall"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(repo.dir() + "/.git/hooks/pre-commit"));
  EXPECT_EQ(Specc(repo.dir(), {"hook", "uninstall"}).exit_code, 0);
  repo.Write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n");
  EXPECT_EQ(Specc(repo.dir(), {"hook", "uninstall"}).exit_code, 4);
  EXPECT_EQ(repo.Read(".git/hooks/pre-commit"), "#!/bin/sh\necho mine\n");
}

// --chain keeps a foreign hook and runs it first: its refusal refuses the commit and
// specc's check then does not run; uninstall puts it back.
TEST(DriftGit, HookChainRunsTheExistingHookFirstAndUninstallRestoresIt) {
  GitRepo repo;
  const std::string mine = "#!/bin/sh\necho ran >> \"$(git rev-parse --show-toplevel)/mine.log\"\nexit \"${MINE_EXIT:-0}\"\n";
  repo.Write(".git/hooks/pre-commit", mine);
  ASSERT_EQ(chmod((repo.dir() + "/.git/hooks/pre-commit").c_str(), 0755), 0);
  RunResult chained = Specc(repo.dir(), {"hook", "install", "--chain"});
  ASSERT_EQ(chained.exit_code, 0) << chained.err;
  EXPECT_EQ(repo.Read(".git/hooks/pre-commit.specc-chained"), mine);
  // specc's part is replaced by a marker command through SPECC.
  auto run_hook = [&](const std::string& mine_exit) {
    std::string command = "cd '" + repo.dir() + "' && MINE_EXIT=" + mine_exit + " SPECC='" + repo.dir() +
                          "/fake-specc' .git/hooks/pre-commit";
    return WEXITSTATUS(std::system(command.c_str()));
  };
  repo.Write("fake-specc", "#!/bin/sh\necho \"$@\" >> specc.log\n");
  ASSERT_EQ(chmod((repo.dir() + "/fake-specc").c_str(), 0755), 0);
  EXPECT_EQ(run_hook("0"), 0);
  EXPECT_EQ(repo.Read("mine.log"), "ran\n");
  EXPECT_EQ(repo.Read("specc.log"), "check --staged\n");
  EXPECT_EQ(run_hook("3"), 3);
  EXPECT_EQ(repo.Read("mine.log"), "ran\nran\n");
  EXPECT_EQ(repo.Read("specc.log"), "check --staged\n");  // not run after the refusal
  // Installing again keeps the chain.
  EXPECT_EQ(Specc(repo.dir(), {"hook", "install"}).exit_code, 0);
  EXPECT_NE(repo.Read(".git/hooks/pre-commit").find("pre-commit.specc-chained"), std::string::npos);
  RunResult removed = Specc(repo.dir(), {"hook", "uninstall"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(repo.Read(".git/hooks/pre-commit"), mine);
  EXPECT_FALSE(std::filesystem::exists(repo.dir() + "/.git/hooks/pre-commit.specc-chained"));
}

}  // namespace
}  // namespace specc
