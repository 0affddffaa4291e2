// `specc init` writes into a real directory, so it is tested here rather than as a
// golden case: its project id is random by design.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "cli/cli.h"

namespace fs = std::filesystem;

namespace specc::cli {
namespace {

int RunIn(const fs::path& dir, std::vector<std::string> args, std::string* out_text = nullptr) {
  std::ostringstream out, err;
  RunOptions options;
  options.working_dir = dir.string();
  int code = Run(args, options, out, err);
  if (out_text != nullptr) *out_text = out.str() + err.str();
  return code;
}

TEST(InitTest, ScaffoldsAProjectThatLintsCleanAndNeverOverwrites) {
  fs::path dir = fs::temp_directory_path() / ("specc-init-" + std::to_string(::getpid())) / "Shop API";
  fs::remove_all(dir.parent_path());
  fs::create_directories(dir);
  std::string output;
  ASSERT_EQ(RunIn(dir, {"init"}, &output), 0) << output;
  EXPECT_TRUE(fs::exists(dir / "specc.yaml"));
  ASSERT_TRUE(fs::exists(dir / "specs/shop-api.specc"));
  EXPECT_TRUE(fs::exists(dir / "specs/api/openapi.yaml"));
  std::ifstream project(dir / "specs/shop-api.specc");
  std::string text((std::istreambuf_iterator<char>(project)), std::istreambuf_iterator<char>());
  EXPECT_TRUE(std::regex_search(text, std::regex(R"(id = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")")))
      << text;
  EXPECT_EQ(RunIn(dir, {"lint"}, &output), 0) << output;
  EXPECT_EQ(RunIn(dir, {"ir", "--format", "json"}, &output), 0) << output;
  EXPECT_NE(output.find("\"getHealth\""), std::string::npos);

  std::string before = text;
  EXPECT_EQ(RunIn(dir, {"init"}, &output), 4);
  std::ifstream again(dir / "specs/shop-api.specc");
  std::string after((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
  EXPECT_EQ(after, before) << "init overwrote an existing project";
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace specc::cli
