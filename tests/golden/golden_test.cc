// Golden tests: each golden/<case>/ holds `args.txt` (the command line), `input/` (the
// working directory of the run) and the exact expected `stdout.txt`, `stderr.txt` and
// `exit_code.txt`. Runs in-process through cli::Run, the entry point of main().
// UPDATE_GOLDEN=1 rewrites the expectations (refused under CI=true); review them with
// `git diff golden/`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "base/diagnostic.h"
#include "cli/cli.h"

namespace fs = std::filesystem;

namespace specc {
namespace {

constexpr char kUpdateHint[] = "\nIf the change is intended, run `UPDATE_GOLDEN=1 ctest --test-dir build -R golden` "
                               "(or `cmake --build build --target update-golden`) and review `git diff golden/`.";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::vector<std::string> SplitArgs(const std::string& line) {
  std::vector<std::string> args;
  std::istringstream in(line);
  std::string word;
  while (in >> word) args.push_back(word);
  return args;
}

std::vector<std::string> Cases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(GOLDEN_DIR)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

bool UpdateMode() {
  const char* update = std::getenv("UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedOutput) {
  fs::path dir = fs::path(GOLDEN_DIR) / GetParam();
  ASSERT_TRUE(fs::exists(dir / "args.txt")) << dir << " has no args.txt";
  std::string args_line = ReadFile(dir / "args.txt");
  std::ostringstream out, err;
  cli::RunOptions options;
  options.working_dir = (dir / "input").string();
  int code = cli::Run(SplitArgs(args_line), options, out, err);
  // Paths in messages are relative to the working directory, so nothing machine-specific
  // reaches the expectations.
  std::string actual_stdout = out.str(), actual_stderr = err.str();
  std::string actual_code = std::to_string(code) + "\n";
  if (UpdateMode()) {
    const char* ci = std::getenv("CI");
    ASSERT_FALSE(ci != nullptr && std::string(ci) == "true") << "update mode is refused under CI=true";
    WriteFile(dir / "stdout.txt", actual_stdout);
    WriteFile(dir / "stderr.txt", actual_stderr);
    WriteFile(dir / "exit_code.txt", actual_code);
    return;
  }
  for (const char* name : {"stdout.txt", "stderr.txt", "exit_code.txt"}) {
    ASSERT_TRUE(fs::exists(dir / name)) << dir / name << " is missing." << kUpdateHint;
  }
  EXPECT_EQ(ReadFile(dir / "exit_code.txt"), actual_code) << "exit code differs" << kUpdateHint;
  EXPECT_EQ(ReadFile(dir / "stderr.txt"), actual_stderr) << "stderr differs" << kUpdateHint;
  EXPECT_EQ(ReadFile(dir / "stdout.txt"), actual_stdout) << "stdout differs" << kUpdateHint;
  // A fail_ case must fail, and only a fail_ case may.
  bool expect_failure = GetParam().rfind("fail_", 0) == 0;
  EXPECT_EQ(expect_failure, code != 0) << "case name and exit code disagree";
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, testing::ValuesIn(Cases()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

// Every registered diagnostic code is pinned by at least one golden case.
TEST(GoldenCoverageTest, EveryDiagnosticCodeOccursInAGoldenCase) {
  std::string all;
  for (const std::string& c : Cases()) all += ReadFile(fs::path(GOLDEN_DIR) / c / "stderr.txt");
  for (DiagCode code : AllDiagCodes()) {
    std::string name(DiagCodeName(code));
    EXPECT_NE(all.find("[" + name + "]"), std::string::npos) << name << " occurs in no golden/*/stderr.txt";
  }
}

}  // namespace
}  // namespace specc
