#include "base/check.h"

#include <cstdio>
#include <cstdlib>

namespace specc::internal {

CheckFailure::CheckFailure(const char* file, int line, const char* condition) {
  message_ << file << ":" << line << ": internal error: check failed: " << condition << ": ";
}

CheckFailure::~CheckFailure() {
  std::fprintf(stderr, "%s\nThis is a bug in specc; please report it.\n", message_.str().c_str());
  std::abort();
}

}  // namespace specc::internal
