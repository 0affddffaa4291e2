// Which server a Postman collection points at: the base URL variable every request starts
// with, and the server each environment collection targets.
#ifndef SPECC_EMIT_POSTMAN_SERVERS_H_
#define SPECC_EMIT_POSTMAN_SERVERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "emit/emitter.h"
#include "ir/api.h"

namespace specc::emit::postman {

// The variable every request's URL starts with, as in Postman's own converter, so any
// collection can be pointed at any server with `--env-var baseUrl=...`.
inline constexpr std::string_view kBaseUrl = "baseUrl";
// The base URL when a document has no servers (OpenAPI's default server is "/", which
// is no URL a client can call).
inline constexpr std::string_view kDefaultBaseUrl = "http://localhost";

// A server URL with its variables replaced by their defaults, without a trailing `/`;
// Postman's converter's default for a server that names no host.
std::string ResolveServer(const ir::Server& server);

// The base URL of each environment collection: `postman.baseUrls` of specc.yaml, else the
// server that names the environment, else the document's first server. A collection run
// against the wrong service does harm (its requests create and delete), so one that would
// fall back to a loopback address, or share another environment's URL, is a warning.
std::vector<std::string> EnvironmentUrls(const ir::Api& api, const std::vector<std::string>& environments,
                                         const std::string& fallback, const EmitOptions& options,
                                         const std::string& service, DiagSink& diags);

}  // namespace specc::emit::postman

#endif  // SPECC_EMIT_POSTMAN_SERVERS_H_
