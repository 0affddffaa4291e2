// The secret guard's scanner: finds secret-shaped strings (provider tokens, private keys,
// connection strings with a password, high-entropy values assigned to secret-named keys)
// in text specc is about to write or print. The cli layer runs every file and every
// printed byte through it (cli/guard.h); a hit names the rule and the position, never the
// matched text, so that reporting a leak cannot leak it again.
//
// The rules aim at real credentials, not at their documentation: public API descriptions
// (GitHub's, Stripe's) are full of example tokens, and blocking those would make specc
// useless on them. So a GitHub-format token counts only when its CRC32 checksum is valid
// (every real one has it; GitHub's documentation examples do not), values that say they
// are placeholders (`<password>`, `xxxx`, `EXAMPLE`, `****`, `${VAR}`) never count, and a
// connection string to localhost is a development default, not a secret.
#ifndef SPECC_BASE_SECRET_SCAN_H_
#define SPECC_BASE_SECRET_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace specc {

struct SecretHit {
  std::string_view rule;  // "github-token", "private-key", ...: a static string
  size_t offset = 0;      // where the secret-shaped span starts in the scanned text
  size_t length = 0;
};

// Returns every secret-shaped span of `text`, in order of offset. Runs in one pass, fast
// enough for a 100 MB IR dump.
std::vector<SecretHit> ScanForSecrets(std::string_view text);

// Returns `text` with each span of `hits` replaced by `[redacted:<rule>]`.
// REQUIRES: `hits` come from ScanForSecrets(text).
std::string RedactSecrets(std::string_view text, const std::vector<SecretHit>& hits);

// Returns the 1-based line of `offset` in `text`.
size_t LineOf(std::string_view text, size_t offset);

// Returns whether a variable or key called `name` names a credential by convention (its
// words include SECRET, TOKEN, PASSWORD, API_KEY, PRIVATE_KEY, ...).
bool IsSecretName(std::string_view name);

}  // namespace specc

#endif  // SPECC_BASE_SECRET_SCAN_H_
