// Shared helpers of the corpus tests: where the corpus is, and linting a file in-process.
#ifndef SPECC_TESTS_CORPUS_CORPUS_UTIL_H_
#define SPECC_TESTS_CORPUS_CORPUS_UTIL_H_

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include "cli/cli.h"

namespace specc::testing_corpus {

// $SPECC_CORPUS, or ../shared/corpus beside the repository. The suite fails, never skips,
// when it is missing.
inline std::filesystem::path CorpusDir() {
  const char* env = std::getenv("SPECC_CORPUS");
  return env != nullptr && *env != '\0' ? std::filesystem::path(env) : std::filesystem::path(DEFAULT_CORPUS_DIR);
}

struct LintResult {
  int exit_code;
  std::string stderr_text;
};

// Runs `specc lint FILE` in-process with the corpus as working directory.
inline LintResult Lint(const std::string& relative_path) {
  std::ostringstream out, err;
  cli::RunOptions options;
  options.working_dir = CorpusDir().string();
  int code = cli::Run({"lint", relative_path}, options, out, err);
  return {code, err.str()};
}

}  // namespace specc::testing_corpus

#endif  // SPECC_TESTS_CORPUS_CORPUS_UTIL_H_
