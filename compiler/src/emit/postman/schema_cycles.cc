#include "emit/postman/schema_cycles.h"

#include <algorithm>
#include <cstdint>

namespace specc::emit {
namespace {

// Appends the schemas `s` refers to, in any order, to `out`; kNoSchema left out.
void AppendEdges(const ir::Schema& s, std::vector<ir::SchemaId>& out) {
  size_t start = out.size();
  for (const ir::Property& p : s.properties) out.push_back(p.schema);
  out.push_back(s.additional_properties_schema);
  out.push_back(s.items);
  out.insert(out.end(), s.prefix_items().begin(), s.prefix_items().end());
  out.insert(out.end(), s.all_of().begin(), s.all_of().end());
  out.insert(out.end(), s.one_of().begin(), s.one_of().end());
  out.insert(out.end(), s.any_of().begin(), s.any_of().end());
  out.push_back(s.not_schema());
  if (s.discriminator()) {
    for (const auto& [value, target] : s.discriminator()->mapping) out.push_back(target);
  }
  out.erase(std::remove(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), ir::kNoSchema), out.end());
}

}  // namespace

std::vector<bool> SchemasOnCycles(const ir::Api& api) {
  const size_t n = api.schemas.size();
  std::vector<bool> on_cycle(n, false);
  constexpr uint32_t kUnvisited = UINT32_MAX;
  std::vector<uint32_t> index(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<ir::SchemaId> stack;
  // The depth-first walk's own stack: a schema, and where its edges stand in `edges` (the
  // walk's edges, one frame's after another's: no vector per schema) and the next to follow.
  struct Frame {
    ir::SchemaId id;
    size_t begin, next, end;
  };
  std::vector<Frame> walk;
  std::vector<ir::SchemaId> edges;
  auto enter = [&](ir::SchemaId id) {
    size_t begin = edges.size();
    AppendEdges(api.schemas[id], edges);
    walk.push_back({id, begin, begin, edges.size()});
  };
  uint32_t counter = 0;
  for (ir::SchemaId root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    enter(root);
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!walk.empty()) {
      Frame& frame = walk.back();
      if (frame.next < frame.end) {
        ir::SchemaId to = edges[frame.next++];
        if (to >= n) continue;
        if (to == frame.id) on_cycle[to] = true;
        if (index[to] == kUnvisited) {
          index[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          enter(to);
        } else if (on_stack[to]) {
          low[frame.id] = std::min(low[frame.id], index[to]);
        }
        continue;
      }
      ir::SchemaId id = frame.id;
      edges.resize(frame.begin);
      walk.pop_back();
      if (!walk.empty()) low[walk.back().id] = std::min(low[walk.back().id], low[id]);
      if (low[id] != index[id]) continue;
      // `id` roots a component: pop it; two or more members make a cycle.
      size_t start = stack.size();
      do {
        --start;
      } while (stack[start] != id);
      bool cycle = stack.size() - start > 1;
      for (size_t i = start; i < stack.size(); ++i) {
        on_stack[stack[i]] = false;
        if (cycle) on_cycle[stack[i]] = true;
      }
      stack.resize(start);
    }
  }
  return on_cycle;
}

}  // namespace specc::emit
