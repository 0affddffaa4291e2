#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace specc {
namespace {

TEST(JsonWriterTest, WritesKeysInOrderWithEscapes) {
  JsonWriter json(0);
  json.BeginObject().Key("z").Int(-3).Key("a").String("q\"\n\x01").Key("l").BeginArray();
  json.Bool(true).Null().EndArray().EndObject();
  EXPECT_EQ(json.Finish(), "{\"z\":-3,\"a\":\"q\\\"\\n\\u0001\",\"l\":[true,null]}\n");
}

TEST(JsonWriterTest, IndentsNestedValues) {
  JsonWriter json(2);
  json.BeginObject().Key("a").BeginArray().Int(1).EndArray().Key("e").BeginObject().EndObject().EndObject();
  EXPECT_EQ(json.Finish(), "{\n  \"a\": [\n    1\n  ],\n  \"e\": {}\n}\n");
}

}  // namespace
}  // namespace specc
