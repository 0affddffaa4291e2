// The JSON form of the project IR: fixed key order, source order, deterministic.
#include "ir/project_json.h"

#include <string>

#include <gtest/gtest.h>

#include "dsl_test_util.h"

namespace specc::ir {
namespace {

TEST(ProjectJsonTest, WritesEveryPartInOrder) {
  dsl::testing::LoadOutcome out = dsl::testing::LoadText(dsl::testing::Project(
      "  environments { dev, prod }\n"
      "  preview { ttl = 2d; max = 3 }\n"
      "  service api { openapi = \"api/openapi.yaml\"; runtime = node }\n"
      "  resource db : neon.postgres { region = \"r\"; branch per environment }\n"
      "  env URL { secret; source = provisioned(db.connectionUri); optional; prod { required } }\n"
      "  env LEVEL { scope = build; default = \"info\"; allowed = [info, debug] }\n"));
  ASSERT_TRUE(out.diagnostics.empty());
  JsonWriter w(0);
  WriteProjectJson(*out.project, w);
  EXPECT_EQ(w.Finish(),
            "{\"name\":\"t\",\"id\":\"3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10\",\"version\":\"1.0.0\","
            "\"constitution\":\"1.0.0\",\"environments\":[\"dev\",\"prod\"],"
            "\"preview\":{\"naming\":\"preview-<branchSlug>\",\"ttlHours\":48,\"max\":3},"
            "\"services\":[{\"name\":\"api\",\"openapi\":\"api/openapi.yaml\",\"runtime\":\"node\"}],"
            "\"resources\":[{\"name\":\"db\",\"type\":\"neon.postgres\",\"provider\":\"neon\","
            "\"perEnvironment\":false,\"branchPerEnvironment\":true,\"settings\":{\"region\":\"r\"}}],"
            "\"env\":[{\"key\":\"URL\",\"scope\":\"runtime\",\"secret\":true,\"source\":\"provisioned\","
            "\"resource\":\"db\",\"output\":\"connectionUri\",\"required\":false,\"requiredIn\":[\"prod\"],"
            "\"overrides\":[{\"environment\":\"prod\",\"required\":true}]},"
            "{\"key\":\"LEVEL\",\"scope\":\"build\",\"secret\":false,\"source\":\"manual\","
            "\"required\":true,\"requiredIn\":[\"dev\",\"prod\"],\"default\":\"info\","
            "\"allowed\":[\"info\",\"debug\"]}],"
            "\"integrations\":[{\"provider\":\"neon\",\"credentials\":[\"NEON_API_KEY\"],"
            "\"declared\":false}]}\n");
}

}  // namespace
}  // namespace specc::ir
