// ThinString: an immutable string one pointer wide, for the text members of records made
// by the ten thousand. std::string is 32 bytes whether it holds anything or not; most of
// the ~40,000 schemas of GitHub's description have no name, title or default, and a long
// description lives on the heap either way. ThinString keeps its length in front of its
// characters, in the one block it allocates, and nothing at all while empty: 24 bytes
// less per text, and a heap block for a short one std::string would have kept inline.
//
// It is assigned whole and read as a std::string_view (it converts implicitly, so the
// readers of a std::string member compile unchanged where they only read). A copy copies
// the characters; a move leaves the source empty. The characters end in a NUL.
#ifndef SPECC_BASE_THIN_STRING_H_
#define SPECC_BASE_THIN_STRING_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "base/check.h"

namespace specc {

class ThinString {
 public:
  ThinString() = default;
  ThinString(std::string_view text) { Assign(text); }  // NOLINT: implicit, as std::string's
  ThinString(const char* text) : ThinString(std::string_view(text)) {}  // NOLINT
  ThinString(const std::string& text) : ThinString(std::string_view(text)) {}  // NOLINT
  ThinString(const ThinString& other) : ThinString(other.view()) {}
  ThinString(ThinString&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  ThinString& operator=(const ThinString& other) {
    if (this != &other) ThinString(other).swap(*this);
    return *this;
  }
  ThinString& operator=(ThinString&& other) noexcept {
    ThinString(std::move(other)).swap(*this);
    return *this;
  }
  ~ThinString() { Free(); }

  std::string_view view() const {
    return block_ == nullptr ? std::string_view() : std::string_view(Chars(block_), *block_);
  }
  operator std::string_view() const { return view(); }  // NOLINT: implicit by design
  std::string str() const { return std::string(view()); }

  size_t size() const { return block_ == nullptr ? 0 : *block_; }
  bool empty() const { return block_ == nullptr; }
  const char* data() const { return block_ == nullptr ? "" : Chars(block_); }

  void clear() { Free(); }
  void swap(ThinString& other) noexcept { std::swap(block_, other.block_); }

  // One comparison against anything that is a string_view; C++20 rewrites the reversed
  // and the != forms from it.
  friend bool operator==(const ThinString& a, std::string_view b) { return a.view() == b; }
  friend std::strong_ordering operator<=>(const ThinString& a, std::string_view b) { return a.view() <=> b; }
  friend std::ostream& operator<<(std::ostream& out, const ThinString& s) { return out << s.view(); }
  friend std::string operator+(std::string a, const ThinString& b) { return a.append(b.view()); }
  friend std::string operator+(const ThinString& a, std::string_view b) {
    std::string out(a.view());
    return out.append(b);
  }

 private:
  // The block: the length, then the characters and a NUL.
  static const char* Chars(const uint32_t* block) { return reinterpret_cast<const char*>(block + 1); }

  void Assign(std::string_view text) {
    if (text.empty()) return;
    SPECC_CHECK(text.size() < UINT32_MAX) << "a ThinString holds fewer than 2^32 bytes";
    void* memory = ::operator new(sizeof(uint32_t) + text.size() + 1);
    block_ = new (memory) uint32_t(static_cast<uint32_t>(text.size()));
    char* chars = reinterpret_cast<char*>(block_ + 1);
    std::memcpy(chars, text.data(), text.size());
    chars[text.size()] = '\0';
  }

  void Free() {
    if (block_ == nullptr) return;
    ::operator delete(block_);
    block_ = nullptr;
  }

  uint32_t* block_ = nullptr;
};

}  // namespace specc

#endif  // SPECC_BASE_THIN_STRING_H_
