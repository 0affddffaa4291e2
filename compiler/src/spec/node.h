// spec::Node: the tree every YAML or JSON document is read into, before any OpenAPI
// meaning is given to it. Each node carries its Loc. Nodes live in a NodeArena and never
// change once built; children are contiguous arrays, so walking a 13 MB document is a
// linear scan of memory rather than a chase of pointers.
#ifndef SPECC_SPEC_NODE_H_
#define SPECC_SPEC_NODE_H_

#include <cstdint>
#include <memory_resource>
#include <string_view>

#include "base/loc.h"

namespace specc::spec {

// The YAML 1.2 core schema and JSON agree on these kinds.
enum class NodeKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kMap, kSeq };

// Returns "null", "boolean", "integer", "number", "string", "object" or "array".
std::string_view NodeKindName(NodeKind kind);

struct Member;

// 24 bytes: a scalar's text and a container's children share one pointer, and `size` is
// the text's length or the number of children. GitHub's description has about a million
// nodes, so every byte here is a megabyte.
struct Node {
  NodeKind kind = NodeKind::kNull;
  FileId file = kNoFile;
  uint32_t offset = 0;
  uint32_t size = 0;  // scalars: length of the text; containers: number of children
  union {
    const char* chars;      // scalars
    const Member* members;  // kMap
    const Node* items;      // kSeq
    const void* children = nullptr;
  };

  // Scalars: the value as text ("true", "12", "1e3"; decoded escapes for strings).
  std::string_view text() const {
    return is_scalar() && chars != nullptr ? std::string_view(chars, size) : std::string_view();
  }
  void set_text(std::string_view value) {
    chars = value.data();
    size = static_cast<uint32_t>(value.size());
  }

  Loc loc() const { return Loc{file, offset}; }
  bool is_map() const { return kind == NodeKind::kMap; }
  bool is_seq() const { return kind == NodeKind::kSeq; }
  bool is_string() const { return kind == NodeKind::kString; }
  bool is_scalar() const { return kind != NodeKind::kMap && kind != NodeKind::kSeq; }
  bool is_number() const { return kind == NodeKind::kInt || kind == NodeKind::kFloat; }
  bool is_true() const { return kind == NodeKind::kBool && text() == "true"; }

  // Returns the value under `key` of a map, or nullptr (also for non-maps).
  const Node* Find(std::string_view key) const;
  // Returns the member under `key` of a map (for its key location), or nullptr.
  const Member* FindMember(std::string_view key) const;

  const Member* begin_members() const { return members; }
  const Member* end_members() const;
  const Node* begin_items() const { return items; }
  const Node* end_items() const { return items + size; }
};

// 40 bytes: the key's text is a pointer and a 32-bit length (not a 16-byte string_view,
// which left 4 bytes of padding beside key_offset). GitHub's description has 180,000
// members.
struct Member {
  Member() = default;
  Member(std::string_view key_text, uint32_t offset, const Node& node)
      : key_chars(key_text.data()), key_size(static_cast<uint32_t>(key_text.size())), key_offset(offset), value(node) {}

  const char* key_chars = nullptr;
  uint32_t key_size = 0;
  uint32_t key_offset = 0;
  Node value;

  std::string_view key() const { return std::string_view(key_chars, key_size); }
  Loc key_loc() const { return Loc{value.file, key_offset}; }
};
static_assert(sizeof(Member) == 40, "Member is on the hot path of memory use");

inline const Member* Node::end_members() const { return members + size; }

// Iteration helpers: `for (const Member& m : MembersOf(node))`, `for (const Node& n : ItemsOf(node))`.
struct MemberRange {
  const Member* first;
  const Member* last;
  const Member* begin() const { return first; }
  const Member* end() const { return last; }
};
struct ItemRange {
  const Node* first;
  const Node* last;
  const Node* begin() const { return first; }
  const Node* end() const { return last; }
};
static_assert(sizeof(Node) == 24, "Node is on the hot path of memory use");

inline MemberRange MembersOf(const Node& node) {
  if (!node.is_map()) return {nullptr, nullptr};
  return {node.members, node.members + node.size};
}
inline ItemRange ItemsOf(const Node& node) {
  if (!node.is_seq()) return {nullptr, nullptr};
  return {node.items, node.items + node.size};
}

// Owns the memory of nodes, member arrays and decoded strings. Parsers allocate from it;
// everything is freed at once when it is destroyed.
class NodeArena {
 public:
  NodeArena() : resource_(1 << 20) {}
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;

  Member* AllocateMembers(size_t count);
  Node* AllocateItems(size_t count);
  // Copies `text` into the arena and returns a view of the copy.
  std::string_view Intern(std::string_view text);
  // Returns a writable buffer of `size` bytes that lives as long as the arena.
  char* AllocateChars(size_t size);

 private:
  std::pmr::monotonic_buffer_resource resource_;
};

}  // namespace specc::spec

#endif  // SPECC_SPEC_NODE_H_
