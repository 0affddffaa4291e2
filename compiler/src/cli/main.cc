// specc's main(): a thin shell over cli::Run, which tests call in-process.
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  return specc::cli::Run(std::vector<std::string>(argv + 1, argv + argc), {}, std::cout, std::cerr);
}
