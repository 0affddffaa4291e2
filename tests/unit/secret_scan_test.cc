// The secret scanner's rules (base/secret_scan.h): for every rule, a value it must find and
// a near miss it must leave alone, plus the same value glued into a longer word and turned
// into a placeholder. Every value is built here from a prefix and generated characters,
// so that no secret-looking literal lives in the repository (push protection, and no real
// credential ever). The generated bodies are deterministic: a failure reproduces.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "base/secret_rules.h"
#include "base/secret_scan.h"

namespace specc {
namespace {

const std::string kAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const std::string kHexLower = "0123456789abcdef";
const std::string kUpperDigit = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const std::string kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const std::string kLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
// Digits without `0` and `1`: a generated run never spells a placeholder (`0000`, `1234`).
const std::string kDigits = "2356789";
const std::string kBech32 = "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";

// `n` characters of `alphabet`, spread by a fixed linear congruential generator.
std::string R(size_t n, const std::string& alphabet = kAlnum) {
  static uint64_t state = 0x9E3779B97F4A7C15ull;
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    out.push_back(alphabet[(state >> 33) % alphabet.size()]);
  }
  return out;
}

std::string Base64Url(const std::string& bytes) {
  const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (unsigned char c : bytes) {
    bits = (bits << 8) | c;
    count += 8;
    while (count >= 6) {
      count -= 6;
      out.push_back(digits[(bits >> count) & 63]);
    }
  }
  if (count > 0) out.push_back(digits[(bits << (6 - count)) & 63]);
  return out;
}

// A GitHub token whose last six characters are the base62 CRC32 of the 30 before.
std::string GithubToken(const std::string& prefix, const std::string& random30) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : random30) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc & 1) ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
  }
  crc ^= 0xFFFFFFFFu;
  const char* digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string check(6, '0');
  for (int i = 5; i >= 0; --i) {
    check[i] = digits[crc % 62];
    crc /= 62;
  }
  return prefix + random30 + check;
}

std::vector<std::string> Rules(const std::string& text) {
  std::vector<std::string> rules;
  for (const SecretHit& hit : ScanForSecrets(text)) rules.emplace_back(hit.rule);
  return rules;
}

struct Case {
  std::string rule;
  std::string prefix;     // for the placeholder variant
  std::string positive;   // a value of the rule's format
  std::string negative;   // a near miss: wrong length, test key, bad checksum, ...
};

