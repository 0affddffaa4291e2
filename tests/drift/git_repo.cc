#include "git_repo.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "test_generator.h"

namespace specc::drift_test {

namespace stdfs = std::filesystem;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string Shell(const std::string& command, int* status) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  int rc = pclose(pipe);
  if (status != nullptr) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

GitRepo::GitRepo() {
  // No user or system git configuration leaks into the tests.
  setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
  setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
  std::string pattern = (stdfs::temp_directory_path() / "specc-drift-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  EXPECT_NE(made, nullptr);
  dir_ = stdfs::canonical(pattern).string();
  Git("init -q -b main");
}

GitRepo::~GitRepo() {
  std::error_code ec;
  stdfs::remove_all(dir_, ec);
}

std::string GitRepo::Git(const std::string& args, int* status, const std::string& env) const {
  int rc = 0;
  std::string out = Shell(env + " git -C " + Quote(dir_) +
                              " -c user.name=specc-test -c user.email=test@example.com"
                              " -c commit.gpgsign=false -c status.renames=false " +
                              args,
                          &rc);
  if (status != nullptr) {
    *status = rc;
  } else {
    EXPECT_EQ(rc, 0) << "git " << args << "\n" << out;
  }
  return out;
}

void GitRepo::CommitAll(const std::string& message) {
  Git("add -A");
  Git("commit -q --no-verify -m " + Quote(message));
}

std::string GitRepo::Porcelain() const { return Git("status --porcelain --untracked-files=all"); }

void GitRepo::Write(const std::string& path, const std::string& contents) const {
  stdfs::create_directories((stdfs::path(dir_) / path).parent_path());
  std::ofstream(stdfs::path(dir_) / path, std::ios::binary) << contents;
}

std::string GitRepo::Read(const std::string& path) const {
  std::ifstream in(stdfs::path(dir_) / path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool GitRepo::Exists(const std::string& path) const {
  return stdfs::exists(stdfs::path(dir_) / path);
}

namespace {

RunResult RunIn(const std::string& dir, const std::vector<std::string>& args,
                cli::GenerateFn generate) {
  cli::RunOptions options;
  options.working_dir = dir;
  options.generate = std::move(generate);
  std::ostringstream out, err;
  int exit_code = cli::Run(args, options, out, err);
  return {exit_code, out.str(), err.str()};
}

}  // namespace

RunResult Specc(const std::string& dir, const std::vector<std::string>& args) {
  return RunIn(dir, args, TestGenerate);
}

RunResult SpeccWithEmitters(const std::string& dir, const std::vector<std::string>& args) {
  return RunIn(dir, args, nullptr);
}

std::string Generated(const std::string& spec) { return kGeneratedHeader + spec; }

void ExpectSame(const RunResult& a, const RunResult& b, const std::string& what) {
  EXPECT_EQ(a.exit_code, b.exit_code) << what;
  EXPECT_EQ(a.out, b.out) << what;
  EXPECT_EQ(a.err, b.err) << what;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace specc::drift_test
