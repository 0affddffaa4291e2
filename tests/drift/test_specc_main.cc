// A specc binary whose apply and check use the test generator (test_generator.h), so the
// pre-commit hook tests can run a real `git commit` through the installed hook.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "test_generator.h"

int main(int argc, char** argv) {
  specc::cli::RunOptions options;
  options.generate = specc::drift_test::TestGenerate;
  return specc::cli::Run(std::vector<std::string>(argv + 1, argv + argc), options, std::cout,
                         std::cerr);
}
