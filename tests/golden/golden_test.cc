// Golden tests: each golden/<case>/ holds `args.txt` (the command line), `input/` (the
// working directory of the run) and the exact expected `stdout.txt`, `stderr.txt` and
// `exit_code.txt`. Runs in-process through cli::Run, the entry point of main().
// A case that writes files (an `emit` command line, or any case with an `expected/`
// directory) runs in a scratch copy of `input/`, so the source tree is never written to;
// the files the run created or changed there must equal `expected/` as a complete tree,
// byte for byte (a missing and a stale file both fail), and a second run must write the
// same bytes (emitting is deterministic).
// UPDATE_GOLDEN=1 rewrites the expectations, `expected/` included (refused under CI=true);
// review them with `git diff golden/`.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/diagnostic.h"
#include "cli/cli.h"

namespace fs = std::filesystem;

namespace specc {
namespace {

// Golden expectations must not depend on the machine: the credential variables decide
// `specc plan`'s modes, and a global gitignore would change what `env check` reports about
// tracked files. Both are cleared before any case runs.
const bool kEnvironmentCleared = [] {
  for (const char* name : {"VERCEL_TOKEN", "VERCEL_TEAM_ID", "NEON_API_KEY", "UPSTASH_EMAIL",
                           "UPSTASH_API_KEY", "CLOUDFLARE_API_TOKEN", "POSTMAN_API_KEY",
                           "GITHUB_TOKEN"}) {
    ::unsetenv(name);
  }
  // libgit2 reads the global git configuration from $HOME and $XDG_CONFIG_HOME.
  static const std::string home = (fs::temp_directory_path() / "specc-golden-home").string();
  fs::create_directories(home);
  ::setenv("HOME", home.c_str(), 1);
  ::unsetenv("XDG_CONFIG_HOME");
  return true;
}();


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

// Every regular file below `root`, by path relative to it ('/'-separated), with its bytes.
std::map<std::string, std::string> ReadTree(const fs::path& root) {
  std::map<std::string, std::string> tree;
  if (!fs::exists(root)) return tree;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) tree[fs::relative(entry.path(), root).generic_string()] = ReadFile(entry.path());
  }
  return tree;
}

// The files of `after` that are not in `before` or differ from it: what a run wrote.
std::map<std::string, std::string> Written(const std::map<std::string, std::string>& before,
                                           const std::map<std::string, std::string>& after) {
  std::map<std::string, std::string> written;
  for (const auto& [path, bytes] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != bytes) written[path] = bytes;
  }
  return written;
}

// A scratch copy of a case's input/, removed when the run is over.
class ScratchDir {
 public:
  ScratchDir(const fs::path& input, const std::string& name, int run) {
    path_ = fs::temp_directory_path() / ("specc-golden-" + name + "-" + std::to_string(run) + "-" +
                                         std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::remove_all(path_);
    fs::create_directories(path_);
    if (fs::exists(input)) {
      fs::copy(input, path_, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    }
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct RunResult {
  int code = 0;
  std::string out, err;
  std::map<std::string, std::string> written;  // tree cases only
};

RunResult RunCase(const fs::path& dir, const std::vector<std::string>& args, bool tree_case, int run) {
  RunResult result;
  std::ostringstream out, err;
  cli::RunOptions options;
  if (!tree_case) {
    options.working_dir = (dir / "input").string();
    result.code = cli::Run(args, options, out, err);
  } else {
    ScratchDir scratch(dir / "input", dir.filename().string(), run);
    std::map<std::string, std::string> before = ReadTree(scratch.path());
    options.working_dir = scratch.path().string();
    result.code = cli::Run(args, options, out, err);
    result.written = Written(before, ReadTree(scratch.path()));
  }
  result.out = out.str();
  result.err = err.str();
  return result;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedOutput) {
  fs::path dir = fs::path(GOLDEN_DIR) / GetParam();
  ASSERT_TRUE(fs::exists(dir / "args.txt")) << dir << " has no args.txt";
  std::string args_line = ReadFile(dir / "args.txt");
  std::vector<std::string> args = SplitArgs(args_line);
  bool tree_case = fs::exists(dir / "expected") || (!args.empty() && args[0] == "emit");
  RunResult result = RunCase(dir, args, tree_case, 1);
  int code = result.code;
  std::ostringstream out, err;
  out << result.out;
  err << result.err;
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
    if (tree_case) {
      fs::remove_all(dir / "expected");
      for (const auto& [path, bytes] : result.written) {
        fs::create_directories((dir / "expected" / path).parent_path());
        WriteFile(dir / "expected" / path, bytes);
      }
    }
    return;
  }
  for (const char* name : {"stdout.txt", "stderr.txt", "exit_code.txt"}) {
    ASSERT_TRUE(fs::exists(dir / name)) << dir / name << " is missing." << kUpdateHint;
  }
  EXPECT_EQ(ReadFile(dir / "exit_code.txt"), actual_code) << "exit code differs" << kUpdateHint;
  EXPECT_EQ(ReadFile(dir / "stderr.txt"), actual_stderr) << "stderr differs" << kUpdateHint;
  EXPECT_EQ(ReadFile(dir / "stdout.txt"), actual_stdout) << "stdout differs" << kUpdateHint;
  if (tree_case) {
    std::map<std::string, std::string> expected = ReadTree(dir / "expected");
    for (const auto& [path, bytes] : expected) {
      auto it = result.written.find(path);
      if (it == result.written.end()) {
        ADD_FAILURE() << "expected/" << path << " was not written" << kUpdateHint;
      } else {
        EXPECT_EQ(bytes, it->second) << "expected/" << path << " differs" << kUpdateHint;
      }
    }
    for (const auto& [path, bytes] : result.written) {
      if (expected.count(path) == 0) ADD_FAILURE() << path << " was written but is not in expected/" << kUpdateHint;
    }
    RunResult again = RunCase(dir, args, tree_case, 2);
    EXPECT_TRUE(again.written == result.written) << "a second run wrote different bytes: output is not deterministic";
  }
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
