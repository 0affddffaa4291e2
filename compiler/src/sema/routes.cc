#include "sema/routes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <queue>
#include <utility>

#include "sema/route_overlap.h"

namespace specc::sema {

SegmentKind PathSegment::kind() const {
  size_t params = param_count();
  if (params == 0) return SegmentKind::kLiteral;
  return params == 1 && parts.size() == 1 ? SegmentKind::kParam : SegmentKind::kMixed;
}

std::string PathSegment::text() const {
  std::string out;
  for (const PathPart& p : parts) {
    if (!p.param) out += p.text;
  }
  return out;
}

size_t PathSegment::literal_length() const { return text().size(); }

size_t PathSegment::param_count() const {
  return static_cast<size_t>(std::count_if(parts.begin(), parts.end(), [](const PathPart& p) { return p.param; }));
}

std::string PathTemplate::Shape() const {
  std::string out;
  for (const PathSegment& s : segments) {
    out += '/';
    for (const PathPart& p : s.parts) out += p.param ? std::string("{}") : p.text;
  }
  return out.empty() ? "/" : out;
}

namespace {

// Splits `text` into literal parts and `{name}` parameters.
std::vector<PathPart> ParseParts(std::string_view text) {
  std::vector<PathPart> parts;
  auto add_literal = [&](std::string_view literal) {
    if (literal.empty()) return;
    if (!parts.empty() && !parts.back().param) {
      parts.back().text += literal;
    } else {
      parts.push_back(PathPart{.param = false, .text = std::string(literal)});
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t open = text.find('{', i);
    size_t close = open == std::string_view::npos ? open : text.find_first_of("{}", open + 1);
    if (open == std::string_view::npos || close == std::string_view::npos || text[close] != '}') {
      add_literal(text.substr(i));
      break;
    }
    add_literal(text.substr(i, open - i));
    parts.push_back(PathPart{.param = true, .text = std::string(text.substr(open + 1, close - open - 1))});
    i = close + 1;
  }
  return parts;
}

// The parameter a query key or value stands for: `{name}` -> "name", otherwise "".
std::string ParamOf(std::string_view text) {
  if (text.size() >= 2 && text.front() == '{' && text.back() == '}' &&
      text.substr(1, text.size() - 2).find_first_of("{}") == std::string_view::npos) {
    return std::string(text.substr(1, text.size() - 2));
  }
  return {};
}

std::vector<PathQueryPair> ParseQuery(std::string_view query) {
  std::vector<PathQueryPair> pairs;
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string_view pair = query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    std::string key_param = ParamOf(key);
    std::string value_param = ParamOf(value);
    // `{search}=1` (ClickSend): the parameter names the key; its value travels under its name.
    PathQueryPair out;
    out.key = key_param.empty() ? std::string(key) : key_param;
    out.param = value_param.empty() ? key_param : value_param;
    if (out.param.empty()) out.value = std::string(value);
    pairs.push_back(std::move(out));
  }
  return pairs;
}

// Returns whether a route of `a` must be tried before one of `b` that matches some of
// the same requests: it is more concrete (by containment, else by rank from the left).
bool TriedFirst(const MatchPattern& a, const MatchPattern& b, bool a_in_b, bool b_in_a) {
  if (a_in_b != b_in_a) return a_in_b;
  return RanksBefore(a, b);
}

// Orders `n` routes: each edge (u, v) puts u before v; otherwise the lowest index first.
// A cycle (which consistent ranks never make) is broken at its lowest index.
std::vector<size_t> StableTopologicalOrder(size_t n, const std::vector<std::pair<size_t, size_t>>& edges) {
  std::vector<std::vector<size_t>> after(n);
  std::vector<size_t> pending(n, 0);
  for (const auto& [u, v] : edges) {
    after[u].push_back(v);
    ++pending[v];
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
  for (size_t i = 0; i < n; ++i) {
    if (pending[i] == 0) ready.push(i);
  }
  std::vector<bool> placed(n, false);
  std::vector<size_t> order;
  while (order.size() < n) {
    if (ready.empty()) {
      size_t first = static_cast<size_t>(std::find(placed.begin(), placed.end(), false) - placed.begin());
      pending[first] = 0;
      ready.push(first);
    }
    size_t u = ready.top();
    ready.pop();
    if (placed[u]) continue;
    placed[u] = true;
    order.push_back(u);
    for (size_t v : after[u]) {
      if (!placed[v] && pending[v] > 0 && --pending[v] == 0) ready.push(v);
    }
  }
  return order;
}

}  // namespace

PathTemplate ParsePathTemplate(std::string_view path) {
  PathTemplate t;
  size_t cut = path.find_first_of("?#");
  std::string_view route = path.substr(0, cut);
  if (cut != std::string_view::npos) {
    std::string_view rest = path.substr(cut);
    size_t hash = rest.find('#');
    if (rest[0] == '?') t.query = ParseQuery(rest.substr(1, hash == std::string_view::npos ? hash : hash - 1));
    if (hash != std::string_view::npos) t.fragment = std::string(rest.substr(hash + 1));
  }
  if (!route.empty() && route[0] == '/') route.remove_prefix(1);
  size_t start = 0;
  while (true) {
    size_t slash = route.find('/', start);
    t.segments.push_back(PathSegment{.parts = ParseParts(route.substr(start, slash - start))});
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  // "/" is one empty segment, like the end of "/a/".
  return t;
}

RouteTable BuildRouteTable(const ir::Api& api) {
  RouteTable table;
  std::vector<std::string> shapes;
  for (const ir::Operation& op : api.operations) {
    table.templates.push_back(ParsePathTemplate(op.path));
    shapes.push_back(table.templates.back().Shape());
  }
  // One route per method and shape, in document order of their first operation.
  std::vector<Route> routes;
  std::map<std::pair<std::string, std::string>, size_t> route_of;
  for (size_t i = 0; i < api.operations.size(); ++i) {
    auto [it, inserted] = route_of.emplace(std::make_pair(api.operations[i].method, shapes[i]), routes.size());
    if (inserted) routes.push_back(Route{.method = api.operations[i].method, .operations = {}});
    routes[it->second].operations.push_back(i);
  }
  for (Route& r : routes) {
    std::stable_sort(r.operations.begin(), r.operations.end(), [&](size_t a, size_t b) {
      return table.templates[a].query.size() > table.templates[b].query.size();
    });
  }
  std::vector<MatchPattern> patterns;
  for (const Route& r : routes) patterns.push_back(CompileTemplate(table.templates[r.operations.front()]));
  // Routes of every method are ordered together: a runtime may answer one method through
  // another's route (Hono serves HEAD through GET), and the order costs nothing elsewhere.
  std::vector<std::pair<size_t, size_t>> edges;
  bool compared = ForEachOverlap(patterns, [&](size_t a, size_t b, const TemplateOverlap& o) {
    if (TriedFirst(patterns[b], patterns[a], o.b_in_a, o.a_in_b)) {
      edges.emplace_back(b, a);
    } else {
      edges.emplace_back(a, b);
    }
  });
  std::vector<size_t> order;
  if (compared) {
    order = StableTopologicalOrder(routes.size(), edges);
  } else {
    // Too many routes to compare pairwise: every route by rank, which keeps concrete
    // before templated everywhere, only no longer close to document order.
    for (size_t i = 0; i < routes.size(); ++i) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return RanksBefore(patterns[a], patterns[b]); });
  }
  for (const auto& [first, later] : edges) {
    if (routes[first].method == routes[later].method) routes[first].passes_on = true;
  }
  for (size_t i : order) table.routes.push_back(std::move(routes[i]));
  return table;
}

}  // namespace specc::sema