std::vector<Case> Cases() {
  std::string gh30 = R(30);
  std::string bad_check = "ghp_" + gh30 + "ZZZZZZ";
  std::string jwt_header = Base64Url(R"({"alg":"HS256","typ":"JWT"})");
  std::string jwt_payload = Base64Url(R"({"sub":"u-)" + R(12) + R"(","exp":1900000000})");
  return {
      {"github-pat", "ghp_", GithubToken("ghp_", gh30), bad_check},
      {"github-oauth", "gho_", GithubToken("gho_", R(30)), "gho_" + R(36)},
      {"github-app-token", "ghu_", GithubToken("ghu_", R(30)), "ghs_" + R(36)},
      {"github-refresh-token", "ghr_", GithubToken("ghr_", R(30)), "ghr_" + R(35)},
      {"github-fine-grained-pat", "github_pat_", "github_pat_" + R(22) + "_" + R(59), "github_pat_" + R(22) + "_" + R(58)},
      {"gitlab-pat", "glpat-", "glpat-" + R(20), "glpat-" + R(19)},
      {"gitlab-ptt", "glptt-", "glptt-" + R(40, kHexLower), "glptt-" + R(39, kHexLower)},
      {"gitlab-deploy-token", "gldt-", "gldt-" + R(20), "gldt-" + R(19)},
      {"gitlab-runner-authentication-token", "glrt-", "glrt-" + R(20), "glrt-" + R(19)},
      {"gitlab-feed-token", "glft-", "glft-" + R(20), "glft-" + R(19)},
      {"gitlab-scim-token", "glsoat-", "glsoat-" + R(20), "glsoat-" + R(19)},
      {"gitlab-oauth-app-secret", "gloas-", "gloas-" + R(64), "gloas-" + R(63)},
      {"gitlab-incoming-mail-token", "glimt-", "glimt-" + R(25), "glimt-" + R(24)},
      {"gitlab-kubernetes-agent-token", "glagent-", "glagent-" + R(50), "glagent-" + R(49)},
      {"gitlab-feature-flag-client-token", "glffct-", "glffct-" + R(20), "glffct-" + R(19)},
      {"gitlab-cicd-job-token", "glcbt-", "glcbt-" + R(3) + "_" + R(20), "glcbt-" + R(10)},
      {"gitlab-rrt", "GR1348941", "GR1348941" + R(20), "GR1348941" + R(19)},
      {"stripe-access-token", "sk_live_", "sk_live_" + R(24), "sk_test_" + R(24)},
      {"stripe-webhook-secret", "whsec_", "whsec_" + R(32), "whsec_" + R(12)},
      {"openai-api-key", "sk-proj-", "sk-proj-" + R(100, kAlnum + "-_"), "sk-proj-" + R(20)},
      {"openai-api-key", "sk-", "sk-" + R(20) + "T3BlbkFJ" + R(20), "sk-" + R(48)},
      {"anthropic-api-key", "sk-ant-api03-", "sk-ant-api03-" + R(93) + "AA", "sk-ant-api03-" + R(93) + "AB"},
      {"anthropic-admin-api-key", "sk-ant-admin01-", "sk-ant-admin01-" + R(93) + "AA", "sk-ant-admin01-" + R(92) + "AA"},
      {"slack-bot-token", "xoxb-", "xoxb-" + R(11, kDigits) + "-" + R(12, kDigits) + "-" + R(24), "xoxb-" + R(5, kDigits) + "-" + R(24)},
      {"slack-user-token", "xoxp-",
       "xoxp-" + R(11, kDigits) + "-" + R(11, kDigits) + "-" + R(12, kDigits) + "-" + R(32, kHexLower),
       "xoxp-" + R(11, kDigits) + "-" + R(11, kDigits) + "-" + R(32, kHexLower)},
      {"slack-config-refresh-token", "xoxe-", "xoxe-1-" + R(146, kUpperDigit), "xoxe-1-" + R(145, kUpperDigit)},
      {"slack-app-token", "xapp-", "xapp-1-A" + R(10, kUpperDigit) + "-" + R(13, kDigits) + "-" + R(64, kHexLower),
       "xapp-" + R(30, kLetters)},
      {"slack-legacy-workspace-token", "xoxa-", "xoxa-" + R(30), "xoxa-" + R(7)},
      {"slack-legacy-token", "xoxs-",
       "xoxs-" + R(10, kDigits) + "-" + R(10, kDigits) + "-" + R(12, kDigits) + "-" + R(64, kHexLower),
       "xoxs-" + R(30, kHexLower)},
      {"slack-webhook-url", "hooks.slack.com/services/",
       "https://hooks.slack.com/services/T" + R(8, kUpperDigit) + "/B" + R(8, kUpperDigit) + "/" + R(24),
       "https://hooks.slack.com/services/T" + R(8, kUpperDigit) + "/B" + R(8, kUpperDigit)},
      {"aws-access-token", "AKIA", "AKIA" + R(16, kBase32), "AKIAIOSFODNN7" + std::string("EXAMPLE")},
      {"aws-access-token", "ASIA", "ASIA" + R(16, kBase32), "ASIA" + R(16, kBase32) + "_logo.jpeg"},
      {"aws-access-token", "A3T", "A3TX" + R(16, kBase32), "A3TX" + R(15, kBase32)},
      {"gcp-api-key", "AIza", "AIza" + R(35, kAlnum + "_-"), "AIza" + R(34)},
      {"alibaba-access-key-id", "LTAI", "LTAI" + R(20), "LTAI" + R(19)},
      {"digitalocean-access-token", "doo_v1_", "doo_v1_" + R(64, kHexLower), "doo_v1_" + R(63, kHexLower)},
      {"digitalocean-pat", "dop_v1_", "dop_v1_" + R(64, kHexLower), "dop_v1_" + R(64, kLetters)},
      {"digitalocean-refresh-token", "dor_v1_", "dor_v1_" + R(64, kHexLower), "dor_v1_" + R(65, kHexLower)},
      {"heroku-api-key-v2", "HRKU-AA", "HRKU-AA" + R(58), "HRKU-AA" + R(57)},
      {"flyio-access-token", "fo1_", "fo1_" + R(43), "fo1_" + R(42)},
      {"flyio-access-token", "fm2_", "fm2_" + R(120), "fm2_" + R(90)},
      {"cloudflare-origin-ca-key", "v1.0-", "v1.0-" + R(24, kHexLower) + "-" + R(146, kHexLower), "v1.0-" + R(171, kHexLower)},
      {"vault-service-token", "hvs.", "hvs." + R(100), "hvs." + R(80)},
      {"vault-batch-token", "hvb.", "hvb." + R(150), "hvb." + R(100)},
      {"planetscale-api-token", "pscale_tkn_", "pscale_tkn_" + R(40), "pscale_tkn_" + R(20)},
      {"planetscale-oauth-token", "pscale_oauth_", "pscale_oauth_" + R(40), "pscale_oauth_" + R(20)},
      {"planetscale-password", "pscale_pw_", "pscale_pw_" + R(40), "pscale_pw_" + R(20)},
      {"databricks-api-token", "dapi", "dapi" + R(32, kHexLower), "dapi" + R(31, kHexLower)},
      {"clickhouse-cloud-api-secret-key", "4b1d", "4b1d" + R(38), "4b1d" + R(37)},
      {"openshift-user-token", "sha256~", "sha256~" + R(43), "sha256~" + R(42)},
      {"twilio-api-key", "SK", "SK" + R(32, kHexLower), "SK" + R(31, kHexLower)},
      {"sendgrid-api-token", "SG.", "SG." + R(22) + "." + R(43), "SG." + R(20) + "." + R(43)},
      {"sendinblue-api-token", "xkeysib-", "xkeysib-" + R(64, kHexLower) + "-" + R(16), "xkeysib-" + R(81, kHexLower)},
      {"shopify-access-token", "shpat_", "shpat_" + R(32, kHexLower), "shpat_" + R(31, kHexLower)},
      {"shopify-custom-access-token", "shpca_", "shpca_" + R(32, kHexLower), "shpca_" + R(33, kHexLower)},
      {"shopify-private-app-access-token", "shppa_", "shppa_" + R(32, kHexLower), "shppa_" + R(32, kLetters)},
      {"shopify-shared-secret", "shpss_", "shpss_" + R(32, kHexLower), "shpss_" + R(20, kHexLower)},
      {"square-access-token", "sq0atp-", "sq0atp-" + R(22), "sq0atp-" + R(21)},
      {"shippo-api-token", "shippo_live_", "shippo_live_" + R(40, kHexLower), "shippo_test_" + R(40, kHexLower)},
      {"duffel-api-token", "duffel_live_", "duffel_live_" + R(43), "duffel_test_" + R(43)},
      {"easypost-api-token", "EZAK", "EZAK" + R(54), "EZTK" + R(54)},
      {"facebook-page-access-token", "EAAM", "EAAM" + R(120), "EAAM" + R(90)},
      {"postman-api-token", "PMAK-", "PMAK-" + R(24, kHexLower) + "-" + R(34, kHexLower), "PMAK-" + R(59, kHexLower)},
      {"linear-api-key", "lin_api_", "lin_api_" + R(40), "lin_api_" + R(39)},
      {"notion-api-token", "ntn_", "ntn_" + R(11, kDigits) + R(35), "ntn_" + R(46, kLetters)},
      {"doppler-api-token", "dp.pt.", "dp.pt." + R(43), "dp.pt." + R(42)},
      {"dynatrace-api-token", "dt0c01.", "dt0c01." + R(24) + "." + R(64), "dt0c01." + R(89)},
      {"grafana-cloud-api-token", "glc_", "glc_" + R(40), "glc_" + R(31)},
      {"grafana-service-account-token", "glsa_", "glsa_" + R(32) + "_" + R(8, kHexLower), "glsa_" + R(41)},
      {"grafana-api-key", "eyJrIjoi", "eyJrIjoi" + R(80), "eyJrIjoi" + R(60)},
      {"sentry-user-token", "sntryu_", "sntryu_" + R(64, kHexLower), "sntryu_" + R(63, kHexLower)},
      {"sentry-org-token", "sntrys_eyJpYXQiO", "sntrys_eyJpYXQiO" + R(100), "sntrys_eyJpYXQiO" + R(50)},
      {"harness-api-key", "pat.", "pat." + R(22) + "." + R(24) + "." + R(20), "pat." + R(68)},
      {"1password-service-account-token", "ops_eyJ", "ops_eyJ" + R(260), "ops_eyJ" + R(200)},
      {"octopus-deploy-api-key", "API-", "API-" + R(26, kUpperDigit), "API-" + R(25, kUpperDigit)},
      {"adobe-client-secret", "p8e-", "p8e-" + R(32), "p8e-" + R(31)},
      {"intra42-client-secret", "s-s4t2ud-", "s-s4t2ud-" + R(64, kHexLower), "s-s4t2ud-" + R(63, kHexLower)},
      {"npm-access-token", "npm_", "npm_" + R(36), "npm_" + R(35)},
      {"pypi-upload-token", "pypi-AgEIcHlwaS5vcmc", "pypi-AgEIcHlwaS5vcmc" + R(60), "pypi-AgEIcHlwaS5vcmc" + R(40)},
      {"rubygems-api-token", "rubygems_", "rubygems_" + R(48, kHexLower), "rubygems_" + R(47, kHexLower)},
      {"clojars-api-token", "CLOJARS_", "CLOJARS_" + R(60), "CLOJARS_" + R(59)},
      {"huggingface-access-token", "hf_", "hf_" + R(34, kLetters), "hf_" + R(30, kLetters) + "1234"},
      {"huggingface-organization-api-token", "api_org_", "api_org_" + R(34, kLetters), "api_org_" + R(33, kLetters)},
      {"artifactory-api-key", "AKCp", "AKCp" + R(69), "AKCp" + R(68)},
      {"artifactory-reference-token", "cmVmd", "cmVmd" + R(59), "cmVmd" + R(58)},
      {"pulumi-api-token", "pul-", "pul-" + R(40, kHexLower), "pul-" + R(39, kHexLower)},
      {"prefect-api-token", "pnu_", "pnu_" + R(36), "pnu_" + R(35)},
      {"readme-api-token", "rdme_", "rdme_" + R(70, kHexLower + "ghijklmnopqrstuvwxyz"), "rdme_" + R(69, kHexLower)},
      {"scalingo-api-token", "tk-us-", "tk-us-" + R(48), "tk-us-" + R(47)},
      {"perplexity-api-key", "pplx-", "pplx-" + R(48), "pplx-" + R(47)},
      {"infracost-api-token", "ico-", "ico-" + R(32), "ico-" + R(31)},
      {"frameio-api-token", "fio-u-", "fio-u-" + R(64), "fio-u-" + R(63)},
      {"settlemint-personal-access-token", "sm_pat_", "sm_pat_" + R(16), "sm_pat_" + R(15)},
      {"settlemint-application-access-token", "sm_aat_", "sm_aat_" + R(16), "sm_aat_" + R(17)},
      {"settlemint-service-access-token", "sm_sat_", "sm_sat_" + R(16), "sm_sat_" + R(14)},
      {"age-secret-key", "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1" + R(58, kBech32), "AGE-SECRET-KEY-1" + R(57, kBech32)},
      // The header must decode to JSON naming `alg` or `typ`.
      {"jwt", "", jwt_header + "." + jwt_payload + "." + R(43, kAlnum + "-_"),
       Base64Url(R"({"name":"not a header","x":1})") + "." + jwt_payload + "." + R(43)},
  };
}

