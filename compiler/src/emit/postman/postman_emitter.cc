#include "emit/postman/postman_emitter.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "base/json_writer.h"
#include "emit/namer.h"
#include "emit/postman/chaining.h"
#include "emit/postman/example_value.h"
#include "emit/postman/test_script.h"
#include "emit/postman/uuid5.h"
#include "emit/render.h"
#include "emit/server_url.h"
#include "emit/template_set.h"
#include "sema/media_type.h"
#include "sema/request_body.h"
#include "sema/response_body.h"
#include "sema/routes.h"
#include "sema/wire.h"

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kId = "postman";
// The variable every request's URL starts with, as in Postman's own converter, so any
// collection can be pointed at any server with `--env-var baseUrl=...`.
constexpr std::string_view kBaseUrl = "baseUrl";
// The base URL when a document has no servers (OpenAPI's default server is "/", which
// is no URL a client can call).
constexpr std::string_view kDefaultBaseUrl = "http://localhost";

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

std::string Compact(JsonWriter& w) {
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// A server URL with its variables replaced by their defaults, without a trailing `/`;
// Postman's converter's default for a server that names no host.
std::string ResolveServer(const ir::Server& server) {
  std::string url = ResolveServerUrl(server);
  return url.empty() ? std::string(kDefaultBaseUrl) : url;
}

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

// The base URL of each environment collection: `postman.baseUrls` of specc.yaml, else the
// server that names the environment, else the document's first server. A collection run
// against the wrong service does harm (its requests create and delete), so one that would
// fall back to a loopback address, or share another environment's URL, is a warning.
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

// Percent-encodes all but RFC 3986's unreserved characters (and `,`, which the simple and
// form styles use as a separator).
std::string Encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == ',';
    if (keep) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// A path value as sent: encoded, except a whole `{{variable}}` of a chained request
// (Postman resolves it first and encodes what it resolves to).
std::string EncodePathValue(const std::string& value) {
  bool variable = value.size() > 4 && value.rfind("{{", 0) == 0 && value.find("}}") == value.size() - 2;
  return variable ? value : Encode(value);
}

// A scalar as parameter text; containers as JSON.
std::string Text(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_null()) return "";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  return v.dump();
}

// The (name, value) pairs `v` is sent as, for a field called `name` written in wire form
// `form` (sema/wire.h: the same forms the generated server reads back).
std::vector<std::pair<std::string, std::string>> Serialize(const std::string& name, const sema::WireForm& form,
                                                           const Json& v) {
  std::vector<std::pair<std::string, std::string>> out;
  bool label = form.path_style == "label", matrix = form.path_style == "matrix";
  std::string prefix = label ? "." : matrix ? ";" + name + "=" : "";
  if (form.shape == sema::WireShape::kJson) {
    out.push_back({name, v.dump()});
    return out;
  }
  if (v.is_array()) {
    if (form.array_form == sema::ArrayForm::kRepeated && !label && !matrix) {
      for (const Json& item : v) out.push_back({name, Text(item)});
      if (v.empty()) out.push_back({name, ""});
      return out;
    }
    std::string sep = matrix && form.delimiter == ';' ? ";" + name + "=" : std::string(1, form.delimiter);
    std::string joined;
    for (const Json& item : v) joined += (joined.empty() ? "" : sep) + Text(item);
    out.push_back({name, prefix + joined});
    return out;
  }
  if (v.is_object()) {
    if (form.object_form == sema::ObjectForm::kDeep) {
      for (auto it = v.begin(); it != v.end(); ++it) out.push_back({name + "[" + it.key() + "]", Text(it.value())});
      return out;
    }
    if (form.object_form == sema::ObjectForm::kSpread) {
      for (auto it = v.begin(); it != v.end(); ++it) out.push_back({it.key(), Text(it.value())});
      return out;
    }
    bool exploded = form.object_form == sema::ObjectForm::kPairsExploded;
    std::string joined;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!joined.empty()) joined += ",";
      joined += it.key() + (exploded ? "=" : ",") + Text(it.value());
    }
    out.push_back({name, prefix + joined});
    return out;
  }
  out.push_back({name, prefix + Text(v)});
  return out;
}

// The spec's example texts, in order of preference. Views, not copies: GitHub's response
// examples run to hundreds of kilobytes.
std::vector<std::string_view> ExampleTexts(const std::vector<ir::Example>& examples) {
  std::vector<std::string_view> texts;
  for (const ir::Example& e : examples) {
    if (!e.value.empty()) texts.push_back(e.value);
  }
  return texts;
}

// How a JSON example is shown in a body: two spaces of indentation, as Postman's own
// converter writes it.
constexpr int kBodyIndent = 2;


const char* StatusText(int code) {
  switch (code) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 207: return "Multi-Status";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

// A security scheme as Postman auth: the variables it needs (values left empty: secrets
// never appear in a collection) and how a request uses them.
struct SchemeAuth {
  const ir::SecurityScheme* scheme = nullptr;
  std::vector<std::string> variables;
};

std::string VariableName(const std::string& scheme_name, const std::string& suffix) {
  std::string base = CamelCase(scheme_name);
  if (base.empty()) base = "auth";
  if (base.size() >= suffix.size() &&
      AsciiLower(base.substr(base.size() - suffix.size())) == AsciiLower(suffix)) {
    return base;
  }
  return base + suffix;
}

SchemeAuth AuthFor(const ir::SecurityScheme& s) {
  SchemeAuth auth{&s, {}};
  if (s.type == "http" && AsciiLower(s.scheme) == "basic") {
    auth.variables = {VariableName(s.name, "Username"), VariableName(s.name, "Password")};
  } else if (s.type == "http" && !s.scheme.empty()) {
    // Bearer, and the schemes Postman has no auth type for (`payone-hmac-sha256`): the
    // credentials after the scheme name in `Authorization`.
    auth.variables = {VariableName(s.name, "Token")};
  } else if (s.type == "apiKey") {
    auth.variables = {VariableName(s.name, "Key")};
  } else if (s.type == "oauth2" || s.type == "openIdConnect") {
    auth.variables = {VariableName(s.name, "AccessToken")};
  }
  return auth;
}

struct Variable {
  std::string key, value, description;
  bool secret = false;
};

// What one API's collections share: the request items are built once per collection
// only because their ids differ.
struct ApiPlan {
  std::string project_name;
  std::string base_url;
  std::vector<Variable> server_variables;           // per-operation servers, by first use
  std::map<std::string, std::string> server_var_by_url;
  std::vector<SchemeAuth> schemes;                  // the security schemes, declared order
  std::set<std::string> used_schemes;
};

class PostmanEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;
};

