// `specc explain`: every registered diagnostic code has an explanation, and each
// explanation's examples do what they claim: the wrong file draws the code from specc,
// the right file does not (and is clean). Each example runs in a fresh temporary
// directory laid out as a project, through cli::Run as `main` would.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli.h"
#include "cli/explain_texts.h"

namespace fs = std::filesystem;

namespace specc::cli {
namespace {

const std::vector<std::string>& RegisteredCodes() {
  static const std::vector<std::string> codes = {
#define SPECC_DIAG(name, text, severity) text,
#include "base/diag_codes.def"
#undef SPECC_DIAG
  };
  return codes;
}

// Codes whose examples no command can check here, and why. Keep this list short: every
// other code's examples are run below.
const std::map<std::string, std::string>& DescriptionOnly() {
  static const std::map<std::string, std::string> codes = {
      {"SPEC_FILE_UNREADABLE", "the example is a command line naming a missing file"},
      {"SPEC_NESTING_TOO_DEEP", "the wrong example stands for 1001 levels it cannot show"},
      {"SPEC_ENCODING_INVALID", "the wrong example shows an invalid byte as `\\xE9` text"},
      {"TEMPLATE_OUTPUT_UNSAFE", "the wrong example shows the raw U+2028 as `<U+2028>` text"},
      {"ENV_SECRET_TRACKED", "needs a git repository that would commit the .env file"},
      {"SECRET_IN_OUTPUT", "a real secret in the example would itself be redacted by the guard"},
      {"SECRET_IN_SPEC", "a real secret in the example would itself be refused; the example abbreviates it"},
      {"SECRET_EXAMPLE", "a secret-shaped example would be a real-looking token in the source; it is abbreviated"},
      {"SECRET_ALLOW_INVALID", "the example is the allowlist file, which lint reads beside a spec (golden/fail_secret_allowlist_invalid)"},
      {"SECRET_ALLOW_UNUSED", "the example is the allowlist file, which lint reads beside a spec (golden/fail_secret_in_spec)"},
      {"DIFF_ACCEPTED_INVALID", "the accepted-breaks file is read by specc diff in a git repository (golden diff cases)"},
  };
  return codes;
}

const char* const kMinimalApi = R"x(openapi: 3.1.0
info: {title: Shop, version: 1.0.0}
paths:
  /pets:
    get:
      operationId: listPets
      responses: {'200': {description: the pets}}
)x";

// The env contract the ENV_* examples are checked against (explain_texts_project.cc
// describes it in ENV_MISSING's text).
const char* const kEnvContract = R"x(project "shop" {
  id = "7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30"
  version = "1.0.0"
  constitution = "1.0.0"
  resource web : vercel.project { framework = "nextjs" }
  env DATABASE_URL { secret }
  env LOG_LEVEL { default = "info"; allowed = ["debug", "info", "warn"] }
  env STRIPE_SECRET_KEY { secret; optional }
}
)x";

// How to check one code's examples: the command, and the files the example needs beside it.
struct Drive {
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> companions;
};

