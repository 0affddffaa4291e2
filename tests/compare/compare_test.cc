// `specc diff` on real documents: refactorings that must give no change (GitHub's JSON
// description against its YAML twin, the example project's multi-file spec against its
// own bundle), the real history of GitHub's description (2022-06 against today) with ten
// breaking changes checked by hand, and the registry of rules against the golden pairs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "compare/change.h"
#include "corpus/corpus_util.h"

namespace specc {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing_corpus::CorpusDir;

struct DiffResult {
  int exit_code;
  std::string out, err;
};

DiffResult Diff(const std::string& working_dir, std::vector<std::string> args) {
  args.insert(args.begin(), "diff");
  cli::RunOptions options;
  options.working_dir = working_dir;
  std::ostringstream out, err;
  int code = cli::Run(args, options, out, err);
  return {code, out.str(), err.str()};
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(DiffRulesTest, EveryRuleHasAGoldenPairThatReportsIt) {
  for (compare::Rule rule : compare::AllRules()) {
    std::string id(compare::RuleId(rule));
    std::string dir = "diff_" + id;
    std::replace(dir.begin(), dir.end(), '-', '_');
    fs::path stdout_path = fs::path(GOLDEN_DIR) / dir / "stdout.txt";
    ASSERT_TRUE(fs::exists(stdout_path)) << "rule " << id << " has no golden pair golden/" << dir;
    std::string level(compare::LevelName(compare::RuleLevel(rule)));
    std::string expected = level + std::string(10 - level.size(), ' ') + id;
    EXPECT_NE(ReadFile(stdout_path).find(expected), std::string::npos)
        << "golden/" << dir << "/stdout.txt does not report `" << expected << "`";
  }
}

TEST(DiffRulesTest, TheReadmeListsEveryRuleWithItsLevel) {
  std::string readme = ReadFile(fs::path(PROJECT_DIR) / "README.md");
  for (compare::Rule rule : compare::AllRules()) {
    std::string row = "| `" + std::string(compare::RuleId(rule)) + "` | " +
                      std::string(compare::LevelName(compare::RuleLevel(rule))) + " | " +
                      std::string(compare::RuleSummary(rule)) + " |";
    EXPECT_NE(readme.find(row), std::string::npos) << "README.md lacks the row " << row;
  }
}

TEST(DiffRulesTest, RuleIdsAreKebabCaseAndUnique) {
  std::set<std::string> seen;
  for (compare::Rule rule : compare::AllRules()) {
    std::string id(compare::RuleId(rule));
    EXPECT_TRUE(seen.insert(id).second) << id << " twice";
    EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz-"), std::string::npos) << id;
    EXPECT_NE(id.front(), '-');
    EXPECT_EQ(compare::FindRule(id), rule);
  }
}

TEST(DiffRefactoringTest, GithubJsonAndItsYamlTwinAreTheSameApi) {
  DiffResult run = Diff(CorpusDir().string(), {"--fail-on", "info", "github/octokit-openapi/api.github.com.json",
                                        "github/octokit-openapi/api.github.com.yaml"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "specc diff: no changes\n");
}

TEST(DiffRefactoringTest, TheExampleSpecEqualsItsOwnBundle) {
  // src/generated/api/openapi.json is what the openapi emitter bundled from the
  // multi-file spec under specs/api/ (self_check keeps it current).
  DiffResult run = Diff(PROJECT_DIR, {"--fail-on", "info", "specs/api/openapi.yaml", "src/generated/api/openapi.json"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_EQ(run.out, "specc diff: no changes\n");
  // The comparison does see the bundle: the other way round it finds nothing either, and
  // against another API it finds plenty.
  DiffResult reverse = Diff(PROJECT_DIR, {"--fail-on", "info", "src/generated/api/openapi.json", "specs/api/openapi.yaml"});
  EXPECT_EQ(reverse.out, "specc diff: no changes\n");
  DiffResult other = Diff(PROJECT_DIR, {"--fail-on", "never", "specs/api/openapi.yaml",
                                 "golden/diff_base_path_changed/input/new.yaml"});
  EXPECT_NE(other.out.find("path-removed"), std::string::npos) << other.out;
}

// GitHub's description of 2022-06-11 against today's: the real history of a large API.
class GithubHistoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    DiffResult run = Diff(CorpusDir().string(),
                   {"--format", "json", "github/rest-api-description-2022-06/api.github.com.json",
                    "github/octokit-openapi/api.github.com.json"});
    exit_code_ = run.exit_code;
    report_ = json::parse(run.out);
  }

  // Returns the changes with `rule` at `operation` and `at`.
  static std::vector<json> Find(const std::string& rule, const std::string& operation, const std::string& at) {
    std::vector<json> out;
    for (const json& c : report_["changes"]) {
      if (c["rule"] == rule && c["operation"] == operation && c["at"] == at) out.push_back(c);
    }
    return out;
  }

  static int exit_code_;
  static json report_;
};

int GithubHistoryTest::exit_code_ = 0;
json GithubHistoryTest::report_;

TEST_F(GithubHistoryTest, FailsOnItsBreakingChanges) {
  EXPECT_EQ(exit_code_, 1);
  EXPECT_TRUE(report_["summary"]["failed"].get<bool>());
  EXPECT_GT(report_["summary"]["breaking"].get<int>(), 500);
}

TEST_F(GithubHistoryTest, EveryChangeOfAnOperationIsLocatedInBothVersions) {
  for (const json& c : report_["changes"]) {
    if (c["operation"].get<std::string>().empty()) continue;
    EXPECT_FALSE(c["base"].is_null()) << c.dump();
    EXPECT_FALSE(c["head"].is_null()) << c.dump();
  }
}

// Each of these was checked by hand against the two documents.
TEST_F(GithubHistoryTest, TenBreakingChangesCheckedByHand) {
  struct Expected {
    const char* rule;
    const char* operation;
    const char* at;
    const char* in_message;
  };
  const Expected expected[] = {
      // The enterprise-level Actions permissions endpoints are gone (GET and PUT).
      {"path-removed", "/enterprises/{enterprise}/actions/permissions", "", "GET, PUT"},
      // `internal` is no longer a visibility a new organization repository can have.
      {"request-enum-value-removed", "POST /orgs/{org}/repos", "request body application/json visibility",
       "`internal`"},
      // The `integration` schema lost client_secret (only the manifest conversion has it).
      {"response-property-removed", "GET /app", "response 200 application/json client_secret", "client_secret"},
      // The bare array form of the status check contexts is no longer accepted.
      {"request-one-of-branch-removed",
       "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
       "request body application/json", "branch `1`"},
      // 202 (the user's profile is being built) is no longer documented.
      {"response-success-status-removed", "GET /users/{username}", "response 202", "`202`"},
      // The 302 redirect for non-members is no longer documented.
      {"response-success-status-removed", "GET /orgs/{org}/members", "response 302", "`302`"},
      // application/vnd.github.v3.object became application/vnd.github.object.
      {"response-media-type-removed", "GET /repos/{owner}/{repo}/contents/{path}",
       "response 200 application/vnd.github.v3.object", "application/vnd.github.v3.object"},
      // The webhook configuration update now requires its body.
      {"request-body-became-required", "PATCH /app/hook/config", "request body", "required"},
      // minimal-repository's license.url became nullable.
      {"response-became-nullable", "GET /notifications", "response 200 application/json [].repository.license.url",
       "null"},
      // projects/list-for-org now lists Projects (V2) under another path.
      {"path-renamed", "GET /orgs/{org}/projectsV2", "", "`GET /orgs/{org}/projects` moved to `/orgs/{org}/projectsV2`"},
      // The array and string forms of the email list are no longer accepted.
      {"request-one-of-branch-removed", "POST /user/emails", "request body application/json", "branch `2`"},
  };
  for (const Expected& e : expected) {
    std::vector<json> found = Find(e.rule, e.operation, e.at);
    bool matched = std::any_of(found.begin(), found.end(), [&](const json& c) {
      return c["message"].get<std::string>().find(e.in_message) != std::string::npos;
    });
    EXPECT_TRUE(matched) << e.rule << " at " << e.operation << " " << e.at << " (" << e.in_message << ")";
    for (const json& c : found) EXPECT_EQ(c["level"], "breaking") << c.dump();
  }
}

TEST_F(GithubHistoryTest, RefactoringsOfTheDescriptionAreNotChanges) {
  // Between 2022 and today GitHub turned `owner: nullable-simple-user` into a nullable
  // `oneOf: [simple-user, enterprise]`: enterprise is a new branch, simple-user is the
  // old value under another name and must not show up as added.
  size_t enterprise = 0;
  for (const json& c : report_["changes"]) {
    if (c["rule"] != "response-one-of-branch-added") continue;
    EXPECT_NE(c["message"], "oneOf branch `simple-user` added") << c.dump();
    if (c["message"] == "oneOf branch `enterprise` added") ++enterprise;
  }
  EXPECT_GT(enterprise, 10u);
  // A discriminator added to a union changes nothing on the wire.
  for (const json& c : report_["changes"]) {
    EXPECT_EQ(c["message"].get<std::string>().find("discriminator `user_view_type` added"), std::string::npos);
  }
}

}  // namespace
}  // namespace specc