// Builds the parts of one request item; `seed` makes the ids unique per collection.
class RequestBuilder {
 public:
  RequestBuilder(const sema::SchemaMeanings& meanings, ApiPlan& plan, ExampleBuilder& examples)
      : api_(meanings.api()), meanings_(meanings), plan_(plan), examples_(examples) {}

  struct Header {
    std::string key, value, description;
    bool disabled = false;
  };

  // The parts of `op` that do not depend on the collection: computed once per operation.
  struct Parts {
    std::string name, description, method, url_json, header_json, body_json, auth_json, responses_json;
    std::vector<std::string> exec;
    bool follow_redirects = true;
    // What the URL is made of, to write it again with chained path variables.
    std::map<std::string, std::string> path_values;
    std::vector<Header> path_vars, query;
  };

  // The URL of `op` with the path parameters of `variables` taking the collection
  // variables named there (`{{projectId}}`).
  std::string ChainedUrl(const ir::Operation& op, const Parts& parts,
                         const std::map<std::string, std::string>& variables) {
    std::map<std::string, std::string> values = parts.path_values;
    std::vector<Header> path_vars = parts.path_vars;
    for (const auto& [param, variable] : variables) {
      values[param] = "{{" + variable + "}}";
      for (Header& h : path_vars) {
        if (h.key == param) h.value = values[param];
      }
    }
    return Url(op, values, path_vars, parts.query);
  }

  Parts Build(const ir::Operation& op, bool with_responses) {
    Parts parts;
    parts.name = !op.summary.empty() ? op.summary
                 : !op.operation_id.empty() && !op.operation_id_synthesized ? op.operation_id
                                                                         : Upper(op.method) + " " + op.path;
    parts.description = op.description.empty() ? op.summary : op.description;
    if (parts.description == parts.name) parts.description.clear();
    parts.method = Upper(op.method);

    std::vector<Header> headers;
    std::vector<Header> query;
    std::vector<Header> cookies;
    std::vector<Header> path_vars;
    std::map<std::string, std::string> path_values;
    for (const ir::Parameter& p : op.parameters) {
      Json value = Json::parse(examples_.Value(p.schema, ExampleTexts(p.examples),
                                               p.content_type.empty() ? ExampleUse::kParameter : ExampleUse::kRequest));
      std::vector<std::pair<std::string, std::string>> pairs = Serialize(p.name, sema::ParameterWire(meanings_, p), value);
      switch (p.in) {
        case ir::ParamIn::kPath:
          path_values[p.name] = pairs.empty() ? "1" : pairs.front().second;
          path_vars.push_back({p.name, path_values[p.name], p.description, false});
          break;
        case ir::ParamIn::kQuery:
          for (auto& [k, v] : pairs) query.push_back({k, Encode(v), p.description, !p.required});
          break;
        case ir::ParamIn::kHeader:
          for (auto& [k, v] : pairs) headers.push_back({k, v, p.description, !p.required});
          break;
        case ir::ParamIn::kCookie:
          if (p.required) {
            for (auto& [k, v] : pairs) cookies.push_back({k, Encode(v), p.description, false});
          }
          break;
      }
    }

    // Accept: the first media type of the first success response that has content.
    for (const ir::Response& r : op.responses) {
      if (r.status.empty() || r.status[0] != '2' || r.content.empty()) continue;
      headers.insert(headers.begin(), {"Accept", r.content.front().media_type, "", false});
      break;
    }

    // Body.
    if (const ir::RequestBody* body = sema::SentRequestBody(op)) {
      // The media type and reading the generated server validates (sema/request_body.h).
      if (std::optional<sema::SentBody> sent = sema::SentBodyMedia(meanings_, *body)) {
        const ir::MediaType& media = body->content[sent->index];
        parts.body_json = Body(media, sent->reading);
        // Postman writes a multipart body's Content-Type itself, with its boundary.
        if (AsciiLower(media.media_type).find("multipart/") == std::string::npos) {
          headers.push_back({"Content-Type", sema::SentContentType(media, sent->reading), "", false});
        }
      }
    }

    // Auth: the first security requirement; its first scheme is Postman auth, the others
    // (API keys) become headers or query parameters.
    const std::vector<ir::SecurityRequirement>& security = op.security ? *op.security : api_.security;
    JsonWriter auth(0);
    bool auth_set = false;
    if (!security.empty()) {
      for (const auto& [name, scopes] : security.front().schemes) {
        const SchemeAuth* scheme = FindScheme(name);
        if (scheme == nullptr || scheme->variables.empty()) continue;
        plan_.used_schemes.insert(name);
        const ir::SecurityScheme& s = *scheme->scheme;
        std::string var = "{{" + scheme->variables.front() + "}}";
        if (s.type == "apiKey" && s.in == "cookie") {
          cookies.push_back({s.param_name, var, s.description, false});
          continue;
        }
        if (auth_set) {
          if (s.type == "apiKey" && s.in == "query") query.push_back({s.param_name, var, s.description, false});
          if (s.type == "apiKey" && s.in == "header") headers.push_back({s.param_name, var, s.description, false});
          continue;
        }
        // Postman's OAuth 2 helper removes an `access_token` query parameter before it adds
        // the token; an operation that requires one (the token "as a GET parameter", RFC
        // 6750 section 2.3) gets the token there instead of in the Authorization header.
        bool token_in_query = std::any_of(query.begin(), query.end(),
                                          [](const Header& q) { return q.key == "access_token" && !q.disabled; });
        auth_set = WriteAuth(*scheme, scopes, token_in_query, auth);
      }
    }
    if (!auth_set) auth.BeginObject().Key("type").String("noauth").EndObject();
    parts.auth_json = Compact(auth);

    if (!cookies.empty()) {
      std::string cookie;
      for (const Header& c : cookies) cookie += (cookie.empty() ? "" : "; ") + c.key + "=" + c.value;
      headers.push_back({"Cookie", cookie, "", false});
    }

    parts.header_json = HeaderList(headers);
    parts.url_json = Url(op, path_values, path_vars, query);
    parts.exec = DocumentedStatusScript(op);
    parts.path_values = path_values;
    parts.path_vars = path_vars;
    parts.query = query;
    if (with_responses) parts.responses_json = Responses(op, parts.method, parts.url_json);
    // An operation that documents a redirect is tested on the redirect itself, not on
    // wherever it points (GitHub's log downloads redirect to other hosts).
    parts.follow_redirects = std::none_of(op.responses.begin(), op.responses.end(),
                                          [](const ir::Response& r) { return !r.status.empty() && r.status[0] == '3'; });
    return parts;
  }

