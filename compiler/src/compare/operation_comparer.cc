#include "compare/operation_comparer.h"

#include <algorithm>
#include <map>
#include <set>

#include "compare/schema_text.h"

namespace specc::compare {
namespace {

std::string Join(const std::string& context, const std::string& path) {
  return path.empty() ? context : context.empty() ? path : context + " " + path;
}

// The directions of an operation's two halves. A webhook or callback is a request the
// API sends, so its parameters and body travel to the client, and its responses back.
Direction RequestSide(const ir::Operation& op) {
  return op.kind == ir::OperationKind::kPath ? Direction::kRequest : Direction::kResponse;
}
Direction ResponseSide(const ir::Operation& op) {
  return op.kind == ir::OperationKind::kPath ? Direction::kResponse : Direction::kRequest;
}

// Path parameters are matched by their position in the template, so renaming `{id}` to
// `{petId}` is no change (by name when the path itself changed); other parameters by
// location and name (headers ignore case).
std::string ParameterKey(const ir::Operation& op, const ir::Parameter& p, bool path_renamed) {
  if (p.in == ir::ParamIn::kPath && !path_renamed) {
    int index = 0;
    for (size_t open = op.path.find('{'); open != std::string::npos; open = op.path.find('{', open + 1)) {
      size_t close = op.path.find('}', open);
      if (close == std::string::npos) break;
      if (op.path.compare(open + 1, close - open - 1, p.name) == 0) return "path #" + std::to_string(index);
      ++index;
    }
    return "path " + p.name;
  }
  if (p.in == ir::ParamIn::kHeader) return "header " + AsciiLower(p.name);
  return std::string(ir::ParamInName(p.in)) + " " + p.name;
}

std::string ParameterAt(const ir::Parameter& p) {
  return "parameter " + std::string(ir::ParamInName(p.in)) + " " + p.name;
}

// Emits the changes SchemaComparer finds between two schemas at `context`.
void CompareSchemas(ir::SchemaId a, ir::SchemaId b, Direction dir, const std::string& operation,
                    const std::string& context, const ApiScope& scope) {
  std::vector<SchemaChange> found;
  scope.schemas.Compare(a, b, dir, found);
  for (SchemaChange& c : found) {
    scope.Add(c.rule, operation, Join(context, c.path), std::move(c.message), c.base, c.head);
  }
}

void CompareParameters(const ir::Operation& o, const ir::Operation& n, const std::string& label, bool path_renamed,
                       const ApiScope& scope) {
  Direction dir = RequestSide(o);
  std::set<const ir::Parameter*> matched;
  for (const ir::Parameter& p : o.parameters) {
    std::string key = ParameterKey(o, p, path_renamed);
    auto same = std::find_if(n.parameters.begin(), n.parameters.end(),
                             [&](const ir::Parameter& q) { return ParameterKey(n, q, path_renamed) == key; });
    // The path parameters of a renamed path went with it (path-renamed says so).
    if (same == n.parameters.end() && path_renamed && p.in == ir::ParamIn::kPath) continue;
    if (same == n.parameters.end()) {
      // The same name somewhere else: the parameter moved.
      auto moved = std::find_if(n.parameters.begin(), n.parameters.end(), [&](const ir::Parameter& q) {
        return AsciiLower(q.name) == AsciiLower(p.name) && q.in != p.in && matched.count(&q) == 0;
      });
      if (moved != n.parameters.end() && p.in != ir::ParamIn::kPath && moved->in != ir::ParamIn::kPath) {
        matched.insert(&*moved);
        scope.Add(Rule::kRequestParameterMoved, label, ParameterAt(p),
                  "parameter `" + p.name + "` moved from " + ir::ParamInName(p.in) + " to " +
                      ir::ParamInName(moved->in),
                  p.loc, moved->loc);
        continue;
      }
      scope.Add(Rule::kRequestParameterRemoved, label, ParameterAt(p),
                std::string(ir::ParamInName(p.in)) + " parameter `" + p.name + "` removed", p.loc, n.loc);
      continue;
    }
    const ir::Parameter& q = *same;
    matched.insert(&q);
    std::string at = ParameterAt(q);
    if (p.required != q.required) {
      scope.Add(q.required ? Rule::kRequestParameterBecameRequired : Rule::kRequestParameterBecameOptional, label,
                at, "parameter `" + q.name + "` became " + (q.required ? "required" : "optional"), p.loc, q.loc);
    }
    if (p.style != q.style || p.explode != q.explode || p.content_type != q.content_type) {
      auto describe = [](const ir::Parameter& x) {
        return x.content_type.empty()
                   ? "style `" + x.style + "`, explode " + (x.explode ? "true" : "false")
                   : "content `" + x.content_type + "`";
      };
      scope.Add(Rule::kRequestParameterSerializationChanged, label, at,
                "serialization changed from " + describe(p) + " to " + describe(q), p.loc, q.loc);
    }
    if (!p.deprecated && q.deprecated) {
      scope.Add(Rule::kRequestParameterDeprecated, label, at, "parameter `" + q.name + "` deprecated", p.loc, q.loc);
    }
    CompareSchemas(p.schema, q.schema, dir, label, at, scope);
  }
  for (const ir::Parameter& q : n.parameters) {
    if (matched.count(&q) > 0 || (path_renamed && q.in == ir::ParamIn::kPath)) continue;
    scope.Add(q.required ? Rule::kRequiredRequestParameterAdded : Rule::kRequestParameterAdded, label, ParameterAt(q),
              std::string(q.required ? "required " : "") + ir::ParamInName(q.in) + " parameter `" + q.name +
                  "` added",
              o.loc, q.loc);
  }
}

const ir::MediaType* FindMedia(const std::vector<ir::MediaType>& content, const std::string& media_type) {
  auto it = std::find_if(content.begin(), content.end(),
                         [&](const ir::MediaType& m) { return AsciiLower(m.media_type) == AsciiLower(media_type); });
  return it == content.end() ? nullptr : &*it;
}

void CompareRequestBody(const ir::Operation& o, const ir::Operation& n, const std::string& label,
                        const ApiScope& scope) {
  if (!o.request_body && !n.request_body) return;
  if (!o.request_body) {
    const ir::RequestBody& b = *n.request_body;
    scope.Add(b.required ? Rule::kRequiredRequestBodyAdded : Rule::kRequestBodyAdded, label, "request body",
              std::string(b.required ? "required " : "") + "request body added", o.loc, b.loc);
    return;
  }
  if (!n.request_body) {
    scope.Add(Rule::kRequestBodyRemoved, label, "request body", "request body removed", o.request_body->loc, n.loc);
    return;
  }
  const ir::RequestBody& x = *o.request_body;
  const ir::RequestBody& y = *n.request_body;
  if (x.required != y.required) {
    scope.Add(y.required ? Rule::kRequestBodyBecameRequired : Rule::kRequestBodyBecameOptional, label, "request body",
              std::string("request body became ") + (y.required ? "required" : "optional"), x.loc, y.loc);
  }
  for (const ir::MediaType& m : x.content) {
    const ir::MediaType* same = FindMedia(y.content, m.media_type);
    std::string at = "request body " + m.media_type;
    if (same == nullptr) {
      scope.Add(Rule::kRequestMediaTypeRemoved, label, at, "media type `" + m.media_type + "` removed", m.loc, y.loc);
      continue;
    }
    CompareSchemas(m.schema, same->schema, RequestSide(o), label, at, scope);
  }
  for (const ir::MediaType& m : y.content) {
    if (FindMedia(x.content, m.media_type) == nullptr) {
      scope.Add(Rule::kRequestMediaTypeAdded, label, "request body " + m.media_type,
                "media type `" + m.media_type + "` added", x.loc, m.loc);
    }
  }
}

bool IsSuccess(const std::string& status) { return !status.empty() && status[0] >= '1' && status[0] <= '3'; }

void CompareHeaders(const ir::Response& x, const ir::Response& y, Direction dir, const std::string& label,
                    const std::string& context, const ApiScope& scope) {
  auto find = [](const std::vector<ir::Header>& headers, const std::string& name) -> const ir::Header* {
    for (const ir::Header& h : headers) {
      if (AsciiLower(h.name) == AsciiLower(name)) return &h;
    }
    return nullptr;
  };
  for (const ir::Header& h : x.headers) {
    if (AsciiLower(h.name) == "content-type") continue;
    std::string at = context + " header " + h.name;
    const ir::Header* same = find(y.headers, h.name);
    if (same == nullptr) {
      scope.Add(h.required ? Rule::kResponseRequiredHeaderRemoved : Rule::kResponseHeaderRemoved, label, at,
                std::string(h.required ? "required " : "") + "header `" + h.name + "` removed", h.loc, y.loc);
      continue;
    }
    if (h.required && !same->required) {
      scope.Add(Rule::kResponseHeaderBecameOptional, label, at, "header `" + h.name + "` became optional", h.loc,
                same->loc);
    }
    CompareSchemas(h.schema, same->schema, dir, label, at, scope);
  }
  for (const ir::Header& h : y.headers) {
    if (AsciiLower(h.name) == "content-type" || find(x.headers, h.name) != nullptr) continue;
    scope.Add(Rule::kResponseHeaderAdded, label, context + " header " + h.name,
              std::string(h.required ? "required " : "") + "header `" + h.name + "` added", x.loc, h.loc);
  }
}

void CompareResponses(const ir::Operation& o, const ir::Operation& n, const std::string& label,
                      const ApiScope& scope) {
  Direction dir = ResponseSide(o);
  auto find = [](const std::vector<ir::Response>& responses, const std::string& status) -> const ir::Response* {
    for (const ir::Response& r : responses) {
      if (AsciiUpper(r.status) == AsciiUpper(status)) return &r;
    }
    return nullptr;
  };
  for (const ir::Response& r : o.responses) {
    std::string at = "response " + r.status;
    const ir::Response* same = find(n.responses, r.status);
    if (same == nullptr) {
      scope.Add(IsSuccess(r.status) ? Rule::kResponseSuccessStatusRemoved : Rule::kResponseErrorStatusRemoved, label,
                at, "response `" + r.status + "` removed", r.loc, n.loc);
      continue;
    }
    for (const ir::MediaType& m : r.content) {
      const ir::MediaType* media = FindMedia(same->content, m.media_type);
      if (media == nullptr) {
        scope.Add(Rule::kResponseMediaTypeRemoved, label, at + " " + m.media_type,
                  "media type `" + m.media_type + "` removed", m.loc, same->loc);
        continue;
      }
      CompareSchemas(m.schema, media->schema, dir, label, at + " " + m.media_type, scope);
    }
    for (const ir::MediaType& m : same->content) {
      if (FindMedia(r.content, m.media_type) == nullptr) {
        scope.Add(Rule::kResponseMediaTypeAdded, label, at + " " + m.media_type,
                  "media type `" + m.media_type + "` added", r.loc, m.loc);
      }
    }
    CompareHeaders(r, *same, dir, label, at, scope);
  }
  for (const ir::Response& r : n.responses) {
    if (find(o.responses, r.status) == nullptr) {
      scope.Add(Rule::kResponseStatusAdded, label, "response " + r.status, "response `" + r.status + "` added", o.loc,
                r.loc);
    }
  }
}

// One way to authenticate: scheme name -> the scopes it needs. Empty: no credentials.
using Alternative = std::map<std::string, std::set<std::string>>;

std::vector<Alternative> Alternatives(const std::vector<ir::SecurityRequirement>& requirements) {
  std::vector<Alternative> out;
  for (const ir::SecurityRequirement& r : requirements) {
    Alternative alternative;
    for (const auto& [scheme, scopes] : r.schemes) alternative[scheme].insert(scopes.begin(), scopes.end());
    out.push_back(std::move(alternative));
  }
  // No requirement at all means anyone may call.
  if (out.empty()) out.emplace_back();
  return out;
}

// True when a client holding the credentials of `held` meets `required`.
bool Meets(const Alternative& held, const Alternative& required) {
  for (const auto& [scheme, scopes] : required) {
    auto it = held.find(scheme);
    if (it == held.end()) return false;
    for (const std::string& scope : scopes) {
      if (it->second.count(scope) == 0) return false;
    }
  }
  return true;
}

std::string Describe(const Alternative& alternative) {
  if (alternative.empty()) return "no credentials";
  std::string out;
  for (const auto& [scheme, scopes] : alternative) {
    if (!out.empty()) out += " and ";
    out += "`" + scheme + "`";
    if (!scopes.empty()) {
      std::string list;
      for (const std::string& s : scopes) list += (list.empty() ? "" : ", ") + s;
      out += " [" + list + "]";
    }
  }
  return out;
}

void CompareSecurity(const ir::Operation& o, const ir::Operation& n, const std::string& label, const ApiScope& scope) {
  std::vector<Alternative> before = Alternatives(o.security ? *o.security : scope.base.security);
  std::vector<Alternative> after = Alternatives(n.security ? *n.security : scope.head.security);
  bool scope_added = false, requirement_added = false;
  for (const Alternative& held : before) {
    if (std::any_of(after.begin(), after.end(), [&](const Alternative& r) { return Meets(held, r); })) continue;
    // The same schemes, more scopes: a scope was added; otherwise a requirement.
    const Alternative* same_schemes = nullptr;
    for (const Alternative& r : after) {
      bool subset = std::all_of(r.begin(), r.end(), [&](const auto& entry) { return held.count(entry.first) > 0; });
      if (subset && !r.empty()) same_schemes = &r;
    }
    if (same_schemes != nullptr && !scope_added) {
      std::set<std::string> extra;
      for (const auto& [scheme, scopes] : *same_schemes) {
        for (const std::string& s : scopes) {
          if (held.at(scheme).count(s) == 0) extra.insert(scheme + ":" + s);
        }
      }
      std::string list;
      for (const std::string& s : extra) list += (list.empty() ? "" : ", ") + ("`" + s + "`");
      scope.Add(Rule::kSecurityScopeAdded, label, "security", "needs scopes " + list + " now", o.loc, n.loc);
      scope_added = true;
    } else if (same_schemes == nullptr && !requirement_added) {
      scope.Add(Rule::kSecurityRequirementAdded, label, "security",
                "callers with " + Describe(held) + " are refused now; it needs " + Describe(after.front()), o.loc,
                n.loc);
      requirement_added = true;
    }
  }
  for (const Alternative& offered : after) {
    if (std::none_of(before.begin(), before.end(), [&](const Alternative& r) { return Meets(offered, r); })) {
      scope.Add(Rule::kSecurityRequirementRemoved, label, "security",
                "callers with " + Describe(offered) + " are accepted now", o.loc, n.loc);
      break;
    }
  }
}

// The URL of a server with its variables at their defaults, split into scheme://host and
// path (without a final '/').
std::pair<std::string, std::string> SplitServerUrl(const ir::Server& server) {
  std::string url = server.url;
  for (const ir::ServerVariable& v : server.variables) {
    std::string token = "{" + v.name + "}";
    for (size_t at = url.find(token); at != std::string::npos; at = url.find(token, at + v.default_value.size())) {
      url.replace(at, token.size(), v.default_value);
    }
  }
  std::string host, path = url;
  size_t scheme = url.find("://");
  if (scheme != std::string::npos) {
    size_t slash = url.find('/', scheme + 3);
    host = AsciiLower(url.substr(0, slash));
    path = slash == std::string::npos ? "" : url.substr(slash);
  }
  while (!path.empty() && path.back() == '/') path.pop_back();
  return {host, path};
}

}  // namespace

void ApiScope::Add(Rule rule, const std::string& operation, std::string at, std::string message, Loc base_loc,
                   Loc head_loc) const {
  out.push_back(Change{.rule = rule, .api = api, .operation = operation, .at = std::move(at),
                       .message = std::move(message), .base = base_loc, .head = head_loc, .accepted = false,
                       .reason = {}});
}

const std::vector<ir::Server>& EffectiveServers(const ir::Api& api, const ir::Operation& op) {
  return op.servers.empty() ? api.servers : op.servers;
}

void CompareServers(const std::vector<ir::Server>& before, const std::vector<ir::Server>& after,
                    const std::string& operation, Loc base_loc, Loc head_loc, const ApiScope& scope) {
  // No servers means the document's own location, `/`.
  std::pair<std::string, std::string> first_before = before.empty() ? std::pair<std::string, std::string>()
                                                                    : SplitServerUrl(before.front());
  std::pair<std::string, std::string> first_after = after.empty() ? std::pair<std::string, std::string>()
                                                                  : SplitServerUrl(after.front());
  if (first_before.second != first_after.second) {
    auto shown = [](const std::string& path) { return "`" + (path.empty() ? std::string("/") : path) + "`"; };
    scope.Add(Rule::kBasePathChanged, operation, "servers",
              "base path changed from " + shown(first_before.second) + " to " + shown(first_after.second),
              before.empty() ? base_loc : before.front().loc, after.empty() ? head_loc : after.front().loc);
  }
  for (const ir::Server& s : before) {
    std::string host = SplitServerUrl(s).first;
    if (host.empty()) continue;
    bool kept = std::any_of(after.begin(), after.end(), [&](const ir::Server& t) { return SplitServerUrl(t).first == host; });
    if (!kept) {
      scope.Add(Rule::kServerRemoved, operation, "servers", "server `" + s.url + "` removed", s.loc,
                after.empty() ? head_loc : after.front().loc);
    }
  }
}

void CompareOperation(const ir::Operation& o, const ir::Operation& n, const std::string& label, bool path_renamed,
                      const ApiScope& scope) {
  if (!o.operation_id_synthesized && !n.operation_id_synthesized && o.operation_id != n.operation_id) {
    scope.Add(Rule::kOperationIdChanged, label, "",
              "operationId changed from `" + o.operation_id + "` to `" + n.operation_id + "`", o.loc, n.loc);
  }
  if (!o.deprecated && n.deprecated) {
    std::string message = "deprecated";
    for (const auto& [key, json] : n.extensions) {
      if (key == "x-sunset") message += "; sunset " + DescribeValue(json);
    }
    scope.Add(Rule::kOperationDeprecated, label, "", message, o.loc, n.loc);
  }
  CompareParameters(o, n, label, path_renamed, scope);
  CompareRequestBody(o, n, label, scope);
  CompareResponses(o, n, label, scope);
  CompareSecurity(o, n, label, scope);
  if (!o.servers.empty() || !n.servers.empty()) {
    CompareServers(EffectiveServers(scope.base, o), EffectiveServers(scope.head, n), label, o.loc, n.loc, scope);
  }
}

}  // namespace specc::compare
