#include "base/path.h"

#include <gtest/gtest.h>

namespace specc {
namespace {

TEST(PathTest, NormalizeFoldsDotsAndSlashes) {
  EXPECT_EQ(NormalizePath("a/./b//c/../d"), "a/b/d");
  EXPECT_EQ(NormalizePath("../x/../../y"), "../../y");
  EXPECT_EQ(NormalizePath("/a/../../b"), "/b");
  EXPECT_EQ(NormalizePath("./"), ".");
}

TEST(PathTest, IsWithinRejectsEscapes) {
  EXPECT_TRUE(IsWithin("specs/api/a.yaml", "specs"));
  EXPECT_TRUE(IsWithin("specs", "specs"));
  EXPECT_FALSE(IsWithin("specs/../secrets.yaml", "specs"));
  EXPECT_FALSE(IsWithin("specsx/a.yaml", "specs"));
  EXPECT_TRUE(IsWithin("a.yaml", "."));
  EXPECT_FALSE(IsWithin("../a.yaml", "."));
  EXPECT_FALSE(IsWithin("/etc/passwd", "."));
}

TEST(PathTest, IsNormalRelativePathAcceptsOnlyTheCanonicalForm) {
  EXPECT_TRUE(IsNormalRelativePath("src/generated/api/app.ts"));
  EXPECT_TRUE(IsNormalRelativePath(".env.example"));
  EXPECT_TRUE(IsNormalRelativePath("a/..b/c.."));
  for (const char* bad : {"", ".", "..", "../x", "/etc/passwd", "a/../b", "a/./b", "a//b", "a/",
                          "a\\..\\b", "a\tb", "a\nb", "a\x7f"}) {
    EXPECT_FALSE(IsNormalRelativePath(bad)) << bad;
  }
}

TEST(PathTest, HasGitSegmentInAnyCase) {
  EXPECT_TRUE(HasGitSegment(".git"));
  EXPECT_TRUE(HasGitSegment(".git/hooks/pre-commit"));
  EXPECT_TRUE(HasGitSegment("vendor/lib/.GiT/config"));
  EXPECT_FALSE(HasGitSegment(".github/workflows/ci.yml"));
  EXPECT_FALSE(HasGitSegment("a.git/b"));
  EXPECT_FALSE(HasGitSegment(".gitignore"));
}

TEST(PathTest, JoinAndRelative) {
  EXPECT_EQ(JoinPath("specs/api", "../common/e.yaml"), "specs/common/e.yaml");
  EXPECT_EQ(JoinPath("", "a.yaml"), "a.yaml");
  EXPECT_EQ(RelativeTo("work/specs/a.yaml", "work"), "specs/a.yaml");
  EXPECT_EQ(RelativeTo("other/a.yaml", "work"), "other/a.yaml");
  EXPECT_EQ(PathFrom("src/handlers/api", "src/generated/api"), "../../generated/api");
  EXPECT_EQ(PathFrom("handlers", "src/generated"), "../src/generated");
  EXPECT_EQ(PathFrom("src", "src/generated/api"), "generated/api");
  EXPECT_EQ(PathFrom("src/generated", "src"), "..");
  EXPECT_EQ(PathFrom("./a/b/", "a/b"), ".");
  EXPECT_EQ(PathFrom(".", "x/y"), "x/y");
  EXPECT_EQ(DirName("a/b.yaml"), "a");
  EXPECT_EQ(DirName("b.yaml"), "");
}

}  // namespace
}  // namespace specc
