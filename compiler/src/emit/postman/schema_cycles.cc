#include "emit/postman/schema_cycles.h"

#include <algorithm>
#include <cstdint>

namespace specc::emit {
namespace {

// The schemas `s` refers to, in any order; kNoSchema left out.
std::vector<ir::SchemaId> Edges(const ir::Schema& s) {
  std::vector<ir::SchemaId> out;
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
  out.erase(std::remove(out.begin(), out.end(), ir::kNoSchema), out.end());
  return out;
}

}  // namespace

std::vector<bool> SchemasOnCycles(const ir::Api& api) {
  const size_t n = api.schemas.size();
  std::vector<bool> on_cycle(n, false);
  constexpr uint32_t kUnvisited = UINT32_MAX;
  std::vector<uint32_t> index(n, kUnvisited), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<ir::SchemaId> stack;
  // The depth-first walk's own stack: a schema, its edges and the next edge to follow.
  struct Frame {
    ir::SchemaId id;
    std::vector<ir::SchemaId> edges;
    size_t next = 0;
  };
  std::vector<Frame> walk;
  uint32_t counter = 0;
  for (ir::SchemaId root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    walk.push_back({root, Edges(api.schemas[root])});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!walk.empty()) {
      Frame& frame = walk.back();
      if (frame.next < frame.edges.size()) {
        ir::SchemaId to = frame.edges[frame.next++];
        if (to >= n) continue;
        if (to == frame.id) on_cycle[to] = true;
        if (index[to] == kUnvisited) {
          index[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          walk.push_back({to, Edges(api.schemas[to])});
        } else if (on_stack[to]) {
          low[frame.id] = std::min(low[frame.id], index[to]);
        }
        continue;
      }
      ir::SchemaId id = frame.id;
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
