// The man page and the bash and zsh completions, written from the CLI11 command table
// that prints --help, so that what they list and what --help lists cannot disagree. The
// build writes them (`specc --generate-docs DIR`, compiler/CMakeLists.txt) and
// `cmake --install` installs them.
#ifndef SPECC_CLI_DOCS_H_
#define SPECC_CLI_DOCS_H_

#include <string>

namespace CLI {
class App;
}  // namespace CLI

namespace specc::cli {

// specc(1) in roff (man(7) macros).
std::string ManPage(const CLI::App& app, const std::string& version);

// A bash completion (`complete -F _specc specc`): commands, then each command's flags;
// directories after -C.
std::string BashCompletion(const CLI::App& app);

// A zsh completion (`#compdef specc`), with each command's and flag's description.
std::string ZshCompletion(const CLI::App& app);

}  // namespace specc::cli

#endif  // SPECC_CLI_DOCS_H_
