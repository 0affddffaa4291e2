// The parser: comments, string escapes, plain-words syntax errors with recovery, exact
// byte columns after non-ASCII text, and no crash or hang on mutated or garbage input.
#include "dsl/parser.h"

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dsl_test_util.h"

namespace specc::dsl {
namespace {

using testing::LoadText;
using Lines = std::vector<std::string>;

Lines Syntax(const std::string& text) {
  testing::LoadOutcome out = LoadText(text);
  EXPECT_FALSE(out.project.has_value());
  return out.diagnostics;
}

TEST(ParserTest, CommentsAndEscapes) {
  DiagSink sink;
  std::optional<ast::File> file = ParseProjectText(0,
      "# hash comment\n"
      "// slash comment\n"
      "project \"p\\u00e9\" { /* block\n comment */\n"
      "  env A { description = \"a \\\"q\\\" \\\\ \\n \\t \\u{1F600}\"; example = 'x' }\n"
      "}\n",
      sink);
  // Single quotes are the one thing reported here.
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].message, "strings are written in double quotes");
  EXPECT_FALSE(file.has_value());

  DiagSink ok_sink;
  file = ParseProjectText(0,
                          "project \"p\\u00e9\" {\n"
                          "  env A { description = \"a \\\"q\\\" \\\\ \\n \\t \\u{1F600}\" }\n"
                          "}\n",
                          ok_sink);
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->project_name.text, "p\xC3\xA9");
  ASSERT_EQ(file->decls.size(), 1u);
  EXPECT_EQ(file->decls[0].members[0].value.text, "a \"q\" \\ \n \t \xF0\x9F\x98\x80");
}

TEST(ParserTest, ValuesOfEveryKind) {
  DiagSink sink;
  std::optional<ast::File> file = ParseProjectText(0,
      "project \"p\" { env A { a = 1.4.0; b = 72h; c = x.y.z; d = f(a.b, c); e = [\"s\", 2, n,]; "
      "branch per environment; secret } }",
      sink);
  ASSERT_TRUE(file.has_value()) << sink.diagnostics()[0].message;
  const std::vector<ast::Member>& m = file->decls[0].members;
  ASSERT_EQ(m.size(), 7u);
  EXPECT_EQ(m[0].value.kind, ast::Value::Kind::kNumber);
  EXPECT_EQ(m[0].value.text, "1.4.0");
  EXPECT_EQ(m[1].value.kind, ast::Value::Kind::kQuantity);
  EXPECT_EQ(m[2].value.kind, ast::Value::Kind::kName);
  EXPECT_EQ(m[2].value.path.size(), 3u);
  EXPECT_EQ(m[3].value.kind, ast::Value::Kind::kCall);
  EXPECT_EQ(m[3].value.items.size(), 2u);
  EXPECT_EQ(m[4].value.kind, ast::Value::Kind::kList);
  EXPECT_EQ(m[4].value.items.size(), 3u);
  EXPECT_EQ(m[5].kind, ast::Member::Kind::kFlag);
  EXPECT_EQ(m[5].key.text, "branch per environment");
  EXPECT_EQ(m[6].key.text, "secret");
}

TEST(ParserTest, PlainWordsForMissingTokens) {
  EXPECT_EQ(Syntax("project \"p\" {\n  env A { scope runtime }\n}\n"),
            Lines{"2:16 DSL_SYNTAX expected `=` after `scope`"});
  EXPECT_EQ(Syntax("project \"p\" {\n  env A { source manual }\n}\n"),
            Lines{"2:17 DSL_SYNTAX expected `=` after `source`"});
  EXPECT_EQ(Syntax("project \"p\" {\n  id: \"x\"\n}\n"),
            Lines{"2:5 DSL_SYNTAX expected `=` after `id`, found `:`"});
  EXPECT_EQ(Syntax("project p {}"),
            Lines{"1:9 DSL_SYNTAX expected a string after `project`, found `p`"});
  EXPECT_EQ(Syntax("env A {}"), Lines{"1:1 DSL_SYNTAX expected `project`, found `env`"});
  EXPECT_EQ(Syntax(""), Lines{"1:1 DSL_SYNTAX expected `project`, found the end of the file"});
  EXPECT_EQ(Syntax("project \"p\" { resource db : neon.postgres { branch per env } }"),
            Lines{"1:55 DSL_SYNTAX expected `environment` after `per`"});
}

