// The command-line interface: the one entry point both main() and the in-process golden
// tests call. Only this layer prints, reads argv, or decides exit codes.
#ifndef SPECC_CLI_CLI_H_
#define SPECC_CLI_CLI_H_

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "base/output_set.h"
#include "base/result.h"
#include "drift/ownership.h"
#include "driver/secret_review.h"

namespace specc {
class DiagSink;
class Fs;
class SourceMap;
}  // namespace specc

namespace specc::cli {

// Exit codes, for every command (SPEC.md).
enum ExitCode : int {
  kExitClean = 0,
  kExitDrift = 1,
  kExitConflicts = 2,
  kExitSpecErrors = 3,
  kExitUsage = 4,
};

// What a generator returns to `apply` and `check`: the files specc would write, and the
// parts of the repository they belong to (from specc.yaml), which bound every write and
// deletion the manifest asks for.
struct SettleCandidates;  // cli/project_generate.h

struct Generation {
  OutputSet files;
  drift::Ownership ownership;
  // The secret review of the specs: what the guard lets through, and where values came from.
  driver::SecretReview secrets;
  // The services whose files a drift check may settle (null without a service cache).
  std::shared_ptr<SettleCandidates> settle;
};

// What `apply` and `check` compare with the repository: the files specc would write for
// the project whose root is `root`, reading spec files through `fs` (the disk, or the
// index for `check --staged`). Problems in the specs go to `sink`, their text to
// `sources`; an Error is an environmental failure (exit 4).
using GenerateFn = std::function<Result<Generation>(const std::string& root, const Fs& fs,
                                                    SourceMap& sources, DiagSink& sink)>;

struct RunOptions {
  // The directory relative paths are resolved against (the process's cwd for main()).
  std::string working_dir = ".";
  // When false, large results are not freed before returning: the process is about to
  // exit and the kernel reclaims the memory at once (clang's -disable-free). Tests that
  // call Run many times in one process keep the default.
  bool free_memory = true;
  // Replaces the generator of `apply` and `check` when set (tests inject their own).
  GenerateFn generate;
  // The fewest bytes of a piece of a file `emit` writes as it is rendered (StagedOutputDir);
  // tests make it small, so that every cut an emitter offers is taken.
  size_t emit_piece_bytes = kPieceBytes;
};

// Runs specc with `args` (without the program name), writing to `out` and `err`.
// Returns the exit code.
int Run(const std::vector<std::string>& args, const RunOptions& options, std::ostream& out,
        std::ostream& err);

}  // namespace specc::cli

#endif  // SPECC_CLI_CLI_H_