 private:
  const SchemeAuth* FindScheme(const std::string& name) const {
    for (const SchemeAuth& s : plan_.schemes) {
      if (s.scheme->name == name) return &s;
    }
    return nullptr;
  }

  static void KeyValue(JsonWriter& w, std::string_view key, std::string_view value) {
    w.BeginObject().Key("key").String(key).Key("value").String(value).Key("type").String("string").EndObject();
  }

  bool WriteAuth(const SchemeAuth& scheme, const std::vector<std::string>& scopes, bool token_in_query, JsonWriter& w) {
    const ir::SecurityScheme& s = *scheme.scheme;
    std::string var = "{{" + scheme.variables.front() + "}}";
    w.BeginObject();
    if (s.type == "http" && AsciiLower(s.scheme) == "basic") {
      w.Key("type").String("basic").Key("basic").BeginArray();
      KeyValue(w, "username", var);
      KeyValue(w, "password", "{{" + scheme.variables[1] + "}}");
      w.EndArray();
    } else if (s.type == "http" && AsciiLower(s.scheme) == "bearer") {
      w.Key("type").String("bearer").Key("bearer").BeginArray();
      KeyValue(w, "token", var);
      w.EndArray();
    } else if (s.type == "http") {
      // Postman's API-key auth writes the header as given: `Authorization: <scheme> <token>`.
      w.Key("type").String("apikey").Key("apikey").BeginArray();
      KeyValue(w, "key", "Authorization");
      KeyValue(w, "value", s.scheme + " " + var);
      KeyValue(w, "in", "header");
      w.EndArray();
    } else if (s.type == "apiKey") {
      w.Key("type").String("apikey").Key("apikey").BeginArray();
      KeyValue(w, "key", s.param_name);
      KeyValue(w, "value", var);
      KeyValue(w, "in", s.in == "query" ? "query" : "header");
      w.EndArray();
    } else {
      // OAuth2 and OpenID Connect: the token is a variable to fill in (or to get with
      // Postman's "Get New Access Token", whose URLs and scopes are filled in here).
      w.Key("type").String("oauth2").Key("oauth2").BeginArray();
      KeyValue(w, "accessToken", var);
      KeyValue(w, "addTokenTo", token_in_query ? "queryParams" : "header");
      KeyValue(w, "tokenType", "Bearer");
      if (!s.flows.empty()) {
        const ir::OAuthFlow& flow = s.flows.front();
        std::string grant = flow.type == "clientCredentials"   ? "client_credentials"
                            : flow.type == "authorizationCode" ? "authorization_code"
                            : flow.type == "password"          ? "password_credentials"
                                                               : "implicit";
        KeyValue(w, "grant_type", grant);
        if (!flow.authorization_url.empty()) KeyValue(w, "authUrl", flow.authorization_url);
        if (!flow.token_url.empty()) KeyValue(w, "accessTokenUrl", flow.token_url);
      }
      if (!scopes.empty()) {
        std::string joined;
        for (const std::string& sc : scopes) joined += (joined.empty() ? "" : " ") + sc;
        KeyValue(w, "scope", joined);
      }
      w.EndArray();
    }
    w.EndObject();
    return true;
  }

  static std::string HeaderList(const std::vector<Header>& headers) {
    JsonWriter w(0);
    w.BeginArray();
    for (const Header& h : headers) {
      w.BeginObject().Key("key").String(h.key).Key("value").String(h.value);
      if (!h.description.empty()) w.Key("description").String(h.description);
      if (h.disabled) w.Key("disabled").Bool(true);
      w.EndObject();
    }
    w.EndArray();
    return Compact(w);
  }

