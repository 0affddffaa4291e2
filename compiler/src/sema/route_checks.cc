// CheckRoutes (declared in sema/routes.h): what the route table cannot route as the spec
// says, reported as diagnostics.
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sema/route_overlap.h"
#include "sema/routes.h"
#include "sema/schema_meaning.h"
#include "sema/wire.h"

namespace specc::sema {
namespace {

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return text;
}

std::string Label(const ir::Operation& op) { return "`" + Upper(op.method) + " " + op.path + "`"; }

// `path` with every parameter name left out: "/a/{}?b={}".
std::string EraseNames(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    size_t close = path[i] == '{' ? path.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out.push_back(path[i]);
      continue;
    }
    out += "{}";
    i = close;
  }
  return out;
}

Diagnostic Note(DiagCode code, Loc loc, std::string message) {
  return Diagnostic{.severity = Severity::kNote, .code = code, .loc = loc, .message = std::move(message),
                    .hint = {}, .notes = {}};
}

// "`a`", "`a` and `b`", "`a`, `b` and `c`".
std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    out += (i == 0 ? "`" : i + 1 == names.size() ? " and `" : ", `") + names[i] + "`";
  }
  return out;
}

// What a path parameter's schema lets through, as far as telling routes apart goes: its
// text type, enum and pattern; "" when it accepts any text.
std::string Constraint(const SchemaMeanings& meanings, ir::SchemaId id) {
  if (id == ir::kNoSchema) return {};
  ir::SchemaId resolved = meanings.Resolve(id);
  const SchemaMeaning& m = meanings.Of(resolved);
  std::string out;
  if (WireScalar scalar = TextScalar(meanings, id); scalar != WireScalar::kString) {
    out += "type " + std::to_string(static_cast<int>(scalar)) + ";";
  }
  for (const std::string& v : m.enum_values) out += "enum " + v + ";";
  const std::string& pattern = meanings.api().schemas[resolved].pattern();
  if (!pattern.empty()) out += "pattern " + pattern + ";";
  return out;
}

ir::SchemaId PathParamSchema(const ir::Operation& op, const std::string& name) {
  for (const ir::Parameter& p : op.parameters) {
    if (p.in == ir::ParamIn::kPath && p.name == name) return p.schema;
  }
  return ir::kNoSchema;
}

// Returns whether a request for `later` can get past `earlier` on their shared route: a
// path parameter of `earlier` lets through less text than the one in its place in `later`
// (HubSpot's `{folderId}` with `pattern: \d+` before `{folderPath}`).
bool PathParamsTellApart(const SchemaMeanings& meanings, const ir::Operation& earlier, const PathTemplate& a,
                         const ir::Operation& later, const PathTemplate& b) {
  for (size_t s = 0; s < a.segments.size() && s < b.segments.size(); ++s) {
    const std::vector<PathPart>& x = a.segments[s].parts;
    const std::vector<PathPart>& y = b.segments[s].parts;
    for (size_t k = 0; k < x.size() && k < y.size(); ++k) {
      if (!x[k].param || !y[k].param) continue;
      std::string first = Constraint(meanings, PathParamSchema(earlier, x[k].text));
      if (!first.empty() && first != Constraint(meanings, PathParamSchema(later, y[k].text))) return true;
    }
  }
  return false;
}

// Path keys that differ only in parameter names: OpenAPI's "identical" paths, which it
// forbids. Reported once per pair of keys, at the later key's first operation: an error
// when they share a method and nothing in their path parameters tells the two operations
// apart (one of them could never be reached), a warning otherwise.
void CheckIdenticalPaths(const ir::Api& api, const RouteTable& table, const SchemaMeanings& meanings,
                         DiagSink& sink) {
  const std::vector<ir::Operation>& ops = api.operations;
  std::map<std::string, std::vector<size_t>> ops_of;  // path key -> its operations
  for (size_t i = 0; i < ops.size(); ++i) ops_of[ops[i].path].push_back(i);
  std::map<std::string, size_t> first_of_key;  // name-less key -> first operation
  std::set<std::string> reported;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto [it, inserted] = first_of_key.emplace(EraseNames(ops[i].path), i);
    const ir::Operation& first = ops[it->second];
    if (inserted || first.path == ops[i].path || !reported.insert(ops[i].path).second) continue;
    std::vector<std::string> shared, unreachable;
    for (size_t a : ops_of[first.path]) {
      for (size_t b : ops_of[ops[i].path]) {
        if (ops[a].method != ops[b].method) continue;
        shared.push_back(Upper(ops[a].method));
        if (!PathParamsTellApart(meanings, ops[a], table.templates[a], ops[b], table.templates[b])) {
          unreachable.push_back(Upper(ops[a].method));
        }
      }
    }
    std::string hint = shared.empty() ? "merge them into one path item; specc routes them apart by method"
                       : unreachable.empty()
                           ? "merge them into one path item; both have " + Quoted(shared) +
                                 ", and the generated route tries `" + first.path +
                                 "` first, whose path parameters let fewer requests through"
                           : "merge them into one path item: both have " + Quoted(unreachable) +
                                 ", and no request could reach the operations of `" + ops[i].path + "`";
    Diagnostic d{.severity = unreachable.empty() ? Severity::kWarning : Severity::kError,
                 .code = DiagCode::kSpecPathDuplicate, .loc = ops[i].loc,
                 .message = "paths `" + first.path + "` and `" + ops[i].path +
                            "` differ only in parameter names, so OpenAPI counts them as one path",
                 .hint = std::move(hint), .notes = {}};
    d.notes.push_back(Note(DiagCode::kSpecPathDuplicate, first.loc, "the other path is declared here"));
    sink.Report(std::move(d));
  }
}

