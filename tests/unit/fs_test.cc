// ResolveWithin and the confined RealFs over real directories with symbolic links (the
// one check every read of a repository's files and every write into it goes through),
// and ReplaceFile, the one way specc writes a file.
#include "base/fs.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "base/atomic_file.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;

class FsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (stdfs::temp_directory_path() / "specc-fs-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    base_ = stdfs::canonical(pattern).string();
    repo_ = base_ + "/repo";
    stdfs::create_directories(repo_ + "/specs/sub");
    stdfs::create_directories(base_ + "/outside");
    std::ofstream(repo_ + "/specs/api.yaml") << "openapi: 3.0.3\n";
    std::ofstream(base_ + "/outside/secret.yaml") << "OUTSIDE_MARKER: [\n";
    stdfs::create_symlink("../api.yaml", repo_ + "/specs/sub/inside-link.yaml");
    stdfs::create_symlink(base_ + "/outside/secret.yaml", repo_ + "/specs/outside-link.yaml");
    stdfs::create_directory_symlink(base_ + "/outside", repo_ + "/out-dir");
    stdfs::create_symlink(base_ + "/nowhere", repo_ + "/dangling");
    stdfs::create_directories(repo_ + "/.git");
    std::ofstream(repo_ + "/.git/config") << "[remote \"origin\"]\n";
    stdfs::create_symlink("../.git/config", repo_ + "/specs/git-config.yaml");
  }
  void TearDown() override { stdfs::remove_all(base_); }

  std::string base_, repo_;
};

TEST_F(FsTest, ResolveWithinFollowsLinksAndRefusesWhatLeaves) {
  EXPECT_EQ(ResolveWithin(repo_, repo_ + "/specs/api.yaml").value(), repo_ + "/specs/api.yaml");
  EXPECT_EQ(ResolveWithin(repo_, repo_ + "/specs/sub/inside-link.yaml").value(),
            repo_ + "/specs/api.yaml");
  // Not there yet: resolved through the part that exists.
  EXPECT_EQ(ResolveWithin(repo_, repo_ + "/new/dir/file.ts").value(), repo_ + "/new/dir/file.ts");
  for (const std::string& path :
       {repo_ + "/specs/outside-link.yaml", repo_ + "/out-dir/secret.yaml",
        repo_ + "/specs/git-config.yaml", repo_ + "/.git/config",
        repo_ + "/out-dir/new/file.ts", repo_ + "/../outside/secret.yaml", std::string("/etc/passwd")}) {
    Result<std::string> resolved = ResolveWithin(repo_, path);
    ASSERT_FALSE(resolved.ok()) << path;
    EXPECT_TRUE(IsOutsideRoot(resolved.error())) << resolved.error().message;
    EXPECT_EQ(resolved.error().message, path + ": " + kOutsideRootReason);
  }
  // A dangling link is never created through.
  Result<std::string> dangling = ResolveWithin(repo_, repo_ + "/dangling/file.ts");
  ASSERT_FALSE(dangling.ok());
  EXPECT_FALSE(IsOutsideRoot(dangling.error()));
}

TEST_F(FsTest, ConfinedRealFsReadsNothingOutside) {
  RealFs confined(repo_);
  EXPECT_EQ(confined.Read(repo_ + "/specs/sub/inside-link.yaml").value(), "openapi: 3.0.3\n");
  Result<std::string> read = confined.Read(repo_ + "/specs/outside-link.yaml");
  ASSERT_FALSE(read.ok());
  EXPECT_TRUE(IsOutsideRoot(read.error()));
  EXPECT_EQ(read.error().message.find("OUTSIDE_MARKER"), std::string::npos);
  EXPECT_FALSE(confined.Canonical(repo_ + "/out-dir").ok());
  EXPECT_FALSE(confined.ListFiles(repo_ + "/out-dir").ok());
  EXPECT_TRUE(confined.ListFiles(repo_ + "/specs").ok());
  // Unconfined (file mode), the same link is followed.
  EXPECT_EQ(RealFs().Read(repo_ + "/specs/outside-link.yaml").value(), "OUTSIDE_MARKER: [\n");
}

