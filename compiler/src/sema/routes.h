// Routing, once: what each operation's path template matches and in which order an API's
// operations are tried, decided in one place for every emitter that serves or checks routes
// (issue #11). A path template is split into segments of literal text and parameters
// (several per segment: `{id}.json`, `{a}-{b}`, `v{version}`); the query string or fragment
// some specs write into a path key (`/top.json?period={flag}`, Box's `/files/{id}#get_link`)
// is not part of the route but tells operations on one route apart.
//
// The matching order is OpenAPI's: a concrete segment before a templated one, segment by
// segment from the left; among segments mixing text and parameters, the one with more
// literal text first. Only routes that can match the same request are reordered; all others
// keep document order, so the generated routing table reads like the spec. CheckRoutes
// reports what that order cannot resolve.
#ifndef SPECC_SEMA_ROUTES_H_
#define SPECC_SEMA_ROUTES_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "ir/api.h"

namespace specc::sema {

class SchemaMeanings;

// A piece of a path segment: literal text, or a parameter (`text` is then its name).
struct PathPart {
  bool param = false;
  std::string text;
};

enum class SegmentKind : uint8_t {
  kLiteral,  // text only (an empty segment too: `/a//b`, the end of `/a/`)
  kParam,    // one parameter and nothing else: `{id}`
  kMixed,    // text and parameters, or several parameters: `{id}.json`, `{a}-{b}`, `v{n}`
};

struct PathSegment {
  std::vector<PathPart> parts;  // in order; adjacent literal text is one part

  SegmentKind kind() const;
  // The literal text of a kLiteral segment.
  std::string text() const;
  size_t literal_length() const;
  size_t param_count() const;
};

// One `key=value` pair of a query string written into a path key.
struct PathQueryPair {
  std::string key;    // `period` in `period={flag}`; `search` in `{search}=1`
  std::string param;  // the parameter the pair carries (`flag`, `search`); empty for literal text
  std::string value;  // the literal value (`y` in `op=y`); empty when `param` is set
};

struct PathTemplate {
  // The path before any `?` or `#`, split at `/` (the empty piece before the leading `/` dropped).
  std::vector<PathSegment> segments;
  std::vector<PathQueryPair> query;  // after `?`, in order
  std::string fragment;              // after `#`

  // The route with parameter names left out, e.g. "/groups/{}.json": two templates with
  // the same shape match the same requests.
  std::string Shape() const;
};

// Parses `path`. Never fails: a `{` without a `}` and a stray `}` are literal text (the
// front end reports them as SPEC_PATH_TEMPLATE).
PathTemplate ParsePathTemplate(std::string_view path);

// The operations registered as one route: one, or several that share a method and a
// route shape (told apart by the query pairs of their path keys, then by which one's input
// validates).
struct Route {
  std::string method;
  // Indices into Api::operations, in dispatch order: more query pairs first, then document order.
  std::vector<size_t> operations;
  // A later route of the same method matches some of this route's requests. OpenAPI's
  // order tries this one first, but a request whose path parameters this route's schemas
  // reject belongs to the later route (mist's `/sites/{id}/zones/count` is
  // `/sites/{site_id}/{zone_type}/count`'s, not `/sites/{site_id}/zones/{zone_id}`'s with a
  // zone id that is not a uuid): the generated server passes it on.
  bool passes_on = false;
};

struct RouteTable {
  std::vector<PathTemplate> templates;  // parallel to Api::operations
  std::vector<Route> routes;            // in matching order
};

// Builds the route table of `api`'s path operations (webhooks and callbacks are requests
// the API sends, not routes it serves).
RouteTable BuildRouteTable(const ir::Api& api);

// Reports to `sink` what the table cannot route as the spec says: two path keys that differ
// only in parameter names (OpenAPI calls them identical: SPEC_PATH_DUPLICATE, an error when
// they share a method and their path parameters cannot tell the operations apart, since
// one could never be reached; implemented in route_checks.cc), operations that share a route
// (SPEC_PATH_SHARED), templates that match the same requests with neither more concrete
// than the other at any segment (SPEC_PATH_AMBIGUOUS), and segment text that does not say
// what it seems to (`{a}{b}`, `:id`).
// `meanings` are `api`'s (sema/schema_meaning.h).
void CheckRoutes(const ir::Api& api, const RouteTable& table, const SchemaMeanings& meanings, DiagSink& sink);

}  // namespace specc::sema

#endif  // SPECC_SEMA_ROUTES_H_
