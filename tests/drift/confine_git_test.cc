// Confinement over real git repositories: specc runs in hooks and CI on specs and a
// manifest that come from pull requests, so neither may make it delete or write outside
// the output directories of specc.yaml, nor read outside the repository.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

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
  cli::RunOptions options;
  options.working_dir = repo.dir();
  auto run = [&](const std::vector<std::string>& args) {
    std::ostringstream out, err;
    int code = cli::Run(args, options, out, err);
    return RunResult{code, out.str(), err.str()};
  };
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

}  // namespace
}  // namespace specc
