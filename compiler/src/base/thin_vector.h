// ThinVector<T>: a vector one pointer wide, for the list members of records made by the
// ten thousand. std::vector is three pointers whether it holds anything or not; most of
// sema::SchemaMeaning's lists (enum values, pattern properties, unmerged allOf branches)
// are empty on most of GitHub's 40,230 schemas, and the rest hold a few items. ThinVector
// keeps its size and capacity in front of its items, in the one block it allocates, and
// nothing at all while empty: 16 bytes less per list, 8 more per list that holds items.
//
// The subset of std::vector's interface those records use, with the same meaning: items
// stay in order, copies copy them, a move leaves the source empty. Growing moves the items,
// so references into a ThinVector are invalidated by growth as std::vector's are.
#ifndef SPECC_BASE_THIN_VECTOR_H_
#define SPECC_BASE_THIN_VECTOR_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include "base/check.h"

namespace specc {

template <typename T>
class ThinVector {
  // Growth moves items into the new block; a throwing move would lose them halfway.
  static_assert(std::is_nothrow_move_constructible_v<T>, "ThinVector items must move without throwing");

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  ThinVector() = default;
  ThinVector(std::initializer_list<T> items) { append(items.begin(), items.end()); }
  template <std::forward_iterator Iterator>
  ThinVector(Iterator first, Iterator last) {
    append(first, last);
  }
  ThinVector(const ThinVector& other) { append(other.begin(), other.end()); }
  ThinVector(ThinVector&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  ThinVector& operator=(const ThinVector& other) {
    if (this != &other) ThinVector(other).swap(*this);
    return *this;
  }
  ThinVector& operator=(ThinVector&& other) noexcept {
    ThinVector(std::move(other)).swap(*this);
    return *this;
  }
  ~ThinVector() { Free(); }

  size_t size() const { return block_ == nullptr ? 0 : block_->size; }
  size_t capacity() const { return block_ == nullptr ? 0 : block_->capacity; }
  bool empty() const { return size() == 0; }

  T* begin() { return data(); }
  T* end() { return data() + size(); }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  std::reverse_iterator<T*> rbegin() { return std::reverse_iterator<T*>(end()); }
  std::reverse_iterator<T*> rend() { return std::reverse_iterator<T*>(begin()); }
  std::reverse_iterator<const T*> rbegin() const { return std::reverse_iterator<const T*>(end()); }
  std::reverse_iterator<const T*> rend() const { return std::reverse_iterator<const T*>(begin()); }
  T* data() { return block_ == nullptr ? nullptr : Items(block_); }
  const T* data() const { return block_ == nullptr ? nullptr : Items(block_); }

  // REQUIRES: i < size(), or !empty() for front() and back().
  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& front() { return data()[0]; }
  const T& front() const { return data()[0]; }
  T& back() { return data()[size() - 1]; }
  const T& back() const { return data()[size() - 1]; }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    size_t n = size();
    if (n == capacity()) {
      // The new item is made before the old ones move: `args` may refer to one of them.
      Block* grown = Allocate(n == 0 ? 1 : 2 * n);
      try {
        new (Items(grown) + n) T(std::forward<Args>(args)...);
      } catch (...) {
        ::operator delete(grown);
        throw;
      }
      MoveItems(grown);
    } else {
      new (Items(block_) + n) T(std::forward<Args>(args)...);
    }
    block_->size = static_cast<uint32_t>(n + 1);
    return back();
  }
  void push_back(const T& item) { emplace_back(item); }
  void push_back(T&& item) { emplace_back(std::move(item)); }

  void reserve(size_t n) {
    if (n <= capacity()) return;
    MoveItems(Allocate(n));
  }
  // Gives back the room beyond size(); an empty ThinVector holds no block.
  void shrink_to_fit() {
    if (size() == capacity()) return;
    if (empty()) {
      Free();
      return;
    }
    MoveItems(Allocate(size()));
  }
  void clear() {
    if (block_ == nullptr) return;
    std::destroy(begin(), end());
    block_->size = 0;
  }

  // Adds copies of [first, last) at the end (std::vector's insert at end()).
  // REQUIRES: [first, last) is not in this ThinVector (growth would move it).
  template <std::forward_iterator Iterator>
  void append(Iterator first, Iterator last) {
    reserve(size() + static_cast<size_t>(std::distance(first, last)));
    for (; first != last; ++first) emplace_back(*first);
  }
  // Holds copies of [first, last) instead of its items. REQUIRES: as for append().
  template <std::forward_iterator Iterator>
  void assign(Iterator first, Iterator last) {
    clear();
    append(first, last);
  }

  void swap(ThinVector& other) noexcept { std::swap(block_, other.block_); }

  friend bool operator==(const ThinVector& a, const ThinVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  // Against any other list of the same items: `m.types == std::vector<std::string>{"object"}`.
  template <typename Range>
    requires(!std::is_same_v<Range, ThinVector>)
  friend bool operator==(const ThinVector& a, const Range& b) {
    return std::equal(a.begin(), a.end(), std::begin(b), std::end(b));
  }

 private:
  struct Block {
    uint32_t size;
    uint32_t capacity;
  };
  // Where the items start in a block: past its header, aligned for T.
  static constexpr size_t kItemsOffset = (sizeof(Block) + alignof(T) - 1) / alignof(T) * alignof(T);
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__, "ThinVector items need no over-alignment");

  static T* Items(Block* block) { return reinterpret_cast<T*>(reinterpret_cast<char*>(block) + kItemsOffset); }
  static const T* Items(const Block* block) {
    return reinterpret_cast<const T*>(reinterpret_cast<const char*>(block) + kItemsOffset);
  }

  static Block* Allocate(size_t capacity) {
    SPECC_CHECK(capacity <= UINT32_MAX) << "a ThinVector holds fewer than 2^32 items";
    void* memory = ::operator new(kItemsOffset + capacity * sizeof(T));
    return new (memory) Block{0, static_cast<uint32_t>(capacity)};
  }

  // Moves the items into `grown` (which may hold one more, made already past them) and
  // makes it the block.
  void MoveItems(Block* grown) {
    size_t n = size();
    if (block_ != nullptr) {
      std::uninitialized_move(begin(), end(), Items(grown));
      std::destroy(begin(), end());
      ::operator delete(block_);
    }
    block_ = grown;
    block_->size = static_cast<uint32_t>(n);
  }

  void Free() {
    if (block_ == nullptr) return;
    std::destroy(begin(), end());
    ::operator delete(block_);
    block_ = nullptr;
  }

  Block* block_ = nullptr;
};

}  // namespace specc

#endif  // SPECC_BASE_THIN_VECTOR_H_