  // The base URL variable of `op`: `baseUrl`, or one of its own for an operation with
  // servers of its own (GitHub's uploads host), so each can be pointed at a mock.
  std::string BaseVariable(const ir::Operation& op) {
    if (op.servers.empty()) return std::string(kBaseUrl);
    std::string url = ResolveServer(op.servers.front());
    if (url == plan_.base_url) return std::string(kBaseUrl);
    auto it = plan_.server_var_by_url.find(url);
    if (it != plan_.server_var_by_url.end()) return it->second;
    size_t scheme = url.find("://");
    std::string name = std::string(kBaseUrl) + PascalCase(url.substr(scheme == std::string::npos ? 0 : scheme + 3));
    std::string unique = name;
    for (int n = 2; std::any_of(plan_.server_variables.begin(), plan_.server_variables.end(),
                                [&](const Variable& v) { return v.key == unique; });
         ++n) {
      unique = name + std::to_string(n);
    }
    plan_.server_var_by_url[url] = unique;
    plan_.server_variables.push_back(
        {unique, url, "The server of the operations that declare `" + op.servers.front().url + "`", false});
    return unique;
  }

  std::string Url(const ir::Operation& op, const std::map<std::string, std::string>& values,
                  const std::vector<Header>& path_vars, const std::vector<Header>& query) {
    std::string host = "{{" + BaseVariable(op) + "}}";
    std::vector<std::string> segments;
    std::vector<std::string> used_vars;
    // A path key may carry a fragment to tell apart operations on one URL (Box's
    // `/files/{file_id}#get_shared_link`). The fragment never reaches the server, and in
    // the raw URL it must come after the query, or the query would become part of it.
    std::string path = op.path;
    std::string fragment;
    if (size_t hash = path.find('#'); hash != std::string::npos) {
      fragment = path.substr(hash + 1);
      path.resize(hash);
    }
    // A query string in the path key (`/x?op=y`, `/export?filename={filename}`) is sent as
    // the query it is, sema's way (`{search}=1` is the parameter under its own name).
    std::vector<Header> key_query;
    if (size_t mark = path.find('?'); mark != std::string::npos) {
      for (const sema::PathQueryPair& pair : sema::ParsePathTemplate(op.path).query) {
        auto it = pair.param.empty() ? values.end() : values.find(pair.param);
        std::string value = pair.param.empty() ? pair.value : it == values.end() ? std::string("1") : it->second;
        key_query.push_back(Header{.key = pair.key, .value = EncodePathValue(value), .description = {}, .disabled = false});
      }
      path.resize(mark);
    }
    std::vector<Header> all_query = key_query;
    all_query.insert(all_query.end(), query.begin(), query.end());
    size_t start = path.empty() || path[0] != '/' ? 0 : 1;
    while (true) {
      size_t slash = path.find('/', start);
      std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}' &&
          seg.find('{', 1) == std::string::npos) {
        std::string name = seg.substr(1, seg.size() - 2);
        segments.push_back(":" + name);
        used_vars.push_back(name);
      } else {
        // A segment holding a template beside other text ("{id}.json") gets its value
        // inline: Postman path variables are whole segments.
        std::string out;
        for (size_t i = 0; i < seg.size(); ++i) {
          size_t close = seg[i] == '{' ? seg.find('}', i) : std::string::npos;
          if (close == std::string::npos) {
            out.push_back(seg[i]);
            continue;
          }
          std::string name = seg.substr(i + 1, close - i - 1);
          auto it = values.find(name);
          out += EncodePathValue(it == values.end() ? std::string("1") : it->second);
          i = close;
        }
        segments.push_back(out);
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    std::string raw = host;
    for (const std::string& s : segments) raw += "/" + s;
    bool first = true;
    for (const Header& q : all_query) {
      if (q.disabled) continue;
      raw += (first ? "?" : "&") + q.key + "=" + q.value;
      first = false;
    }
    if (!fragment.empty()) raw += "#" + fragment;
    JsonWriter w(0);
    w.BeginObject().Key("raw").String(raw).Key("host").BeginArray().String(host).EndArray();
    w.Key("path").BeginArray();
    for (const std::string& s : segments) w.String(s);
    w.EndArray();
    if (!all_query.empty()) {
      w.Key("query").BeginArray();
      for (const Header& q : all_query) {
        w.BeginObject().Key("key").String(q.key).Key("value").String(q.value);
        if (!q.description.empty()) w.Key("description").String(q.description);
        if (q.disabled) w.Key("disabled").Bool(true);
        w.EndObject();
      }
      w.EndArray();
    }
    if (!used_vars.empty()) {
      w.Key("variable").BeginArray();
      for (const std::string& name : used_vars) {
        std::string value = "1", description;
        for (const Header& v : path_vars) {
          if (v.key == name) value = EncodePathValue(v.value), description = v.description;
        }
        w.BeginObject().Key("key").String(name).Key("value").String(value);
        if (!description.empty()) w.Key("description").String(description);
        w.EndObject();
      }
      w.EndArray();
    }
    if (!fragment.empty()) w.Key("hash").String(fragment);
    w.EndObject();
    return Compact(w);
  }

