#include "emit/hono/hono_routes.h"

#include "emit/namer.h"

namespace specc::emit {
namespace {

std::string RegexEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// Hono reads a segment that starts with `:` as a parameter and `*` as a wildcard: such
// literal text is matched through a pattern instead.
bool HonoReadsAsSyntax(const std::string& literal) {
  return (!literal.empty() && literal[0] == ':') || literal.find('*') != std::string::npos;
}

bool IsPlain(const sema::PathSegment& s) {
  return s.kind() == sema::SegmentKind::kLiteral && !HonoReadsAsSyntax(s.text());
}

// The key of path parameter `name` (the template's spelling) in the validated params.
std::string ParamKey(const ir::Operation& op, const OperationNames& names, const std::string& name) {
  for (size_t j = 0; j < op.parameters.size(); ++j) {
    if (op.parameters[j].in == ir::ParamIn::kPath && op.parameters[j].name == name) return names.param_keys[j];
  }
  return name;
}

}  // namespace

std::vector<std::string> HonoSegmentKeys(const ir::Operation& op, const sema::PathTemplate& path,
                                         const OperationNames& names) {
  std::vector<std::string> keys(path.segments.size());
  NameTable taken;
  for (size_t i = 0; i < path.segments.size(); ++i) {
    const sema::PathSegment& s = path.segments[i];
    if (s.kind() == sema::SegmentKind::kParam) {
      keys[i] = ParamKey(op, names, s.parts[0].text);
      taken.Reserve(keys[i]);
    }
  }
  for (size_t i = 0; i < path.segments.size(); ++i) {
    const sema::PathSegment& s = path.segments[i];
    if (s.kind() == sema::SegmentKind::kParam || IsPlain(s)) continue;
    std::string preferred = "segment";
    for (const sema::PathPart& part : s.parts) {
      if (part.param) {
        preferred = ParamKey(op, names, part.text);
        break;
      }
    }
    keys[i] = taken.Take(preferred);
  }
  return keys;
}

HonoRoute HonoRouteOf(const ir::Operation& op, const sema::PathTemplate& path, const OperationNames& names,
                      const std::vector<std::string>& keys) {
  HonoRoute route;
  for (size_t i = 0; i < path.segments.size(); ++i) {
    const sema::PathSegment& s = path.segments[i];
    route.path += '/';
    if (IsPlain(s)) {
      route.path += s.text();
      continue;
    }
    if (s.kind() == sema::SegmentKind::kParam) {
      route.path += ":" + keys[i];
      std::string own = ParamKey(op, names, s.parts[0].text);
      // The route is another operation's, which names this parameter differently.
      if (own != keys[i]) route.splits.push_back(HonoSegmentSplit{.key = keys[i], .pattern = "^(.+)$", .names = {own}});
      continue;
    }
    HonoSegmentSplit split{.key = keys[i], .pattern = "^", .names = {}};
    std::string segment_pattern;
    for (const sema::PathPart& part : s.parts) {
      if (!part.param) {
        segment_pattern += RegexEscape(part.text);
        split.pattern += RegexEscape(part.text);
        continue;
      }
      segment_pattern += "[^/]+";
      // Each parameter takes the shortest text that lets the rest of the segment match.
      split.pattern += "(.+?)";
      split.names.push_back(ParamKey(op, names, part.text));
    }
    split.pattern += "$";
    route.path += ":" + keys[i] + "{" + segment_pattern + "}";
    route.splits.push_back(std::move(split));
  }
  for (const sema::PathQueryPair& pair : path.query) {
    if (pair.param.empty()) continue;
    for (size_t j = 0; j < op.parameters.size(); ++j) {
      if (op.parameters[j].in == ir::ParamIn::kPath && op.parameters[j].name == pair.param) {
        route.from_query.push_back(HonoQueryParam{.name = names.param_keys[j], .query = pair.key});
      }
    }
  }
  return route;
}

}  // namespace specc::emit
