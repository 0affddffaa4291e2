// Small UTF-8 helpers shared by the parsers (spec/ and dsl/).
#ifndef SPECC_BASE_UTF8_H_
#define SPECC_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace specc {

// Returns the offset of the first byte of `text` that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view text);
// Appends the UTF-8 encoding of `code_point` to `out`.
void AppendUtf8(std::string& out, uint32_t code_point);
// Parses four hex digits at the start of `text`; false when they are not there.
bool ParseHex4(std::string_view text, uint32_t* value);

}  // namespace specc

#endif  // SPECC_BASE_UTF8_H_
