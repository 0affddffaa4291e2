#include "base/secret_scan.h"

#include <array>
#include <cmath>
#include <cstdint>

#include "base/sha256.h"

namespace specc {
namespace {

constexpr bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsUpperOrDigit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// Length of the run of characters satisfying `pred` starting at `pos`, up to `limit`.
template <typename Pred>
size_t RunLength(std::string_view text, size_t pos, size_t limit, Pred pred) {
  size_t n = 0;
  while (pos + n < text.size() && n < limit && pred(text[pos + n])) ++n;
  return n;
}

// True when the character before `pos` does not continue a word (a token starts here).
bool StartsWord(std::string_view text, size_t pos) {
  return pos == 0 || !(IsAlnum(text[pos - 1]) || text[pos - 1] == '_');
}

// Shannon entropy of `s`, in bits per character.
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

// Values that announce themselves as stand-ins: `<password>`, `xxxx`, `EXAMPLE`, `****`,
// `${TOKEN}`, `{{token}}`, `your-token-here`.
bool IsPlaceholder(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == '<' || c == '>' || c == '*' || c == '{' || c == '}' || c == '$' || c == '%' || c == '[') return true;
  }
  std::string lower = LowerCopy(value);
  for (std::string_view word : {"xxxx", "example", "your", "placeholder", "dummy", "redacted", "changeme",
                                "sample", "fake", "0000", "1234", "abcd", "...", "____", "----"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  bool all_same = true;
  for (char c : value) all_same = all_same && c == value[0];
  return all_same;
}

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

// GitHub's token format (github.blog, 2021-04-05): a 30-character random part and a
// base62 CRC32 of it in the last six characters. Documentation examples fail the check.
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

bool IsGithubPrefix(std::string_view text, size_t pos) {
  return text.substr(pos, 2) == "gh" && pos + 3 < text.size() && text[pos + 3] == '_' &&
         std::string_view("pousr").find(text[pos + 2]) != std::string_view::npos;
}

// Private keys published as examples in public API descriptions, by the SHA-256 of their
// first 64 base64 characters. They are documentation, and everyone has them; blocking them
// would make specc refuse those descriptions. GitHub's REST description ships one (the
// app-manifest conversion example).
constexpr std::string_view kPublicExampleKeys[] = {
    "1d3ae6a355e9cc25b29ba314a1857a5105d01132ce4a7699ffdaa12a5e740821",
};

constexpr std::string_view kDbSchemes[] = {"postgres", "postgresql", "mysql", "mariadb", "mongodb",
                                           "mongodb+srv", "redis", "rediss", "amqp", "amqps",
                                           "mssql", "sqlserver", "clickhouse", "cockroachdb"};

// Which bytes can start a rule: the punctuation anywhere, the provider prefixes only at
// the start of a word. A byte starts a rule when its trigger bits survive masking with the
// word bits of the byte before: a prefix letter after a word character is masked out.
enum TriggerBits : uint8_t { kAnywhere = 1, kAtWordStart = 2 };
constexpr std::array<uint8_t, 256> kTriggers = [] {
  std::array<uint8_t, 256> table{};
  for (unsigned char c : std::string_view("gsrxA")) table[c] = kAtWordStart;
  for (unsigned char c : std::string_view("-:=")) table[c] = kAnywhere;
  return table;
}();
// kAtWordStart for the bytes that continue a word (StartsWord's test), else 0.
constexpr std::array<uint8_t, 256> kWordBytes = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (IsAlnum(static_cast<char>(c)) || c == '_') table[c] = kAtWordStart;
  }
  return table;
}();

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<SecretHit> Run() {
    // Most bytes start no rule, and most letters that could are inside a word: deciding
    // both with two table lookups and one rarely taken branch keeps the guard cheap on
    // tens of megabytes of output.
    unsigned char before = ' ';  // a word starts at offset 0
    for (pos_ = 0; pos_ < text_.size(); ++pos_) {
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      bool starts_rule = (kTriggers[c] & ~kWordBytes[before]) != 0;
      before = c;
      if (!starts_rule) continue;
      switch (text_[pos_]) {
        case 'g': Github(); break;
        case 's':
        case 'r': Stripe(); break;
        case 'x': Slack(); break;
        case 'A': Aws(); break;
        case '-': PrivateKey(); break;
        case ':':
          ConnectionString();
          Assignment();
          break;
        case '=': Assignment(); break;
        default: break;
      }
    }
    return std::move(hits_);
  }

 private:
  void Hit(std::string_view rule, size_t offset, size_t length) {
    // Rules can overlap (a GitHub token assigned to GITHUB_TOKEN): keep the first.
    if (!hits_.empty() && offset < hits_.back().offset + hits_.back().length) return;
    hits_.push_back({rule, offset, length});
  }

  void Github() {
    if (!StartsWord(text_, pos_)) return;
    if (IsGithubPrefix(text_, pos_)) {
      size_t n = RunLength(text_, pos_ + 4, 40, IsAlnum);
      if (n == 36 && !(pos_ + 40 < text_.size() && (IsAlnum(text_[pos_ + 40]) || text_[pos_ + 40] == '_')) &&
          GithubChecksumValid(text_.substr(pos_ + 4, 36))) {
        Hit("github-token", pos_, 40);
      }
      return;
    }
    if (text_.substr(pos_, 11) == "github_pat_") {
      size_t n = RunLength(text_, pos_ + 11, 100, [](char c) { return IsAlnum(c) || c == '_'; });
      std::string_view body = text_.substr(pos_ + 11, n);
      if (n >= 82 && !IsPlaceholder(body) && Entropy(body) > 3.5) Hit("github-token", pos_, 11 + n);
    }
  }

  void Stripe() {
    if (!StartsWord(text_, pos_) || text_.substr(pos_ + 1, 7) != "k_live_") return;
    size_t n = RunLength(text_, pos_ + 8, 256, IsAlnum);
    std::string_view body = text_.substr(pos_ + 8, n);
    if (n >= 20 && !IsPlaceholder(body) && Entropy(body) > 3.0) Hit("stripe-live-key", pos_, 8 + n);
  }

  void Slack() {
    if (!StartsWord(text_, pos_) || text_.substr(pos_, 3) != "xox" || pos_ + 4 >= text_.size() ||
        std::string_view("abposr").find(text_[pos_ + 3]) == std::string_view::npos || text_[pos_ + 4] != '-') {
      return;
    }
    size_t n = RunLength(text_, pos_ + 5, 256, [](char c) { return IsAlnum(c) || c == '-'; });
    std::string_view body = text_.substr(pos_ + 5, n);
    if (n >= 20 && !IsPlaceholder(body) && Entropy(body) > 3.0) Hit("slack-token", pos_, 5 + n);
  }

  void Aws() {
    if (!StartsWord(text_, pos_) || (text_.substr(pos_, 4) != "AKIA" && text_.substr(pos_, 4) != "ASIA")) return;
    size_t n = RunLength(text_, pos_ + 4, 17, IsUpperOrDigit);
    if (n != 16 || (pos_ + 20 < text_.size() && IsAlnum(text_[pos_ + 20]))) return;
    std::string_view body = text_.substr(pos_, 20);
    if (!IsPlaceholder(body) && Entropy(body.substr(4)) > 3.0) Hit("aws-access-key", pos_, 20);
  }

  // `-----BEGIN ... PRIVATE KEY-----` followed by key material (not `...`).
  void PrivateKey() {
    if (text_.substr(pos_, 11) != "-----BEGIN ") return;
    size_t end = text_.find("PRIVATE KEY-----", pos_ + 11);
    if (end == std::string_view::npos || end > pos_ + 60) return;
    size_t body = end + 16;
    size_t i = body;
    std::string material;
    for (; i < text_.size() && i < body + 400 && material.size() < 64; ++i) {
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == 'n' || text_[i + 1] == 'r')) {
        ++i;
        continue;
      }
      if (IsAlnum(c) || c == '+' || c == '/' || c == '=') {
        material.push_back(c);
      } else if (c != '\n' && c != '\r' && c != ' ') {
        break;
      }
    }
    if (material.size() < 64) return;
    std::string fingerprint = Sha256Hex(material);
    for (std::string_view known : kPublicExampleKeys) {
      if (fingerprint == known) return;
    }
    Hit("private-key", pos_, i - pos_);
  }

  // `postgres://user:password@host`: a database URL that carries a real password.
  void ConnectionString() {
    if (text_.substr(pos_, 3) != "://") return;
    size_t start = pos_;
    while (start > 0 && pos_ - start < 16 &&
           (IsAlnum(text_[start - 1]) || text_[start - 1] == '+' || text_[start - 1] == '.' || text_[start - 1] == '-')) {
      --start;
    }
    std::string scheme = LowerCopy(text_.substr(start, pos_ - start));
    bool db = false;
    for (std::string_view s : kDbSchemes) db = db || scheme == s;
    if (!db) return;
    size_t user_start = pos_ + 3;
    size_t at = user_start;
    auto stop = [](char c) { return c == '/' || c == ' ' || c == '"' || c == '\'' || c == '\n' || c == '\\' || c == '`'; };
    while (at < text_.size() && at - user_start < 256 && text_[at] != '@' && !stop(text_[at])) ++at;
    if (at >= text_.size() || text_[at] != '@') return;
    std::string_view userinfo = text_.substr(user_start, at - user_start);
    size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) return;
    std::string_view password = userinfo.substr(colon + 1);
    std::string lower = LowerCopy(password);
    if (IsPlaceholder(password) || lower == "password" || lower == "pass" || lower == "pwd" ||
        lower == "secret" || lower == LowerCopy(userinfo.substr(0, colon))) {
      return;
    }
    size_t host_end = at + 1;
    while (host_end < text_.size() && !stop(text_[host_end]) && text_[host_end] != ':' && host_end - at < 256) ++host_end;
    std::string host = LowerCopy(text_.substr(at + 1, host_end - at - 1));
    if (host == "localhost" || host == "127.0.0.1" || host == "[::1]") return;
    Hit("connection-string-password", user_start + colon + 1, password.size());
  }

  // `NAME=value`, `"name": "value"`, `name: value` where the name says credential and the
  // value looks random.
  void Assignment() {
    size_t k = pos_;
    while (k > 0 && (text_[k - 1] == ' ' || text_[k - 1] == '\t')) --k;
    if (k > 0 && (text_[k - 1] == '"' || text_[k - 1] == '\'')) --k;
    size_t key_end = k;
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
    if (value.size() == 40 && IsGithubPrefix(value, 0) && !GithubChecksumValid(value.substr(4))) return;
    Hit("secret-assignment", v, n);
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<SecretHit> hits_;
};

}  // namespace

bool IsSecretName(std::string_view name) {
  // Called for every key of every JSON document specc prints: no allocation.
  char lower[64];
  if (name.size() > sizeof lower) return false;
  for (size_t i = 0; i < name.size(); ++i) lower[i] = Lower(name[i]);
  std::string_view text(lower, name.size());
  for (std::string_view word : {"secret", "token", "password", "passwd", "apikey", "api_key", "api-key",
                                "privatekey", "private_key", "private-key", "accesskey", "access_key",
                                "credential", "signing_key", "auth_key"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<SecretHit> ScanForSecrets(std::string_view text) { return Scanner(text).Run(); }

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
  size_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

}  // namespace specc
