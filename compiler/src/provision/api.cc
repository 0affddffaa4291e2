#include "provision/api.h"

#include "base/diag_sink.h"
#include "spec/parse.h"

namespace specc::provision {
namespace {

std::string Truncated(std::string text, size_t limit = 200) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (text.size() > limit) text = text.substr(0, limit) + "...";
  return text;
}

// The provider's own words from an error body: `message` (Neon, GitHub), `error.message`
// (Vercel, Postman), or `error` as a string (Upstash); empty when there are none.
std::string ProviderMessage(const std::string& body) {
  spec::NodeArena arena;
  DiagSink sink;
  const spec::Node* root = spec::ParseJson(kNoFile, body, arena, sink);
  if (root == nullptr || !root->is_map()) return "";
  if (const spec::Node* m = root->Find("message"); m != nullptr && m->is_string()) return Truncated(std::string(m->text()));
  if (const spec::Node* e = root->Find("error")) {
    if (e->is_string()) return Truncated(std::string(e->text()));
    if (const spec::Node* m = e->Find("message"); m != nullptr && m->is_string()) return Truncated(std::string(m->text()));
  }
  return "";
}

}  // namespace

ApiResult<Body> Body::Parse(std::string text, const std::string& request) {
  Body body;
  body.text_ = std::make_shared<const std::string>(std::move(text));
  body.arena_ = std::make_shared<spec::NodeArena>();
  DiagSink sink;
  body.root_ = spec::ParseJson(kNoFile, *body.text_, *body.arena_, sink);
  if (body.root_ == nullptr) {
    return ApiError{request, 0, "the answer is not JSON (" + std::to_string(body.text_->size()) + " bytes)"};
  }
  return body;
}

const spec::Node* Shape::Field(const JsonAt& parent, std::string_view key, bool required, std::string_view want) {
  if (!ok()) return nullptr;
  if (parent.node == nullptr || !parent.node->is_map()) {
    problem_ = "`" + parent.path + "` should be an object";
    return nullptr;
  }
  const spec::Node* node = parent.node->Find(key);
  if (node == nullptr || node->kind == spec::NodeKind::kNull) {
    if (required) problem_ = "`" + parent.path + "." + std::string(key) + "` is missing";
    return nullptr;
  }
  bool fits = want == "object"   ? node->is_map()
              : want == "array"  ? node->is_seq()
              : want == "string" ? node->is_string()
              : want == "number" ? node->is_number()
                                 : node->kind == spec::NodeKind::kBool;
  if (!fits) {
    auto article = [](std::string_view noun) { return std::string(std::string_view("aeiou").find(noun[0]) != std::string_view::npos ? "an " : "a ") + std::string(noun); };
    problem_ = "`" + parent.path + "." + std::string(key) + "` should be " + article(want) + ", not " +
               article(spec::NodeKindName(node->kind));
    return nullptr;
  }
  return node;
}

JsonAt Shape::Object(const JsonAt& parent, std::string_view key) {
  return {Field(parent, key, true, "object"), parent.path + "." + std::string(key)};
}

JsonAt Shape::Array(const JsonAt& parent, std::string_view key) {
  return {Field(parent, key, true, "array"), parent.path + "." + std::string(key)};
}

std::vector<JsonAt> Shape::Items(const JsonAt& array) {
  std::vector<JsonAt> items;
  if (!ok() || array.node == nullptr || !array.node->is_seq()) return items;
  size_t i = 0;
  for (const spec::Node& item : spec::ItemsOf(*array.node)) items.push_back({&item, array.path + "[" + std::to_string(i++) + "]"});
  return items;
}

std::string Shape::String(const JsonAt& parent, std::string_view key) {
  const spec::Node* node = Field(parent, key, true, "string");
  return node ? std::string(node->text()) : std::string();
}

std::optional<std::string> Shape::OptionalString(const JsonAt& parent, std::string_view key) {
  const spec::Node* node = Field(parent, key, false, "string");
  return node ? std::optional<std::string>(std::string(node->text())) : std::nullopt;
}

std::string Shape::Number(const JsonAt& parent, std::string_view key) {
  const spec::Node* node = Field(parent, key, true, "number");
  return node ? std::string(node->text()) : std::string();
}

std::optional<std::string> Shape::OptionalNumber(const JsonAt& parent, std::string_view key) {
  const spec::Node* node = Field(parent, key, false, "number");
  return node ? std::optional<std::string>(std::string(node->text())) : std::nullopt;
}

