#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <functional>

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

// A value laid out as a top-level one goes in deeper with every line indented to its depth;
// a line break in a string is escaped, so it is never taken for layout.
TEST(JsonWriterTest, NestsALaidOutValueAtItsDepth) {
  JsonWriter inner(2);
  inner.BeginObject().Key("k").BeginArray().String("a\nb").EndArray().EndObject();
  std::string value = inner.Finish();
  value.pop_back();
  JsonWriter json(2);
  json.BeginArray().BeginObject().Key("v").Nested(value).EndObject().EndArray();
  EXPECT_EQ(json.Finish(), "[\n  {\n    \"v\": {\n      \"k\": [\n        \"a\\nb\"\n      ]\n    }\n  }\n]\n");
  JsonWriter compact(0);
  compact.BeginArray().Nested("{\"k\":1}").EndArray();
  EXPECT_EQ(compact.Finish(), "[{\"k\":1}]\n");
}

// A part written straight into a larger document: laid out as if one writer wrote it all.
TEST(JsonWriterTest, ContinuesATextWithAValueAtItsDepth) {
  JsonWriter part(2, "[\n  1,\n  ", 1);
  part.BeginObject().Key("a").BeginArray().Int(2).EndArray().Key("e").BeginObject().EndObject().EndObject();
  std::string text = part.Release();
  text += "\n]";
  JsonWriter whole(2);
  whole.BeginArray().Int(1).BeginObject().Key("a").BeginArray().Int(2).EndArray();
  whole.Key("e").BeginObject().EndObject().EndObject().EndArray();
  EXPECT_EQ(text + "\n", whole.Finish());
}

// A drain may take the text written so far at each line break: what it took and what is
// left make the same document, and it sees every line break.
TEST(JsonWriterTest, HandsItsTextToADrainAtEachLineBreak) {
  auto write = [](JsonWriter& w) {
    w.BeginObject().Key("a").BeginArray().Int(1).String("x\ny").EndArray().Key("b").BeginObject().EndObject();
    w.Key("c").Nested("{\n  \"d\": [\n    2\n  ]\n}").EndObject();
  };
  std::string taken;
  size_t calls = 0;
  std::function<void(std::string&)> drain = [&](std::string& text) {
    ++calls;
    size_t end = text.rfind('\n');
    if (end == std::string::npos) return;
    taken.append(text, 0, end + 1);
    text.erase(0, end + 1);
  };
  JsonWriter drained(2);
  drained.set_drain(&drain);
  write(drained);
  JsonWriter whole(2);
  write(whole);
  EXPECT_EQ(taken + drained.Finish(), whole.Finish());
  EXPECT_EQ(calls, 7u);  // the line breaks the writer makes, not those of Nested's text
}

}  // namespace
}  // namespace specc