TEST(ParserTest, ErrorMessagesNeverLeakAntlrWording) {
  std::vector<std::string> inputs = {
      "project \"p\" { env A { x = } }", "project \"p\" { env { } }", "project \"p\" { = }",
      "project \"p\" { env A { allowed = [\"a\" \"b\"] } }", "project \"p\" { environments { a b } }",
      "project \"p\" { resource : x {} }", "project \"p\" { env A { s = f(a.b } }", "project \"p\" {"};
  for (const std::string& input : inputs) {
    testing::LoadOutcome out = LoadText(input);
    ASSERT_FALSE(out.diagnostics.empty()) << input;
    for (const std::string& d : out.diagnostics) {
      EXPECT_EQ(d.find("mismatched"), std::string::npos) << d;
      EXPECT_EQ(d.find("extraneous"), std::string::npos) << d;
      EXPECT_EQ(d.find("viable"), std::string::npos) << d;
      EXPECT_EQ(d.find("expecting"), std::string::npos) << d;
      EXPECT_EQ(d.find("<EOF>"), std::string::npos) << d;
      EXPECT_EQ(d.find("something else"), std::string::npos) << d;
    }
  }
}

TEST(ParserTest, RecoversAndReportsSeveralErrors) {
  Lines d = Syntax(
      "project \"p\" {\n"
      "  env A { scope runtime }\n"
      "  env B { default = \"x\\q\" }\n"
      "  env C { example = \"open\n"
      "  }\n"
      "  env D { x = @ }\n"
      "  environments { dev staging }\n"
      "}\n");
  EXPECT_EQ(d, (Lines{
                   "2:16 DSL_SYNTAX expected `=` after `scope`",
                   "3:23 DSL_SYNTAX unknown escape `\\q` in a string",
                   "4:21 DSL_SYNTAX unterminated string",
                   "6:15 DSL_SYNTAX unexpected character `@`",
                   "7:22 DSL_SYNTAX expected `}` or `,` after `dev`, found `staging`",
               }));
}

TEST(ParserTest, UnterminatedBlockComment) {
  EXPECT_EQ(Syntax("project \"p\" {} /* never closed"),
            Lines{"1:16 DSL_SYNTAX unterminated `/*` comment"});
}

TEST(ParserTest, ColumnsCountBytesAfterNonAsciiText) {
  // "é", "ö" and "—" are 2, 2 and 3 bytes: columns are byte columns, as SourceMap counts.
  std::string line = "  env A { description = \"Größe — ünïcödé\" \"again\" }\n";
  Lines d = Syntax("project \"p\" {\n" + line + "}\n");
  size_t column = line.find("\"again\"") + 1;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], "2:" + std::to_string(column) +
                      " DSL_SYNTAX expected a field or `}` after `\"Größe — ünïcödé...`, found "
                      "`\"again\"`");
  EXPECT_EQ(column, 51u);
}

TEST(ParserTest, NonAsciiStrayCharacterAndCheckerColumns) {
  EXPECT_EQ(Syntax("project \"p\" {\n  # naïve comment\n  env A { x = « }\n}\n"),
            Lines{"3:15 DSL_SYNTAX unexpected character `«`"});
  testing::LoadOutcome out = LoadText(testing::Project(
      "  env A { description = \"déjà vu\"; scope = runtim }\n"));
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0],
            "5:46 DSL_INVALID_VALUE `scope` must be `build` or `runtime`, not `runtim`");
}

TEST(ParserTest, InvalidUtf8IsReportedOnce) {
  testing::LoadOutcome out = LoadText("project \"p\xff\xfe\" {}\n");
  EXPECT_FALSE(out.project.has_value());
  EXPECT_EQ(out.diagnostics, Lines{"1:11 SPEC_ENCODING_INVALID the project spec is not valid UTF-8"});
}