TEST_F(FsTest, ConfinedRealFsReadsAPrefix) {
  RealFs confined(repo_);
  EXPECT_EQ(confined.ReadPrefix(repo_ + "/specs/sub/inside-link.yaml", 7).value(), "openapi");
  EXPECT_EQ(confined.ReadPrefix(repo_ + "/specs/api.yaml", 1 << 16).value(), "openapi: 3.0.3\n");
  Result<std::string> outside = confined.ReadPrefix(repo_ + "/specs/outside-link.yaml", 4);
  ASSERT_FALSE(outside.ok());
  EXPECT_TRUE(IsOutsideRoot(outside.error()));
  EXPECT_FALSE(confined.ReadPrefix(repo_ + "/specs", 4).ok());
  EXPECT_FALSE(confined.ReadPrefix(repo_ + "/specs/missing.yaml", 4).ok());
  // Another Fs reads whole and cuts.
  MemFs mem;
  mem.Write("a.yaml", "openapi: 3.1.0\n");
  EXPECT_EQ(mem.ReadPrefix("a.yaml", 4).value(), "open");
  EXPECT_EQ(mem.ReadPrefix("a.yaml", 100).value(), "openapi: 3.1.0\n");
}

TEST_F(FsTest, ReplaceFileKeepsModesAndLeavesNoTemporaryFile) {
  std::string target = repo_ + "/specs/api.yaml";
  ::chmod(target.c_str(), 0751);
  ASSERT_TRUE(ReplaceFile(target, "new\n").ok());
  std::ifstream in(target);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "new\n");
  EXPECT_EQ(stdfs::status(target).permissions() & stdfs::perms::all, static_cast<stdfs::perms>(0751));
  ASSERT_TRUE(ReplaceFile(repo_ + "/hook", "#!/bin/sh\n", 0755).ok());
  EXPECT_NE(stdfs::status(repo_ + "/hook").permissions() & stdfs::perms::owner_exec, stdfs::perms::none);
  // A link at the target is replaced, not written through.
  ASSERT_TRUE(ReplaceFile(repo_ + "/specs/outside-link.yaml", "replaced\n").ok());
  EXPECT_FALSE(stdfs::is_symlink(repo_ + "/specs/outside-link.yaml"));
  std::ifstream secret(base_ + "/outside/secret.yaml");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(secret), {}), "OUTSIDE_MARKER: [\n");
  for (const auto& entry : stdfs::recursive_directory_iterator(repo_)) {
    EXPECT_FALSE(IsSpeccTempFile(entry.path().filename().string())) << entry.path();
  }
  EXPECT_FALSE(ReplaceFile(repo_ + "/no/such/dir/file", "x").ok());
  // Unsynced (the cache's sealed records): the same bytes, mode and atomic rename.
  ASSERT_TRUE(ReplaceFile(repo_ + "/record", "sealed\n", 0600, Durability::kUnsynced).ok());
  std::ifstream record(repo_ + "/record");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(record), {}), "sealed\n");
  EXPECT_EQ(stdfs::status(repo_ + "/record").permissions() & stdfs::perms::all, static_cast<stdfs::perms>(0600));
  for (const auto& entry : stdfs::directory_iterator(repo_)) {
    EXPECT_FALSE(IsSpeccTempFile(entry.path().filename().string())) << entry.path();
  }
}

TEST(AtomicFile, TemporaryNames) {
  EXPECT_TRUE(IsSpeccTempFile(".app.ts.specc-tmp.12345"));
  EXPECT_TRUE(IsSpeccTempFile(".manifest.json.specc-tmp.aB3xYz"));
  EXPECT_FALSE(IsSpeccTempFile("app.ts.specc-tmp.12345"));
  EXPECT_FALSE(IsSpeccTempFile(".app.ts.specc-tmp."));
  EXPECT_FALSE(IsSpeccTempFile(".app.ts.specc-tmp.12-45"));
  EXPECT_FALSE(IsSpeccTempFile(".specc-tmp.1"));
  EXPECT_FALSE(IsSpeccTempFile("app.ts"));
}

}  // namespace
}  // namespace specc
