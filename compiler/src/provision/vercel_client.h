// The Vercel REST API (api.vercel.com): projects linked to a GitHub repository, and their
// environment variables per target (development, preview, production).
#ifndef SPECC_PROVISION_VERCEL_CLIENT_H_
#define SPECC_PROVISION_VERCEL_CLIENT_H_

#include <optional>
#include <string>
#include <vector>

#include "provision/api.h"

namespace specc::provision {

struct VercelProject {
  std::string id;
  std::string name;
  std::string framework;       // empty when none
  std::string root_directory;  // empty when none
  std::string linked_repo;     // "owner/name" of the linked GitHub repository, or empty
  std::string created_at;      // milliseconds since the epoch
};

struct VercelEnvVar {
  std::string id;
  std::string key;
  std::string type;  // plain, encrypted, sensitive, ...
  std::vector<std::string> targets;
  std::string value;  // plain ones only; empty for the others (never decrypted)
};

class VercelClient {
 public:
  // `team_id` (VERCEL_TEAM_ID, optional) scopes every call to a team.
  VercelClient(HttpClient& http, std::string base_url, const std::string& token, std::string team_id);

  ApiResult<std::optional<VercelProject>> FindProject(const std::string& name);
  // Creates project `name` linked to GitHub repository `repo` ("owner/name"; none when
  // empty), with a framework preset and a root directory when given.
  ApiResult<VercelProject> CreateProject(const std::string& name, const std::string& framework, const std::string& root,
                                         const std::string& repo);
  ApiResult<std::vector<VercelEnvVar>> EnvVars(const std::string& project_id);
  ApiResult<Done> CreateEnvVar(const std::string& project_id, const std::string& key, const std::string& value,
                               const std::string& type, const std::string& target);
  ApiResult<Done> UpdateEnvVar(const std::string& project_id, const std::string& env_id, const std::string& value,
                               const std::string& type);

 private:
  std::vector<std::pair<std::string, std::string>> Scope() const;
  ProviderApi api_;
  std::string team_id_;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_VERCEL_CLIENT_H_
