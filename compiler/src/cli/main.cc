// specc's main(): a thin shell over cli::Run, which tests call in-process.
#include <malloc.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // Buffers of a megabyte or more (spec text, rendered files, a Postman collection being
  // built) get their own mappings, returned to the system when freed. glibc's default
  // threshold grows with each large buffer freed, after which tens of megabytes of freed
  // buffers stay in the heap and add to a large run's peak (about 15 MB on GitHub's REST
  // description: emit everything 151 -> 136 MB, check 165 -> 153 MB).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  specc::cli::RunOptions options;
  options.free_memory = false;
  return specc::cli::Run(std::vector<std::string>(argv + 1, argv + argc), options, std::cout, std::cerr);
}
