// The secret guarantee, end to end: canary values in every credential variable and in a
// .env with every secret filled must never show up in anything specc prints or writes,
// whatever command runs. Also `specc plan` resolving modes from the credentials present,
// which a golden cannot do (it would depend on the machine). The scanner's rules are
// tested in tests/unit/secret_scan_test.cc.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"

namespace fs = std::filesystem;

namespace specc::cli {
namespace {

constexpr const char* kCredentials[] = {"VERCEL_TOKEN", "VERCEL_TEAM_ID", "NEON_API_KEY", "UPSTASH_EMAIL",
                                        "UPSTASH_API_KEY", "CLOUDFLARE_API_TOKEN", "CLOUDFLARE_ACCOUNT_ID",
                                        "POSTMAN_API_KEY", "GITHUB_TOKEN"};

std::string Canary(const std::string& name) { return "canary7q-" + name + "-x91"; }

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Ran {
  int code;
  std::string text;
};

Ran RunIn(const fs::path& dir, std::vector<std::string> args) {
  std::ostringstream out, err;
  RunOptions options;
  options.working_dir = dir.string();
  int code = Run(args, options, out, err);
  return {code, out.str() + err.str()};
}

class SecretGuardTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("specc-canary-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(PROJECT_DIR) / "specs", dir_ / "specs", fs::copy_options::recursive);
    fs::copy_file(fs::path(PROJECT_DIR) / "specc.yaml", dir_ / "specc.yaml");
    ASSERT_EQ(std::system(("git init -q '" + dir_.string() + "'").c_str()), 0);
    for (const char* name : kCredentials) ::setenv(name, Canary(name).c_str(), 1);
  }
  void TearDown() override {
    for (const char* name : kCredentials) ::unsetenv(name);
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(SecretGuardTest, NoCanaryReachesAnyOutputOrFile) {
  // Every env var of the example, secrets included, filled with a canary.
  std::ofstream env(dir_ / ".env");
  for (const char* key : {"DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "UPSTASH_VECTOR_REST_URL",
                          "UPSTASH_VECTOR_REST_TOKEN", "API_BASE_URL", "SESSION_SECRET", "SENTRY_DSN",
                          "GITHUB_WEBHOOK_SECRET", "RATE_LIMIT_PER_MINUTE", "FEATURE_FLAGS", "NEXT_PUBLIC_CANARY_TOKEN"}) {
    env << key << "=" << Canary(key) << "\n";
  }
  // Outside the allowed set: reported, and shown, since LOG_LEVEL is neither secret nor
  // secret-named (env check masks only those); no canary, then.
  env << "LOG_LEVEL=plain-verbose\n";
  env.close();
  std::vector<std::vector<std::string>> commands = {
      {"lint"},
      {"lint", "--format", "json"},
      {"ir", "--format", "json"},
      {"emit", "specs/stackfast.specc", "--out", "emitted"},
      {"plan"},
      {"plan", "--format", "json"},
      {"env", "check", ".env", "--env", "dev"},
      {"env", "check", ".env", "--env", "prod", "--format", "json"},
      {"apply", "--dry-run"},
      {"apply"},
      {"check", "--format", "json"},
  };
  for (const std::vector<std::string>& args : commands) {
    Ran ran = RunIn(dir_, args);
    EXPECT_EQ(ran.text.find("canary7q"), std::string::npos) << args[0] << " printed a canary:\n" << ran.text;
    EXPECT_NE(ran.code, 4) << args[0] << ": " << ran.text;
  }
  // The non-secret value is what env check quotes; the secrets beside it stay masked.
  Ran checked = RunIn(dir_, {"env", "check", ".env", "--env", "dev"});
  EXPECT_NE(checked.text.find("LOG_LEVEL=plain-verbose"), std::string::npos) << checked.text;
  EXPECT_NE(checked.text.find("SESSION_SECRET=****"), std::string::npos) << checked.text;
  // provision with every credential set, against providers that do not answer (a closed
  // port on this machine): the requests carry the canaries, the diagnostics must not.
  for (const char* provider : {"NEON", "UPSTASH", "VERCEL", "GITHUB", "POSTMAN"}) {
    ::setenv((std::string("SPECC_") + provider + "_API_URL").c_str(), "http://127.0.0.1:9", 1);
  }
  ::setenv("SPECC_HTTP_MAX_ATTEMPTS", "1", 1);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"provision", "--env", "dev", "--dry-run"},
           {"provision", "--env", "dev", "--approve-all"},
           {"provision", "--env", "prod", "--format", "json"}}) {
    Ran ran = RunIn(dir_, args);
    EXPECT_EQ(ran.text.find("canary7q"), std::string::npos) << "provision printed a canary:\n" << ran.text;
    EXPECT_EQ(ran.code, 4) << ran.text;
    EXPECT_NE(ran.text.find("neon: step `neonProject.db-all`: GET /projects: "), std::string::npos) << ran.text;
  }
  for (const char* provider : {"NEON", "UPSTASH", "VERCEL", "GITHUB", "POSTMAN"}) {
    ::unsetenv((std::string("SPECC_") + provider + "_API_URL").c_str());
  }
  ::unsetenv("SPECC_HTTP_MAX_ATTEMPTS");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    if (!entry.is_regular_file() || entry.path() == dir_ / ".env") continue;
    if (entry.path().string().find("/.git/") != std::string::npos) continue;
    ++files;
    EXPECT_EQ(ReadAll(entry.path()).find("canary7q"), std::string::npos) << entry.path() << " holds a canary";
  }
  EXPECT_GT(files, 20u) << "apply and emit wrote fewer files than expected";
  EXPECT_TRUE(fs::exists(dir_ / "infra/plan.json"));
  EXPECT_TRUE(fs::exists(dir_ / "env/.env.example"));
}

TEST_F(SecretGuardTest, PlanModesFollowTheCredentialsPresent) {
  // Every credential set: nothing waits for a credential; what stays manual is what specc
  // cannot do through an API (Cloudflare, deploys, checks, promotion).
  Ran all = RunIn(dir_, {"plan", "--format", "json"});
  ASSERT_EQ(all.code, 0) << all.text;
  EXPECT_EQ(all.text.find("automated only when"), std::string::npos) << all.text.substr(0, 3000);
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count(all.text, "\"mode\": \"automated\""), count(all.text, "\"automatable\": true"));
  EXPECT_GT(count(all.text, "\"mode\": \"automated\""), 15u);
  // Only NEON_API_KEY: the Neon steps, and only they, are automated.
  for (const char* name : kCredentials) ::unsetenv(name);
  ::setenv("NEON_API_KEY", Canary("NEON_API_KEY").c_str(), 1);
  Ran neon = RunIn(dir_, {"plan", "--format", "json"});
  ASSERT_EQ(neon.code, 0) << neon.text;
  size_t automated = 0, pos = 0;
  while ((pos = neon.text.find("\"mode\": \"automated\"", pos)) != std::string::npos) {
    ++automated;
    ++pos;
  }
  EXPECT_EQ(automated, 4u) << "neonProject.db-all and three neonBranch.db steps";
  Ran text = RunIn(dir_, {"plan"});
  EXPECT_NE(text.text.find("4 automated"), std::string::npos) << text.text;
  // The committed artifact never depends on the machine: apply renders it without them.
  ASSERT_EQ(RunIn(dir_, {"apply"}).code, 0);
  EXPECT_EQ(ReadAll(dir_ / "infra/plan.json").find("\"mode\": \"automated\""), std::string::npos);
}

}  // namespace
}  // namespace specc::cli
