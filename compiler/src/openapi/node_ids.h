// NodeIdMap: the SchemaId each schema node of a description was given while lowering.
// An open-addressing table of (node, id) pairs, 16 bytes a slot: std::unordered_map spent
// a heap node per entry and a bucket array beside them, about 1.7 MB for the 40,230
// schemas of GitHub's description, at the moment the load's memory peaks.
#ifndef SPECC_OPENAPI_NODE_IDS_H_
#define SPECC_OPENAPI_NODE_IDS_H_

#include <cstdint>
#include <vector>

#include "ir/api.h"
#include "spec/node.h"

namespace specc::openapi {

class NodeIdMap {
 public:
  // The id given to `node`, or nullptr.
  const ir::SchemaId* Find(const spec::Node* node) const {
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(node);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].node == node) return &slots_[i].id;
      if (slots_[i].node == nullptr) return nullptr;
    }
  }
  bool Contains(const spec::Node* node) const { return Find(node) != nullptr; }

  // Gives `node` the id `id` (replacing any it had). REQUIRES: node != nullptr.
  void Set(const spec::Node* node, ir::SchemaId id) {
    // At most 3/4 full, so that a probe ends soon.
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    for (size_t i = Home(node);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].node == nullptr) {
        slots_[i] = Slot{node, id};
        ++size_;
        return;
      }
      if (slots_[i].node == node) {
        slots_[i].id = id;
        return;
      }
    }
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    const spec::Node* node = nullptr;
    ir::SchemaId id = ir::kNoSchema;
  };
  size_t Home(const spec::Node* node) const {
    // Nodes are 8-byte aligned; Fibonacci hashing spreads the other bits over the table.
    uint64_t h = (reinterpret_cast<uintptr_t>(node) >> 3) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h ^ (h >> 32)) & (slots_.size() - 1);
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.node != nullptr) Set(slot.node, slot.id);
    }
  }

  std::vector<Slot> slots_;  // a power of two in size
  size_t size_ = 0;
};

}  // namespace specc::openapi

#endif  // SPECC_OPENAPI_NODE_IDS_H_