Drive DriveFor(const Explanation& e, const ExampleFile& example) {
  std::string code(e.code), file(example.file);
  if (code.rfind("ENV_", 0) == 0) return {{"env", "check", file, "--env", "dev"}, {{"specs/shop.specc", kEnvContract}}};
  if (code.rfind("TEMPLATE_", 0) == 0) {
    std::string kind = file.find("/mcp/") != std::string::npos ? "mcp" : "schemas";
    return {{"emit", "specs/api.yaml", "--out", "out", "--templates", "tpl", "--only", kind},
            {{"specs/api.yaml", kMinimalApi}}};
  }
  if (code.rfind("POSTMAN_", 0) == 0) return {{"emit", file, "--out", "out", "--only", "postman"}, {}};
  if (file == "specc.yaml") return {{"lint"}, {{"specs/api.yaml", kMinimalApi}}};
  Drive drive{{"lint"}, {}};
  if (file.size() < 6 || file.substr(file.size() - 6) != ".specc") drive.args.push_back(file);
  if (code == "SPEC_FILE_OUTSIDE_REPOSITORY" || code == "DSL_OPENAPI_NOT_FOUND") {
    drive.companions.emplace_back("specs/api/openapi.yaml", kMinimalApi);
  }
  if (code == "DSL_MULTIPLE_PROJECTS") drive.companions.emplace_back("specs/shop.specc", kEnvContract);
  if (code == "SPEC_REF_OUTSIDE_ROOT") drive.companions.emplace_back("shared/pet.yaml", "type: object\n");
  if (code == "SPEC_FILE_UNREACHED") {
    drive.args = {"lint"};  // repository mode: the check runs only when no file is named
    drive.companions.emplace_back("specs/schemas/pet.yaml", "type: object\n");
  }
  if (code == "SPEC_PATH_UNMOUNTED") {
    drive.companions.emplace_back("specs/paths.yaml", std::string("/pets:\n  get:\n    operationId: listPets\n") +
                                                          "    responses: {'200': {description: the pets}}\n" +
                                                          "/stores:\n  get:\n    operationId: listStores\n" +
                                                          "    responses: {'200': {description: the stores}}\n");
  }
  if (code == "SPEC_DISCRIMINATOR_IMPLICIT") {
    for (const char* mapping : {"Cat", "'api.yaml#/components/schemas/Cat'"}) {
      drive.companions.emplace_back(std::string(mapping) == "Cat" ? "specs/pet-by-name.yaml" : "specs/pet-by-ref.yaml",
                                    std::string("type: object\ndiscriminator:\n  propertyName: kind\n"
                                                "  mapping: {cat: ") + mapping + "}\n");
    }
  }
  if (code == "SPEC_REF_POSITION") {
    const char* list_pets = "operationId: listPets\nresponses: {'200': {description: the pets}}\n";
    drive.companions.emplace_back("specs/api/operations/list-pets.yaml", list_pets);
    drive.companions.emplace_back("specs/api/paths/pets.yaml", std::string("get:\n  ") +
                                      "operationId: listPets\n  responses: {'200': {description: the pets}}\n");
  }
  return drive;
}

