#include "spec/to_json.h"

#include "base/json_writer.h"

namespace specc::spec {

void AppendJson(const Node& node, std::string& out) {
  switch (node.kind) {
    case NodeKind::kNull:
      out += "null";
      return;
    case NodeKind::kBool:
    case NodeKind::kInt:
    case NodeKind::kFloat:
      out += node.text();
      return;
    case NodeKind::kString:
      AppendJsonString(out, node.text());
      return;
    case NodeKind::kMap: {
      out += '{';
      bool first = true;
      for (const Member& m : MembersOf(node)) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, m.key());
        out += ':';
        AppendJson(m.value, out);
      }
      out += '}';
      return;
    }
    case NodeKind::kSeq: {
      out += '[';
      bool first = true;
      for (const Node& item : ItemsOf(node)) {
        if (!first) out += ',';
        first = false;
        AppendJson(item, out);
      }
      out += ']';
      return;
    }
  }
}

std::string ToJson(const Node& node) {
  std::string out;
  AppendJson(node, out);
  // The text is kept in the IR (examples, defaults, enum values); grown by appending, it
  // would keep up to as much again in spare capacity.
  out.shrink_to_fit();
  return out;
}

}  // namespace specc::spec