TEST(SecretScanRulesTest, EachRuleFindsItsFormatAndLeavesNearMissesAlone) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.rule + " / " + c.prefix);
    for (const std::string& context : {std::string("%s"), std::string("token: \"%s\"\n"), std::string("KEY=%s;")}) {
      std::string text = context.substr(0, context.find("%s")) + c.positive + context.substr(context.find("%s") + 2);
      EXPECT_EQ(Rules(text), std::vector<std::string>{c.rule}) << "missed in: " << context;
    }
    EXPECT_TRUE(Rules(c.negative).empty()) << "near miss found: " << c.negative.substr(0, c.prefix.size() + 4);
    // Glued to the end of a word: part of a longer name.
    if (c.positive.rfind(c.prefix, 0) == 0) EXPECT_TRUE(Rules("logo" + c.positive).empty());
    // A placeholder in the token's shape.
    if (!c.prefix.empty()) {
      std::string placeholder = c.prefix + std::string(c.positive.size() - c.prefix.size(), 'x');
      EXPECT_TRUE(Rules(placeholder).empty()) << placeholder;
    }
  }
}

// A rule's prefix is compared eight bytes at a time, then the rest: a token that differs
// from the prefix in any one byte is not that rule's.
TEST(SecretScanRulesTest, EveryByteOfAPrefixCounts) {
  for (const Case& c : Cases()) {
    if (c.prefix.empty() || c.positive.rfind(c.prefix, 0) != 0) continue;
    for (size_t k = 0; k < c.prefix.size(); ++k) {
      std::string changed = c.positive;
      changed[k] = changed[k] == '#' ? '%' : '#';
      for (const SecretHit& hit : ScanForSecrets(changed)) {
        EXPECT_FALSE(hit.rule == c.rule && hit.offset == 0) << c.prefix << " with byte " << k << " changed";
      }
    }
  }
}

