// Text helpers the secret scanner's rules share (base/secret_scan.cc, base/secret_rules.cc):
// byte classes, Shannon entropy, the placeholder test and GitHub's token checksum. Internal
// to the base layer's secret scanner; nothing outside base/ includes it.
#ifndef SPECC_BASE_SECRET_TEXT_H_
#define SPECC_BASE_SECRET_TEXT_H_

#include <cstring>
#include <string>
#include <string_view>

namespace specc::secret_text {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c); }
constexpr bool IsWordChar(char c) { return IsAlnum(c) || c == '_'; }
constexpr bool IsUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || IsDigit(c); }

// Length of the run of characters satisfying `pred` starting at `pos`, up to `limit`.
template <typename Pred>
size_t RunLength(std::string_view text, size_t pos, size_t limit, Pred pred) {
  size_t n = 0;
  while (pos + n < text.size() && n < limit && pred(text[pos + n])) ++n;
  return n;
}

// Whether `text` holds `literal` at `pos` (pos <= text.size()). The scanner asks at every
// `:` and `-` of the text: with the literal's length known where this is inlined, the
// compiler compares with a load or two instead of calling memcmp, as compare() does.
inline bool HasAt(std::string_view text, size_t pos, std::string_view literal) {
  return text.size() - pos >= literal.size() && std::memcmp(text.data() + pos, literal.data(), literal.size()) == 0;
}

// True when a token can start at `pos`: the byte before does not continue a word, and it
// is no `-` or `.` glued to one (`logo-AKIA...`, `img.ghp_...` are parts of longer names).
bool StartsToken(std::string_view text, size_t pos);
// True when a token can end at `end`: the byte there does not continue a word, and it is
// no `.` or `-` followed by more of one (`..._logo.jpeg`, `...EQ.png`).
bool EndsToken(std::string_view text, size_t end);

// Shannon entropy of `s`, in bits per character.
double Entropy(std::string_view s);

// Values that announce themselves as stand-ins: `<password>`, `xxxx`, `EXAMPLE`, `****`,
// `${TOKEN}`, `{{token}}`, `your-token-here`, a single repeated character.
bool IsPlaceholder(std::string_view value);

// GitHub's token format (github.blog, 2021-04-05): a 30-character random part and a
// base62 CRC32 of it in the last six characters. Documentation examples fail the check.
bool GithubChecksumValid(std::string_view body);

}  // namespace specc::secret_text

#endif  // SPECC_BASE_SECRET_TEXT_H_
