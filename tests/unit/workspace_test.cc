#include "openapi/workspace.h"

#include <gtest/gtest.h>

#include "openapi/load.h"

namespace specc::openapi {
namespace {

TEST(JsonPointerTest, DecodesEscapes) {
  std::vector<std::string> tokens;
  ASSERT_TRUE(DecodeJsonPointer("/paths/~1pets~1{id}/a~0b", &tokens));
  EXPECT_EQ(tokens, (std::vector<std::string>{"paths", "/pets/{id}", "a~b"}));
  EXPECT_FALSE(DecodeJsonPointer("/a~2", &tokens));
  EXPECT_FALSE(DecodeJsonPointer("noslash", &tokens));
  std::string decoded;
  ASSERT_TRUE(PercentDecode("a%20b%7B", &decoded));
  EXPECT_EQ(decoded, "a b{");
  EXPECT_FALSE(PercentDecode("a%2", &decoded));
  EXPECT_EQ(EscapeJsonPointerToken("a/b~c"), "a~1b~0c");
}

// Lints `files` (the first is the root) held in memory; returns the printed codes.
std::vector<std::string> Codes(MemFs& fs) {
  SourceMap sources;
  DiagSink sink;
  LoadApi("spec/root.yaml", fs, sources, sink, ".");
  std::vector<std::string> codes;
  for (const Diagnostic& d : sink.diagnostics()) codes.push_back(std::string(DiagCodeName(d.code)));
  return codes;
}

constexpr char kHead[] = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";

TEST(WorkspaceTest, ResolvesAcrossFilesAndEscapes) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) +
                                 "components:\n  schemas:\n    A: {$ref: 'parts/a%20b.yaml#/defs/x~1y'}\n");
  fs.Write("spec/parts/a b.yaml", "defs:\n  x/y: {type: string}\n");
  EXPECT_TRUE(Codes(fs).empty());
}

// The display base (the repository) bounds the description, not the root's directory.
TEST(WorkspaceTest, RefusesRefsOutsideTheRepository) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) + "components:\n  schemas:\n    A: {$ref: '../shared.yaml'}\n");
  fs.Write("shared.yaml", "type: string\n");
  EXPECT_TRUE(Codes(fs).empty());
  fs.Write("spec/root.yaml", std::string(kHead) + "components:\n  schemas:\n    A: {$ref: '../../secret.yaml'}\n");
  fs.Write("../secret.yaml", "type: string\n");
  EXPECT_EQ(Codes(fs), std::vector<std::string>{"SPEC_REF_OUTSIDE_ROOT"});
}

TEST(WorkspaceTest, RefusesRemoteRefs) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) + "components:\n  schemas:\n    A: {$ref: 'https://x.test/a.yaml'}\n");
  EXPECT_EQ(Codes(fs), std::vector<std::string>{"SPEC_REF_REMOTE"});
}

TEST(WorkspaceTest, ReportsRefOnlyCyclesOnceAndSchemaCyclesNever) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) +
                                 "components:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n"
                                 "    B: {$ref: '#/components/schemas/A'}\n"
                                 "    Node: {type: object, properties: {next: {$ref: '#/components/schemas/Node'}}}\n");
  std::vector<std::string> codes = Codes(fs);
  ASSERT_FALSE(codes.empty());
  for (const std::string& c : codes) EXPECT_EQ(c, "SPEC_REF_CYCLE");
}

TEST(WorkspaceTest, ReportsUnresolvedRefsWithSuggestion) {
  MemFs fs;
  fs.Write("spec/root.yaml", std::string(kHead) +
                                 "components:\n  schemas:\n    Pet: {type: object}\n"
                                 "    List: {type: array, items: {$ref: '#/components/schemas/Pett'}}\n");
  SourceMap sources;
  DiagSink sink;
  LoadApi("spec/root.yaml", fs, sources, sink, ".");
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].code, DiagCode::kSpecRefUnresolved);
  EXPECT_EQ(sink.diagnostics()[0].hint, "did you mean `Pet`?");
  EXPECT_EQ(sources.Position(sink.diagnostics()[0].loc).line, 7u);
}

}  // namespace
}  // namespace specc::openapi