TEST(SecretScanRulesTest, EveryTokenRuleHasACase) {
  std::set<std::string> tested;
  for (const Case& c : Cases()) tested.insert(c.rule);
  for (std::string_view id : secret_rules::TokenRuleIds()) {
    EXPECT_TRUE(tested.count(std::string(id))) << id << " has no test case";
    EXPECT_TRUE(IsSecretRule(id));
  }
  EXPECT_FALSE(IsSecretRule("no-such-rule"));
}

std::string Pem(const std::string& kind, const std::string& newline, const std::string& headers = "") {
  std::string key = "-----BEGIN " + kind + "-----" + newline + headers;
  for (int i = 0; i < 4; ++i) key += R(64, kAlnum + "+/") + newline;
  return key + "-----END " + kind + "-----";
}

TEST(SecretScanRulesTest, PrivateKeysOfEveryKind) {
  for (const char* kind : {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY",
                           "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"}) {
    EXPECT_EQ(Rules(Pem(kind, "\n")), std::vector<std::string>{"private-key"}) << kind;
    // In JSON, the line breaks are escapes.
    EXPECT_EQ(Rules("{\"key\": \"" + Pem(kind, "\\n") + "\"}"), std::vector<std::string>{"private-key"}) << kind;
  }
  EXPECT_EQ(Rules(Pem("PGP PRIVATE KEY BLOCK", "\n", "Version: GnuPG v2\nComment: test\n\n")),
            std::vector<std::string>{"private-key"});
  EXPECT_TRUE(Rules("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----").empty());
  EXPECT_TRUE(Rules(Pem("PUBLIC KEY", "\n")).empty());
  EXPECT_TRUE(Rules(Pem("CERTIFICATE", "\n")).empty());
}

