// ASCII case folding, for the names that compare case-insensitively in the formats specc
// reads (media types, HTTP header and scheme names, secret markers): locale-independent,
// so the same input gives the same bytes on every machine.
#ifndef SPECC_BASE_ASCII_H_
#define SPECC_BASE_ASCII_H_

#include <string>
#include <string_view>

namespace specc {

constexpr char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace specc

#endif  // SPECC_BASE_ASCII_H_
