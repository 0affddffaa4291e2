// The example project (specs/stackfast.specc) loads into the expected IR without a
// diagnostic, and a syntax error appended to it is reported at its exact position.
#include "dsl/project_loader.h"

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "dsl_test_util.h"

namespace specc::dsl {
namespace {

using testing::LoadText;

std::string ReadExample() {
  std::ifstream in(std::string(SPECC_SPECS_DIR) + "/stackfast.specc", std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(ProjectLoaderTest, ExampleProjectLoadsCleanly) {
  std::string text = ReadExample();
  ASSERT_FALSE(text.empty());
  testing::LoadOutcome out = LoadText(text);
  EXPECT_TRUE(out.diagnostics.empty()) << Joined(out.diagnostics);
  ASSERT_TRUE(out.project.has_value());
  const ir::Project& p = *out.project;
  EXPECT_EQ(p.name, "stackfast");
  EXPECT_EQ(p.id, "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10");
  EXPECT_EQ(p.version, "1.4.0");
  EXPECT_EQ(p.constitution, "2.1.0");
  ASSERT_EQ(p.environments.size(), 3u);
  EXPECT_EQ(p.environments[0].name, "dev");
  EXPECT_EQ(p.environments[1].name, "staging");
  EXPECT_EQ(p.environments[2].name, "prod");
  EXPECT_TRUE(p.preview.declared);
  EXPECT_EQ(p.preview.naming, "preview-<branchSlug>");
  EXPECT_EQ(p.preview.ttl_hours, 72);
  EXPECT_EQ(p.preview.max, 15);

  ASSERT_EQ(p.services.size(), 1u);
  EXPECT_EQ(p.services[0].name, "api");
  EXPECT_EQ(p.services[0].openapi, "api/openapi.yaml");
  EXPECT_EQ(p.services[0].openapi_path, "specs/api/openapi.yaml");
  EXPECT_EQ(p.services[0].runtime, ir::Runtime::kCloudflareWorker);
  EXPECT_EQ(p.services[0].deploy, "edge");

  ASSERT_EQ(p.resources.size(), 7u);
  const ir::Resource& db = p.resources[1];
  EXPECT_EQ(db.name, "db");
  EXPECT_EQ(db.type, ir::ResourceType::kNeonPostgres);
  EXPECT_TRUE(db.branch_per_environment);
  EXPECT_FALSE(db.per_environment);
  ASSERT_EQ(db.settings.size(), 3u);
  EXPECT_EQ(db.settings[0].key, "region");
  EXPECT_EQ(db.settings[0].value, "aws-us-east-2");
  ASSERT_EQ(db.overrides.size(), 1u);
  EXPECT_EQ(db.overrides[0].environment, "prod");
  EXPECT_EQ(db.overrides[0].settings[0].value, "scale");
  EXPECT_TRUE(p.resources[2].per_environment);   // cache: per environment
  EXPECT_FALSE(p.resources[3].per_environment);  // embeddings: shared
  EXPECT_EQ(p.resources[5].type, ir::ResourceType::kVercelProject);
  EXPECT_EQ(p.resources[6].type, ir::ResourceType::kPostmanWorkspace);

  ASSERT_EQ(p.env.size(), 13u);
  const ir::EnvVar& database_url = p.env[0];
  EXPECT_EQ(database_url.key, "DATABASE_URL");
  EXPECT_EQ(database_url.scope, ir::EnvScope::kRuntime);
  EXPECT_TRUE(database_url.secret);
  EXPECT_EQ(database_url.source.kind, ir::EnvSourceKind::kProvisioned);
  EXPECT_EQ(database_url.source.resource, "db");
  EXPECT_EQ(database_url.source.output, "connectionUri");
  EXPECT_TRUE(database_url.required);

  const ir::EnvVar& api_base = p.env[5];
  EXPECT_EQ(api_base.key, "API_BASE_URL");
  EXPECT_EQ(api_base.scope, ir::EnvScope::kBuild);
  ASSERT_EQ(api_base.overrides.size(), 1u);
  ASSERT_TRUE(api_base.overrides[0].source.has_value());
  EXPECT_EQ(api_base.overrides[0].source->kind, ir::EnvSourceKind::kManual);
  EXPECT_EQ(api_base.overrides[0].default_value, "http://localhost:8787");

  const ir::EnvVar& log_level = p.env[7];
  EXPECT_EQ(log_level.default_value, "info");
  EXPECT_EQ(log_level.allowed.size(), 4u);
  EXPECT_EQ(log_level.overrides.size(), 2u);

  const ir::EnvVar& sentry = p.env[10];
  EXPECT_EQ(sentry.key, "SENTRY_DSN");
  EXPECT_FALSE(sentry.required);
  EXPECT_FALSE(ir::RequiredIn(sentry, "dev"));
  EXPECT_TRUE(ir::RequiredIn(sentry, "prod"));

  EXPECT_EQ(p.env[11].description, "Comma-separated flags to turn on, e.g. \"search,export\"");

  // Declared integrations first, then the implicit ones for github and postman.
  ASSERT_EQ(p.integrations.size(), 6u);
  EXPECT_EQ(p.integrations[1].credentials,
            (std::vector<std::string>{"UPSTASH_EMAIL", "UPSTASH_API_KEY"}));
  EXPECT_FALSE(p.integrations[1].implicit);
  EXPECT_EQ(p.integrations[4].provider, ir::Provider::kGithub);
  EXPECT_TRUE(p.integrations[4].implicit);
  EXPECT_EQ(p.integrations[4].credentials, std::vector<std::string>{"GITHUB_TOKEN"});
  EXPECT_EQ(p.integrations[5].provider, ir::Provider::kPostman);
}

TEST(ProjectLoaderTest, ExampleWithoutOpenapiFileReportsIt) {
  testing::LoadOutcome out = LoadText(ReadExample(), MemFs());
  ASSERT_EQ(out.diagnostics.size(), 1u);
  EXPECT_EQ(out.diagnostics[0],
            "23:15 DSL_OPENAPI_NOT_FOUND OpenAPI file `api/openapi.yaml` of service `api` does "
            "not exist");
  EXPECT_TRUE(out.project.has_value());
}

TEST(ProjectLoaderTest, SyntaxErrorAppendedToExampleIsReportedAtItsPosition) {
  std::string text = ReadExample();
  size_t lines = 0;
  for (char c : text) lines += c == '\n' ? 1 : 0;
  // The example ends with a newline, so the appended text starts on line lines + 1.
  text += "  env BROKEN { scope = }\n";
  testing::LoadOutcome out = LoadText(text);
  EXPECT_FALSE(out.project.has_value());
  ASSERT_EQ(out.diagnostics.size(), 1u) << Joined(out.diagnostics);
  EXPECT_EQ(out.diagnostics[0], std::to_string(lines + 1) +
                                    ":3 DSL_SYNTAX expected the end of the file after `}`, "
                                    "found `env`");
}

TEST(ProjectLoaderTest, SyntaxErrorInsideExampleBlockIsReportedAtItsPosition) {
  std::string text = ReadExample();
  // Drop the `=` of the last env var's `source = manual` line.
  size_t at = text.rfind("source = manual");
  ASSERT_NE(at, std::string::npos);
  text.erase(at + 6, 2);
  size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + at, '\n'));
  size_t column = at - text.rfind('\n', at);
  testing::LoadOutcome out = LoadText(text);
  ASSERT_EQ(out.diagnostics.size(), 1u) << Joined(out.diagnostics);
  EXPECT_EQ(out.diagnostics[0], std::to_string(line) + ":" + std::to_string(column + 6) +
                                    " DSL_SYNTAX expected `=` after `source`");
}

}  // namespace
}  // namespace specc::dsl