TEST(SecretScanRulesTest, PublicExamplesAreNoSecrets) {
  // jwt.io's example token, assembled from its parts.
  std::string jwt_io = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." +
                       std::string("eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.") +
                       "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  EXPECT_TRUE(Rules("Authorization: Bearer " + jwt_io).empty());
  // A file name that starts like an AWS key (seen in a real description).
  EXPECT_TRUE(Rules("\"url\": \"https://cdn.example.net/" + std::string("ASIA") + R(16, kBase32) + "_logo.jpeg\"").empty());
  EXPECT_TRUE(Rules("img/" + std::string("AKIA") + R(16, kBase32) + ".png").empty());
  EXPECT_TRUE(Rules("sk_test_" + R(24) + " rk_test_" + R(24)).empty());
}

TEST(SecretScanRulesTest, FingerprintsNameRuleAndValueWithoutHoldingThem) {
  std::string token = "npm_" + R(36);
  std::vector<SecretHit> hits = ScanForSecrets("a: " + token);
  ASSERT_EQ(hits.size(), 1u);
  std::string fingerprint = SecretFingerprint("a: " + token, hits[0]);
  EXPECT_EQ(fingerprint.size(), 71u);
  EXPECT_EQ(fingerprint.rfind("sha256:", 0), 0u);
  EXPECT_EQ(fingerprint.find(token.substr(4, 8)), std::string::npos);
  // The same value anywhere has the same fingerprint.
  std::string elsewhere = "{\"npmToken\": \"" + token + "\"}";
  EXPECT_EQ(SecretFingerprint(elsewhere, ScanForSecrets(elsewhere).at(0)), fingerprint);
  // A private key's fingerprint does not depend on how its lines break.
  std::string raw = Pem("RSA PRIVATE KEY", "\n");
  std::string escaped = raw;
  for (size_t pos = 0; (pos = escaped.find('\n', pos)) != std::string::npos; pos += 2) escaped.replace(pos, 1, "\\n");
  EXPECT_EQ(SecretFingerprint(raw, ScanForSecrets(raw).at(0)), SecretFingerprint(escaped, ScanForSecrets(escaped).at(0)));
}