  std::string Body(const ir::MediaType& media, sema::BodyReading reading) {
    std::string type = AsciiLower(media.media_type);
    std::vector<std::string_view> candidates = ExampleTexts(media.examples);
    // A body the server does not read (no schema, XML, multipart/mixed) is shown as its
    // media type names it.
    bool unread = reading == sema::BodyReading::kUnread;
    bool urlencoded = reading == sema::BodyReading::kUrlEncoded || (unread && type.find("x-www-form-urlencoded") != std::string::npos);
    bool multipart = reading == sema::BodyReading::kMultipart || (unread && type.find("multipart/") != std::string::npos);
    bool json = reading == sema::BodyReading::kJson || (unread && sema::IsJsonMediaType(type));
    JsonWriter w(0);
    w.BeginObject();
    std::string text;
    std::string_view raw;
    if (urlencoded || multipart || !json) {
      // Forms and other text need the value's structure; JSON is shown as it is.
      Json value = Json::parse(examples_.Value(media.schema, candidates, ExampleUse::kRequest));
      if ((urlencoded || multipart) && value.is_object()) {
        const char* mode = urlencoded ? "urlencoded" : "formdata";
        w.Key("mode").String(mode).Key(mode).BeginArray();
        const sema::SchemaMeaning& body = meanings_.Of(meanings_.Resolve(media.schema));
        for (auto it = value.begin(); it != value.end(); ++it) {
          ir::SchemaId schema = ir::kNoSchema;
          for (const sema::ObjectProperty& p : body.properties) {
            if (p.name == it.key()) schema = p.schema;
          }
          sema::WireForm form = sema::FormFieldWire(meanings_, media, it.key(), schema);
          for (const auto& [key, text] : Serialize(it.key(), form, it.value())) {
            w.BeginObject().Key("key").String(key).Key("value").String(text).Key("type").String("text");
            // A JSON part says so, as OpenAPI's default content type for an object part.
            if (multipart && form.shape == sema::WireShape::kJson) w.Key("contentType").String("application/json");
            w.EndObject();
          }
        }
        w.EndArray().EndObject();
        return Compact(w);
      }
      text = json ? value.dump(kBodyIndent) : Text(value);
      raw = text;
    } else {
      raw = examples_.Value(media.schema, candidates, ExampleUse::kRequest, kBodyIndent);
    }
    w.Key("mode").String("raw");
    w.Key("raw").String(raw);
    w.Key("options").BeginObject().Key("raw").BeginObject().Key("language");
    w.String(json ? "json" : type.find("xml") != std::string::npos ? "xml" : "text");
    w.EndObject().EndObject();
    w.EndObject();
    return Compact(w);
  }

  // Saved example responses, one per documented status (`default` has no status to save).
  std::string Responses(const ir::Operation& op, const std::string& method, const std::string& url_json) {
    JsonWriter w(0);
    w.BeginArray();
    for (const ir::Response& r : op.responses) {
      int code = StatusCode(r.status);
      if (code == 0) continue;
      // The JSON body when there is one, else the first declared.
      std::optional<size_t> json_media = sema::JsonResponseMedia(r);
      const ir::MediaType* media = json_media ? &r.content[*json_media] : r.content.empty() ? nullptr : &r.content[0];
      std::string name = r.description.empty() ? r.status + " " + StatusText(code) : r.description;
      w.BeginObject().Key("name").String(name);
      w.Key("originalRequest").BeginObject().Key("method").String(method).Key("url").Raw(url_json).EndObject();
      w.Key("status").String(StatusText(code)).Key("code").Int(code);
      bool json = json_media.has_value();
      w.Key("_postman_previewlanguage").String(json ? "json" : "text");
      w.Key("header").BeginArray();
      if (media != nullptr) {
        w.BeginObject().Key("key").String("Content-Type").Key("value").String(media->media_type).EndObject();
      }
      w.EndArray();
      w.Key("cookie").BeginArray().EndArray();
      std::string text;
      std::string_view body;
      if (media != nullptr && (media->schema != ir::kNoSchema || !media->examples.empty())) {
        std::vector<std::string_view> candidates = ExampleTexts(media->examples);
        if (json) {
          body = examples_.Value(media->schema, candidates, ExampleUse::kResponse, kBodyIndent);
        } else {
          text = Text(Json::parse(examples_.Value(media->schema, candidates, ExampleUse::kResponse)));
          body = text;
        }
      }
      w.Key("body").String(body);
      w.EndObject();
    }
    w.EndArray();
    return Compact(w);
  }

  const ir::Api& api_;
  const sema::SchemaMeanings& meanings_;
  ApiPlan& plan_;
  ExampleBuilder& examples_;
};

// A request item's view without its ids and test script, and the script's lines, quoted.
struct RequestItem {
  View view;
  std::vector<std::string> exec;
};

// The `exec` list of a request item's view: `{line_json, last}` per line.
View ExecView(const std::vector<std::string>& lines) {
  View exec = View::List();
  for (const std::string& line : lines) {
    View lv;
    lv.Set("line_json", line);
    exec.Add(std::move(lv));
  }
  exec.MarkLast();
  return exec;
}

// A request item's ids in its view: their values, or holes that RequestVariant fills.
enum class Ids : uint8_t { kValues, kHoles };
constexpr std::string_view kIdHole = "id";
constexpr std::string_view kScriptIdHole = "script_id";

// One kind of request item: the base collection's (with saved responses) or the run
// collections' (chained URLs, run scripts, no saved responses). The collections of a kind
// differ in their request ids only. So each request's template is rendered and formatted
// once per depth it stands at, with holes for its ids and for its JSON parts (the `_json`
// values: the body, the saved responses, ...), and written into each collection with that
// collection's ids and its parts formatted straight into the collection's text: the
// megabytes of examples are neither copied through the template nor held formatted.
class RequestVariant {
 public:
  RequestVariant(const ir::Api& api, std::map<size_t, RequestItem> items) : api_(api), views_(std::move(items)) {}

