// The results of one top-level example check (emit/postman/example_value.cc), by value
// node, schema and depth. An open-addressing table whose Clear() is a counter's step: one
// check fills an entry per node of its example (thousands for a large one), and the node
// per entry, the rehashing as it grew and the emptying of the buckets for the next check
// were a third of the checking.
#ifndef SPECC_EMIT_POSTMAN_CHECK_MEMO_H_
#define SPECC_EMIT_POSTMAN_CHECK_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace specc::emit {

class CheckMemo {
 public:
  CheckMemo() : slots_(kInitialSlots) {}

  // Forgets every result. A table a large check grew is given back.
  void Clear() {
    size_ = 0;
    if (slots_.size() > kKeptSlots || ++generation_ == 0) {
      slots_.assign(kInitialSlots, Slot{});
      generation_ = 1;
    }
  }

  // The result remembered for the node at `value` checked against `id` at `depth`, or null.
  const bool* Find(const void* value, uint32_t id, int32_t depth) const {
    for (size_t i = Home(value, id, depth);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.generation != generation_) return nullptr;
      if (s.value == value && s.id == id && s.depth == depth) return &s.ok;
    }
  }

  void Put(const void* value, uint32_t id, int32_t depth, bool ok) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    for (size_t i = Home(value, id, depth);; i = (i + 1) & (slots_.size() - 1)) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = Slot{value, id, depth, generation_, ok};
        ++size_;
        return;
      }
      if (s.value == value && s.id == id && s.depth == depth) {
        s.ok = ok;
        return;
      }
    }
  }

 private:
  static constexpr size_t kInitialSlots = 256;  // powers of two
  static constexpr size_t kKeptSlots = 1 << 16;

  struct Slot {
    const void* value = nullptr;
    uint32_t id = 0;
    int32_t depth = 0;
    uint32_t generation = 0;  // the entry is live when it is the table's
    bool ok = false;
  };

  size_t Home(const void* value, uint32_t id, int32_t depth) const {
    uint64_t h = reinterpret_cast<uintptr_t>(value) * 0x9e3779b97f4a7c15ULL;
    h ^= (static_cast<uint64_t>(id) << 8 | static_cast<uint32_t>(depth)) * 0xc2b2ae3d27d4eb4fULL;
    h ^= h >> 29;
    return static_cast<size_t>(h) & (slots_.size() - 1);
  }

  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    uint32_t live = generation_;
    size_ = 0;
    for (const Slot& s : old) {
      if (s.generation == live) Put(s.value, s.id, s.depth, s.ok);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  uint32_t generation_ = 1;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_CHECK_MEMO_H_
