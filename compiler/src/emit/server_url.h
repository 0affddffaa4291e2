// Server URLs as generated artifacts use them: with their variables replaced by their
// defaults, and split into the path prefix that routes are served under.
#ifndef SPECC_EMIT_SERVER_URL_H_
#define SPECC_EMIT_SERVER_URL_H_

#include <string>

#include "ir/api.h"

namespace specc::emit {

// Returns `server`'s URL with every `{variable}` replaced by its default, without a
// trailing `/`: "https://api.stackfast.dev/{version}" -> "https://api.stackfast.dev/v1".
// An empty or "/" URL gives "".
std::string ResolveServerUrl(const ir::Server& server);

// Returns the path of `server`'s resolved URL, the prefix of every operation's path when
// served there: "https://api.stackfast.dev/v1" -> "/v1", "/api/v3" -> "/api/v3",
// "https://api.github.com" -> "/". Query and fragment are not part of it.
std::string ServerBasePath(const ir::Server& server);

}  // namespace specc::emit

#endif  // SPECC_EMIT_SERVER_URL_H_
