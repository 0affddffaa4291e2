// The Neon management API v2 (console.neon.tech/api/v2), as much of it as provisioning a
// neon.postgres resource needs: projects, branches, compute endpoints, roles, databases
// and the connection URI. Every answer is checked for the fields used before use.
#ifndef SPECC_PROVISION_NEON_CLIENT_H_
#define SPECC_PROVISION_NEON_CLIENT_H_

#include <optional>
#include <string>
#include <vector>

#include "provision/api.h"

namespace specc::provision {

struct NeonProject {
  std::string id;
  std::string name;
  std::string region;      // region_id: "aws-us-east-2"
  std::string pg_version;  // "16"
  std::string created_at;
};

struct NeonBranch {
  std::string id;
  std::string name;
  std::string created_at;
  bool is_default = false;
};

struct NeonEndpoint {
  std::string id;
  std::string host;
};

class NeonClient {
 public:
  // `base_url`: https://console.neon.tech/api/v2 unless overridden; `api_key` is sent as a
  // bearer token and never kept anywhere else.
  NeonClient(HttpClient& http, std::string base_url, const std::string& api_key);

  // Projects called exactly `name` (Neon's search also matches parts of names and ids).
  ApiResult<std::vector<NeonProject>> FindProjects(const std::string& name);
  // Creates a project with a default branch `main` holding `database` owned by `role`.
  ApiResult<NeonProject> CreateProject(const std::string& name, const std::string& region, const std::string& pg_version,
                                       const std::string& database, const std::string& role);
  // Branches of `project_id` called exactly `name`; with an empty name, all of them.
  ApiResult<std::vector<NeonBranch>> FindBranches(const std::string& project_id, const std::string& name);
  // Creates branch `name` from the default branch, with a read-write compute endpoint.
  ApiResult<NeonBranch> CreateBranch(const std::string& project_id, const std::string& name);
  ApiResult<std::vector<NeonEndpoint>> BranchEndpoints(const std::string& project_id, const std::string& branch_id);
  ApiResult<NeonEndpoint> CreateEndpoint(const std::string& project_id, const std::string& branch_id);
  ApiResult<bool> HasRole(const std::string& project_id, const std::string& branch_id, const std::string& role);
  ApiResult<Done> CreateRole(const std::string& project_id, const std::string& branch_id, const std::string& role);
  ApiResult<bool> HasDatabase(const std::string& project_id, const std::string& branch_id, const std::string& database);
  ApiResult<Done> CreateDatabase(const std::string& project_id, const std::string& branch_id, const std::string& database,
                                 const std::string& owner);
  // The connection URI (a secret: it holds the role's password).
  ApiResult<std::string> ConnectionUri(const std::string& project_id, const std::string& branch_id,
                                       const std::string& database, const std::string& role, bool pooled);

 private:
  ProviderApi api_;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_NEON_CLIENT_H_
