#include "base/secret_scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

#include "base/ascii.h"
#include "base/count_bytes.h"
#include "base/secret_blocks.h"
#include "base/secret_rules.h"
#include "base/secret_text.h"
#include "base/sha256.h"
#include "base/swar.h"

namespace specc {
namespace {

using secret_text::Entropy;
using secret_text::HasAt;
using secret_text::IsAlnum;
using secret_text::IsPlaceholder;
using secret_text::IsUpperOrDigit;
using secret_text::RunLength;

bool IsGithubPrefix(std::string_view text, size_t pos) {
  return text.substr(pos, 2) == "gh" && pos + 3 < text.size() && text[pos + 3] == '_' &&
         std::string_view("pousr").find(text[pos + 2]) != std::string_view::npos;
}

// Credentials published as examples in public documentation, by the SHA-256 of their
// value (private keys: of their first 64 base64 characters). Everyone has them; blocking
// them would make specc refuse the descriptions that carry them.
constexpr std::string_view kPublicExamples[] = {
    // The app-manifest conversion example private key in GitHub's REST description.
    "1d3ae6a355e9cc25b29ba314a1857a5105d01132ce4a7699ffdaa12a5e740821",
    // jwt.io's example token (`{"sub": "1234567890", "name": "John Doe", ...}`).
    "7f75367e7881255134e1375e723d1dea8ad5f6a4fdb79d938df1f1754a830606",
};

bool IsPublicExample(std::string_view value) {
  std::string fingerprint = Sha256Hex(value);
  for (std::string_view known : kPublicExamples) {
    if (fingerprint == known) return true;
  }
  return false;
}

constexpr std::string_view kDbSchemes[] = {"postgres", "postgresql", "mysql", "mariadb", "mongodb",
                                           "mongodb+srv", "redis", "rediss", "amqp", "amqps",
                                           "mssql", "sqlserver", "clickhouse", "cockroachdb"};

bool IsBase64Char(char c) { return IsAlnum(c) || c == '+' || c == '/' || c == '='; }
bool IsBase64UrlChar(char c) { return IsAlnum(c) || c == '_' || c == '-'; }

// The key material after a PEM header that ends at `body`: base64 characters across line
// breaks (real ones or `\n` escapes in JSON), after any armor headers (`Version: ...`, as
// OpenPGP has). Stops at the first other byte, so `-----END` and `...` end it. Returns up
// to `limit` characters of material; `*end` is where reading stopped.
std::string PemMaterial(std::string_view text, size_t body, size_t limit, size_t* end) {
  std::string material;
  size_t i = body;
  for (int headers = 0; headers < 8 && i < text.size(); ++headers) {
    size_t line_start = i;
    while (i < text.size() && (text[i] == '\n' || text[i] == '\r' || text[i] == ' ' ||
                               (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == 'r')))) {
      i += text[i] == '\\' ? 2 : 1;
    }
    size_t colon = i;
    while (colon < text.size() && colon - i < 80 && (IsAlnum(text[colon]) || text[colon] == '-')) ++colon;
    if (colon >= text.size() || text[colon] != ':' || colon == i) {
      i = line_start;
      break;
    }
    while (i < text.size() && text[i] != '\n' && !(text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n')) ++i;
  }
  for (; i < text.size() && material.size() < limit; ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == 'r')) {
      ++i;
      continue;
    }
    if (IsBase64Char(c)) {
      material.push_back(c);
    } else if (c != '\n' && c != '\r' && c != ' ') {
      break;
    }
  }
  *end = i;
  return material;
}

// Where a PEM private-key header that starts at `pos` ends: `-----BEGIN`, up to 100 of
// [ A-Z0-9_-], `PRIVATE KEY`, an optional ` BLOCK`, `-----`. Returns npos otherwise.
size_t PemHeaderEnd(std::string_view text, size_t pos) {
  if (!HasAt(text, pos, "-----BEGIN")) return std::string_view::npos;
  size_t i = pos + 10;
  size_t limit = std::min(text.size(), i + 100);
  while (i < limit && (IsUpperOrDigit(text[i]) || text[i] == ' ' || text[i] == '_' || text[i] == '-')) {
    if (text.compare(i, 11, "PRIVATE KEY") == 0) break;
    ++i;
  }
  if (text.compare(i, 11, "PRIVATE KEY") != 0) return std::string_view::npos;
  i += 11;
  if (text.compare(i, 6, " BLOCK") == 0) i += 6;
  if (text.compare(i, 5, "-----") != 0) return std::string_view::npos;
  return i + 5;
}

// The base64url-decoded start of `part` (up to 48 bytes), for a look at a JWT's header.
std::string DecodeBase64UrlPrefix(std::string_view part) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '-' || c == '+' ? 62 : c == '_' || c == '/' ? 63 : -1;
  };
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (size_t i = 0; i < part.size() && out.size() < 48; ++i) {
    int v = value(part[i]);
    if (v < 0) break;
    bits = (bits << 6) | static_cast<uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(static_cast<char>((bits >> count) & 0xFF));
    }
  }
  return out;
}

