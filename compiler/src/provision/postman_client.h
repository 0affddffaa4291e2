// The Postman API (api.getpostman.com): workspaces, and the collections and environments
// imported into one.
#ifndef SPECC_PROVISION_POSTMAN_CLIENT_H_
#define SPECC_PROVISION_POSTMAN_CLIENT_H_

#include <string>
#include <vector>

#include "provision/api.h"

namespace specc::provision {

struct PostmanWorkspace {
  std::string id;
  std::string name;
  std::string type;  // personal, team, public
};

// A collection or an environment in a workspace.
struct PostmanItem {
  std::string id;
  std::string uid;
  std::string name;
};

// What a workspace holds: collections or environments.
enum class PostmanKind { kCollection, kEnvironment };

class PostmanClient {
 public:
  PostmanClient(HttpClient& http, std::string base_url, const std::string& api_key);

  // Workspaces called exactly `name`.
  ApiResult<std::vector<PostmanWorkspace>> FindWorkspaces(const std::string& name);
  ApiResult<PostmanWorkspace> CreateWorkspace(const std::string& name, const std::string& type);
  // The collections (or environments) of `workspace_id` called exactly `name`.
  ApiResult<std::vector<PostmanItem>> FindItems(PostmanKind kind, const std::string& workspace_id, const std::string& name);
  // Imports `json` (a whole collection or environment file) into the workspace.
  ApiResult<PostmanItem> CreateItem(PostmanKind kind, const std::string& workspace_id, const std::string& json);
  // Replaces the item `uid` with `json`.
  ApiResult<Done> UpdateItem(PostmanKind kind, const std::string& uid, const std::string& json);

 private:
  ProviderApi api_;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_POSTMAN_CLIENT_H_
