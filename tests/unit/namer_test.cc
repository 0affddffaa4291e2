// Unit tests of the emit layer's pure helpers: Namer casing and collision-free names, and
// the canonical JSON formatter that every JSON artifact goes through.
#include "emit/namer.h"

#include <gtest/gtest.h>

#include "base/json_writer.h"
#include "emit/render.h"

namespace specc::emit {
namespace {

TEST(NamerTest, Casing) {
  EXPECT_EQ(PascalCase("pet-store_id"), "PetStoreId");
  EXPECT_EQ(PascalCase("HTTPServer"), "HttpServer");
  EXPECT_EQ(PascalCase("repository-rule-ruleset-info"), "RepositoryRuleRulesetInfo");
  EXPECT_EQ(CamelCase("Get pets by ID"), "getPetsById");
  EXPECT_EQ(KebabCase("Admin Tools"), "admin-tools");
  EXPECT_EQ(SnakeCase("petId"), "pet_id");
}

TEST(NamerTest, ReservedWordsAndDigits) {
  EXPECT_EQ(TsValueName("delete"), "delete_");
  EXPECT_EQ(TsTypeName("200-response"), "_200Response");
  EXPECT_EQ(TsTypeName("object"), "Object_");
  EXPECT_EQ(TsTypeName(""), "Schema");
  EXPECT_TRUE(IsTsIdentifier("$ref_1"));
  EXPECT_FALSE(IsTsIdentifier("content-type"));
}

TEST(NamerTest, NamesDifferingOnlyByCaseOrPunctuationStayApart) {
  NameTable table;
  EXPECT_EQ(table.Take(TsTypeName("actions-secret")), "ActionsSecret");
  EXPECT_EQ(table.Take(TsTypeName("actions_secret")), "ActionsSecret2");
  EXPECT_EQ(table.Take(TsTypeName("ActionsSecret")), "ActionsSecret3");
}

TEST(NamerTest, ShortHashIsStable) {
  EXPECT_EQ(ShortHash(""), "811c9dc5");
  EXPECT_EQ(ShortHash("a"), "e40c292c");
}

TEST(FormatJsonTest, CanonicalLayout) {
  std::string out, error;
  size_t offset = 0;
  ASSERT_TRUE(FormatJson(R"( {"b":[1, 2.50e3,{}],"a":"\u00e9\/","c":[]} )", &out, &error, &offset)) << error;
  EXPECT_EQ(out, "{\n  \"b\": [\n    1,\n    2.50e3,\n    {}\n  ],\n  \"a\": \"\xc3\xa9/\",\n  \"c\": []\n}\n");
}

// What the Postman emitter relies on to write its parts without parsing them again: a value
// JsonWriter lays out, indented to a depth, is the value AppendFormattedJson writes there.
TEST(FormatJsonTest, IndentedWriterLayoutIsTheCanonicalOne) {
  auto write = [](int indent) {
    JsonWriter w(indent);
    w.BeginObject().Key("a").BeginArray().Int(1).String("x\"\n\u2028").BeginObject().EndObject().EndArray();
    w.Key("e").BeginArray().EndArray().Key("o").BeginObject().Key("t").Bool(true).Key("n").Null().EndObject();
    w.EndObject();
    std::string text = w.Finish();
    text.pop_back();
    return text;
  };
  for (int depth : {0, 1, 4}) {
    std::string formatted, indented;
    ASSERT_TRUE(AppendFormattedJson(write(0), depth, formatted));
    AppendJsonIndented(indented, write(2), static_cast<size_t>(depth) * 2);
    EXPECT_EQ(indented, formatted) << "depth " << depth;
  }
}

TEST(FormatJsonTest, RejectsWhatIsNotJson) {
  std::string out, error;
  size_t offset = 0;
  EXPECT_FALSE(FormatJson("[1,]", &out, &error, &offset));
  EXPECT_EQ(offset, 3u);
  EXPECT_FALSE(FormatJson(R"({"a":1,"a":2})", &out, &error, &offset));
  EXPECT_NE(error.find("duplicate key"), std::string::npos);
  EXPECT_FALSE(FormatJson("01", &out, &error, &offset));
  EXPECT_FALSE(FormatJson(R"("\ud800")", &out, &error, &offset));
}

}  // namespace
}  // namespace specc::emit