// The first bytes of the tokens (base/secret_rules.cc) and of a JWT (`ey`): checked only
// at a word start that passed the trigram filter, so that a hash collision on a word
// whose first byte starts no token reads no further.
const std::array<bool, 256>& TokenStarts() {
  static const std::array<bool, 256> table = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[c] = secret_rules::MayStartToken(static_cast<unsigned char>(c));
    t['e'] = true;  // JWTs
    return t;
  }();
  return table;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : text_(text), token_starts_(TokenStarts()), trigrams_(secret_rules::PrefixTrigramBits()) {}

  std::vector<SecretHit> Run() {
    // A rule starts only at `-`, `:` or `=`, or at the first byte of a word (a token glued
    // to the end of a word is part of a name). Each block of 64 bytes is classified with
    // a few vector instructions (base/secret_blocks.h) and only those positions are
    // visited, in order: most bytes of generated JSON and TypeScript are inside words,
    // quotes, digits and indentation, and cost nothing more.
    size_t size = text_.size();
    // Blocks are read in place while the eight bytes the trigram filter loads at a
    // block's last byte are in the text; the rest (under 72 bytes) from a copy padded
    // with spaces, which are neither word nor trigger.
    size_t in_place = size >= kBlockSize + 8 ? (size - 8) / kBlockSize * kBlockSize : 0;
    char tail[2 * kBlockSize + 8];
    for (size_t block = 0; block < size; block += kBlockSize) {
      const char* bytes = text_.data() + block;
      uint64_t may_start = ~uint64_t{0};
      if (block < in_place) {
        secret_blocks::Prefetch(text_.data() + std::min(block + 16 * kBlockSize, size - 1));
      } else {
        if (block == in_place) {
          std::memset(tail, ' ', sizeof tail);
          std::memcpy(tail, bytes, size - block);
        }
        bytes = tail + (block - in_place);
        // No token fits in the text's last two bytes: a word start there is not tried
        // (the filter would read the padding). Bit i stays when i + 2 < `left`.
        size_t left = size - block;
        may_start = left >= kBlockSize + 2 ? ~uint64_t{0} : left <= 2 ? 0 : (uint64_t{1} << (left - 2)) - 1;
      }
      ScanBlock(bytes, block, may_start);
    }
    return std::move(hits_);
  }

 private:
  static constexpr size_t kBlockSize = secret_blocks::kBlockSize;

  // Tries the rules at each candidate of the 64 bytes at `bytes`: the text's from
  // `offset` on, read in place or from the padded copy of its end (with 8 more bytes
  // after them either way). Only the word starts in `may_start` can start a token.
  void ScanBlock(const char* bytes, size_t offset, uint64_t may_start) {
    secret_blocks::BlockBits bits = secret_blocks::Classify(bytes);
    // A word starts where a word byte follows a byte that is none (or the text's start).
    uint64_t word_starts = bits.word & ~((bits.word << 1) | word_before_) & may_start;
    word_before_ = bits.word >> 63;
    // Most words (`path`, `format`, `which`) stop at the trigram filter. Filtering the
    // block's word starts first, without a branch on each outcome, leaves the loop below
    // the few positions that have a rule to try.
    uint64_t tokens = 0;
    for (uint64_t starts = word_starts; starts != 0; starts &= starts - 1) {
      unsigned bit = static_cast<unsigned>(std::countr_zero(starts));
      size_t h = secret_rules::TrigramHash(static_cast<uint32_t>(swar::Load8(bytes + bit) & 0xFFFFFF));
      tokens |= ((trigrams_[h >> 6] >> (h & 63)) & 1) << bit;
    }
    for (uint64_t candidates = tokens | bits.punct; candidates != 0; candidates &= candidates - 1) {
      pos_ = offset + static_cast<size_t>(std::countr_zero(candidates));
      Candidate();
    }
  }

  // Tries the rules that can start at `pos_`, a trigger byte or a word start.
  void Candidate() {
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    switch (c) {
      case '-': PrivateKey(); break;
      case ':':
        ConnectionString();
        Assignment();
        break;
      case '=': Assignment(); break;
      default:
        // A word start that passed the trigram filter (a collision may pass).
        if (token_starts_[c]) Token();
        break;
    }
  }

  void Hit(std::string_view rule, size_t offset, size_t length, bool verified = false) {
    // Rules can overlap (a GitHub token assigned to GITHUB_TOKEN): keep the first.
    if (!hits_.empty() && offset < hits_.back().offset + hits_.back().length) return;
    hits_.push_back({rule, offset, length, verified});
  }

  void Token() {
    if (!secret_text::StartsToken(text_, pos_)) return;
    SecretHit hit;
    if (secret_rules::MatchToken(text_, pos_, &hit)) {
      Hit(hit.rule, hit.offset, hit.length, hit.verified);
      return;
    }
    if (text_[pos_] == 'e') Jwt();
  }

  // `ey...` `.` `ey...` `.` signature (gitleaks `jwt`): two base64url JSON parts, the
  // first of which decodes to a header naming an `alg` or a `typ`.
  void Jwt() {
    auto part = [&](size_t at) { return RunLength(text_, at, 8192, IsBase64UrlChar); };
    // Before reading the run: a word that passed the trigram filter by a collision stops here.
    if (!HasAt(text_, pos_, "ey")) return;
    size_t header = part(pos_);
    if (header < 19) return;
    size_t payload_start = pos_ + header + 1;
    if (payload_start >= text_.size() || text_[payload_start - 1] != '.' ||
        text_.compare(payload_start, 2, "ey") != 0) {
      return;
    }
    size_t payload = part(payload_start);
    if (payload < 19) return;
    size_t end = payload_start + payload;
    if (end < text_.size() && text_[end] == '.') {
      size_t signature = part(end + 1);
      end += 1 + signature;
      while (end < text_.size() && text_[end] == '=' && signature > 0) ++end;
    }
    if (!secret_text::EndsToken(text_, end)) return;
    std::string decoded = DecodeBase64UrlPrefix(text_.substr(pos_, header));
    if (decoded.find("\"alg\"") == std::string::npos && decoded.find("\"typ\"") == std::string::npos) return;
    std::string_view token = text_.substr(pos_, end - pos_);
    if (Entropy(token) < 3 || IsPublicExample(token)) return;
    Hit("jwt", pos_, end - pos_);
  }

  // A PEM private key of any kind (gitleaks `private-key`): RSA, EC, DSA, OPENSSH,
  // ENCRYPTED, PGP ... BLOCK, followed by key material (not `...`).
  void PrivateKey() {
    size_t body = PemHeaderEnd(text_, pos_);
    if (body == std::string_view::npos) return;
    size_t end = 0;
    std::string material = PemMaterial(text_, body, 64, &end);
    if (material.size() < 64 || IsPublicExample(material)) return;
    Hit("private-key", pos_, end - pos_);
  }

  // `postgres://user:password@host`: a database URL that carries a real password.
  void ConnectionString() {
    if (!HasAt(text_, pos_, "://")) return;
    size_t start = pos_;
    while (start > 0 && pos_ - start < 16 &&
           (IsAlnum(text_[start - 1]) || text_[start - 1] == '+' || text_[start - 1] == '.' || text_[start - 1] == '-')) {
      --start;
    }
    // Every `https://` of a description gets here: lower-case the scheme on the stack.
    char scheme_bytes[16];
    for (size_t i = start; i < pos_; ++i) scheme_bytes[i - start] = AsciiLower(text_[i]);
    std::string_view scheme(scheme_bytes, pos_ - start);
    if (std::find(std::begin(kDbSchemes), std::end(kDbSchemes), scheme) == std::end(kDbSchemes)) return;
    size_t user_start = pos_ + 3;
    size_t at = user_start;
    auto stop = [](char c) { return c == '/' || c == ' ' || c == '"' || c == '\'' || c == '\n' || c == '\\' || c == '`'; };
    while (at < text_.size() && at - user_start < 256 && text_[at] != '@' && !stop(text_[at])) ++at;
    if (at >= text_.size() || text_[at] != '@') return;
    std::string_view userinfo = text_.substr(user_start, at - user_start);
    size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view password = userinfo.substr(colon + 1);
    std::string lower = AsciiLower(password);
    if (IsPlaceholder(password) || lower == "password" || lower == "pass" || lower == "pwd" ||
        lower == "secret" || lower == AsciiLower(userinfo.substr(0, colon))) {
      return;
    }
    size_t host_end = at + 1;
    while (host_end < text_.size() && !stop(text_[host_end]) && text_[host_end] != ':' && host_end - at < 256) ++host_end;
    std::string host = AsciiLower(text_.substr(at + 1, host_end - at - 1));
    if (host == "localhost" || host == "127.0.0.1" || host == "[::1]") return;
    Hit("connection-string-password", user_start + colon + 1, password.size());
  }

  // `NAME=value`, `"name": "value"`, `name: value` where the name says credential and the
  // value looks random.
  void Assignment() {
    size_t k = pos_;
    while (k > 0 && (text_[k - 1] == ' ' || text_[k - 1] == '\t')) --k;
    if (k > 0 && (text_[k - 1] == '"' || text_[k - 1] == '\'')) --k;
    // The key must be UPPER_SNAKE (below): a lower-case last letter, as every key of a
    // generated JSON file has, settles it without reading the key back.
    if (k == 0 || !(IsUpperOrDigit(text_[k - 1]) || text_[k - 1] == '_')) return;
    AssignmentTo(k);
  }

  // The rest of Assignment, for a key that ends at `key_end` in an upper-case letter, a
  // digit or `_`: apart, so that the common early return above stays small and inlined.
  void AssignmentTo(size_t key_end) {
    size_t k = key_end;
    while (k > 0 && key_end - k < 64 && (IsAlnum(text_[k - 1]) || text_[k - 1] == '_' || text_[k - 1] == '-')) --k;
    if (k == key_end) return;
    std::string_view key = text_.substr(k, key_end - k);
    // Only env-var-shaped names (UPPER_SNAKE): the secrets specc knows are env vars and
    // credential variables. Lower-case keys are API field names, and public API
    // descriptions are full of example values for `client_secret` or `access_token`.
    for (char c : key) {
      if (!(IsUpperOrDigit(c) || c == '_')) return;
    }
    if (!IsSecretName(key)) return;
    size_t v = pos_ + 1;
    while (v < text_.size() && (text_[v] == ' ' || text_[v] == '\t')) ++v;
    if (v < text_.size() && (text_[v] == '"' || text_[v] == '\'')) ++v;
    auto value_char = [](char c) {
      return IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '_' || c == '-' || c == '.' || c == '~';
    };
    size_t n = RunLength(text_, v, 513, value_char);
    if (n < 16 || n > 512) return;
    // A value that goes on with other characters is prose or a URL, not a token.
    if (v + n < text_.size()) {
      char next = text_[v + n];
      if (!(next == '"' || next == '\'' || next == ',' || next == ' ' || next == '\n' || next == '\r' ||
            next == '}' || next == ';' || next == '\\')) {
        return;
      }
    }
    std::string_view value = text_.substr(v, n);
    bool letter = false, digit = false;
    for (char c : value) {
      letter = letter || (IsAlnum(c) && !(c >= '0' && c <= '9'));
      digit = digit || (c >= '0' && c <= '9');
    }
    if (!letter || !digit || IsPlaceholder(value) || Entropy(value) < 3.5) return;
    // A GitHub-format token with a wrong checksum is documentation, not a token.
    if (value.size() == 40 && IsGithubPrefix(value, 0) && !secret_text::GithubChecksumValid(value.substr(4))) return;
    Hit("secret-assignment", v, n);
  }

  std::string_view text_;
  const std::array<bool, 256>& token_starts_;
  const uint64_t* trigrams_;
  size_t pos_ = 0;
  uint64_t word_before_ = 0;  // 1 when the byte before the next block continues a word
  std::vector<SecretHit> hits_;
};

}  // namespace

