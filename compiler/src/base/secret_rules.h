// The secret scanner's provider-token rules: one row per token format that starts with a
// fixed prefix (`ghp_`, `glpat-`, `xoxb-`, `AKIA`, `SG.`, ...), matched by hand in time
// linear in the text (a byte table says which bytes can start a rule; each candidate
// reads a bounded run of bytes). Internal to base/secret_scan.cc.
#ifndef SPECC_BASE_SECRET_RULES_H_
#define SPECC_BASE_SECRET_RULES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace specc {

struct SecretHit;

namespace secret_rules {

// True when a token rule's prefix can start with byte `c`.
bool MayStartToken(unsigned char c);
// A filter for the scanner's inner loop: 65536 bits, one per value of TrigramHash, set for
// the first three bytes of every token a rule (or a JWT) can match. A clear bit rules the
// position out; a set one may be a collision.
const uint64_t* PrefixTrigramBits();
// `three` holds the three bytes, the first in the low byte (as a little-endian load of
// them, masked, gives them): a multiplicative hash, its top 16 bits.
inline size_t TrigramHash(uint32_t three) { return (three * 0x9E3779B1u) >> 16; }

// Tries every token rule whose prefix starts at `pos`. Returns true and fills `hit` when
// one matches a whole token there (REQUIRES: a token may start at `pos`).
bool MatchToken(std::string_view text, size_t pos, SecretHit* hit);

// The ids of the token rules, in table order (several rows may share an id).
std::vector<std::string_view> TokenRuleIds();

}  // namespace secret_rules
}  // namespace specc

#endif  // SPECC_BASE_SECRET_RULES_H_
