// GitHub Actions workflow commands (`::error file=...,line=...::message`), the annotation
// format that `--format github` prints: the escaping their data and properties need.
#ifndef SPECC_BASE_WORKFLOW_COMMAND_H_
#define SPECC_BASE_WORKFLOW_COMMAND_H_

#include <string>
#include <string_view>

namespace specc {

// Escapes a command's message: %, CR and LF.
std::string GithubData(std::string_view text);
// Escapes a property value (file=, title=): as data, plus ':' and ','.
std::string GithubProperty(std::string_view text);

}  // namespace specc

#endif  // SPECC_BASE_WORKFLOW_COMMAND_H_