bool IsSecretName(std::string_view name) {
  // Called for every key of every JSON document specc prints: no allocation.
  char lower[64];
  if (name.size() > sizeof lower) return false;
  for (size_t i = 0; i < name.size(); ++i) lower[i] = AsciiLower(name[i]);
  std::string_view text(lower, name.size());
  for (std::string_view word : {"secret", "token", "password", "passwd", "apikey", "api_key", "api-key",
                                "privatekey", "private_key", "private-key", "accesskey", "access_key",
                                "credential", "signing_key", "auth_key"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<SecretHit> ScanForSecrets(std::string_view text) { return Scanner(text).Run(); }

std::string SecretFingerprint(std::string_view text, const SecretHit& hit) {
  std::string_view span = text.substr(hit.offset, hit.length);
  std::string value(span);
  if (hit.rule == "private-key") {
    size_t end = 0;
    value = PemMaterial(span, PemHeaderEnd(span, 0), 64, &end);
  }
  return "sha256:" + Sha256Hex(std::string(hit.rule) + ":" + value);
}

bool IsSecretRule(std::string_view rule) {
  for (std::string_view own : {"jwt", "private-key", "connection-string-password", "secret-assignment"}) {
    if (rule == own) return true;
  }
  std::vector<std::string_view> ids = secret_rules::TokenRuleIds();
  return std::find(ids.begin(), ids.end(), rule) != ids.end();
}

std::string RedactSecrets(std::string_view text, const std::vector<SecretHit>& hits) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const SecretHit& hit : hits) {
    out.append(text.substr(pos, hit.offset - pos));
    out.append("[redacted:").append(hit.rule).append("]");
    pos = hit.offset + hit.length;
  }
  out.append(text.substr(pos));
  return out;
}

size_t LineOf(std::string_view text, size_t offset) {
  return 1 + CountByte(text.substr(0, std::min(offset, text.size())), '\n');
}

}  // namespace specc
