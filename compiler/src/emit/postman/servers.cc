#include "emit/postman/servers.h"

#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "emit/server_url.h"

namespace specc::emit::postman {

std::string ResolveServer(const ir::Server& server) {
  std::string url = ResolveServerUrl(server);
  return url.empty() ? std::string(kDefaultBaseUrl) : url;
}

namespace {

// Lowercase alphanumeric words of `text`.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// The words that name an environment in a server's description or host.
std::vector<std::string> EnvironmentWords(const std::string& env) {
  if (env == "dev") return {"dev", "development", "local", "localhost", "sandbox"};
  if (env == "staging") return {"staging", "stage", "stg", "preprod", "uat", "test"};
  if (env == "prod") return {"prod", "production", "live"};
  return {AsciiLower(env)};
}

// The base URL of `env`: the first server whose description names the environment, else
// the first whose host does (not counting the top-level domain: `api.example.dev` is not a
// dev server), else none.
std::optional<std::string> ServerForEnvironment(const ir::Api& api, const std::string& env) {
  std::vector<std::string> wanted = EnvironmentWords(env);
  auto hit = [&](const std::vector<std::string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::find(wanted.begin(), wanted.end(), w) != wanted.end();
    });
  };
  for (const ir::Server& s : api.servers) {
    if (hit(Words(s.description))) return ResolveServer(s);
  }
  for (const ir::Server& s : api.servers) {
    std::string url = ResolveServer(s);
    size_t scheme = url.find("://");
    std::string host = url.substr(scheme == std::string::npos ? 0 : scheme + 3);
    host = host.substr(0, host.find('/'));
    host = host.substr(0, host.find(':'));
    std::vector<std::string> words = Words(host);
    if (words.size() > 1) words.pop_back();
    if (hit(words)) return url;
  }
  return std::nullopt;
}

bool IsLoopback(const std::string& url) {
  size_t scheme = url.find("://");
  std::string host = url.substr(scheme == std::string::npos ? 0 : scheme + 3);
  host = host.substr(0, host.find('/'));
  if (!host.empty() && host.front() == '[') return host.rfind("[::1]", 0) == 0;
  host = host.substr(0, host.find(':'));
  return AsciiLower(host) == "localhost" || host.rfind("127.", 0) == 0 || host == "0.0.0.0";
}

}  // namespace

std::vector<std::string> EnvironmentUrls(const ir::Api& api, const std::vector<std::string>& environments,
                                         const std::string& fallback, const EmitOptions& options,
                                         const std::string& service, DiagSink& diags) {
  std::vector<std::string> urls;
  std::vector<bool> chosen;
  for (const std::string& env : environments) {
    std::optional<std::string> url;
    for (const auto& [name, configured] : options.postman_base_urls) {
      if (name == env) url = configured;
    }
    if (!url) url = ServerForEnvironment(api, env);
    chosen.push_back(url.has_value());
    urls.push_back(url.value_or(fallback));
  }
  Loc at = api.servers.empty() ? api.loc : api.servers.front().loc;
  std::string fix = "name the environment in a server's description, or set `postman: {baseUrls: {ENV: URL}}` in specc.yaml";
  for (size_t i = 0; i < environments.size(); ++i) {
    std::string which = "the `" + environments[i] + "` Postman collection of `" + service + "`";
    if (!chosen[i] && IsLoopback(urls[i])) {
      diags.Report(DiagCode::kPostmanEnvironmentUrl, at,
                   which + " targets the loopback address " + urls[i] + ": no server names the environment", fix);
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (urls[j] != urls[i]) continue;
      diags.Report(DiagCode::kPostmanEnvironmentUrl, at,
                   which + " targets " + urls[i] + ", the URL of the `" + environments[j] + "` collection", fix);
      break;
    }
  }
  return urls;
}

}  // namespace specc::emit::postman