// Every rule runs in time linear in the text: adversarial inputs full of almost-prefixes
// and endless bodies take no longer per byte than ordinary text.
TEST(SecretScanRulesTest, LinearTimeOnAdversarialInput) {
  auto time_per_byte = [](const std::string& text) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < 3; ++i) (void)ScanForSecrets(text);
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count();
    return ns / 3 / static_cast<double>(text.size());
  };
  std::string ordinary;
  while (ordinary.size() < 4'000'000) ordinary += "the path of the format is a string, which holds " + R(20) + "\n";
  std::string adversarial;
  while (adversarial.size() < 4'000'000) {
    adversarial += " glpat-" + R(300, kAlnum + "-_.") + " -----BEGIN PRIVATE KEY----- " + R(500, kAlnum + "+/") +
                   " ey" + R(200, kAlnum) + ".ey" + R(200, kAlnum) + ". xoxb-" + R(150, kDigits);
  }
  double base = time_per_byte(ordinary);
  EXPECT_LT(time_per_byte(adversarial), 40 * base + 20) << "ns per byte, ordinary text: " << base;
}

TEST(SecretScanTest, FindsRealShapedSecrets) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Rules("token: " + GithubToken("ghp_", "Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0")), V{"github-pat"});
  EXPECT_EQ(Rules("url = \"postgres://app:Zq8Lm2Pw9X@db.prod.acme.dev/app\""), V{"connection-string-password"});
  EXPECT_EQ(Rules("SESSION_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3"), V{"secret-assignment"});
  EXPECT_EQ(Rules("{\"NEON_API_KEY\": \"q8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0aa\"}"), V{"secret-assignment"});
  EXPECT_EQ(Rules("id " + std::string("AKIA") + "Z7Q2L4M3P3X2K6TB here"), V{"aws-access-token"});
  EXPECT_EQ(Rules("xoxb-2814927384-Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3"), V{"slack-bot-token"});
  std::string key = "-----BEGIN PRIVATE KEY-----\n";
  for (int i = 0; i < 3; ++i) key += "Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0aQ8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0aB\n";
  EXPECT_EQ(Rules(key), V{"private-key"});
  EXPECT_EQ(RedactSecrets("SESSION_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3\n", ScanForSecrets("SESSION_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3\n")),
            "SESSION_SECRET=[redacted:secret-assignment]\n");
}

