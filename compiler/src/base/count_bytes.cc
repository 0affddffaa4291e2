#include "base/count_bytes.h"

#include <algorithm>
#include <cstdint>

#if defined(__SSE2__) && defined(__x86_64__)
#include <emmintrin.h>
#endif

namespace specc {

size_t CountByte(std::string_view text, char c) {
  const char* p = text.data();
  const char* end = p + text.size();
  size_t count = 0;
#if defined(__SSE2__) && defined(__x86_64__)
  // A match compares as 0xff, that is -1: subtracting it counts it in its byte's lane. A
  // lane holds up to 255, so the lanes are summed (psadbw) every 255 blocks. (No popcount:
  // baseline x86-64 has no instruction for it, and libgcc's costs a call a block.)
  const __m128i wanted = _mm_set1_epi8(c);
  const __m128i zero = _mm_setzero_si128();
  while (end - p >= 16) {
    size_t blocks = std::min<size_t>(static_cast<size_t>(end - p) / 16, 255);
    __m128i lanes = zero;
    for (size_t i = 0; i < blocks; ++i, p += 16) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(bytes, wanted));
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; p < end; ++p) count += *p == c;
  return count;
}

}  // namespace specc
