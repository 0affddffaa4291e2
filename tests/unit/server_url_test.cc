// Unit tests of server URL resolution: variables replaced by their defaults, and the path
// prefix the generated app serves its routes under.
#include "emit/server_url.h"

#include <gtest/gtest.h>

namespace specc::emit {
namespace {

ir::Server Server(std::string url, std::vector<ir::ServerVariable> variables = {}) {
  ir::Server s;
  s.url = std::move(url);
  s.variables = std::move(variables);
  return s;
}

TEST(ServerUrlTest, VariablesTakeTheirDefaults) {
  ir::Server s = Server("https://{region}.api.example.com/{version}/",
                        {{"region", "eu", "", {}}, {"version", "v2", "", {"v1", "v2"}}});
  EXPECT_EQ(ResolveServerUrl(s), "https://eu.api.example.com/v2");
  EXPECT_EQ(ServerBasePath(s), "/v2");
}

TEST(ServerUrlTest, BasePathOfEachShapeOfUrl) {
  EXPECT_EQ(ServerBasePath(Server("https://api.github.com")), "/");
  EXPECT_EQ(ServerBasePath(Server("https://api.github.com/")), "/");
  EXPECT_EQ(ServerBasePath(Server("http://localhost:8787/v1")), "/v1");
  EXPECT_EQ(ServerBasePath(Server("/api/v3")), "/api/v3");
  EXPECT_EQ(ServerBasePath(Server("/")), "/");
  EXPECT_EQ(ServerBasePath(Server("")), "/");
  EXPECT_EQ(ServerBasePath(Server("api.example.com/rest")), "/rest");
  EXPECT_EQ(ServerBasePath(Server("https://example.com/base?x=1#top")), "/base");
  // Scheme-relative (the Rat Genome Database's `//rest.rgd.mcw.edu/rgdws`).
  EXPECT_EQ(ServerBasePath(Server("//rest.rgd.mcw.edu/rgdws")), "/rgdws");
  EXPECT_EQ(ServerBasePath(Server("//host.example")), "/");
}

}  // namespace
}  // namespace specc::emit
