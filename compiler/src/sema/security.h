// Security, once: which credentials each operation requires, decided here for every
// emitter (the Hono app enforces it; collections and MCP descriptors may send it). An
// operation's `security` overrides the document's; `[]` makes it public; the requirements
// of the list are alternatives (any one suffices) and the schemes within one requirement
// are all needed together; an empty requirement `{}` lets anonymous requests through.
#ifndef SPECC_SEMA_SECURITY_H_
#define SPECC_SEMA_SECURITY_H_

#include <string>
#include <vector>

#include "ir/api.h"

namespace specc::sema {

// What a scheme's credential is and where a request carries it.
enum class CredentialKind : uint8_t {
  kBearer,         // http bearer: `Authorization: Bearer <token>`
  kBasic,          // http basic: `Authorization: Basic base64(user:password)`
  kHttpOther,      // another http scheme (digest, hoba...): `Authorization: <scheme> <value>`
  kApiKeyHeader,   // apiKey in a header
  kApiKeyQuery,    // apiKey in the query string
  kApiKeyCookie,   // apiKey in a cookie
  kOAuth2,         // an OAuth 2 access token, sent as a bearer token
  kOpenIdConnect,  // an OpenID Connect token, sent as a bearer token
  kMutualTls,      // a client certificate: only the runtime's TLS layer can see it
};

inline constexpr size_t kUndeclaredScheme = static_cast<size_t>(-1);

struct SchemeUse {
  std::string name;                 // the scheme's name, as the requirement writes it
  size_t scheme = kUndeclaredScheme;  // index into Api::security_schemes; kUndeclaredScheme when none
  std::vector<std::string> scopes;  // required scopes (roles for non-OAuth schemes, 3.1)
};

// One requirement: every scheme in it must be satisfied. Empty: anonymous access.
struct SecurityAlternative {
  std::vector<SchemeUse> schemes;
};

struct EffectiveSecurity {
  // Any one alternative suffices. Empty: the operation is public (`security: []`, or no
  // security anywhere). A requirement naming an undeclared scheme (SPEC_SECURITY_UNDEFINED)
  // is kept, and cannot be met: no credential satisfies a scheme nobody declared.
  std::vector<SecurityAlternative> alternatives;
  bool inherited = false;  // from the document's `security`
};

// Returns the kind of credential `scheme` describes.
CredentialKind CredentialKindOf(const ir::SecurityScheme& scheme);

// Returns the security `op` requires in `api`.
EffectiveSecurity EffectiveSecurityOf(const ir::Api& api, const ir::Operation& op);

// Returns the indexes of the schemes some operation of `api` uses, in declaration order.
std::vector<size_t> UsedSchemes(const ir::Api& api);

}  // namespace specc::sema

#endif  // SPECC_SEMA_SECURITY_H_
