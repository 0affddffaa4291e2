#include "base/ascii.h"
#include "base/secret_text.h"

#include <array>
#include <cmath>
#include <cstdint>

namespace specc::secret_text {
namespace {

uint32_t Crc32(std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; ++n) {
      uint32_t c = n;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[n] = c;
    }
    return t;
  }();
  uint32_t crc = 0xFFFFFFFFu;
  for (char ch : data) crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

}  // namespace

bool StartsToken(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  char before = text[pos - 1];
  if (IsWordChar(before)) return false;
  return !((before == '-' || before == '.') && pos >= 2 && IsAlnum(text[pos - 2]));
}

bool EndsToken(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  char after = text[end];
  if (IsWordChar(after)) return false;
  return !((after == '.' || after == '-') && end + 1 < text.size() && IsAlnum(text[end + 1]));
}

double Entropy(std::string_view s) {
  if (s.empty()) return 0;
  std::array<int, 256> counts{};
  for (char c : s) ++counts[static_cast<unsigned char>(c)];
  double bits = 0;
  for (int n : counts) {
    if (n == 0) continue;
    double p = static_cast<double>(n) / static_cast<double>(s.size());
    bits -= p * std::log2(p);
  }
  return bits;
}

bool IsPlaceholder(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == '<' || c == '>' || c == '*' || c == '{' || c == '}' || c == '$' || c == '%' || c == '[') return true;
  }
  std::string lower = AsciiLower(value);
  for (std::string_view word : {"xxxx", "example", "your", "placeholder", "dummy", "redacted", "changeme",
                                "sample", "fake", "0000", "1234", "abcd", "...", "____", "----"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  bool all_same = true;
  for (char c : value) all_same = all_same && c == value[0];
  return all_same;
}

bool GithubChecksumValid(std::string_view body) {
  if (body.size() != 36) return false;
  uint64_t value = 0;
  for (char c : body.substr(30)) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : c >= 'a' && c <= 'z' ? c - 'a' + 36 : -1;
    if (digit < 0) return false;
    value = value * 62 + static_cast<uint64_t>(digit);
  }
  return value == Crc32(body.substr(0, 30));
}

}  // namespace specc::secret_text
