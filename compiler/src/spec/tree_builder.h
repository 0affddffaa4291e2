// TreeBuilder: turns the event stream of a parser (JSON or YAML) into a spec::Node tree in
// a NodeArena. It owns the checks both formats share: nesting depth, duplicate keys, and
// the alias-expansion budget that stops YAML "billion laughs" documents.
#ifndef SPECC_SPEC_TREE_BUILDER_H_
#define SPECC_SPEC_TREE_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diag_sink.h"
#include "spec/node.h"

namespace specc::spec {

struct ParseLimits {
  // Deeper than any real API description; bounds the recursion of every later pass.
  uint32_t max_depth = 1000;
  // How many nodes aliases may add to a document beyond the nodes written out.
  uint64_t max_alias_expansion = 1'000'000;
};

class TreeBuilder {
 public:
  // `arena` and `sink` must outlive the builder.
  TreeBuilder(NodeArena& arena, FileId file, DiagSink& sink, ParseLimits limits = {});

  // Each returns false after reporting a diagnostic when the document must be rejected
  // (too deep, alias budget spent); the parser then stops.
  bool BeginMap(uint32_t offset);
  bool BeginSeq(uint32_t offset);
  // Closes the innermost open map or sequence.
  bool End();
  // In a map: the key of the next value.
  void Key(std::string_view key, uint32_t offset);
  bool Scalar(NodeKind kind, std::string_view text, uint32_t offset);
  // Names the node that starts next (YAML `&anchor`).
  void Anchor(std::string_view name);
  // Inserts the node anchored under `name` (YAML `*alias`).
  bool Alias(std::string_view name, uint32_t offset);

  // True while the innermost open container is a map.
  bool in_map() const { return !frames_.empty() && frames_.back().is_map; }
  // REQUIRES: the whole document was built. Returns its root, which lives in the arena.
  const Node* root();
  bool done() const { return frames_.empty() && has_root_; }

 private:
  struct Frame {
    bool is_map;
    Node node;  // kind and location; children are filled in at End()
    uint64_t expanded = 1;
    std::string anchor;
  };
  bool Push(bool is_map, uint32_t offset);
  void Add(const Node& node, uint64_t expanded, std::string anchor);
  void CheckDuplicateKeys(const std::vector<Member>& members);

  NodeArena& arena_;
  FileId file_;
  DiagSink& sink_;
  ParseLimits limits_;
  std::vector<Frame> frames_;
  // Pending children per depth; the vectors are reused so building allocates little.
  std::vector<std::vector<Member>> member_stack_;
  std::vector<std::vector<Node>> item_stack_;
  std::vector<std::string_view> key_stack_;
  std::vector<uint32_t> key_offset_stack_;
  std::string pending_anchor_;
  struct Anchored {
    Node node;
    uint64_t expanded;
  };
  std::unordered_map<std::string, Anchored> anchors_;
  uint64_t alias_expansion_ = 0;
  Node root_;
  bool has_root_ = false;
};

}  // namespace specc::spec

#endif  // SPECC_SPEC_TREE_BUILDER_H_
