// The long descriptions behind `specc explain CODE`: one entry per diagnostic code of
// base/diag_codes.def, each with a file that draws the diagnostic and the same file fixed.
// The table is joined in explain_texts.cc from explain_texts_spec*.cc and
// explain_texts_project.cc; tests/cli/explain_test.cc checks that it covers
// every code and that each wrong example draws its code and each right one does not.
#ifndef SPECC_CLI_EXPLAIN_TEXTS_H_
#define SPECC_CLI_EXPLAIN_TEXTS_H_

#include <string_view>
#include <vector>

namespace specc::cli {

// A small file as it would sit in a repository: its path from the repository's root
// (or a pseudo-name such as `command line`) and its whole text.
struct ExampleFile {
  std::string_view file;
  std::string_view text;
};

struct Explanation {
  std::string_view code;         // the printed code, e.g. "SPEC_REF_CYCLE"
  std::string_view title;        // one line, lowercase, no final period
  std::string_view description;  // paragraphs separated by blank lines
  ExampleFile wrong;             // draws the diagnostic
  ExampleFile right;             // the same file, fixed
};

// The parts of the table: SPEC_* codes (explain_texts_spec.cc, which joins one file per
// group of codes) and the project, template, config, env and secret codes
// (explain_texts_project.cc).
const std::vector<Explanation>& SpecExplanations();
const std::vector<Explanation>& ProjectExplanations();

// Every explanation, in the order of diag_codes.def.
const std::vector<Explanation>& Explanations();

// The explanation of `code`, compared without regard to case; nullptr when there is none.
const Explanation* FindExplanation(std::string_view code);

}  // namespace specc::cli

#endif  // SPECC_CLI_EXPLAIN_TEXTS_H_