std::string ReadExample() {
  std::ifstream in(std::string(SPECC_SPECS_DIR) + "/stackfast.specc", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Loads `text` and checks only that it returns; sanitizer builds catch the rest.
void LoadSurvives(const std::string& text) {
  SourceMap sources;
  FileId file = sources.Add("f.specc", text);
  DiagSink sink;
  std::optional<ir::Project> project = LoadProject(file, sources, MemFs(), "", sink);
  if (!project) {
    EXPECT_TRUE(sink.has_errors());
  }
  for (const Diagnostic& d : sink.diagnostics()) {
    EXPECT_LE(d.loc.offset, text.size());
    EXPECT_FALSE(d.message.empty());
  }
}

TEST(ParserTest, MutatedExampleNeverCrashes) {
  std::string example = ReadExample();
  ASSERT_FALSE(example.empty());
  std::mt19937 rng(20251125);
  const std::string alphabet = "{}[]()=:;,.\"'\\/*#\n @-_0123456789abcxyzé\xff\x80";
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 3000; ++i) {
    std::string text = example;
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      size_t at = rng() % text.size();
      switch (rng() % 4) {
        case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        case 2: text.erase(at, 1 + rng() % 20); break;
        case 3: text.resize(at); break;
      }
    }
    LoadSurvives(text);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

TEST(ParserTest, GarbageAndPathologicalInputsNeverCrash) {
  std::mt19937 rng(7);
  for (int i = 0; i < 500; ++i) {
    std::string text(rng() % 400, '\0');
    for (char& c : text) c = static_cast<char>(rng() % 256);
    LoadSurvives(text);
  }
  LoadSurvives(std::string(100000, '['));
  LoadSurvives(std::string(100000, '{'));
  LoadSurvives("project \"p\" { env A { a = [" + std::string(50000, '[') + " } }");
  LoadSurvives("project \"p\" {" + std::string(50000, '}'));
  LoadSurvives(std::string(1, '\0'));
  LoadSurvives("project \"" + std::string(100000, 'a'));
  std::string many_errors = "project \"p\" {\n";
  for (int i = 0; i < 3000; ++i) many_errors += "  env A { = }\n";
  LoadSurvives(many_errors);
}

// Recovery stops after 100 syntax errors with one last diagnostic saying so (100,000
// repetitions of `env A {` once reported 49,997 errors in 20 s).
TEST(ParserTest, RecoveryStopsAfterAHundredErrors) {
  std::string text = "project \"p\" {\n";
  for (int i = 0; i < 100000; ++i) text += "env A {";
  DiagSink sink;
  EXPECT_FALSE(ParseProjectText(0, text, sink).has_value());
  ASSERT_EQ(sink.diagnostics().size(), 101u);
  const Diagnostic& last = sink.diagnostics().back();
  EXPECT_EQ(last.code, DiagCode::kDslSyntax);
  EXPECT_EQ(last.message, "too many syntax errors: stopped after the first 100");
  EXPECT_GT(last.loc.offset, sink.diagnostics()[99].loc.offset);
  EXPECT_LT(last.loc.offset, 2000u);
}

// Lexical errors (bad escapes) count too: the first 100 of the file are reported.
TEST(ParserTest, LexicalErrorsStopAfterAHundredToo) {
  std::string text = "project \"p\" {\n";
  for (int i = 0; i < 5000; ++i) text += "env A { default = \"\\q\" }\n";
  text += "}\n";
  DiagSink sink;
  EXPECT_FALSE(ParseProjectText(0, text, sink).has_value());
  ASSERT_EQ(sink.diagnostics().size(), 101u);
  EXPECT_EQ(sink.diagnostics()[0].message, "unknown escape `\\q` in a string");
  EXPECT_EQ(sink.diagnostics().back().message, "too many syntax errors: stopped after the first 100");
}

}  // namespace
}  // namespace specc::dsl
