// The secret guard's scanner: finds secret-shaped strings (provider tokens, private keys,
// connection strings with a password, high-entropy values assigned to secret-named keys)
// in text specc is about to write or print. The cli layer runs every file and every
// printed byte through it (cli/guard.h); a hit names the rule and the position, never the
// matched text, so that reporting a leak cannot leak it again.
//
// The provider-token rules follow gitleaks' default configuration (base/secret_rules.cc
// names the gitleaks rule id of each); JWTs, PEM private keys of every kind, connection
// strings with a password and secret-named assignments are matched here. Every rule runs
// in time linear in the text: no regex, a byte table picks the few bytes that can start a
// rule, and each candidate reads a bounded run.
//
// The rules aim at real credentials, not at their documentation: a GitHub-format token
// counts only when its CRC32 checksum is valid (every real one has it; GitHub's
// documentation examples do not), test-mode keys (`sk_test_`) are no secrets, values that
// say they are placeholders (`<password>`, `xxxx`, `EXAMPLE`, `****`, `${VAR}`) never
// count, a token glued into a longer word (`ASIA..._logo.jpeg`) is part of a name, and a
// connection string to localhost is a development default. Where a value sits in a spec
// (an example of a token field) is judged above this layer (spec/secret_context.h).
#ifndef SPECC_BASE_SECRET_SCAN_H_
#define SPECC_BASE_SECRET_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace specc {

struct SecretHit {
  std::string_view rule;  // "github-pat", "private-key", ...: a static string
  size_t offset = 0;      // where the secret-shaped span starts in the scanned text
  size_t length = 0;
  bool verified = false;  // its checksum proves it a real credential, not an example
};

// Returns every secret-shaped span of `text`, in order of offset. Runs in one pass, fast
// enough for a 100 MB IR dump.
std::vector<SecretHit> ScanForSecrets(std::string_view text);

// Returns `text` with each span of `hits` replaced by `[redacted:<rule>]`.
// REQUIRES: `hits` come from ScanForSecrets(text).
std::string RedactSecrets(std::string_view text, const std::vector<SecretHit>& hits);

// Returns the fingerprint an allowlist names a hit by: "sha256:" and the SHA-256 of the
// rule id, a colon and the hit's value (for a private key: its first 64 base64 characters,
// so that line breaks and escapes do not change it). It holds no secret.
// REQUIRES: `hit` comes from ScanForSecrets(text).
std::string SecretFingerprint(std::string_view text, const SecretHit& hit);

// Returns whether `rule` is the id of one of the scanner's rules.
bool IsSecretRule(std::string_view rule);

// Returns the 1-based line of `offset` in `text`.
size_t LineOf(std::string_view text, size_t offset);

// Returns whether a variable or key called `name` names a credential by convention (its
// words include SECRET, TOKEN, PASSWORD, API_KEY, PRIVATE_KEY, ...).
bool IsSecretName(std::string_view name);

}  // namespace specc

#endif  // SPECC_BASE_SECRET_SCAN_H_
