#include "emit/postman/request_builder.h"

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "base/json_writer.h"
#include "emit/namer.h"
#include "emit/postman/servers.h"
#include "emit/postman/test_script.h"
#include "sema/media_type.h"
#include "sema/request_body.h"
#include "sema/response_body.h"
#include "sema/routes.h"
#include "sema/wire.h"

namespace specc::emit::postman {
namespace {

using Json = nlohmann::ordered_json;

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return s;
}

// A request's JSON parts are written in the layout a collection shows them in (two spaces
// per level, as RenderJson lays out JSON), so that a collection takes each part as it is,
// only indented to where it stands, rather than parsing it again.
constexpr int kPartIndent = 2;

// The text of a part written by `w`, without the final newline.
std::string PartText(JsonWriter& w) {
  std::string text = w.Finish();
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
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

std::string VariableName(const std::string& scheme_name, const std::string& suffix) {
  std::string base = CamelCase(scheme_name);
  if (base.empty()) base = "auth";
  if (base.size() >= suffix.size() &&
      AsciiLower(base.substr(base.size() - suffix.size())) == AsciiLower(suffix)) {
    return base;
  }
  return base + suffix;
}
}  // namespace

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
class RequestBuilder::Impl {
 public:
  Impl(const sema::SchemaMeanings& meanings, ApiPlan& plan, ExampleBuilder& examples)
      : api_(meanings.api()), meanings_(meanings), plan_(plan), examples_(examples) {}

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
    JsonWriter auth(kPartIndent);
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
    parts.auth_json = PartText(auth);

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
    // Held until the last collection that needs them is written, every request's at once:
    // without the room their writers grew them by (3.4 of GitHub's 10.9 MB of saved
    // responses).
    for (std::string* part : {&parts.header_json, &parts.body_json, &parts.url_json, &parts.auth_json,
                              &parts.responses_json}) {
      part->shrink_to_fit();
    }
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

  // One key/value entry of a Postman list: a header, or a URL's query parameter.
  static void WriteEntry(const Header& entry, JsonWriter& w) {
    w.BeginObject().Key("key").String(entry.key).Key("value").String(entry.value);
    if (!entry.description.empty()) w.Key("description").String(entry.description);
    if (entry.disabled) w.Key("disabled").Bool(true);
    w.EndObject();
  }

  static std::string HeaderList(const std::vector<Header>& headers) {
    JsonWriter w(kPartIndent);
    w.BeginArray();
    for (const Header& h : headers) WriteEntry(h, w);
    w.EndArray();
    return PartText(w);
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
    JsonWriter w(kPartIndent);
    w.BeginObject().Key("raw").String(raw).Key("host").BeginArray().String(host).EndArray();
    w.Key("path").BeginArray();
    for (const std::string& s : segments) w.String(s);
    w.EndArray();
    if (!all_query.empty()) {
      w.Key("query").BeginArray();
      for (const Header& q : all_query) WriteEntry(q, w);
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
    return PartText(w);
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
    JsonWriter w(kPartIndent);
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
        return PartText(w);
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
    return PartText(w);
  }

  // Saved example responses, one per documented status (`default` has no status to save).
  std::string Responses(const ir::Operation& op, const std::string& method, const std::string& url_json) {
    JsonWriter w(kPartIndent);
    w.BeginArray();
    for (const ir::Response& r : op.responses) {
      int code = StatusCode(r.status);
      if (code == 0) continue;
      // The JSON body when there is one, else the first declared.
      std::optional<size_t> json_media = sema::JsonResponseMedia(r);
      const ir::MediaType* media = json_media ? &r.content[*json_media] : r.content.empty() ? nullptr : &r.content[0];
      std::string name = r.description.empty() ? r.status + " " + StatusText(code) : r.description;
      w.BeginObject().Key("name").String(name);
      w.Key("originalRequest").BeginObject().Key("method").String(method).Key("url").Nested(url_json).EndObject();
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
    return PartText(w);
  }

  const ir::Api& api_;
  const sema::SchemaMeanings& meanings_;
  ApiPlan& plan_;
  ExampleBuilder& examples_;
};

RequestBuilder::RequestBuilder(const sema::SchemaMeanings& meanings, ApiPlan& plan, ExampleBuilder& examples)
    : impl_(std::make_unique<Impl>(meanings, plan, examples)) {}

RequestBuilder::~RequestBuilder() = default;

RequestBuilder::Parts RequestBuilder::Build(const ir::Operation& op, bool with_responses) {
  return impl_->Build(op, with_responses);
}

std::string RequestBuilder::ChainedUrl(const ir::Operation& op, const Parts& parts,
                                       const std::map<std::string, std::string>& variables) {
  return impl_->ChainedUrl(op, parts, variables);
}

}  // namespace specc::emit::postman