// The scanner passes runs of spaces eight at a time and the rest of a word a byte at a
// time: a secret after any length of indentation is found, one glued to a word is not.
TEST(SecretScanTest, FindsSecretsAfterAnyIndentationAndNotInsideWords) {
  using V = std::vector<std::string>;
  std::string token = GithubToken("ghp_", "Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0");
  for (size_t n = 0; n < 20; ++n) {
    std::string spaces(n, ' ');
    EXPECT_EQ(Rules("x\n" + spaces + token), V{"github-pat"}) << n;
    EXPECT_EQ(Rules(spaces + "k:" + spaces + token), V{"github-pat"}) << n;
    EXPECT_EQ(Rules(spaces + "SESSION_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3"), V{"secret-assignment"}) << n;
    EXPECT_TRUE(Rules(spaces + "word" + std::string(n, 'x') + token).empty()) << n;
  }
}

// The scanner classifies the text in blocks of 64 bytes (16 to a vector register) and
// looks only at `-`, `:`, `=` and the first byte of each word. Every rule's trigger must
// be found wherever it falls against a block boundary (each offset modulo 64, hence 16
// and 8), at the very start and the very end of the text, in a text shorter than a block,
// and after long runs of spaces or letters; one glued to the end of a word is part of it.
struct Placed {
  std::string rule;
  std::string text;    // alone, it gives exactly one hit of `rule`
  bool token = false;  // starts at a word start: glued to a word, it is part of a name
};

std::vector<Placed> Triggers() {
  std::vector<Placed> triggers;
  for (const Case& c : Cases()) triggers.push_back({c.rule, c.positive, !c.prefix.empty() && c.positive.rfind(c.prefix, 0) == 0});
  triggers.push_back({"private-key", Pem("RSA PRIVATE KEY", "\n")});
  triggers.push_back({"private-key", Pem("OPENSSH PRIVATE KEY", "\\n")});
  triggers.push_back({"secret-assignment", "SESSION_SECRET=Zq8Lm2Pw9Xr4Tb7Kc1Vn6Hd3"});
  triggers.push_back({"secret-assignment", "\"NEON_API_KEY\": \"q8Lm2Pw9Xr4Tb7Kc1Vn6Hd3Jf5Gs0aa\""});
  triggers.push_back({"connection-string-password", "postgres://app:Zq8Lm2Pw9X@db.prod.acme.dev/app"});
  return triggers;
}

