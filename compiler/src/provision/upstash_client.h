// The Upstash Developer API (api.upstash.com/v2): Redis databases and Vector indexes. It
// serves native Upstash accounts only; accounts made through the Vercel Marketplace get
// 401/403 here, and their steps fall back to the manual instructions.
#ifndef SPECC_PROVISION_UPSTASH_CLIENT_H_
#define SPECC_PROVISION_UPSTASH_CLIENT_H_

#include <optional>
#include <string>
#include <vector>

#include "provision/api.h"

namespace specc::provision {

struct UpstashDatabase {
  std::string id;
  std::string name;
  std::string primary_region;
  std::string endpoint;  // host name, without scheme
  std::optional<bool> eviction;
  std::string created;   // creation_time, Unix seconds
  std::string rest_token;            // secret
  std::string read_only_rest_token;  // secret
  std::string password;              // secret
  std::string port;
};

struct UpstashIndex {
  std::string id;
  std::string name;
  std::string region;
  std::string similarity_function;  // COSINE, EUCLIDEAN, DOT_PRODUCT
  std::string dimension_count;
  std::string endpoint;
  std::string created;
  std::string token;            // secret
  std::string read_only_token;  // secret
};

class UpstashClient {
 public:
  // `email` and `api_key` go into HTTP basic auth and nowhere else.
  UpstashClient(HttpClient& http, std::string base_url, const std::string& email, const std::string& api_key);

  // Databases called exactly `name`.
  ApiResult<std::vector<UpstashDatabase>> FindDatabases(const std::string& name);
  ApiResult<UpstashDatabase> CreateDatabase(const std::string& name, const std::string& region, bool eviction);
  // One database with its credentials.
  ApiResult<UpstashDatabase> GetDatabase(const std::string& id);

  ApiResult<std::vector<UpstashIndex>> FindIndexes(const std::string& name);
  ApiResult<UpstashIndex> CreateIndex(const std::string& name, const std::string& region, const std::string& similarity,
                                      const std::string& dimensions);
  ApiResult<UpstashIndex> GetIndex(const std::string& id);

 private:
  ProviderApi api_;
};

}  // namespace specc::provision

#endif  // SPECC_PROVISION_UPSTASH_CLIENT_H_
