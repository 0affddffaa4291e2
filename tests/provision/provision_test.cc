// Unit tests of the provision layer's parts that the end-to-end test (tests/node/provision)
// reaches only through a whole run: GitHub's sealed boxes (opened here with the private key,
// which no fake has), the retry delays, the state file's round trip, the shape checks of
// answers, the HTTP adapter's refusals, and that the plan marks automatable exactly the
// step kinds that have an executor.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <set>

#include "emit/plan/plan_model.h"
#include "provision/api.h"
#include "provision/http.h"
#include "provision/sink.h"
#include "provision/state.h"
#include "provision/step.h"

namespace specc::provision {
namespace {

std::string Base64Of(const unsigned char* data, size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

TEST(SealForGithubTest, OnlyTheEnvironmentsPrivateKeyOpensIt) {
  ASSERT_GE(sodium_init(), 0);
  unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk, sk);
  std::string value = "postgresql://app:s3cr3t@ep-1.aws.neon.tech/app?sslmode=require";
  Result<std::string> sealed = SealForGithub(Base64Of(pk, sizeof pk), value);
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  EXPECT_EQ(sealed.value().find("s3cr3t"), std::string::npos);
  std::vector<unsigned char> box(sealed.value().size());
  size_t box_size = 0;
  ASSERT_EQ(sodium_base642bin(box.data(), box.size(), sealed.value().data(), sealed.value().size(), nullptr, &box_size, nullptr,
                              sodium_base64_VARIANT_ORIGINAL),
            0);
  ASSERT_EQ(box_size, crypto_box_SEALBYTES + value.size());
  std::string opened(value.size(), '\0');
  ASSERT_EQ(crypto_box_seal_open(reinterpret_cast<unsigned char*>(opened.data()), box.data(), box_size, pk, sk), 0);
  EXPECT_EQ(opened, value);
  // Sealing is randomised: the same value never seals to the same bytes twice.
  EXPECT_NE(SealForGithub(Base64Of(pk, sizeof pk), value).value(), sealed.value());
  // Another key cannot open it.
  unsigned char pk2[crypto_box_PUBLICKEYBYTES], sk2[crypto_box_SECRETKEYBYTES];
  crypto_box_keypair(pk2, sk2);
  EXPECT_NE(crypto_box_seal_open(reinterpret_cast<unsigned char*>(opened.data()), box.data(), box_size, pk2, sk2), 0);
}

TEST(SealForGithubTest, RejectsAKeyThatIsNotOne) {
  EXPECT_FALSE(SealForGithub("not base64!", "x").ok());
  EXPECT_FALSE(SealForGithub("c2hvcnQ=", "x").ok());  // 5 bytes, not 32
}

TEST(RetryDelayTest, RetryAfterWinsAndEverythingIsCapped) {
  RetryPolicy policy;
  policy.base_delay_ms = 500;
  policy.max_delay_ms = 20'000;
  EXPECT_EQ(RetryDelayMs(policy, 1, "3", 0, 0.5), 3000);
  EXPECT_EQ(RetryDelayMs(policy, 1, "120", 0, 0.5), 20'000);
  // An HTTP date 7 s after "now".
  EXPECT_EQ(RetryDelayMs(policy, 1, "Thu, 01 Jan 1970 00:00:17 GMT", 10, 0.5), 7000);
  EXPECT_EQ(RetryDelayMs(policy, 1, "Thu, 01 Jan 1970 00:00:05 GMT", 10, 0.5), 0);
  // Without Retry-After: base * 2^(retry-1), scaled by the jitter, capped.
  EXPECT_EQ(RetryDelayMs(policy, 1, "", 0, 1.0), 500);
  EXPECT_EQ(RetryDelayMs(policy, 3, "", 0, 1.0), 2000);
  EXPECT_EQ(RetryDelayMs(policy, 3, "", 0, 0.5), 1000);
  EXPECT_EQ(RetryDelayMs(policy, 3, "", 0, 0.0), 0);
  EXPECT_EQ(RetryDelayMs(policy, 30, "", 0, 1.0), 20'000);
  EXPECT_EQ(RetryDelayMs(policy, 2, "soon", 0, 1.0), 1000);  // unreadable: ignored
}

TEST(HttpClientTest, RefusesPlainHttpOffThisMachineAndOtherSchemes) {
  RetryPolicy policy;
  policy.base_delay_ms = 0;
  std::unique_ptr<HttpClient> http = NewCurlHttpClient(policy);
  HttpResponse remote = http->Send({"GET", "http://api.example.com/projects", {{"Authorization", "Bearer x"}}, ""});
  EXPECT_EQ(remote.status, 0);
  EXPECT_EQ(remote.attempts, 0);
  EXPECT_NE(remote.transport_error.find("plain http"), std::string::npos) << remote.transport_error;
  HttpResponse file = http->Send({"GET", "file:///etc/passwd", {}, ""});
  EXPECT_EQ(file.status, 0);
  EXPECT_NE(file.transport_error.find("unsupported URL scheme"), std::string::npos);
}

TEST(HttpClientTest, RetriesAnUnreachableLoopbackPortWithinBounds) {
  RetryPolicy policy;
  policy.base_delay_ms = 1;
  policy.max_attempts = 3;
  std::unique_ptr<HttpClient> http = NewCurlHttpClient(policy);
  // Port 9 (discard) has no listener here: connection refused, an idempotent GET retried.
  HttpResponse get = http->Send({"GET", "http://127.0.0.1:9/x", {}, ""});
  EXPECT_EQ(get.status, 0);
  EXPECT_EQ(get.attempts, 3);
  EXPECT_FALSE(get.maybe_delivered);
}

TEST(StateTest, RoundTripsAndIsStable) {
  State state{"3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10", "dev", {}};
  StateRecord r;
  r.key = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10-neonBranch.db-dev";
  r.provider = "neon";
  r.resource = "db";
  r.resource_type = "neon.postgres";
  r.external_id = "br-1";
  r.name = "dev";
  r.region = "aws-us-east-2";
  r.created_at = "2026-01-15T10:00:00Z";
  r.urls = {"https://console.neon.tech/app/projects/p/branches/br-1"};
  r.attributes = {{"endpoint", "ep-1"}};
  r.delivered = {{"DATABASE_URL", "br-1"}};
  state.steps[r.key] = r;
  std::string text = SerializeState(state);
  Result<State> parsed = ParseState(text, ".specc/state/dev.json");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(SerializeState(parsed.value()), text);
  const StateRecord& back = parsed.value().steps.at(r.key);
  EXPECT_EQ(back.external_id, "br-1");
  EXPECT_EQ(back.delivered.at("DATABASE_URL"), "br-1");
  EXPECT_EQ(back.urls, r.urls);
}

TEST(StateTest, SaysWhatIsWrongWithAFile) {
  EXPECT_NE(ParseState("[", "s.json").error().message.find("not a specc state file"), std::string::npos);
  EXPECT_NE(ParseState("{\"schemaVersion\": 9, \"steps\": []}", "s.json").error().message.find("newer specc"), std::string::npos);
  EXPECT_NE(ParseState("{\"schemaVersion\": 1, \"steps\": [{}]}", "s.json").error().message.find("idempotencyKey"), std::string::npos);
}

TEST(ShapeTest, NamesTheFieldThatIsWrong) {
  ApiResult<Body> body = Body::Parse(R"({"projects": [{"id": "p-1", "name": 7}]})", "GET /projects");
  ASSERT_TRUE(body.ok());
  Shape s("GET /projects");
  std::vector<JsonAt> items = s.Items(s.Array(s.Root(body.value()), "projects"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(s.String(items[0], "id"), "p-1");
  s.String(items[0], "name");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message, "unexpected answer: `$.projects[0].name` should be a string, not an integer");
  Shape missing("GET /x");
  missing.Object(missing.Root(body.value()), "project");
  EXPECT_EQ(missing.error().message, "unexpected answer: `$.project` is missing");
  EXPECT_FALSE(Body::Parse("<html>", "GET /x").ok());
}

TEST(PlanExecutorsTest, AutomatableKindsAreExactlyThoseWithAnExecutor) {
  for (const std::string& kind : emit::AutomatableKinds()) EXPECT_TRUE(HasExecutor(kind)) << kind;
  // Every kind a plan can hold: automatable ones have an executor, the others none.
  ir::Project p;
  p.name = "demo";
  p.id = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";
  p.environments = {{"dev", {}}, {"prod", {}}};
  int n = 0;
  for (ir::ResourceType type : {ir::ResourceType::kNeonPostgres, ir::ResourceType::kUpstashRedis, ir::ResourceType::kUpstashVector,
                                ir::ResourceType::kVercelProject, ir::ResourceType::kCloudflareWorker,
                                ir::ResourceType::kCloudflarePages, ir::ResourceType::kPostmanWorkspace, ir::ResourceType::kGithubRepo}) {
    p.resources.push_back({.name = "r" + std::to_string(n++), .type = type, .branch_per_environment = true});
  }
  std::set<std::string> kinds;
  for (const emit::PlanStep& step : emit::BuildPlan(p, {}).steps) kinds.insert(step.kind);
  EXPECT_GT(kinds.size(), 12u);
  const std::vector<std::string>& automatable = emit::AutomatableKinds();
  for (const std::string& kind : kinds) {
    bool listed = std::find(automatable.begin(), automatable.end(), kind) != automatable.end();
    EXPECT_EQ(listed, HasExecutor(kind)) << kind;
  }
}

}  // namespace
}  // namespace specc::provision
