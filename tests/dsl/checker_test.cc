// Every semantic check of the project spec language fires with its code, message and
// position; defaults are filled in when the spec leaves things out.
#include "dsl/checker.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dsl_test_util.h"

namespace specc::dsl {
namespace {

using testing::LoadText;
using testing::Project;
using Lines = std::vector<std::string>;

Lines Diags(const std::string& body) { return LoadText(Project(body)).diagnostics; }

TEST(CheckerTest, MinimalProjectGetsDefaults) {
  testing::LoadOutcome out = LoadText(Project("  env A {}\n"));
  EXPECT_TRUE(out.diagnostics.empty());
  ASSERT_TRUE(out.project.has_value());
  const ir::Project& p = *out.project;
  ASSERT_EQ(p.environments.size(), 3u);
  EXPECT_EQ(p.environments[2].name, "prod");
  EXPECT_FALSE(p.preview.declared);
  EXPECT_EQ(p.preview.ttl_hours, 72);
  EXPECT_EQ(p.preview.max, 15);
  ASSERT_EQ(p.env.size(), 1u);
  EXPECT_EQ(p.env[0].scope, ir::EnvScope::kRuntime);
  EXPECT_EQ(p.env[0].source.kind, ir::EnvSourceKind::kManual);
  EXPECT_TRUE(p.env[0].required);
  EXPECT_FALSE(p.env[0].secret);
}

TEST(CheckerTest, DurationsInDaysAndFlagsAsBooleans) {
  testing::LoadOutcome out = LoadText(Project(
      "  preview { ttl = 3d }\n"
      "  env A { secret = true; optional = true }\n"));
  EXPECT_TRUE(out.diagnostics.empty());
  EXPECT_EQ(out.project->preview.ttl_hours, 72);
  EXPECT_TRUE(out.project->env[0].secret);
  EXPECT_FALSE(out.project->env[0].required);
}

TEST(CheckerTest, MissingId) {
  testing::LoadOutcome out = LoadText("project \"t\" { version = \"1.0.0\"; constitution = \"1.0.0\" }");
  EXPECT_EQ(out.diagnostics, Lines{"1:1 DSL_MISSING_FIELD project `t` has no `id`"});
  EXPECT_TRUE(out.project.has_value());
}

TEST(CheckerTest, MalformedUuid) {
  testing::LoadOutcome out =
      LoadText("project \"t\" {\n  id = \"3f1c2a9e-5b7d\"\n  version = \"1.0.0\"\n  constitution = \"1.0.0\"\n}");
  EXPECT_EQ(out.diagnostics,
            Lines{"2:8 DSL_INVALID_UUID project id `3f1c2a9e-5b7d` is not a UUID"});
}

TEST(CheckerTest, UuidOfTheWrongVersion) {
  testing::LoadOutcome out = LoadText(
      "project \"t\" {\n  id = \"3f1c2a9e-5b7d-1c1e-9a2f-8d6e4b3c2a10\"\n  version = \"1.0.0\"\n"
      "  constitution = \"1.0.0\"\n}");
  EXPECT_EQ(out.diagnostics,
            Lines{"2:8 DSL_INVALID_UUID project id `3f1c2a9e-5b7d-1c1e-9a2f-8d6e4b3c2a10` is not "
                  "a version 4 (random) UUID"});
}

TEST(CheckerTest, UppercaseUuidIsNormalised) {
  testing::LoadOutcome out = LoadText(
      "project \"t\" { id = \"3F1C2A9E-5B7D-4C1E-9A2F-8D6E4B3C2A10\"; version = 1.0.0; "
      "constitution = \"2.0.0-rc.1\" }");
  EXPECT_TRUE(out.diagnostics.empty());
  EXPECT_EQ(out.project->id, "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10");
  EXPECT_EQ(out.project->version, "1.0.0");
}

TEST(CheckerTest, BadVersion) {
  testing::LoadOutcome out = LoadText(
      "project \"t\" {\n  id = \"3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10\"\n  version = \"1.4\"\n"
      "  constitution = \"1.0.0\"\n}");
  EXPECT_EQ(out.diagnostics,
            Lines{"3:13 DSL_INVALID_VERSION version `1.4` is not of the form MAJOR.MINOR.PATCH"});
}

TEST(CheckerTest, UnknownFieldSuggestsTheClosest) {
  testing::LoadOutcome out = LoadText(Project("  resource db : neon.postgres { regoin = \"x\" }\n"));
  EXPECT_EQ(out.diagnostics,
            Lines{"5:33 DSL_UNKNOWN_FIELD unknown setting `regoin` for resource `db` (neon.postgres)"});
  EXPECT_EQ(out.hints[0], "did you mean `region`?");
}

TEST(CheckerTest, UnknownFieldInEnvVar) {
  EXPECT_EQ(Diags("  env A { descripton = \"x\" }\n"),
            Lines{"5:11 DSL_UNKNOWN_FIELD unknown field `descripton` in env var `A`"});
}

TEST(CheckerTest, DuplicateNames) {
  Lines d = Diags(
      "  environments { dev, dev }\n"
      "  service api { openapi = \"api/openapi.yaml\"; runtime = node }\n"
      "  service api { openapi = \"api/openapi.yaml\"; runtime = node }\n"
      "  resource db : neon.postgres {}\n"
      "  resource db : upstash.redis {}\n"
      "  env A { default = \"1\"; default = \"2\" }\n"
      "  env A {}\n");
  EXPECT_EQ(d, (Lines{
                   "5:23 DSL_DUPLICATE_NAME environment `dev` is listed twice",
                   "7:11 DSL_DUPLICATE_NAME service `api` is declared twice",
                   "9:12 DSL_DUPLICATE_NAME resource `db` is declared twice",
                   "10:26 DSL_DUPLICATE_NAME `default` is set twice in env var `A`",
                   "11:7 DSL_DUPLICATE_NAME env var `A` is declared twice",
               }));
}

TEST(CheckerTest, DuplicateCarriesANoteAtTheFirst) {
  SourceMap sources;
  FileId file = sources.Add("t.specc", Project("  env A {}\n  env A {}\n"));
  DiagSink sink;
  LoadProject(file, sources, MemFs(), "", sink);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  ASSERT_EQ(sink.diagnostics()[0].notes.size(), 1u);
  EXPECT_EQ(sources.Position(sink.diagnostics()[0].notes[0].loc).line, 5u);
  EXPECT_EQ(sink.diagnostics()[0].notes[0].message, "first declared here");
}

TEST(CheckerTest, TtlOutOfRange) {
  EXPECT_EQ(Diags("  preview { ttl = 200h }\n"),
            Lines{"5:19 DSL_TTL_RANGE preview TTL `200h` is outside 24h..168h"});
  EXPECT_EQ(Diags("  preview { ttl = 12h }\n"),
            Lines{"5:19 DSL_TTL_RANGE preview TTL `12h` is outside 24h..168h"});
  EXPECT_EQ(Diags("  preview { ttl = 99999999999999h }\n"),
            Lines{"5:19 DSL_TTL_RANGE preview TTL `99999999999999h` is outside 24h..168h"});
}

TEST(CheckerTest, TtlUnits) {
  EXPECT_EQ(Diags("  preview { ttl = 72hours }\n"),
            Lines{"5:19 DSL_INVALID_VALUE unknown duration unit `hours` in `72hours`"});
  EXPECT_EQ(Diags("  preview { ttl = 72 }\n"), Lines{"5:19 DSL_INVALID_VALUE `ttl` needs a unit"});
}

TEST(CheckerTest, PreviewLimit) {
  EXPECT_EQ(Diags("  preview { max = 16 }\n"),
            Lines{"5:19 DSL_PREVIEW_LIMIT preview `max` `16` is outside 1..15"});
}

TEST(CheckerTest, UnknownResourceType) {
  testing::LoadOutcome out = LoadText(Project(
      "  resource db : neon.postgresql {}\n"
      "  env A { secret; source = provisioned(db.connectionUri) }\n"));
  // The reference to `db` is not reported again.
  EXPECT_EQ(out.diagnostics,
            Lines{"5:17 DSL_UNKNOWN_RESOURCE unknown resource type `neon.postgresql`"});
  EXPECT_EQ(out.hints[0].rfind("did you mean `neon.postgres`? known types: neon.postgres, ", 0), 0u);
}

TEST(CheckerTest, UnknownOutput) {
  testing::LoadOutcome out = LoadText(Project(
      "  resource db : neon.postgres {}\n"
      "  env A { secret; source = provisioned(db.nope) }\n"));
  EXPECT_EQ(out.diagnostics,
            Lines{"6:43 DSL_UNKNOWN_OUTPUT resource `db` (neon.postgres) has no output `nope`"});
  EXPECT_EQ(out.hints[0].rfind("the outputs of neon.postgres are connectionUri, ", 0), 0u);
}

TEST(CheckerTest, UndeclaredReferences) {
  Lines d = Diags(
      "  service api { openapi = \"api/openapi.yaml\"; runtime = vercel; deploy = web }\n"
      "  resource site : cloudflare.pages { repository = repo }\n"
      "  env A { source = provisioned(db.connectionUri); secret }\n");
  EXPECT_EQ(d, (Lines{
                   "5:74 DSL_UNDECLARED_REFERENCE service `api` deploys to `web`, which is not a "
                   "declared resource",
                   "6:51 DSL_UNDECLARED_REFERENCE `repository` names `repo`, which is not a "
                   "declared resource",
                   "7:32 DSL_UNDECLARED_REFERENCE `A` is provisioned from `db`, which is not a "
                   "declared resource",
               }));
}

TEST(CheckerTest, ForwardReferencesResolve) {
  EXPECT_TRUE(Diags("  env A { source = provisioned(db.host) }\n"
                    "  resource db : neon.postgres {}\n")
                  .empty());
}

TEST(CheckerTest, UnknownEnvironmentInOverride) {
  testing::LoadOutcome out = LoadText(Project("  env A { production { required } }\n"));
  EXPECT_EQ(out.diagnostics,
            Lines{"5:11 DSL_UNKNOWN_ENVIRONMENT override for unknown environment `production` "
                  "in env var `A`"});
  EXPECT_EQ(out.hints[0], "the environments are: dev, staging, prod");
}

TEST(CheckerTest, SecretWithDefault) {
  EXPECT_EQ(Diags("  env TOKEN { secret; default = \"abc\" }\n"),
            Lines{"5:23 DSL_SECRET_DEFAULT secret `TOKEN` has a default value"});
  EXPECT_EQ(Diags("  env TOKEN { secret; prod { default = \"abc\" } }\n"),
            Lines{"5:30 DSL_SECRET_DEFAULT secret `TOKEN` has a default value in `prod`"});
}

TEST(CheckerTest, SecretWithRealLookingExample) {
  EXPECT_EQ(Diags("  env TOKEN { secret; example = \"ghp_16C7e42F292c6912E7710c838347Ae178B4a\" }\n"),
            Lines{"5:33 DSL_SECRET_EXAMPLE the example of secret `TOKEN` looks like a real credential"});
  EXPECT_EQ(Diags("  env URL { secret; example = \"postgres://app:s3cr3tPassw0rd@db.internal/app\" }\n"),
            Lines{"5:31 DSL_SECRET_EXAMPLE the example of secret `URL` looks like a real credential"});
  // Placeholders are fine.
  EXPECT_TRUE(Diags("  env TOKEN { secret; example = \"ghp_<your token>\" }\n").empty());
  EXPECT_TRUE(Diags("  env TOKEN { secret; example = \"sk_live_...\" }\n").empty());
}

TEST(CheckerTest, BuildScopedSecretIsAWarning) {
  SourceMap sources;
  FileId file = sources.Add("t.specc", Project("  env KEY { scope = build; secret }\n"));
  DiagSink sink;
  std::optional<ir::Project> p = LoadProject(file, sources, MemFs(), "", sink);
  ASSERT_EQ(sink.diagnostics().size(), 1u);
  EXPECT_EQ(sink.diagnostics()[0].code, DiagCode::kDslBuildSecret);
  EXPECT_EQ(sink.diagnostics()[0].severity, Severity::kWarning);
  EXPECT_EQ(sink.diagnostics()[0].message,
            "secret `KEY` is build-scoped: build variables end up in client bundles");
  EXPECT_EQ(sources.Position(sink.diagnostics()[0].loc).column, 21u);
  EXPECT_FALSE(sink.has_errors());
  EXPECT_TRUE(p.has_value());
}

TEST(CheckerTest, SecretOutputNotMarkedSecret) {
  EXPECT_EQ(Diags("  resource db : neon.postgres {}\n"
                  "  env URL { source = provisioned(db.connectionUri) }\n"),
            Lines{"6:22 DSL_SECRET_UNMARKED `URL` comes from `db.connectionUri`, a secret, but is "
                  "not marked `secret`"});
}

TEST(CheckerTest, DefaultOutsideAllowed) {
  EXPECT_EQ(Diags("  env L { allowed = [\"a\", \"b\"]; default = \"c\"; dev { default = \"d\" } }\n"),
            (Lines{"5:43 DSL_DEFAULT_NOT_ALLOWED default `c` of `L` is not one of its allowed values",
                   "5:64 DSL_DEFAULT_NOT_ALLOWED default `d` of `L` is not one of its allowed values"}));
}

TEST(CheckerTest, OpenapiFileMissing) {
  testing::LoadOutcome out = LoadText(
      Project("  service api { openapi = \"api/openapi.yml\"; runtime = node }\n"));
  EXPECT_EQ(out.diagnostics, Lines{"5:27 DSL_OPENAPI_NOT_FOUND OpenAPI file `api/openapi.yml` of "
                                   "service `api` does not exist"});
}

TEST(CheckerTest, ServiceFieldsRequiredAndChecked) {
  EXPECT_EQ(Diags("  service api { runtime = cloudflare.workers }\n"),
            (Lines{"5:27 DSL_INVALID_VALUE unknown runtime `cloudflare.workers`",
                   "5:11 DSL_MISSING_FIELD service `api` has no `openapi`"}));
}

TEST(CheckerTest, Conflicts) {
  EXPECT_EQ(Diags("  resource c : upstash.redis { shared; per environment }\n"),
            Lines{"5:40 DSL_CONFLICT resource `c` is both `shared` and `per environment`"});
  EXPECT_EQ(Diags("  env A { required; optional }\n"),
            Lines{"5:21 DSL_CONFLICT env var `A` is both `required` and `optional`"});
}

TEST(CheckerTest, BranchPerEnvironmentOnlyForNeon) {
  EXPECT_EQ(Diags("  resource c : upstash.redis { branch per environment }\n"),
            Lines{"5:32 DSL_UNKNOWN_FIELD `branch per environment` applies to `neon.postgres` "
                  "only, not to `upstash.redis`"});
}

TEST(CheckerTest, UnknownProvider) {
  EXPECT_EQ(Diags("  integration nein { credentials = [NEON_API_KEY] }\n"),
            Lines{"5:15 DSL_UNKNOWN_PROVIDER unknown provider `nein`"});
}

TEST(CheckerTest, InvalidValues) {
  EXPECT_EQ(Diags("  env A { scope = runtim }\n"),
            Lines{"5:19 DSL_INVALID_VALUE `scope` must be `build` or `runtime`, not `runtim`"});
  EXPECT_EQ(Diags("  env A { source = provisioned }\n"),
            Lines{"5:20 DSL_INVALID_VALUE `provisioned` needs the resource output the value comes from"});
  EXPECT_EQ(Diags("  env A { source = manul }\n"),
            Lines{"5:20 DSL_INVALID_VALUE unknown env var source `manul`"});
  EXPECT_EQ(Diags("  resource v : upstash.vector { metric = cosin }\n"),
            Lines{"5:42 DSL_INVALID_VALUE `metric` cannot be `cosin`"});
}

TEST(CheckerTest, ImplicitIntegrationsFollowResources) {
  testing::LoadOutcome out = LoadText(Project(
      "  resource db : neon.postgres {}\n"
      "  resource kv : upstash.redis {}\n"
      "  integration upstash { credentials = [UPSTASH_API_KEY] }\n"));
  ASSERT_EQ(out.project->integrations.size(), 2u);
  EXPECT_EQ(out.project->integrations[0].provider, ir::Provider::kUpstash);
  EXPECT_FALSE(out.project->integrations[0].implicit);
  EXPECT_EQ(out.project->integrations[1].provider, ir::Provider::kNeon);
  EXPECT_TRUE(out.project->integrations[1].implicit);
  EXPECT_EQ(out.project->integrations[1].credentials, std::vector<std::string>{"NEON_API_KEY"});
}

// Thousands of references to undeclared resources among thousands of declared ones: each
// hint lists at most 20 names, and "did you mean" stops once its comparisons are spent
// (10,000 of each took 6.9 s, 40,000 158 s).
TEST(CheckerTest, ManyUndeclaredReferencesAmongManyResources) {
  std::string body;
  for (int i = 0; i < 5000; ++i) {
    std::string n = std::to_string(i);
    body += "  resource r" + n + " : upstash.redis { region = \"us-east-1\" }\n";
    body += "  env F" + n + " { source = provisioned(zz" + n + "x.url) }\n";
  }
  testing::LoadOutcome out = LoadText(Project(body));
  ASSERT_EQ(out.diagnostics.size(), DiagSink::kMaxDiagnostics);  // the sink keeps the first 1000
  for (const std::string& hint : out.hints) {
    EXPECT_LT(hint.size(), 400u) << hint.substr(0, 400);
  }
  EXPECT_NE(out.hints.back().find("and 4980 more"), std::string::npos) << out.hints.back().substr(0, 400);
}

}  // namespace
}  // namespace specc::dsl
