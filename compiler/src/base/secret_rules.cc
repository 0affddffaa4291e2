#include "base/secret_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "base/secret_scan.h"
#include "base/secret_text.h"
#include "base/swar.h"

namespace specc::secret_rules {
namespace {

using secret_text::EndsToken;
using secret_text::Entropy;
using secret_text::GithubChecksumValid;
using secret_text::IsDigit;
using secret_text::IsPlaceholder;
using secret_text::RunLength;

// Byte classes a token's body is made of, one bit each.
enum CharClass : uint32_t {
  kAlnum = 1u << 0,          // [A-Za-z0-9]
  kLowerAlnum = 1u << 1,     // [a-z0-9]
  kHexLower = 1u << 2,       // [0-9a-f]
  kHex = 1u << 3,            // [0-9a-fA-F]
  kWord = 1u << 4,           // [A-Za-z0-9_]
  kWordDash = 1u << 5,       // [A-Za-z0-9_-]
  kBase64 = 1u << 6,         // [A-Za-z0-9+/=]
  kUpperDigit = 1u << 7,     // [A-Z0-9]
  kBase32 = 1u << 8,         // [A-Z2-7]
  kWordDashDotEq = 1u << 9,  // [A-Za-z0-9_.=-]
  kLetters = 1u << 10,       // [A-Za-z]
  kBech32Upper = 1u << 11,   // age's alphabet, upper case
  kAlnumDash = 1u << 12,     // [A-Za-z0-9-]
  kBase64NoPad = 1u << 13,   // [A-Za-z0-9+/]
  kAlnumDot = 1u << 14,      // [A-Za-z0-9.]
  kHexDash = 1u << 15,       // [0-9a-fA-F-]
  kWordDashDot = 1u << 16,   // [A-Za-z0-9_.-]
  kWordDashEq = 1u << 17,    // [A-Za-z0-9_=-]
  kBase64Url = 1u << 18,     // [A-Za-z0-9+/=_]
};

constexpr std::array<uint32_t, 256> kClasses = [] {
  std::array<uint32_t, 256> table{};
  auto in = [](int c, std::string_view set) { return set.find(static_cast<char>(c)) != std::string_view::npos; };
  for (int c = 0; c < 256; ++c) {
    char ch = static_cast<char>(c);
    bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    bool alnum = lower || upper || digit;
    bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    uint32_t bits = 0;
    if (alnum) bits |= kAlnum | kWord | kWordDash | kBase64 | kWordDashDotEq | kAlnumDash | kBase64NoPad | kAlnumDot |
                       kWordDashDot | kWordDashEq | kBase64Url;
    if (lower || digit) bits |= kLowerAlnum;
    if (digit || (c >= 'a' && c <= 'f')) bits |= kHexLower;
    if (hex) bits |= kHex | kHexDash;
    if (upper || digit) bits |= kUpperDigit;
    if (upper || (c >= '2' && c <= '7')) bits |= kBase32;
    if (lower || upper) bits |= kLetters;
    if (in(c, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")) bits |= kBech32Upper;
    if (ch == '_') bits |= kWord | kWordDash | kWordDashDotEq | kWordDashDot | kWordDashEq | kBase64Url;
    if (ch == '-') bits |= kWordDash | kWordDashDotEq | kAlnumDash | kHexDash | kWordDashDot | kWordDashEq;
    if (ch == '.') bits |= kWordDashDotEq | kAlnumDot | kWordDashDot;
    if (ch == '=') bits |= kBase64 | kWordDashDotEq | kWordDashEq | kBase64Url;
    if (ch == '+' || ch == '/') bits |= kBase64 | kBase64NoPad | kBase64Url;
    table[static_cast<size_t>(c)] = bits;
  }
  return table;
}();

bool InClass(char c, uint32_t cls) { return (kClasses[static_cast<unsigned char>(c)] & cls) != 0; }

// Structure beyond prefix and alphabet: returns whether `body` has it.
using Shape = bool (*)(std::string_view body);

size_t Digits(std::string_view s, size_t pos) { return RunLength(s, pos, s.size(), IsDigit); }

bool GithubShape(std::string_view body) { return GithubChecksumValid(body); }
bool OpenAiLegacyShape(std::string_view body) { return body.substr(20, 8) == "T3BlbkFJ"; }
bool EndsInAa(std::string_view body) { return body.size() >= 2 && body.substr(body.size() - 2) == "AA"; }
bool A3tShape(std::string_view body) {
  for (char c : body.substr(1)) {
    if (!InClass(c, kBase32)) return false;
  }
  return true;
}
// `[0-9]{8,14}-[a-zA-Z0-9-]{18,}`: both gitleaks Slack bot formats.
bool SlackBotShape(std::string_view body) {
  size_t d = Digits(body, 0);
  return d >= 8 && d <= 14 && body.size() > d && body[d] == '-' && body.size() - d - 1 >= 18;
}
// `(?:[0-9]{10,13}-){3}[a-zA-Z0-9-]{28,34}`.
bool SlackUserShape(std::string_view body) {
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    size_t d = Digits(body, pos);
    if (d < 10 || d > 13 || pos + d >= body.size() || body[pos + d] != '-') return false;
    pos += d + 1;
  }
  return body.size() - pos >= 28 && body.size() - pos <= 34;
}
// `\d-[A-Z0-9]+-\d+-[a-z0-9]+`.
bool SlackAppShape(std::string_view body) {
  if (body.size() < 8 || !IsDigit(body[0]) || body[1] != '-') return false;
  size_t id_end = body.find('-', 2);
  if (id_end == std::string_view::npos || id_end == 2) return false;
  size_t d = Digits(body, id_end + 1);
  return d > 0 && id_end + 1 + d < body.size() - 1 && body[id_end + 1 + d] == '-';
}
// `\d+-\d+-\d+-[a-fA-F\d]+`.
bool SlackLegacyShape(std::string_view body) {
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    size_t d = Digits(body, pos);
    if (d == 0 || pos + d >= body.size() || body[pos + d] != '-') return false;
    pos += d + 1;
  }
  return pos < body.size();
}
// `\d-[A-Z0-9]{146}`.
bool SlackRefreshShape(std::string_view body) { return body.size() == 148 && IsDigit(body[0]) && body[1] == '-'; }
bool NotionShape(std::string_view body) { return Digits(body, 0) >= 11; }
bool DotAt24(std::string_view body) { return body[24] == '.' && body.find('.', 25) == std::string_view::npos; }
bool DashAt24(std::string_view body) { return body[24] == '-' && body.find('-', 25) == std::string_view::npos; }
bool DashAt64(std::string_view body) { return body[64] == '-' && body.find('-', 65) == std::string_view::npos; }
bool GrafanaServiceShape(std::string_view body) {
  return body[32] == '_' && body.substr(0, 32).find('_') == std::string_view::npos;
}
bool DatabricksShape(std::string_view body) {
  size_t dash = body.find('-');
  return dash == std::string_view::npos ? body.size() == 32 : dash == 32 && body.size() == 34 && IsDigit(body[33]);
}
bool HarnessShape(std::string_view body) { return body[22] == '.' && body[47] == '.'; }

// One token format. `min`/`max` bound the body (after the prefix); the body must end where
// a token can end (base/secret_text.h). `entropy` is gitleaks' threshold, in bits per
// character of the body. `verified`: the shape proves the token real (a checksum).
struct TokenRule {
  std::string_view id;
  std::string_view prefix;
  uint32_t body;
  uint16_t min;
  uint16_t max;
  float entropy;
  Shape shape = nullptr;
  bool verified = false;
};

// The token rules of gitleaks' default configuration (v8.25) whose tokens carry a fixed
// prefix, by gitleaks rule id. Test-mode keys (`sk_test_`, `EZTK`, `FLWSECK_TEST-`,
// `duffel_test_`, `shippo_test_`) are left out on purpose: they are published in
// documentation and grant nothing. Rules that need a keyword beside the value
// (`adafruit-api-key`, `twitter-*`, ...) are left to `secret-assignment` (secret_scan.cc).
constexpr TokenRule kRules[] = {
    // GitHub: a wrong CRC32 is a documentation example (GitHub's own docs use them).
    {"github-pat", "ghp_", kAlnum, 36, 36, 3, GithubShape, true},
    {"github-oauth", "gho_", kAlnum, 36, 36, 3, GithubShape, true},
    {"github-app-token", "ghu_", kAlnum, 36, 36, 3, GithubShape, true},
    {"github-app-token", "ghs_", kAlnum, 36, 36, 3, GithubShape, true},
    {"github-refresh-token", "ghr_", kAlnum, 36, 36, 3, GithubShape, true},
    {"github-fine-grained-pat", "github_pat_", kWord, 82, 82, 3},
    // GitLab; the routable formats end in `.` and nine more characters.
    {"gitlab-pat", "glpat-", kWordDashDot, 20, 320, 3},
    {"gitlab-ptt", "glptt-", kHexLower, 40, 40, 3},
    {"gitlab-deploy-token", "gldt-", kWordDash, 20, 300, 3},
    {"gitlab-runner-authentication-token", "glrt-", kWordDashDot, 20, 320, 3},
    {"gitlab-feed-token", "glft-", kWordDash, 20, 300, 3},
    {"gitlab-scim-token", "glsoat-", kWordDash, 20, 300, 3},
    {"gitlab-oauth-app-secret", "gloas-", kWordDash, 64, 64, 3},
    {"gitlab-incoming-mail-token", "glimt-", kWordDash, 25, 300, 3},
    {"gitlab-kubernetes-agent-token", "glagent-", kWordDash, 50, 300, 3},
    {"gitlab-feature-flag-client-token", "glffct-", kWordDash, 20, 300, 3},
    {"gitlab-cicd-job-token", "glcbt-", kWordDash, 22, 26, 3},
    {"gitlab-rrt", "GR1348941", kWordDash, 20, 300, 3},
    // Stripe live and restricted keys. `whsec_` (webhook signing secrets) is not in
    // gitleaks' default configuration; specc adds it.
    {"stripe-access-token", "sk_live_", kAlnum, 10, 255, 2},
    {"stripe-access-token", "rk_live_", kAlnum, 10, 255, 2},
    {"stripe-access-token", "sk_prod_", kAlnum, 10, 255, 2},
    {"stripe-access-token", "rk_prod_", kAlnum, 10, 255, 2},
    {"stripe-webhook-secret", "whsec_", kBase64, 24, 128, 3},
    // OpenAI: gitleaks asks for the `T3BlbkFJ` marker everywhere; the project, service
    // account and admin prefixes are specific enough without it.
    {"openai-api-key", "sk-proj-", kWordDash, 40, 300, 3.5f},
    {"openai-api-key", "sk-svcacct-", kWordDash, 40, 300, 3.5f},
    {"openai-api-key", "sk-admin-", kWordDash, 40, 300, 3.5f},
    {"openai-api-key", "sk-", kAlnum, 48, 48, 3, OpenAiLegacyShape},
    {"anthropic-api-key", "sk-ant-api03-", kWordDash, 95, 95, 0, EndsInAa},
    {"anthropic-admin-api-key", "sk-ant-admin01-", kWordDash, 95, 95, 0, EndsInAa},
    // Slack.
    {"slack-bot-token", "xoxb-", kAlnumDash, 27, 200, 2, SlackBotShape},
    {"slack-user-token", "xoxp-", kAlnumDash, 61, 80, 2, SlackUserShape},
    {"slack-config-refresh-token", "xoxe-", kAlnumDash, 148, 148, 2, SlackRefreshShape},
    {"slack-app-token", "xapp-", kAlnumDash, 8, 200, 2, SlackAppShape},
    {"slack-legacy-workspace-token", "xoxa-", kAlnumDash, 8, 50, 2},
    {"slack-legacy-workspace-token", "xoxr-", kAlnumDash, 8, 50, 2},
    {"slack-legacy-token", "xoxo-", kHexDash, 8, 200, 2, SlackLegacyShape},
    {"slack-legacy-token", "xoxs-", kHexDash, 8, 200, 2, SlackLegacyShape},
    {"slack-webhook-url", "hooks.slack.com/services/", kBase64NoPad, 43, 56, 0},
    {"slack-webhook-url", "hooks.slack.com/workflows/", kBase64NoPad, 43, 56, 0},
    {"slack-webhook-url", "hooks.slack.com/triggers/", kBase64NoPad, 43, 56, 0},
    // Cloud providers.
    {"aws-access-token", "AKIA", kBase32, 16, 16, 3},
    {"aws-access-token", "ASIA", kBase32, 16, 16, 3},
    {"aws-access-token", "ABIA", kBase32, 16, 16, 3},
    {"aws-access-token", "ACCA", kBase32, 16, 16, 3},
    {"aws-access-token", "A3T", kUpperDigit, 17, 17, 3, A3tShape},
    {"gcp-api-key", "AIza", kWordDash, 35, 35, 4},
    {"alibaba-access-key-id", "LTAI", kAlnum, 20, 20, 2},
    {"digitalocean-access-token", "doo_v1_", kHexLower, 64, 64, 3},
    {"digitalocean-pat", "dop_v1_", kHexLower, 64, 64, 3},
    {"digitalocean-refresh-token", "dor_v1_", kHexLower, 64, 64, 0},
    {"heroku-api-key-v2", "HRKU-AA", kWordDash, 58, 58, 4},
    {"flyio-access-token", "fo1_", kWordDash, 43, 43, 4},
    {"flyio-access-token", "fm1a_", kBase64, 100, 4000, 4},
    {"flyio-access-token", "fm1r_", kBase64, 100, 4000, 4},
    {"flyio-access-token", "fm2_", kBase64, 100, 4000, 4},
    {"cloudflare-origin-ca-key", "v1.0-", kHexDash, 171, 171, 2, DashAt24},
    {"vault-service-token", "hvs.", kWordDash, 90, 120, 3.5f},
    {"vault-batch-token", "hvb.", kWordDash, 138, 300, 4},
    {"planetscale-api-token", "pscale_tkn_", kWordDashDotEq, 32, 64, 3},
    {"planetscale-oauth-token", "pscale_oauth_", kWordDashDotEq, 32, 64, 3},
    {"planetscale-password", "pscale_pw_", kWordDashDotEq, 32, 64, 3},
    {"databricks-api-token", "dapi", kHexDash, 32, 34, 3, DatabricksShape},
    {"clickhouse-cloud-api-secret-key", "4b1d", kAlnum, 38, 38, 3},
    {"openshift-user-token", "sha256~", kWordDash, 43, 43, 3.5f},
    // Communication, payments, SaaS.
    {"twilio-api-key", "SK", kHex, 32, 32, 3},
    {"sendgrid-api-token", "SG.", kWordDashDotEq, 66, 66, 2},
    {"sendinblue-api-token", "xkeysib-", kAlnumDash, 81, 81, 2, DashAt64},
    {"shopify-access-token", "shpat_", kHex, 32, 32, 2},
    {"shopify-custom-access-token", "shpca_", kHex, 32, 32, 2},
    {"shopify-private-app-access-token", "shppa_", kHex, 32, 32, 2},
    {"shopify-shared-secret", "shpss_", kHex, 32, 32, 2},
    {"square-access-token", "sq0atp-", kWordDash, 22, 60, 2},
    {"shippo-api-token", "shippo_live_", kHex, 40, 40, 2},
    {"duffel-api-token", "duffel_live_", kWordDashEq, 43, 43, 2},
    {"easypost-api-token", "EZAK", kAlnum, 54, 54, 2},
    {"facebook-page-access-token", "EAAM", kAlnum, 100, 1000, 4},
    {"facebook-page-access-token", "EAAC", kAlnum, 100, 1000, 4},
    {"postman-api-token", "PMAK-", kHexDash, 59, 59, 3, DashAt24},
    {"linear-api-key", "lin_api_", kAlnum, 40, 40, 2},
    {"notion-api-token", "ntn_", kAlnum, 46, 46, 4, NotionShape},
    {"doppler-api-token", "dp.pt.", kAlnum, 43, 43, 2},
    {"dynatrace-api-token", "dt0c01.", kAlnumDot, 89, 89, 4, DotAt24},
    {"grafana-cloud-api-token", "glc_", kBase64, 32, 400, 3},
    {"grafana-service-account-token", "glsa_", kWord, 41, 41, 3, GrafanaServiceShape},
    {"grafana-api-key", "eyJrIjoi", kBase64, 70, 400, 3},
    {"sentry-user-token", "sntryu_", kHexLower, 64, 64, 3.5f},
    {"sentry-org-token", "sntrys_eyJpYXQiO", kBase64Url, 60, 600, 4.5f},
    {"harness-api-key", "pat.", kWordDashDot, 68, 68, 3, HarnessShape},
    {"harness-api-key", "sat.", kWordDashDot, 68, 68, 3, HarnessShape},
    {"1password-service-account-token", "ops_eyJ", kBase64, 250, 8000, 4},
    {"octopus-deploy-api-key", "API-", kUpperDigit, 26, 26, 3},
    {"adobe-client-secret", "p8e-", kAlnum, 32, 32, 2},
    {"intra42-client-secret", "s-s4t2ud-", kHex, 64, 64, 3},
    {"intra42-client-secret", "s-s4t2af-", kHex, 64, 64, 3},
    // Package registries and developer tools.
    {"npm-access-token", "npm_", kAlnum, 36, 36, 2},
    {"pypi-upload-token", "pypi-AgEIcHlwaS5vcmc", kWordDash, 50, 1000, 3},
    {"rubygems-api-token", "rubygems_", kHexLower, 48, 48, 2},
    {"clojars-api-token", "CLOJARS_", kAlnum, 60, 60, 2},
    {"huggingface-access-token", "hf_", kLetters, 34, 34, 2},
    {"huggingface-organization-api-token", "api_org_", kLetters, 34, 34, 2},
    {"artifactory-api-key", "AKCp", kAlnum, 69, 69, 4.5f},
    {"artifactory-reference-token", "cmVmd", kAlnum, 59, 59, 4.5f},
    {"pulumi-api-token", "pul-", kHexLower, 40, 40, 2},
    {"prefect-api-token", "pnu_", kAlnum, 36, 36, 2},
    {"readme-api-token", "rdme_", kLowerAlnum, 70, 70, 2},
    {"scalingo-api-token", "tk-us-", kWordDash, 48, 48, 2},
    {"perplexity-api-key", "pplx-", kAlnum, 48, 48, 4},
    {"infracost-api-token", "ico-", kAlnum, 32, 32, 3},
    {"frameio-api-token", "fio-u-", kWordDashEq, 64, 64, 0},
    {"settlemint-personal-access-token", "sm_pat_", kAlnum, 16, 16, 3},
    {"settlemint-application-access-token", "sm_aat_", kAlnum, 16, 16, 3},
    {"settlemint-service-access-token", "sm_sat_", kAlnum, 16, 16, 3},
    {"age-secret-key", "AGE-SECRET-KEY-1", kBech32Upper, 58, 58, 0},
};

// The first eight bytes of each rule's prefix (fewer for a shorter one) as a little-endian
// word, and the mask of the bytes they fill. Words like `github`, `api`, `path` and `pull`
// pass the trigram filter by the thousand in GitHub's description; one AND and compare
// per rule rejects them, without a memcmp call each.
struct PrefixHead {
  uint64_t bytes = 0;
  uint64_t mask = 0;
};
constexpr std::array<PrefixHead, std::size(kRules)> kPrefixHeads = [] {
  std::array<PrefixHead, std::size(kRules)> heads{};
  for (size_t i = 0; i < std::size(kRules); ++i) {
    std::string_view prefix = kRules[i].prefix;
    for (size_t k = 0; k < prefix.size() && k < 8; ++k) {
      heads[i].bytes |= uint64_t{static_cast<unsigned char>(prefix[k])} << (8 * k);
      heads[i].mask |= uint64_t{0xFF} << (8 * k);
    }
  }
  return heads;
}();

// The eight bytes of `text` at `pos` as PrefixHead lays them out, zeros past the end (no
// prefix holds a zero byte, so a prefix cut off by the end never matches).
uint64_t TextHead(std::string_view text, size_t pos) {
  if (text.size() - pos >= 8) return swar::Load8(text.data() + pos);
  char padded[8] = {};
  std::memcpy(padded, text.data() + pos, text.size() - pos);
  return swar::Load8(padded);
}

// The rules a text position can match, by a hash of its first two bytes (every prefix has
// two or more): the twenty rules whose prefix starts with `g` are not all tried against
// each `github` of a description. A bucket keeps its rules in table order, so the first
// rule that matches is the one a walk over the whole table would find.
static_assert(std::all_of(std::begin(kRules), std::end(kRules), [](const TokenRule& rule) { return rule.prefix.size() >= 2; }));
constexpr size_t kBuckets = 1024;
size_t BucketOf(unsigned char first, unsigned char second) { return (size_t{first} * 32 + second) % kBuckets; }
const std::array<std::vector<uint8_t>, kBuckets>& RulesByFirstTwoBytes() {
  static const std::array<std::vector<uint8_t>, kBuckets> index = [] {
    static_assert(std::size(kRules) < 256);
    std::array<std::vector<uint8_t>, kBuckets> out;
    for (size_t i = 0; i < std::size(kRules); ++i) {
      std::string_view prefix = kRules[i].prefix;
      out[BucketOf(static_cast<unsigned char>(prefix[0]), static_cast<unsigned char>(prefix[1]))].push_back(static_cast<uint8_t>(i));
    }
    return out;
  }();
  return index;
}

// Most words that start with a prefix's first letters (`path`, `format`, `which`) stop
// at this filter, before any rule is tried.
const std::array<uint64_t, 1024>& PrefixTrigrams() {
  static const std::array<uint64_t, 1024> bits = [] {
    std::array<uint64_t, 1024> out{};
    auto set = [&](unsigned char a, unsigned char b, unsigned char c) {
      size_t index = TrigramHash(uint32_t{a} | uint32_t{b} << 8 | uint32_t{c} << 16);
      out[index >> 6] |= uint64_t{1} << (index & 63);
    };
    for (const TokenRule& rule : kRules) {
      if (rule.prefix.size() >= 3) {
        set(rule.prefix[0], rule.prefix[1], rule.prefix[2]);
        continue;
      }
      for (int c = 0; c < 256; ++c) {
        if (InClass(static_cast<char>(c), rule.body)) set(rule.prefix[0], rule.prefix[1], static_cast<unsigned char>(c));
      }
    }
    for (int c = 0; c < 256; ++c) {
      char ch = static_cast<char>(c);
      if (secret_text::IsWordChar(ch) || ch == '-') set('e', 'y', static_cast<unsigned char>(c));
    }
    return out;
  }();
  return bits;
}

}  // namespace

bool MayStartToken(unsigned char c) {
  for (const TokenRule& rule : kRules) {
    if (static_cast<unsigned char>(rule.prefix[0]) == c) return true;
  }
  return false;
}

const uint64_t* PrefixTrigramBits() { return PrefixTrigrams().data(); }

bool MatchToken(std::string_view text, size_t pos, SecretHit* hit) {
  if (text.size() - pos < 2) return false;
  uint64_t head = TextHead(text, pos);
  for (uint8_t index : RulesByFirstTwoBytes()[BucketOf(static_cast<unsigned char>(text[pos]),
                                                       static_cast<unsigned char>(text[pos + 1]))]) {
    const TokenRule& rule = kRules[index];
    if ((head & kPrefixHeads[index].mask) != kPrefixHeads[index].bytes) continue;
    if (rule.prefix.size() > 8 && text.compare(pos + 8, rule.prefix.size() - 8, rule.prefix.substr(8)) != 0) continue;
    size_t body_start = pos + rule.prefix.size();
    size_t n = RunLength(text, body_start, size_t{rule.max} + 1, [&](char c) { return InClass(c, rule.body); });
    if (n < rule.min || n > rule.max || !EndsToken(text, body_start + n)) continue;
    std::string_view body = text.substr(body_start, n);
    if (rule.shape != nullptr && !rule.shape(body)) continue;
    if (!rule.verified && (IsPlaceholder(body) || Entropy(body) < rule.entropy)) continue;
    *hit = SecretHit{rule.id, pos, rule.prefix.size() + n, rule.verified};
    return true;
  }
  return false;
}

std::vector<std::string_view> TokenRuleIds() {
  std::vector<std::string_view> ids;
  for (const TokenRule& rule : kRules) ids.push_back(rule.id);
  return ids;
}

}  // namespace specc::secret_rules