  // The view of request `i` (an index into api.operations) in the collection of `seed`.
  View ItemView(size_t i, const std::string& seed, Ids ids) const {
    const RequestItem& item = views_.at(i);
    const View& parts = item.view;
    View view;
    if (ids == Ids::kHoles) {
      for (const auto& [key, value] : parts.members()) {
        bool json_part = key.ends_with("_json") && value.kind() == View::Kind::kString && !value.text().empty();
        view.Set(key, json_part ? View(JsonHole(key)) : value);
      }
      view.Set("id_json", JsonHole(kIdHole));
      view.Set("script_id_json", JsonHole(kScriptIdHole));
    } else {
      view = parts;
      std::string key = RequestKey(i, seed);
      view.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, key)));
      view.Set("script_id_json", JsonQuote(Uuid5(kUrlNamespace, key + ":test")));
    }
    view.Set("exec", ExecView(item.exec));
    return view;
  }

  // Appends request `token` (its index) as it stands at `depth` of the collection of
  // `seed`; false when its template defeats rendering with holes.
  bool Splice(const TemplateSet& templates, std::string_view token, int depth, const std::string& seed,
              std::string& out) {
    size_t i = 0;
    auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
    if (ec != std::errc() || end != token.data() + token.size() || !views_.count(i)) return false;
    const View& parts = views_.at(i).view;
    auto it = skeletons_.find({i, depth});
    if (it == skeletons_.end()) {
      // The holes stay, each with the depth its value is formatted at: `body_json@5`.
      JsonHoleFn keep = [&parts](std::string_view hole, int at, std::string& text) {
        if (hole != kIdHole && hole != kScriptIdHole && Part(parts, hole) == nullptr) return false;
        text += JsonHole(std::string(hole) + "@" + std::to_string(at));
        return true;
      };
      std::optional<std::string> text =
          TryRenderJson(templates, kId, "postman/request.json.mustache", ItemView(i, seed, Ids::kHoles), depth, keep);
      if (!text) return false;
      it = skeletons_.emplace(std::make_pair(i, depth), std::move(*text)).first;
    }
    std::string key = RequestKey(i, seed);
    auto fill = [&](std::string_view hole, std::string& text) {
      size_t at = hole.rfind('@');
      int hole_depth = std::stoi(std::string(hole.substr(at + 1)));
      std::string_view name = hole.substr(0, at);
      if (name == kIdHole) {
        text += JsonQuote(Uuid5(kUrlNamespace, key));
      } else if (name == kScriptIdHole) {
        text += JsonQuote(Uuid5(kUrlNamespace, key + ":test"));
      } else {
        return AppendFormattedJson(*Part(parts, name), hole_depth, text);
      }
      return true;
    };
    return FillJsonHoles(it->second, fill, out);
  }

  // About the size of a collection of this kind, for reserving it: the last one's (they
  // differ in their ids only), else the requests' text and half as much again for the
  // indentation formatting adds.
  size_t SizeHint() const {
    if (last_size_ > 0) return last_size_;
    size_t bytes = 0;
    for (const auto& [i, item] : views_) {
      bytes += TextBytes(item.view);
      for (const std::string& line : item.exec) bytes += line.size();
    }
    // Formatting indents every line: a run collection grows to about twice these bytes.
    return 2 * bytes;
  }
  void RecordSize(size_t size) { last_size_ = size; }

  // Frees the views once no collection of this kind is left to render.
  void Release() {
    views_.clear();
    skeletons_.clear();
  }

 private:
  static size_t TextBytes(const View& view) {
    size_t bytes = view.text().size();
    for (const auto& [key, member] : view.members()) bytes += TextBytes(member);
    for (const View& item : view.items()) bytes += TextBytes(item);
    return bytes;
  }

  // The text of JSON part `name` of a request's view; null when it has none.
  static const std::string* Part(const View& parts, std::string_view name) {
    for (const auto& [key, value] : parts.members()) {
      if (key == name && value.kind() == View::Kind::kString) return &value.text();
    }
    return nullptr;
  }

  std::string RequestKey(size_t i, const std::string& seed) const {
    const ir::Operation& op = api_.operations[i];
    return seed + "request:" + op.method + " " + op.path;
  }

  const ir::Api& api_;
  std::map<size_t, RequestItem> views_;
  std::map<std::pair<size_t, int>, std::string> skeletons_;
  size_t last_size_ = 0;
};

struct Folder {
  std::string name, description;
  std::vector<size_t> operations;  // indexes into api.operations
  std::vector<Folder> folders;     // a tag group's tag folders
  bool group = false;
};

// Folders by tag: the first tag of each operation (exactly one request per operation),
// in the order the document declares its tags, then undeclared tags in order of use, then
// untagged operations in a folder of their own.
std::vector<Folder> Folders(const ir::Api& api) {
  std::vector<Folder> folders;
  std::map<std::string, size_t> index;
  for (const ir::Tag& t : api.tags) {
    if (index.count(t.name)) continue;
    index[t.name] = folders.size();
    folders.push_back({t.name, t.description, {}, {}, false});
  }
  std::vector<size_t> untagged;
  for (size_t i = 0; i < api.operations.size(); ++i) {
    const ir::Operation& op = api.operations[i];
    if (op.tags.empty()) {
      untagged.push_back(i);
      continue;
    }
    auto it = index.find(op.tags.front());
    if (it == index.end()) {
      it = index.emplace(op.tags.front(), folders.size()).first;
      folders.push_back({op.tags.front(), "", {}, {}, false});
    }
    folders[it->second].operations.push_back(i);
  }
  if (!untagged.empty()) {
    std::string name = "Untagged";
    while (index.count(name)) name += "_";
    folders.push_back({name, "Operations without a tag", std::move(untagged), {}, false});
  }
  folders.erase(std::remove_if(folders.begin(), folders.end(), [](const Folder& f) { return f.operations.empty(); }),
                folders.end());
  return folders;
}

// Nests the tag folders in the groups of `x-tagGroups`, in the groups' order; a tag that
// several groups name goes in the first. Folders no group names stay at the top level,
// after the groups, so that every operation keeps its one request.
std::vector<Folder> GroupFolders(const ir::Api& api, std::vector<Folder> tags) {
  if (api.tag_groups.empty()) return tags;
  std::vector<Folder> out;
  std::vector<bool> placed(tags.size(), false);
  for (const ir::TagGroup& g : api.tag_groups) {
    Folder group{g.name, "", {}, {}, true};
    for (const std::string& name : g.tags) {
      for (size_t i = 0; i < tags.size(); ++i) {
        if (placed[i] || tags[i].name != name) continue;
        placed[i] = true;
        group.folders.push_back(std::move(tags[i]));
      }
    }
    if (!group.folders.empty()) out.push_back(std::move(group));
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (!placed[i]) out.push_back(std::move(tags[i]));
  }
  return out;
}

