#include "base/count_bytes.h"

#include <bit>
#include <cstdint>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace specc {

size_t CountByte(std::string_view text, char c) {
  const char* p = text.data();
  const char* end = p + text.size();
  size_t count = 0;
#ifdef __SSE2__
  const __m128i wanted = _mm_set1_epi8(c);
  for (; end - p >= 16; p += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, wanted)));
    count += static_cast<size_t>(std::popcount(mask));
  }
#endif
  for (; p < end; ++p) count += *p == c;
  return count;
}

}  // namespace specc
