// Counting one byte value in a large text: the line breaks before a position of a file
// being written (the line a secret-shaped string is on, where the file is guarded piece by
// piece and every piece's line breaks are counted). Sixteen bytes at a time with SSE2 on
// x86-64; a byte loop elsewhere.
#ifndef SPECC_BASE_COUNT_BYTES_H_
#define SPECC_BASE_COUNT_BYTES_H_

#include <cstddef>
#include <string_view>

namespace specc {

// The number of bytes of `text` equal to `c`.
size_t CountByte(std::string_view text, char c);

}  // namespace specc

#endif  // SPECC_BASE_COUNT_BYTES_H_
