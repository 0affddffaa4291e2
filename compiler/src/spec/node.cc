#include "spec/node.h"

#include <cstring>
#include <new>

namespace specc::spec {

std::string_view NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "boolean";
    case NodeKind::kInt:
      return "integer";
    case NodeKind::kFloat:
      return "number";
    case NodeKind::kString:
      return "string";
    case NodeKind::kMap:
      return "object";
    case NodeKind::kSeq:
      return "array";
  }
  return "value";
}

const Member* Node::FindMember(std::string_view key) const {
  if (kind != NodeKind::kMap) return nullptr;
  for (const Member* m = members; m != members + size; ++m) {
    if (m->key() == key) return m;
  }
  return nullptr;
}

const Node* Node::Find(std::string_view key) const {
  const Member* member = FindMember(key);
  return member == nullptr ? nullptr : &member->value;
}

Member* NodeArena::AllocateMembers(size_t count) {
  if (count == 0) return nullptr;
  void* memory = resource_.allocate(count * sizeof(Member), alignof(Member));
  return static_cast<Member*>(memory);
}

Node* NodeArena::AllocateItems(size_t count) {
  if (count == 0) return nullptr;
  void* memory = resource_.allocate(count * sizeof(Node), alignof(Node));
  return static_cast<Node*>(memory);
}

char* NodeArena::AllocateChars(size_t size) {
  return static_cast<char*>(resource_.allocate(size == 0 ? 1 : size, 1));
}

std::string_view NodeArena::Intern(std::string_view text) {
  if (text.empty()) return {};
  char* copy = AllocateChars(text.size());
  std::memcpy(copy, text.data(), text.size());
  return {copy, text.size()};
}

}  // namespace specc::spec
