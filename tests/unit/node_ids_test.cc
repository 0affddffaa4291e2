// NodeIdMap, the lowering's table from schema nodes to their ids: lookups, replacement,
// and growth past many thousands of entries without losing one.
#include "openapi/node_ids.h"

#include <gtest/gtest.h>

#include <vector>

namespace specc::openapi {
namespace {

TEST(NodeIdMapTest, FindsWhatWasSetAndNothingElse) {
  std::vector<spec::Node> nodes(50'000);
  NodeIdMap ids;
  EXPECT_EQ(ids.Find(&nodes[0]), nullptr);
  for (size_t i = 0; i < nodes.size(); i += 2) ids.Set(&nodes[i], static_cast<ir::SchemaId>(i));
  EXPECT_EQ(ids.size(), nodes.size() / 2);
  for (size_t i = 0; i < nodes.size(); ++i) {
    const ir::SchemaId* id = ids.Find(&nodes[i]);
    if (i % 2 == 0) {
      ASSERT_NE(id, nullptr) << i;
      EXPECT_EQ(*id, i);
    } else {
      EXPECT_EQ(id, nullptr) << i;
      EXPECT_FALSE(ids.Contains(&nodes[i]));
    }
  }
}

TEST(NodeIdMapTest, SetReplacesTheId) {
  spec::Node a, b;
  NodeIdMap ids;
  ids.Set(&a, 1);
  ids.Set(&b, 2);
  ids.Set(&a, 7);
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(*ids.Find(&a), 7u);
  EXPECT_EQ(*ids.Find(&b), 2u);
}

}  // namespace
}  // namespace specc::openapi
