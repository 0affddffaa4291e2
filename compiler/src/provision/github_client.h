// The GitHub REST API (api.github.com): the repository, its deployment environments, and
// their secrets and variables. Secrets are sealed for the environment's public key by the
// GitHub sink (github_sink.cc) before they reach this client.
#ifndef SPECC_PROVISION_GITHUB_CLIENT_H_
#define SPECC_PROVISION_GITHUB_CLIENT_H_

#include <optional>
#include <string>

#include "provision/api.h"

namespace specc::provision {

struct GithubRepo {
  std::string id;
  std::string full_name;
  std::string visibility;  // public, private, internal
  std::string default_branch;
  std::string html_url;
  std::string clone_url;
  std::string created_at;
};

struct GithubEnvironment {
  std::string id;
  std::string name;
  std::string html_url;
  std::string created_at;
};

struct GithubPublicKey {
  std::string key_id;
  std::string key;  // base64 of the Curve25519 public key
};

class GithubClient {
 public:
  GithubClient(HttpClient& http, std::string base_url, const std::string& token);

  // `full_name` is "owner/name".
  ApiResult<std::optional<GithubRepo>> FindRepo(const std::string& full_name);
  // Creates the repository under its owner: the token's user, or else an organisation.
  ApiResult<GithubRepo> CreateRepo(const std::string& full_name, const std::string& visibility);
  ApiResult<std::optional<GithubEnvironment>> FindEnvironment(const std::string& full_name, const std::string& environment);
  // Creates the environment, or leaves an existing one as it is (PUT with no settings).
  ApiResult<GithubEnvironment> PutEnvironment(const std::string& full_name, const std::string& environment);
  ApiResult<GithubPublicKey> EnvironmentPublicKey(const std::string& full_name, const std::string& environment);
  ApiResult<bool> HasSecret(const std::string& full_name, const std::string& environment, const std::string& name);
  // `sealed` is the base64 sealed box of the value, for `key_id`.
  ApiResult<Done> PutSecret(const std::string& full_name, const std::string& environment, const std::string& name,
                            const std::string& sealed, const std::string& key_id);
  // An environment variable's value, or nullopt when there is none.
  ApiResult<std::optional<std::string>> FindVariable(const std::string& full_name, const std::string& environment,
                                                     const std::string& name);
  ApiResult<Done> CreateVariable(const std::string& full_name, const std::string& environment, const std::string& name,
                                 const std::string& value);
  ApiResult<Done> UpdateVariable(const std::string& full_name, const std::string& environment, const std::string& name,
                                 const std::string& value);

 private:
  ProviderApi api_;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_GITHUB_CLIENT_H_
