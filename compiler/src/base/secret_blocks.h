// The secret scanner's first pass over a block of 64 bytes: which bytes continue a word
// ([A-Za-z0-9_]) and which are the punctuation a rule starts at anywhere (`-`, `:`, `=`),
// one bit per byte. A rule can only start at such a punctuation byte or at the first byte
// of a word, so the scanner (base/secret_scan.cc) looks at those positions and at no
// other: most of a JSON or TypeScript file is letters inside words, quotes, digits and
// indentation, and a block with no candidate costs a few vector instructions instead of
// a loop over 64 bytes. Internal to base/secret_scan.cc.
//
// x86-64 always has SSE2, so the vector version is the one that runs there; the byte loop
// is the portable fallback for other targets (about as fast as the scanner was before it
// had blocks), and the reference the vector one is tested against
// (tests/unit/secret_blocks_test.cc).
#ifndef SPECC_BASE_SECRET_BLOCKS_H_
#define SPECC_BASE_SECRET_BLOCKS_H_

#include <array>
#include <cstddef>
#include <cstdint>

#include "base/secret_text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#define SPECC_SECRET_BLOCKS_SSE2 1
#endif

namespace specc::secret_blocks {

inline constexpr size_t kBlockSize = 64;

// Bit i describes byte i of the block.
struct BlockBits {
  uint64_t word = 0;   // continues a word: secret_text::IsWordChar
  uint64_t punct = 0;  // `-`, `:` or `=`
};

// Whether byte `c` is one the scanner's rules start at anywhere, word or not.
constexpr bool IsTriggerPunct(char c) { return c == '-' || c == ':' || c == '='; }

// The portable version: one table lookup a byte.
inline BlockBits ClassifyBytes(const char* p) {
  static constexpr std::array<uint8_t, 256> kClass = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
      char ch = static_cast<char>(c);
      table[static_cast<size_t>(c)] = (secret_text::IsWordChar(ch) ? 1 : 0) | (IsTriggerPunct(ch) ? 2 : 0);
    }
    return table;
  }();
  BlockBits bits;
  for (size_t i = 0; i < kBlockSize; ++i) {
    uint64_t cls = kClass[static_cast<unsigned char>(p[i])];
    bits.word |= (cls & 1) << i;
    bits.punct |= (cls >> 1) << i;
  }
  return bits;
}

#ifdef SPECC_SECRET_BLOCKS_SSE2
// The same with SSE2, sixteen bytes at a time. SSE2 compares bytes as signed: bytes of
// 0x80 and above are negative and fall outside every range below, as they should.
inline BlockBits ClassifySse2(const char* p) {
  // `lo <= x <= hi` in two instructions: adding 0x80 - lo moves `lo` to -128, the smallest
  // signed byte, so the range becomes one signed "less than" (hi < 128).
  auto in_range = [](__m128i x, char lo, char hi) {
    __m128i shifted = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x80 - lo + hi + 1)));
  };
  BlockBits bits;
  auto lane = [&](size_t i) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Setting bit 5 folds upper-case letters onto lower-case ones and leaves digits as
    // they are; `_` (0x5F) would become DEL, so it is compared apart.
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    __m128i word = _mm_or_si128(_mm_or_si128(in_range(folded, 'a', 'z'), in_range(v, '0', '9')),
                                _mm_cmpeq_epi8(v, _mm_set1_epi8('_')));
    __m128i punct = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))),
                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('=')));
    bits.word |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(word))} << i;
    bits.punct |= uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(punct))} << i;
  };
  // Written out: as a loop, the shifts by a variable made the whole scan 5% slower.
  lane(0);
  lane(16);
  lane(32);
  lane(48);
  return bits;
}
#endif

// Asks for the memory at `p` ahead of its use. A block is classified faster than the
// next lines of a text larger than the caches arrive (GitHub's description bundles to
// 15 MB), and reading a kilobyte ahead made the scan about 8% faster on it. A hint only:
// it never faults.
inline void Prefetch(const char* p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

// The 64 bytes at `p`, classified by the fastest version this target has.
inline BlockBits Classify(const char* p) {
#ifdef SPECC_SECRET_BLOCKS_SSE2
  return ClassifySse2(p);
#else
  return ClassifyBytes(p);
#endif
}

}  // namespace specc::secret_blocks

#endif  // SPECC_BASE_SECRET_BLOCKS_H_