void WriteFile(const fs::path& path, std::string_view text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Runs `example` in a fresh project directory; returns the exit code, output in `printed`.
int RunExample(const Explanation& e, const ExampleFile& example, std::string* printed) {
  fs::path dir = fs::temp_directory_path() / ("specc-explain-" + std::to_string(::getpid())) / "repo";
  fs::remove_all(dir.parent_path());
  Drive drive = DriveFor(e, example);
  for (const auto& [path, text] : drive.companions) WriteFile(dir / path, text);
  WriteFile(dir / std::string(example.file), example.text);
  std::ostringstream out, err;
  RunOptions options;
  options.working_dir = dir.string();
  int code = Run(drive.args, options, out, err);
  *printed = out.str() + err.str();
  fs::remove_all(dir.parent_path());
  return code;
}

TEST(ExplainTableTest, EveryRegisteredCodeHasOneExplanationInRegistryOrder) {
  std::vector<std::string> explained;
  for (const Explanation& e : Explanations()) explained.emplace_back(e.code);
  EXPECT_EQ(explained, RegisteredCodes()) << "add one entry per code of diag_codes.def, in its order, "
                                             "to compiler/src/cli/explain_texts_*.cc";
}

TEST(ExplainTableTest, ExplanationsAreCompleteAndNameOnlyRealCodes) {
  std::set<std::string> registered(RegisteredCodes().begin(), RegisteredCodes().end());
  std::regex code_like(R"(\b(SPEC|DSL|TEMPLATE|POSTMAN|CONFIG|ENV|SECRET)_[A-Z0-9_]+\b)");
  for (const Explanation& e : Explanations()) {
    SCOPED_TRACE(std::string(e.code));
    EXPECT_FALSE(e.title.empty());
    EXPECT_FALSE(e.description.empty());
    EXPECT_FALSE(e.wrong.file.empty());
    EXPECT_FALSE(e.wrong.text.empty());
    EXPECT_FALSE(e.right.file.empty());
    EXPECT_FALSE(e.right.text.empty());
    EXPECT_TRUE(e.wrong.file != e.right.file || e.wrong.text != e.right.text) << "the examples are the same file";
    EXPECT_EQ(e.wrong.text.back(), '\n');
    EXPECT_EQ(e.right.text.back(), '\n');
    std::string prose = std::string(e.title) + "\n" + std::string(e.description);
    for (std::sregex_iterator it(prose.begin(), prose.end(), code_like), end; it != end; ++it) {
      EXPECT_TRUE(registered.count(it->str())) << "names `" << it->str() << "`, which is not a code";
    }
  }
  for (const auto& [code, reason] : DescriptionOnly()) EXPECT_TRUE(registered.count(code)) << code;
}

class ExplainExampleTest : public testing::TestWithParam<std::string> {};

TEST_P(ExplainExampleTest, WrongDrawsTheCodeAndRightIsClean) {
  const Explanation* e = FindExplanation(GetParam());
  ASSERT_NE(e, nullptr);
  std::string tag = "[" + GetParam() + "]";
  std::string printed;
  RunExample(*e, e->wrong, &printed);
  EXPECT_NE(printed.find(tag), std::string::npos) << "the wrong example of " << GetParam()
                                                  << " does not draw it:\n" << printed;
  int code = RunExample(*e, e->right, &printed);
  EXPECT_EQ(printed.find(tag), std::string::npos) << "the right example of " << GetParam() << " draws it:\n"
                                                  << printed;
  EXPECT_EQ(code, kExitClean) << "the right example of " << GetParam() << " is not clean:\n" << printed;
}

// The codes whose examples are run: every registered code but the description-only ones,
// which are left out of the suite (not skipped in it), each with its reason above.
std::vector<std::string> DrivenCodes() {
  std::vector<std::string> codes;
  for (const std::string& code : RegisteredCodes()) {
    if (!DescriptionOnly().count(code)) codes.push_back(code);
  }
  return codes;
}

INSTANTIATE_TEST_SUITE_P(AllCodes, ExplainExampleTest, testing::ValuesIn(DrivenCodes()),
                         [](const testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(ExplainCommandTest, PrintsEveryExplanationWithoutTrippingTheSecretGuard) {
  for (const std::string& code : RegisteredCodes()) {
    for (const char* format : {"text", "json"}) {
      std::ostringstream out, err;
      EXPECT_EQ(cli::Run({"explain", code, "--format", format}, RunOptions{}, out, err), kExitClean) << code;
      EXPECT_EQ(err.str(), "") << code;
      EXPECT_NE(out.str().find(code), std::string::npos) << code;
    }
  }
}

TEST(ExplainCommandTest, LooksCodesUpWithoutRegardToCase) {
  std::ostringstream lower, upper, err;
  EXPECT_EQ(cli::Run({"explain", "spec_ref_cycle"}, RunOptions{}, lower, err), kExitClean);
  EXPECT_EQ(cli::Run({"explain", "SPEC_REF_CYCLE"}, RunOptions{}, upper, err), kExitClean);
  EXPECT_EQ(lower.str(), upper.str());
}

TEST(ExplainCommandTest, ListsEveryCodeWithoutArgument) {
  std::ostringstream out, err;
  EXPECT_EQ(cli::Run({"explain"}, RunOptions{}, out, err), kExitClean);
  for (const std::string& code : RegisteredCodes()) {
    EXPECT_NE(out.str().find(code + " "), std::string::npos) << code;
  }
}

TEST(ExplainCommandTest, UnknownCodeIsAUsageErrorWithASuggestion) {
  std::ostringstream out, err;
  EXPECT_EQ(cli::Run({"explain", "DSL_SYNTAKS"}, RunOptions{}, out, err), kExitUsage);
  EXPECT_EQ(out.str(), "");
  EXPECT_NE(err.str().find("unknown code `DSL_SYNTAKS`; did you mean `DSL_SYNTAX`?"), std::string::npos) << err.str();
}

}  // namespace
}  // namespace specc::cli