TEST(SecretScanTest, FindsEveryTriggerAtEveryOffsetAgainstABlockBoundary) {
  for (const Placed& t : Triggers()) {
    SCOPED_TRACE(t.rule + " (" + std::to_string(t.text.size()) + " bytes)");
    std::vector<SecretHit> alone = ScanForSecrets(t.text);
    ASSERT_EQ(alone.size(), 1u);
    ASSERT_EQ(alone[0].rule, t.rule);
    // `text` holds `t.text` at `at`, and nothing else secret-shaped.
    auto expect_at = [&](const std::string& text, size_t at, const char* how) {
      std::vector<SecretHit> hits = ScanForSecrets(text);
      ASSERT_EQ(hits.size(), 1u) << how << ", at " << at << " of " << text.size();
      EXPECT_EQ(hits[0].rule, t.rule) << how << ", at " << at;
      EXPECT_EQ(hits[0].offset, alone[0].offset + at) << how << ", at " << at;
      EXPECT_EQ(hits[0].length, alone[0].length) << how << ", at " << at;
    };
    for (size_t n = 0; n < 2 * 64 + 24; ++n) {
      expect_at(std::string(n, ' ') + t.text, n, "at the end, after spaces");
      expect_at(t.text + std::string(n, ' '), 0, "at the start, before spaces");
      expect_at("\"" + std::string(n, 'a') + "\":\"" + t.text + "\"", n + 4, "at the end of a JSON line");
      if (n > 0) expect_at(std::string(n - 1, 'w') + "\n" + t.text + "\n" + std::string(n, 'w'), n, "between words");
      if (t.token && n > 0) EXPECT_TRUE(ScanForSecrets(std::string(n, 'w') + t.text).empty()) << "glued to a word of " << n;
    }
    for (size_t n : {1000u, 4096u + 13u}) {
      expect_at(std::string(n, ' ') + t.text, n, "after a long run of spaces");
      expect_at(std::string(n, 'w') + " " + t.text, n + 1, "after a long word");
      if (t.token) EXPECT_TRUE(ScanForSecrets(std::string(n, 'w') + t.text).empty()) << "glued to a word of " << n;
    }
  }
}

TEST(SecretScanTest, FindsEveryTriggerOfACrowdedBlock) {
  // Several rules start within one block, and one more in the next.
  std::string aws = "AKIA" + R(16, kBase32);
  std::string text = aws + " " + "AKIA" + R(16, kBase32) + " K=1 AKIA" + R(16, kBase32) + ":" + GithubToken("ghp_", R(30));
  std::vector<SecretHit> hits = ScanForSecrets(text);
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].offset, 0u);
  EXPECT_EQ(hits[1].offset, 21u);
  EXPECT_EQ(hits[2].offset, 46u);
  EXPECT_EQ(hits[3].offset, 67u);
  EXPECT_EQ(hits[3].rule, "github-pat");
}

TEST(SecretScanTest, LeavesDocumentationAndPlaceholdersAlone) {
  // GitHub's own documentation example: right shape, wrong checksum.
  EXPECT_TRUE(Rules("\"token\": \"ghu_16C7e42F292c6912E7710c838347Ae178B4a\"").empty());
  EXPECT_TRUE(Rules("GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a").empty());
  EXPECT_TRUE(Rules("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx and ghp_****").empty());
  EXPECT_TRUE(Rules("postgres://<user>:<password>@<host>/db").empty());
  EXPECT_TRUE(Rules("postgres://postgres:postgres@localhost:5432/db").empty());
  EXPECT_TRUE(Rules("redis://user:s3cretZ9@localhost:6379").empty());
  EXPECT_TRUE(Rules("AKIAIOSFODNN7EXAMPLE").empty());
  EXPECT_TRUE(Rules("\"secretRefHash\": \"sha256:e1cc9c50fbdd624471aed111820b9be70ec467654812847db32933d0435f6f54\"").empty());
  EXPECT_TRUE(Rules("\"client_secret\": \"1726be1638095a19edd134c77bde3aa2ece1e5d8\"").empty()) << "API field, not an env var";
  EXPECT_TRUE(Rules("SESSION_SECRET=\nAPI_TOKEN=${API_TOKEN}\nDB_PASSWORD=changeme-please-123").empty());
  EXPECT_TRUE(Rules("-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----").empty());
}

}  // namespace
}  // namespace specc