// A request item without its ids and saved responses, moved out of `p`: the parts every
// collection shares, quoted once rather than once per collection. Its test script's lines
// become views only while the item renders: a view per line of every request, held for the
// whole run, was a tenth of a large run's memory.
RequestItem RequestView(RequestBuilder::Parts&& p) {
  RequestItem item;
  View& rv = item.view;
  rv.Set("name_json", JsonQuote(p.name));
  rv.Set("description_json", p.description.empty() ? std::string() : JsonQuote(p.description));
  rv.Set("method_json", JsonQuote(p.method));
  rv.Set("header_json", std::move(p.header_json));
  rv.Set("body_json", std::move(p.body_json));
  rv.Set("url_json", std::move(p.url_json));
  rv.Set("auth_json", std::move(p.auth_json));
  rv.Set("no_redirects", !p.follow_redirects);
  item.exec.reserve(p.exec.size());
  for (const std::string& line : p.exec) item.exec.push_back(JsonQuote(line));
  return item;
}

View VariableView(const Variable& v) {
  View view;
  view.Set("key_json", JsonQuote(v.key));
  view.Set("value_json", JsonQuote(v.value));
  view.Set("description_json", v.description.empty() ? std::string() : JsonQuote(v.description));
  view.Set("type_json", JsonQuote(v.secret ? "secret" : "default"));
  return view;
}

void PostmanEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  std::vector<std::string> environments;
  if (ctx.project != nullptr) {
    for (const ir::Environment& e : ctx.project->environments) environments.push_back(e.name);
  }
  if (environments.empty()) environments = {"dev", "staging", "prod"};
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    ApiPlan plan;
    plan.project_name = ctx.project != nullptr && !ctx.project->name.empty() ? ctx.project->name : api.title;
    if (plan.project_name.empty()) plan.project_name = input.service;
    if (ctx.project != nullptr && ctx.ApiCount() > 1) plan.project_name += " " + input.service;
    plan.base_url = api.servers.empty() ? std::string(kDefaultBaseUrl) : ResolveServer(api.servers.front());
    for (const ir::SecurityScheme& s : api.security_schemes) plan.schemes.push_back(AuthFor(s));

    ExampleBuilder examples(*input.meanings);
    RequestBuilder builder(*input.meanings, plan, examples);
    std::vector<Folder> tag_folders = Folders(api);
    // Built once, in folder order: the collections differ in their ids, names and
    // variables only.
    std::map<size_t, RequestBuilder::Parts> parts;
    for (const Folder& f : tag_folders) {
      for (size_t i : f.operations) parts[i] = builder.Build(api.operations[i], true);
    }
    std::vector<Folder> folders = GroupFolders(api, std::move(tag_folders));

    // The environment collections are made to be run: their requests run in the chained
    // order (emit/postman/chaining.h) with the run scripts (emit/postman/test_script.h).
    std::vector<Folder> run_folders = folders;
    std::vector<std::vector<size_t>*> leaves;
    std::function<void(Folder&)> collect = [&](Folder& f) {
      leaves.push_back(&f.operations);
      for (Folder& child : f.folders) collect(child);
    };
    for (Folder& f : run_folders) collect(f);
    ChainPlan chains = PlanChains(*input.meanings, leaves);
    if (!chains.teardown.empty()) {
      std::string name = "Teardown";
      std::function<bool(const std::vector<Folder>&)> taken = [&](const std::vector<Folder>& list) {
        return std::any_of(list.begin(), list.end(), [&](const Folder& f) { return f.name == name || taken(f.folders); });
      };
      while (taken(run_folders)) name += "_";
      run_folders.push_back({name, "Deletes what the requests before created, the last created first", chains.teardown,
                             {}, false});
    }
    RunScripts scripts(api);
    std::map<size_t, RequestItem> run_views;
    std::vector<Variable> id_variables;
    for (const auto& [i, part] : parts) {
      RequestBuilder::Parts run = part;
      run.responses_json.clear();
      const RequestChain& chain = chains.requests[i];
      run.exec = scripts.Script(api.operations[i], chain);
      if (!chain.path_variables.empty()) run.url_json = builder.ChainedUrl(api.operations[i], part, chain.path_variables);
      run_views[i] = RequestView(std::move(run));
      run_views[i].view.Set("responses_json", "[]");
    }
    for (const std::string& name : chains.variables) {
      // The value before the creating request runs: the base collection's placeholder.
      std::string placeholder;
      for (const auto& [i, chain] : chains.requests) {
        for (const auto& [param, variable] : chain.path_variables) {
          if (variable == name && placeholder.empty()) placeholder = parts[i].path_values[param];
        }
      }
      id_variables.push_back({name, placeholder, "Set by the request that creates it; the placeholder until then",
                              false});
    }
    std::string definitions = scripts.Definitions();

    // Variables: the base URL, the per-operation servers, then one empty variable per
    // credential the used security schemes need.
    std::vector<Variable> credentials;
    for (const SchemeAuth& s : plan.schemes) {
      if (!plan.used_schemes.count(s.scheme->name)) continue;
      for (const std::string& v : s.variables) {
        credentials.push_back({v, "", "Credential for the `" + s.scheme->name + "` security scheme (" +
                                          s.scheme->type + "); fill in locally, never commit it", true});
      }
    }

    std::string prefix = ctx.options.postman_prefix;
    std::string header = "Generated by specc from " + input.source + ". DO NOT EDIT.";
    std::string description = api.description.empty() ? header : api.description + "\n\n" + header;

    struct Target {
      std::string file, name, environment, base_url;
    };
    std::vector<Target> targets;
    targets.push_back({"base", prefix + " Base - " + plan.project_name, "", plan.base_url});
    std::vector<std::string> urls = EnvironmentUrls(api, environments, plan.base_url, ctx.options, input.service, ctx.diags);
    for (size_t e = 0; e < environments.size(); ++e) {
      const std::string& env = environments[e];
      targets.push_back({env, prefix + " - " + plan.project_name + " (" + env + ")", env, urls[e]});
    }

    // The base collection's items take the parts' text (their path values stay, read above).
    std::map<size_t, RequestItem> request_views;
    for (auto& [i, part] : parts) {
      std::string responses = std::move(part.responses_json);
      request_views[i] = RequestView(std::move(part));
      // Saved responses are reference material: the base collection keeps them, the
      // environment collections (made to be run) leave them out.
      request_views[i].view.Set("responses_json", std::move(responses));
    }
    RequestVariant base_variant(api, std::move(request_views));
    RequestVariant run_variant(api, std::move(run_views));
    for (const Target& t : targets) {
      RequestVariant& variant = t.environment.empty() ? base_variant : run_variant;
      std::string seed = "specc:postman:" + t.name + ":";
      std::vector<Variable> variables;
      variables.push_back({std::string(kBaseUrl), t.base_url,
                           t.environment.empty() ? "The API's server" : "The API's server in " + t.environment, false});
      for (const Variable& v : plan.server_variables) variables.push_back(v);
      for (const Variable& v : credentials) variables.push_back(v);
      // Only the collection holds the chained ids and the schemas: an environment file
      // says where a service is and how to reach it.
      std::vector<Variable> collection_variables = variables;
      if (!t.environment.empty()) {
        for (const Variable& v : id_variables) collection_variables.push_back(v);
        if (definitions != "{}") {
          collection_variables.push_back({std::string(kSchemasVariable), definitions,
                                          "The named schemas the test scripts' response schemas refer to", false});
        }
      }

      // The collection's view. With `holes`, each request is a hole that RequestVariant::Splice()
      // fills while the collection is formatted; without, each is rendered here.
      auto collection_view = [&](bool holes) -> std::optional<View> {
        View view;
        view.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + "collection")));
        view.Set("name_json", JsonQuote(t.name));
        view.Set("description_json", JsonQuote(description));
        // A folder's view: its requests, or for a tag group its tag folders. Both lists are
        // always set, so that a template never sees an outer folder's list.
        std::function<std::optional<View>(const Folder&)> folder_view;
        auto folder_list = [&](const std::vector<Folder>& list) -> std::optional<View> {
          View views = View::List();
          for (const Folder& f : list) {
            std::optional<View> fv = folder_view(f);
            if (!fv) return std::nullopt;
            views.Add(std::move(*fv));
          }
          views.MarkLast();
          return views;
        };
        folder_view = [&](const Folder& f) -> std::optional<View> {
          View fv;
          fv.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + (f.group ? "group:" : "folder:") + f.name)));
          fv.Set("name_json", JsonQuote(f.name));
          fv.Set("description_json", f.description.empty() ? std::string() : JsonQuote(f.description));
          std::optional<View> subfolders = folder_list(f.folders);
          if (!subfolders) return std::nullopt;
          fv.Set("folders", std::move(*subfolders));
          View requests = View::List();
          for (size_t i : f.operations) {
            View item;
            if (holes) {
              item.Set("json", JsonHole(std::to_string(i)));
            } else {
              std::optional<std::string> text = Render(ctx.templates, kId, "postman/request.json.mustache",
                                                       variant.ItemView(i, seed, Ids::kValues), ctx.diags);
              if (!text) return std::nullopt;
              item.Set("json", std::move(*text));
            }
            requests.Add(std::move(item));
          }
          requests.MarkLast();
          fv.Set("requests", std::move(requests));
          return fv;
        };
        std::optional<View> top_folders = folder_list(t.environment.empty() ? folders : run_folders);
        if (!top_folders) return std::nullopt;
        view.Set("folders", std::move(*top_folders));
        View variable_list = View::List();
        for (const Variable& v : collection_variables) variable_list.Add(VariableView(v));
        variable_list.MarkLast();
        view.Set("variables", std::move(variable_list));
        return view;
      };
      // Each request is rendered and formatted once per variant (and depth), its ids left as
      // holes and filled per collection; a template that defeats that renders the slow way.
      std::optional<std::string> text;
      if (std::optional<View> skeleton = collection_view(true)) {
        JsonHoleFn splice = [&](std::string_view token, int depth, std::string& out) {
          return variant.Splice(ctx.templates, token, depth, seed, out);
        };
        text = TryRenderJson(ctx.templates, kId, "postman/collection.json.mustache", *skeleton, 0, splice,
                             variant.SizeHint());
        if (text) text->push_back('\n');
      }
      if (!text) {
        std::optional<View> view = collection_view(false);
        if (!view) return;
        text = RenderJson(ctx.templates, kId, "postman/collection.json.mustache", *view, ctx.diags);
        if (!text) return;
      }
      variant.RecordSize(text->size());
      if (t.environment.empty()) base_variant.Release();
      out.Put(input.service + "/" + t.file + ".postman_collection.json", std::move(*text));

      if (t.environment.empty()) continue;
      View env;
      env.Set("id_json", JsonQuote(Uuid5(kUrlNamespace, seed + "environment")));
      env.Set("name_json", JsonQuote(t.name));
      View values = View::List();
      for (const Variable& v : variables) values.Add(VariableView(v));
      values.MarkLast();
      env.Set("values", std::move(values));
      std::optional<std::string> env_text =
          RenderJson(ctx.templates, kId, "postman/environment.json.mustache", env, ctx.diags);
      if (!env_text) return;
      out.Put(input.service + "/" + t.file + ".postman_environment.json", std::move(*env_text));
    }
  }
}

}  // namespace

std::unique_ptr<Emitter> NewPostmanEmitter() { return std::make_unique<PostmanEmitter>(); }

}  // namespace specc::emit
