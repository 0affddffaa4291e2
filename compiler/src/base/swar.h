// Eight bytes at a time in a plain 64-bit register (SWAR), for the loops that walk every
// byte of a 13 MB description: the JSON parser's strings and indentation, the compacted
// text's indentation, the secret scanner's 8-byte loads of a token's first bytes. Portable
// C++; the compiler turns the loads into one move.
#ifndef SPECC_BASE_SWAR_H_
#define SPECC_BASE_SWAR_H_

#include <bit>
#include <cstdint>
#include <cstring>

namespace specc::swar {

static_assert(std::endian::native == std::endian::little, "FirstFlagged counts bytes from the low end");

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHighs = 0x8080808080808080ULL;
inline constexpr uint64_t kSpaces = 0x2020202020202020ULL;

// The eight bytes at `p`, the first in the low byte.
inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// A mask with the high bit set in bytes of `v` equal to `c`. Only the lowest flagged byte
// is certain: a borrow can flag bytes above it falsely. So are ORs of these masks, which
// is all FirstFlagged needs.
inline uint64_t BytesEqual(uint64_t v, uint8_t c) {
  uint64_t x = v ^ (kOnes * c);
  return (x - kOnes) & ~x & kHighs;
}

// The same for bytes below `n` (n <= 128); bytes of 0x80 and above are never flagged.
inline uint64_t BytesBelow(uint64_t v, uint8_t n) { return (v - kOnes * n) & ~v & kHighs; }

// The index (0-7) of the lowest flagged byte. REQUIRES: mask != 0.
inline unsigned FirstFlagged(uint64_t mask) { return static_cast<unsigned>(std::countr_zero(mask)) / 8; }

// How many of the bytes of `v`, from the first, are spaces (0-8). Exact: no borrows.
inline unsigned LeadingSpaces(uint64_t v) {
  uint64_t x = v ^ kSpaces;
  return x == 0 ? 8 : static_cast<unsigned>(std::countr_zero(x)) / 8;
}

// The bytes of `v` below byte index `k` (0-7); the others zero.
inline uint64_t BytesBefore(uint64_t v, unsigned k) { return k == 0 ? 0 : v & (~0ULL >> (64 - 8 * k)); }

}  // namespace specc::swar

#endif  // SPECC_BASE_SWAR_H_
