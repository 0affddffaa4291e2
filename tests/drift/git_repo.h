// Helpers of the scenario tests over real git repositories: a repository in a temporary
// directory driven through the git CLI (with no user or system configuration), and specc
// run in-process in it through cli::Run with the test generator (test_generator.h).
#ifndef SPECC_TESTS_DRIFT_GIT_REPO_H_
#define SPECC_TESTS_DRIFT_GIT_REPO_H_

#include <string>
#include <vector>

namespace specc::drift_test {

// Quotes `s` for the shell.
std::string Quote(const std::string& s);

// Runs `command` through the shell; returns its stdout and stderr, and its exit status.
std::string Shell(const std::string& command, int* status = nullptr);

class GitRepo {
 public:
  // A new repository (`git init -b main`) in a fresh temporary directory.
  GitRepo();
  ~GitRepo();
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  // The canonical absolute path of the working tree.
  const std::string& dir() const { return dir_; }

  // Runs `git ARGS` in the repository with `env` before it; a non-zero exit fails the
  // test unless `status` receives it.
  std::string Git(const std::string& args, int* status = nullptr,
                  const std::string& env = "") const;
  void CommitAll(const std::string& message = "change");
  std::string Porcelain() const;

  void Write(const std::string& path, const std::string& contents) const;
  std::string Read(const std::string& path) const;
  bool Exists(const std::string& path) const;

 private:
  std::string dir_;
};

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

// Runs specc in-process in `dir`, with the test generator.
RunResult Specc(const std::string& dir, const std::vector<std::string>& args);

// Runs specc in-process in `dir` with its real generator (specc.yaml and the emitters).
RunResult SpeccWithEmitters(const std::string& dir, const std::vector<std::string>& args);

// What the test generator writes for a spec holding `spec`.
std::string Generated(const std::string& spec);

// Expects the same exit code, stdout and stderr of two runs; `what` names the comparison.
void ExpectSame(const RunResult& a, const RunResult& b, const std::string& what);

// The bytes of the file at `path` (empty when it cannot be read).
std::string ReadAll(const std::string& path);

}  // namespace specc::drift_test

#endif  // SPECC_TESTS_DRIFT_GIT_REPO_H_
