// ResolveWithin and the confined RealFs over real directories with symbolic links: the
// one check every read of a repository's files and every write into it goes through.
#include "base/fs.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace specc
