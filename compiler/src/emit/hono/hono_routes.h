// How the hono emitter writes one operation's route (sema/routes.h decides what it
// matches and in which order). Hono names one parameter per path segment: a segment that
// is one parameter is `:name`; a segment mixing text and parameters (`{id}.json`,
// `{a}-{b}`) is one Hono parameter with a pattern for the whole segment (`:id{[^/]+\.json}`),
// split back into the spec's parameters before validation; a path parameter that the path
// key writes into its query string (`/export?filename={filename}`) is read from the query.
#ifndef SPECC_EMIT_HONO_HONO_ROUTES_H_
#define SPECC_EMIT_HONO_HONO_ROUTES_H_

#include <string>
#include <vector>

#include "emit/ts_names.h"
#include "ir/api.h"
#include "sema/routes.h"

namespace specc::emit {

// One Hono parameter that stands for a whole segment.
struct HonoSegmentSplit {
  std::string key;                 // Hono's name for the segment
  std::string pattern;             // a JavaScript RegExp over the segment's decoded text, one group per parameter
  std::vector<std::string> names;  // the parameters' keys (OperationNames::param_keys), in group order
};

// A path parameter that travels in the query string: `query` is its key there.
struct HonoQueryParam {
  std::string name;   // the parameter's key (OperationNames::param_keys)
  std::string query;
};

struct HonoRoute {
  std::string path;  // "/groups/:id{[^/]+\\.json}" (not yet quoted)
  std::vector<HonoSegmentSplit> splits;
  std::vector<HonoQueryParam> from_query;
};

// Returns Hono's key for each segment of operation `op`'s template `path` (its TypeScript
// names `names`): the parameter's key for a whole-segment parameter, a free key for a
// pattern segment, "" for plain text.
std::vector<std::string> HonoSegmentKeys(const ir::Operation& op, const sema::PathTemplate& path,
                                         const OperationNames& names);

// Returns how operation `op` is routed with the segment keys `keys` (its own, or those of
// the operation it shares a route with, whose parameters may be named differently).
// REQUIRES: `keys` has one entry per segment of `path`.
HonoRoute HonoRouteOf(const ir::Operation& op, const sema::PathTemplate& path, const OperationNames& names,
                      const std::vector<std::string>& keys);

}  // namespace specc::emit

#endif  // SPECC_EMIT_HONO_HONO_ROUTES_H_
