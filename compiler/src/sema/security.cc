#include "base/ascii.h"
#include "sema/security.h"

#include <algorithm>
#include <cctype>

namespace specc::sema {

CredentialKind CredentialKindOf(const ir::SecurityScheme& scheme) {
  if (scheme.type == "http") {
    std::string name = AsciiLower(scheme.scheme);
    if (name == "bearer") return CredentialKind::kBearer;
    if (name == "basic") return CredentialKind::kBasic;
    return CredentialKind::kHttpOther;
  }
  if (scheme.type == "apiKey") {
    if (scheme.in == "query") return CredentialKind::kApiKeyQuery;
    if (scheme.in == "cookie") return CredentialKind::kApiKeyCookie;
    return CredentialKind::kApiKeyHeader;
  }
  if (scheme.type == "oauth2") return CredentialKind::kOAuth2;
  if (scheme.type == "openIdConnect") return CredentialKind::kOpenIdConnect;
  return CredentialKind::kMutualTls;
}

EffectiveSecurity EffectiveSecurityOf(const ir::Api& api, const ir::Operation& op) {
  EffectiveSecurity out;
  out.inherited = !op.security.has_value();
  const std::vector<ir::SecurityRequirement>& requirements = op.security ? *op.security : api.security;
  for (const ir::SecurityRequirement& requirement : requirements) {
    SecurityAlternative alternative;
    for (const auto& [name, scopes] : requirement.schemes) {
      auto it = std::find_if(api.security_schemes.begin(), api.security_schemes.end(),
                             [&](const ir::SecurityScheme& s) { return s.name == name; });
      size_t index = it == api.security_schemes.end() ? kUndeclaredScheme
                                                      : static_cast<size_t>(it - api.security_schemes.begin());
      alternative.schemes.push_back(SchemeUse{.name = name, .scheme = index, .scopes = scopes});
    }
    out.alternatives.push_back(std::move(alternative));
  }
  return out;
}

std::vector<size_t> UsedSchemes(const ir::Api& api) {
  std::vector<bool> used(api.security_schemes.size(), false);
  for (const ir::Operation& op : api.operations) {
    for (const SecurityAlternative& alternative : EffectiveSecurityOf(api, op).alternatives) {
      for (const SchemeUse& use : alternative.schemes) {
        if (use.scheme != kUndeclaredScheme) used[use.scheme] = true;
      }
    }
  }
  std::vector<size_t> out;
  for (size_t i = 0; i < used.size(); ++i) {
    if (used[i]) out.push_back(i);
  }
  return out;
}

}  // namespace specc::sema