std::optional<bool> Shape::OptionalBool(const JsonAt& parent, std::string_view key) {
  const spec::Node* node = Field(parent, key, false, "boolean");
  return node ? std::optional<bool>(node->is_true()) : std::nullopt;
}

void Shape::ExpectObject(const JsonAt& at) {
  if (ok() && (at.node == nullptr || !at.node->is_map())) problem_ = "`" + at.path + "` should be an object";
}

void Shape::ExpectArray(const JsonAt& at) {
  if (ok() && (at.node == nullptr || !at.node->is_seq())) problem_ = "`" + at.path + "` should be an array";
}

ApiError Shape::error() const {
  return ApiError{request_, 0, "unexpected answer: " + problem_};
}

HttpResponse ProviderApi::Exchange(const std::string& method, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& query, const std::string& body) {
  HttpRequest request{method, base_url_ + path, headers_, body};
  for (size_t i = 0; i < query.size(); ++i) {
    request.url += (i == 0 ? "?" : "&") + Escape(query[i].first) + "=" + Escape(query[i].second);
  }
  request.headers.emplace_back("Accept", "application/json");
  if (method != "GET") request.headers.emplace_back("Content-Type", "application/json");
  return http_.Send(request);
}

namespace {

// The ApiError of an exchange that got no answer or an unwanted status.
ApiError Failure(const std::string& method, const std::string& what, const HttpResponse& response) {
  if (response.status == 0) {
    ApiError error{what, 0, response.transport_error, response.attempts, response.maybe_delivered};
    if (response.attempts > 1) error.message += " (" + std::to_string(response.attempts) + " attempts)";
    return error;
  }
  ApiError error{what, response.status, "", response.attempts, false};
  std::string words = ProviderMessage(response.body);
  error.message = "HTTP " + std::to_string(response.status) + (words.empty() ? "" : ": " + words);
  if (response.attempts > 1) error.message += " (after " + std::to_string(response.attempts) + " attempts)";
  // A POST that failed on the provider's side may still have created the resource.
  error.uncertain = method == "POST" && response.status >= 500;
  return error;
}

// The parsed body of an accepted answer.
ApiResult<Body> Parsed(const std::string& method, const std::string& what, HttpResponse& response) {
  ApiResult<Body> parsed = Body::Parse(std::move(response.body), what);
  if (!parsed.ok()) {
    ApiError error = parsed.error();
    error.status = response.status;
    error.attempts = response.attempts;
    // The provider answered success with a body specc cannot read: it may have created.
    error.uncertain = method == "POST";
    return error;
  }
  return parsed;
}

}  // namespace

ApiResult<Body> ProviderApi::Call(const std::string& method, const std::string& path,
                                  const std::vector<std::pair<std::string, std::string>>& query, const std::string& body,
                                  std::vector<long> ok, bool expect_json) {
  std::string what = method + " " + path;
  HttpResponse response = Exchange(method, path, query, body);
  bool accepted = false;
  for (long status : ok) accepted = accepted || status == response.status;
  if (!accepted) return Failure(method, what, response);
  if (!expect_json || response.status == 204) return Body::Parse("{}", what);
  return Parsed(method, what, response);
}

ApiResult<std::optional<Body>> ProviderApi::Find(const std::string& path,
                                                 const std::vector<std::pair<std::string, std::string>>& query) {
  std::string what = "GET " + path;
  HttpResponse response = Exchange("GET", path, query, "");
  // A 404 may come with any body; what matters is that nothing is there.
  if (response.status == 404) return std::optional<Body>();
  if (response.status != 200) return Failure("GET", what, response);
  ApiResult<Body> parsed = Parsed("GET", what, response);
  if (!parsed.ok()) return parsed.error();
  return std::optional<Body>(std::move(parsed).value());
}

std::string Escape(std::string_view text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string Base64(std::string_view text) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < text.size(); i += 3) {
    uint32_t n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8) |
                 static_cast<unsigned char>(text[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += digits[(n >> shift) & 63];
  }
  if (i + 1 == text.size()) {
    uint32_t n = static_cast<unsigned char>(text[i]) << 16;
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == text.size()) {
    uint32_t n = (static_cast<unsigned char>(text[i]) << 16) | (static_cast<unsigned char>(text[i + 1]) << 8);
    out += digits[(n >> 18) & 63];
    out += digits[(n >> 12) & 63];
    out += digits[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

}  // namespace specc::provision
