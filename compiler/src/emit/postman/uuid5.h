// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name) for the ids inside
// Postman collections and environments. SPEC.md asks for ids derived from content, never
// random, so a regeneration changes an id only when the name it is derived from changes.
// SHA-1 is implemented here with the standard library only: it is used as a stable hash,
// not for security.
#ifndef SPECC_EMIT_POSTMAN_UUID5_H_
#define SPECC_EMIT_POSTMAN_UUID5_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace specc::emit {

// SHA-1 (FIPS 180-4) of data fed in pieces. A copy carries on from where the original
// stands, so that names sharing a prefix hash it once: a collection's request ids all
// start with the namespace and the collection's own prefix.
class Sha1Hasher {
 public:
  Sha1Hasher();
  Sha1Hasher& Update(std::string_view data);
  // The digest of everything fed so far.
  std::array<uint8_t, 20> Finish() const;

 private:
  uint32_t h_[5];
  unsigned char pending_[64];  // the bytes after the last whole block
  size_t pending_size_ = 0;
  uint64_t size_ = 0;
};

// Returns the 20-byte SHA-1 digest of `data`.
std::array<uint8_t, 20> Sha1(std::string_view data);

// Returns the version-5 UUID of `name` in `namespace_uuid` (16 raw bytes), lowercase and
// hyphenated: "886313e1-3b8a-5372-9b90-0c9aee199e5d".
std::string Uuid5(const std::array<uint8_t, 16>& namespace_uuid, std::string_view name);
// The same, of the namespace and name `hasher` was fed, in that order.
std::string Uuid5(const Sha1Hasher& hasher);
// A hasher fed `namespace_uuid`, to be fed a name.
Sha1Hasher Uuid5Hasher(const std::array<uint8_t, 16>& namespace_uuid);

// The URL namespace of RFC 9562 (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
inline constexpr std::array<uint8_t, 16> kUrlNamespace = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                          0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_UUID5_H_
