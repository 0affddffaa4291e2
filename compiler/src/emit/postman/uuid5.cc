#include "emit/postman/uuid5.h"

#include <algorithm>
#include <cstring>

namespace specc::emit {
namespace {

uint32_t RotateLeft(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

// Mixes one 64-byte block into `h`. Each kind of round runs in groups of five that rename
// the working variables rather than move them (a round's five assignments were most of
// its work): a collection's ids are thousands of hashes.
template <typename F>
void Rounds(uint32_t& a, uint32_t& b, uint32_t& c, uint32_t& d, uint32_t& e, const uint32_t* w, uint32_t k, F f) {
  for (int i = 0; i < 20; i += 5) {
    e += RotateLeft(a, 5) + f(b, c, d) + k + w[i];
    b = RotateLeft(b, 30);
    d += RotateLeft(e, 5) + f(a, b, c) + k + w[i + 1];
    a = RotateLeft(a, 30);
    c += RotateLeft(d, 5) + f(e, a, b) + k + w[i + 2];
    e = RotateLeft(e, 30);
    b += RotateLeft(c, 5) + f(d, e, a) + k + w[i + 3];
    d = RotateLeft(d, 30);
    a += RotateLeft(b, 5) + f(c, d, e) + k + w[i + 4];
    c = RotateLeft(c, 30);
  }
}

void Sha1Block(uint32_t h[5], const unsigned char* p) {
  uint32_t w[80];
  for (int i = 0; i < 16; ++i) {
    w[i] = (uint32_t{p[i * 4]} << 24) | (uint32_t{p[i * 4 + 1]} << 16) | (uint32_t{p[i * 4 + 2]} << 8) |
           uint32_t{p[i * 4 + 3]};
  }
  for (int i = 16; i < 80; ++i) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  auto choose = [](uint32_t x, uint32_t y, uint32_t z) { return (x & y) | (~x & z); };
  auto parity = [](uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; };
  auto majority = [](uint32_t x, uint32_t y, uint32_t z) { return (x & y) | (x & z) | (y & z); };
  Rounds(a, b, c, d, e, w, 0x5A827999u, choose);
  Rounds(a, b, c, d, e, w + 20, 0x6ED9EBA1u, parity);
  Rounds(a, b, c, d, e, w + 40, 0x8F1BBCDCu, majority);
  Rounds(a, b, c, d, e, w + 60, 0xCA62C1D6u, parity);
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

}  // namespace

Sha1Hasher::Sha1Hasher() : h_{0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u} {}

Sha1Hasher& Sha1Hasher::Update(std::string_view data) {
  size_ += data.size();
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  size_t n = data.size();
  if (pending_size_ > 0) {
    size_t take = std::min(n, 64 - pending_size_);
    std::memcpy(pending_ + pending_size_, p, take);
    pending_size_ += take;
    p += take;
    n -= take;
    if (pending_size_ < 64) return *this;
    Sha1Block(h_, pending_);
    pending_size_ = 0;
  }
  for (; n >= 64; p += 64, n -= 64) Sha1Block(h_, p);
  std::memcpy(pending_, p, n);
  pending_size_ = n;
  return *this;
}

std::array<uint8_t, 20> Sha1Hasher::Finish() const {
  uint32_t h[5] = {h_[0], h_[1], h_[2], h_[3], h_[4]};
  // The last bytes, padded: 0x80, zeros to 56 mod 64, then the length in bits, big-endian.
  unsigned char tail[128] = {};
  std::memcpy(tail, pending_, pending_size_);
  tail[pending_size_] = 0x80;
  size_t tail_size = pending_size_ + 1 + 8 <= 64 ? 64 : 128;
  uint64_t bits = size_ * 8;
  for (int i = 0; i < 8; ++i) tail[tail_size - 1 - i] = static_cast<unsigned char>((bits >> (i * 8)) & 0xff);
  for (size_t block = 0; block < tail_size; block += 64) Sha1Block(h, tail + block);
  std::array<uint8_t, 20> out{};
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 4; ++j) out[i * 4 + j] = static_cast<uint8_t>(h[i] >> (24 - j * 8));
  }
  return out;
}

std::array<uint8_t, 20> Sha1(std::string_view data) { return Sha1Hasher().Update(data).Finish(); }

Sha1Hasher Uuid5Hasher(const std::array<uint8_t, 16>& namespace_uuid) {
  Sha1Hasher hasher;
  hasher.Update(std::string_view(reinterpret_cast<const char*>(namespace_uuid.data()), namespace_uuid.size()));
  return hasher;
}

std::string Uuid5(const Sha1Hasher& hasher) {
  std::array<uint8_t, 20> hash = hasher.Finish();
  hash[6] = static_cast<uint8_t>((hash[6] & 0x0f) | 0x50);
  hash[8] = static_cast<uint8_t>((hash[8] & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[hash[i] >> 4]);
    out.push_back(kHex[hash[i] & 0xf]);
  }
  return out;
}

std::string Uuid5(const std::array<uint8_t, 16>& namespace_uuid, std::string_view name) {
  Sha1Hasher hasher = Uuid5Hasher(namespace_uuid);
  hasher.Update(name);
  return Uuid5(hasher);
}

}  // namespace specc::emit
