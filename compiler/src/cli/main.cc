// specc's main(): a thin shell over cli::Run, which tests call in-process.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  specc::cli::RunOptions options;
  options.free_memory = false;
  return specc::cli::Run(std::vector<std::string>(argv + 1, argv + argc), options, std::cout, std::cerr);
}
