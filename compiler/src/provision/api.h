// What every provider client shares: a JSON-over-HTTP call with the provider's auth
// header, its failure as an ApiError (the request, the HTTP status, the provider's own
// message), and a reader that checks a response's shape before any field is used, so an
// unexpected answer is a diagnostic naming the field, never a crash. One ProviderApi per
// provider; the clients (neon_client.h, ...) are thin layers of named operations over it.
#ifndef SPECC_PROVISION_API_H_
#define SPECC_PROVISION_API_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/check.h"
#include "base/result.h"
#include "provision/http.h"
#include "spec/node.h"

namespace specc::provision {

// Why a provider call failed.
struct ApiError {
  std::string request;  // "POST /projects/{id}/branches" with the real path, no query
  long status = 0;      // the HTTP status; 0 when no answer came back
  std::string message;  // what went wrong, in words; never a secret
  int attempts = 1;
  // True when a create may have happened although no success came back (a timeout or a
  // 5xx after a POST): the caller looks the resource up before trying again.
  bool uncertain = false;
};

// Result<T> for provider calls: a T or an ApiError. SPECC_RETURN_IF_ERROR works on it.
template <typename T>
class [[nodiscard]] ApiResult {
 public:
  ApiResult(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  ApiResult(ApiError error) : state_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return std::holds_alternative<T>(state_); }
  const ApiError& error() const {
    SPECC_CHECK(!ok()) << "error() on a successful ApiResult";
    return std::get<ApiError>(state_);
  }
  T& value() & {
    SPECC_CHECK(ok()) << "value() on a failed ApiResult: " << std::get<ApiError>(state_).message;
    return std::get<T>(state_);
  }
  T&& value() && {
    SPECC_CHECK(ok()) << "value() on a failed ApiResult: " << std::get<ApiError>(state_).message;
    return std::get<T>(std::move(state_));
  }
  T* operator->() { return &value(); }

 private:
  std::variant<ApiError, T> state_;
};

struct Done {};

// A parsed JSON answer. Shares its text and nodes among copies (they never change).
class Body {
 public:
  // Returns the parsed body, or an ApiError saying the body is not JSON.
  static ApiResult<Body> Parse(std::string text, const std::string& request);
  const spec::Node& root() const { return *root_; }

 private:
  Body() = default;
  std::shared_ptr<const std::string> text_;
  std::shared_ptr<spec::NodeArena> arena_;
  const spec::Node* root_ = nullptr;
};

// A node of a Body and its JSON path, for messages.
struct JsonAt {
  const spec::Node* node = nullptr;
  std::string path;  // "$.project.id"
};

// Reads fields out of a response and remembers the first one that has the wrong shape.
// Readers return a harmless value after a problem, so a caller reads everything it needs
// and checks ok() once: `Shape s(...); auto id = s.String(p, "id"); if (!s.ok()) ...`.
class Shape {
 public:
  explicit Shape(std::string request) : request_(std::move(request)) {}
  JsonAt Root(const Body& body) const { return {&body.root(), "$"}; }
  JsonAt Object(const JsonAt& parent, std::string_view key);  // a required object
  JsonAt Array(const JsonAt& parent, std::string_view key);   // a required array
  std::vector<JsonAt> Items(const JsonAt& array);             // its items
  std::string String(const JsonAt& parent, std::string_view key);  // a required string
  std::optional<std::string> OptionalString(const JsonAt& parent, std::string_view key);
  std::string Number(const JsonAt& parent, std::string_view key);  // a required number, as text
  std::optional<std::string> OptionalNumber(const JsonAt& parent, std::string_view key);
  std::optional<bool> OptionalBool(const JsonAt& parent, std::string_view key);
  // Requires that `at` itself is an object or an array.
  void ExpectObject(const JsonAt& at);
  void ExpectArray(const JsonAt& at);
  bool ok() const { return problem_.empty(); }
  ApiError error() const;

 private:
  const spec::Node* Field(const JsonAt& parent, std::string_view key, bool required, std::string_view want);
  std::string request_;
  std::string problem_;
};

// A provider's HTTP endpoint with its auth.
class ProviderApi {
 public:
  // `base_url` without a trailing slash; `headers` are sent with every request (auth).
  ProviderApi(HttpClient& http, std::string base_url, std::vector<std::pair<std::string, std::string>> headers)
      : http_(http), base_url_(std::move(base_url)), headers_(std::move(headers)) {}

  // Sends `method` `path` (already escaped; see Escape) with `query` and a JSON `body`.
  // Returns the parsed answer when its status is one of `ok`; otherwise an ApiError with
  // the status and the provider's message. `expect_json` false accepts any body (and
  // returns an empty object).
  ApiResult<Body> Call(const std::string& method, const std::string& path,
                       const std::vector<std::pair<std::string, std::string>>& query, const std::string& body,
                       std::vector<long> ok = {200, 201}, bool expect_json = true);
  // GET that tells "not there" (404) apart from failure: nullopt on 404.
  ApiResult<std::optional<Body>> Find(const std::string& path,
                                      const std::vector<std::pair<std::string, std::string>>& query = {});

 private:
  HttpResponse Exchange(const std::string& method, const std::string& path,
                        const std::vector<std::pair<std::string, std::string>>& query, const std::string& body);
  HttpClient& http_;
  std::string base_url_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

// Percent-encodes `text` for a path segment or a query value (RFC 3986 unreserved kept).
std::string Escape(std::string_view text);
// Returns `text` in standard base64 with padding.
std::string Base64(std::string_view text);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_API_H_
