// Loc: where something is in the input, as a file id and a byte offset. SourceMap turns
// it into a 1-based line and column only when a diagnostic is printed, so the fast path
// never counts lines.
#ifndef SPECC_BASE_LOC_H_
#define SPECC_BASE_LOC_H_

#include <cstdint>
#include <limits>

namespace specc {

using FileId = uint32_t;
inline constexpr FileId kNoFile = std::numeric_limits<FileId>::max();

struct Loc {
  FileId file = kNoFile;
  uint32_t offset = 0;
  bool known() const { return file != kNoFile; }
};

}  // namespace specc

#endif  // SPECC_BASE_LOC_H_
