// The command-line interface: the one entry point both main() and the in-process golden
// tests call. Only this layer prints, reads argv, or decides exit codes.
#ifndef SPECC_CLI_CLI_H_
#define SPECC_CLI_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace specc::cli {

// Exit codes, for every command (SPEC.md).
enum ExitCode : int {
  kExitClean = 0,
  kExitDrift = 1,
  kExitConflicts = 2,
  kExitSpecErrors = 3,
  kExitUsage = 4,
};

struct RunOptions {
  // The directory relative paths are resolved against (the process's cwd for main()).
  std::string working_dir = ".";
  // When false, large results are not freed before returning: the process is about to
  // exit and the kernel reclaims the memory at once (clang's -disable-free). Tests that
  // call Run many times in one process keep the default.
  bool free_memory = true;
};

// Runs specc with `args` (without the program name), writing to `out` and `err`.
// Returns the exit code.
int Run(const std::vector<std::string>& args, const RunOptions& options, std::ostream& out,
        std::ostream& err);

}  // namespace specc::cli

#endif  // SPECC_CLI_CLI_H_
