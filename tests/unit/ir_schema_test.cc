// The compact ir::Schema: rarely written keywords out of line, `type` as a packed list.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/fs.h"
#include "ir/api.h"
#include "openapi/load.h"

namespace specc::ir {
namespace {

std::vector<std::string> Names(const TypeList& types) { return {types.begin(), types.end()}; }

TEST(TypeListTest, KeepsSpecOrderWithoutRepeats) {
  TypeList types;
  EXPECT_TRUE(types.empty());
  types.push_back("null");
  types.push_back("string");
  types.push_back(JsonType::kNull);
  types.push_back("integer");
  EXPECT_EQ(Names(types), (std::vector<std::string>{"null", "string", "integer"}));
  EXPECT_EQ(types.size(), 3u);
  EXPECT_EQ(types[1], "string");
  EXPECT_EQ(types.front(), "null");
  EXPECT_TRUE(types.contains("integer"));
  EXPECT_TRUE(types.contains(JsonType::kString));
  EXPECT_FALSE(types.contains("number"));
  EXPECT_FALSE(types.contains("file"));
  EXPECT_EQ(types, (TypeList{"null", "string", "integer"}));
  EXPECT_NE(types, (TypeList{"string", "null", "integer"}));
}

TEST(TypeListTest, HoldsEveryTypeAtOnce) {
  TypeList types{"object", "array", "string", "integer", "number", "boolean", "null"};
  EXPECT_EQ(Names(types),
            (std::vector<std::string>{"object", "array", "string", "integer", "number", "boolean", "null"}));
  types.clear();
  EXPECT_TRUE(types.empty());
}

TEST(SchemaTest, AbsentRareKeywordsReadAsEmpty) {
  Schema s;
  EXPECT_TRUE(s.pattern().empty());
  EXPECT_TRUE(s.minimum().empty());
  EXPECT_FALSE(s.max_length().has_value());
  EXPECT_TRUE(s.all_of().empty());
  EXPECT_EQ(s.not_schema(), kNoSchema);
  EXPECT_FALSE(s.discriminator().has_value());
  EXPECT_FALSE(s.unique_items());
}

TEST(SchemaTest, CopiesOwnTheirRareKeywords) {
  Schema s;
  s.mutable_extras().pattern = "^a$";
  s.mutable_extras().all_of = {3, 4};
  Schema copy = s;
  copy.mutable_extras().pattern = "^b$";
  EXPECT_EQ(s.pattern(), "^a$");
  EXPECT_EQ(copy.pattern(), "^b$");
  EXPECT_EQ(copy.all_of(), (std::vector<SchemaId>{3, 4}));
  Schema assigned;
  assigned = copy;
  EXPECT_EQ(assigned.pattern(), "^b$");
  Schema moved = std::move(assigned);
  EXPECT_EQ(moved.all_of(), (std::vector<SchemaId>{3, 4}));
}

// The memory aim of issue #16: GitHub's description has 40,230 schemas, and each one cost
// 792 bytes before the rare keywords moved out of line, and 292 before its texts and lists
// became one pointer each.
TEST(SchemaTest, StaysSmall) {
  EXPECT_LE(sizeof(Schema), 112u);
  EXPECT_LE(sizeof(Property), 24u);
}

TEST(SchemaTest, LoweringKeepsOnlyWrittenKeywordsAndDropsRepeatedTypes) {
  MemFs fs;
  fs.Write("spec/root.yaml",
           "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
           "    Plain: {type: string, format: uuid}\n"
           "    Bounded: {type: [integer, 'null', integer], minimum: 1, exclusiveMaximum: 9, maxLength: 3}\n");
  SourceMap sources;
  DiagSink sink;
  std::optional<Api> api = openapi::LoadApi("spec/root.yaml", fs, sources, sink, ".");
  ASSERT_TRUE(api.has_value());
  EXPECT_FALSE(sink.has_errors());
  ASSERT_EQ(api->component_schemas.size(), 2u);
  const Schema& plain = api->schemas[api->component_schemas[0]];
  EXPECT_EQ(Names(plain.types), std::vector<std::string>{"string"});
  EXPECT_EQ(plain.format, "uuid");
  EXPECT_TRUE(plain.minimum().empty());
  const Schema& bounded = api->schemas[api->component_schemas[1]];
  EXPECT_EQ(Names(bounded.types), (std::vector<std::string>{"integer", "null"}));
  EXPECT_EQ(bounded.minimum(), "1");
  EXPECT_EQ(bounded.exclusive_maximum(), "9");
  EXPECT_EQ(bounded.max_length(), 3u);
}

}  // namespace
}  // namespace specc::ir