// Operations that share a route through the query string or fragment of their path keys,
// reported at each but the first declared.
void CheckSharedRoutes(const ir::Api& api, const RouteTable& table, DiagSink& sink) {
  const std::vector<ir::Operation>& ops = api.operations;
  for (const Route& r : table.routes) {
    if (r.operations.size() < 2) continue;
    size_t first = *std::min_element(r.operations.begin(), r.operations.end());
    std::vector<std::string> keys;
    for (size_t op : r.operations) {
      for (const PathQueryPair& q : table.templates[op].query) {
        if (std::find(keys.begin(), keys.end(), q.key) == keys.end()) keys.push_back(q.key);
      }
    }
    for (size_t i : r.operations) {
      if (i == first || EraseNames(ops[i].path) == EraseNames(ops[first].path)) continue;  // SPEC_PATH_DUPLICATE
      Diagnostic d{.severity = Severity::kWarning, .code = DiagCode::kSpecPathShared, .loc = ops[i].loc,
                   .message = Label(ops[first]) + " and " + Label(ops[i]) + " share the route `" + Upper(r.method) + " " +
                              ops[first].path.substr(0, ops[first].path.find_first_of("?#")) +
                              "`: a query string or fragment in a path key is not part of the path",
                   .hint = keys.empty()
                               ? "the generated route serves the first of them whose input validates"
                               : "the generated route serves the one whose path-key query parameters (" + Quoted(keys) +
                                     ") are present, and among equals the first whose input validates",
                   .notes = {}};
      d.notes.push_back(Note(DiagCode::kSpecPathShared, ops[first].loc, "the other operation is declared here"));
      sink.Report(std::move(d));
    }
  }
}

// Templates that match some of the same requests with neither more concrete than the
// other at any segment, so that only document order decides between them. (Where one is
// more concrete further left, as in OpenAPI's `/{entity}/me` and `/books/{id}`, that
// decides, as it does in most routers.)
void CheckAmbiguousRoutes(const ir::Api& api, const RouteTable& table, DiagSink& sink) {
  const std::vector<ir::Operation>& ops = api.operations;
  std::vector<MatchPattern> patterns;
  for (const Route& r : table.routes) patterns.push_back(CompileTemplate(table.templates[r.operations.front()]));
  ForEachOverlap(patterns, [&](size_t a, size_t b, const TemplateOverlap& o) {
    bool same_rank = !RanksBefore(patterns[a], patterns[b]) && !RanksBefore(patterns[b], patterns[a]);
    if (o.a_in_b || o.b_in_a || !same_rank || table.routes[a].method != table.routes[b].method) return;
    // The table tries `a` first.
    const ir::Operation& first = ops[table.routes[a].operations.front()];
    const ir::Operation& second = ops[table.routes[b].operations.front()];
    Diagnostic d{.severity = Severity::kWarning, .code = DiagCode::kSpecPathAmbiguous, .loc = second.loc,
                 .message = Label(first) + " and " + Label(second) + " both match `" + o.example +
                            "`, and neither path is more concrete than the other",
                 .hint = "specc tries `" + first.path + "` first, as it is declared first; make the paths distinct",
                 .notes = {}};
    d.notes.push_back(Note(DiagCode::kSpecPathAmbiguous, first.loc, "the other operation is declared here"));
    sink.Report(std::move(d));
  });
}

// Returns whether `text` is `:name`, the way Express and Hono write a parameter.
bool LooksLikeColonParam(const std::string& text) {
  if (text.size() < 2 || text[0] != ':') return false;
  return std::all_of(text.begin() + 1, text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// Segment text that does not say what it seems to: parameters with nothing between them
// (`{a}{b}`), and `:name`, a parameter in other routers but literal text in OpenAPI.
void CheckSegmentText(const ir::Api& api, const RouteTable& table, DiagSink& sink) {
  for (size_t i = 0; i < api.operations.size(); ++i) {
    const ir::Operation& op = api.operations[i];
    for (const PathSegment& s : table.templates[i].segments) {
      if (s.kind() == SegmentKind::kLiteral && LooksLikeColonParam(s.text())) {
        sink.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathTemplate, .loc = op.loc,
                               .message = "path `" + op.path + "` has the segment `" + s.text() +
                                          "`, which OpenAPI reads as literal text, not as a parameter",
                               .hint = "write `{" + s.text().substr(1) +
                                       "}` for a parameter; the generated route matches the text `" + s.text() + "` itself",
                               .notes = {}});
      }
      for (size_t k = 1; k < s.parts.size(); ++k) {
        if (!s.parts[k - 1].param || !s.parts[k].param) continue;
        const std::string &a = s.parts[k - 1].text, &b = s.parts[k].text;
        sink.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathTemplate, .loc = op.loc,
                               .message = "path `" + op.path + "` has `{" + a + "}` and `{" + b +
                                          "}` side by side, with nothing to tell their values apart",
                               .hint = "specc gives `{" + a +
                                       "}` the shortest value that lets the rest match; put a separator between them",
                               .notes = {}});
      }
    }
  }
}

}  // namespace

void CheckRoutes(const ir::Api& api, const RouteTable& table, const SchemaMeanings& meanings, DiagSink& sink) {
  CheckIdenticalPaths(api, table, meanings, sink);
  CheckSharedRoutes(api, table, sink);
  CheckAmbiguousRoutes(api, table, sink);
  CheckSegmentText(api, table, sink);
}

}  // namespace specc::sema
