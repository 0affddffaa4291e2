// The one HTTP seam of `specc provision`: provider clients build HttpRequests and read
// HttpResponses, and only http_curl.cc (libcurl) talks to the network. Retries live here
// too, so every provider gets the same policy: exponential backoff with full jitter on 429
// and 5xx, honouring Retry-After, and never a blind retry of a request that may have
// created something (a POST): that one is returned to the caller, which looks the resource
// up again before trying once more (provision/api_call.h).
#ifndef SPECC_PROVISION_HTTP_H_
#define SPECC_PROVISION_HTTP_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>


namespace specc::provision {

struct HttpRequest {
  std::string method;  // GET, POST, PUT, PATCH (never DELETE: specc deletes nothing)
  std::string url;     // absolute
  // Header lines as name/value pairs. Credentials travel here and nowhere else.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // JSON, or empty
};

// The answer to one request after retries. `status` 0 means no HTTP answer came back at
// all; `transport_error` then says why.
struct HttpResponse {
  long status = 0;
  std::string body;
  std::string retry_after;  // the Retry-After header of the last answer, if any
  int attempts = 1;         // how many times the request was sent
  std::string transport_error;  // "timed out after 30000 ms", "connection refused", ...
  // True when a request that got no answer may still have reached the provider: a create
  // may then have happened, and the caller must look before trying again.
  bool maybe_delivered = false;
};

// What to do about slow or failing providers. Defaults suit real providers; tests shrink
// them through the SPECC_HTTP_* variables (cli/provision.cc).
struct RetryPolicy {
  int max_attempts = 4;         // sends of one request, the first included
  long base_delay_ms = 500;     // the first backoff, doubled each time, with full jitter
  long max_delay_ms = 20'000;   // a cap on one wait, Retry-After included
  long timeout_ms = 30'000;     // a whole exchange, connect included
  long connect_timeout_ms = 10'000;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Sends `request`, retrying as RetryPolicy says: GET, PUT and PATCH on transport
  // failures, 429 and 5xx; POST only on 429 (the provider said it did nothing). Returns
  // the last response (any status: the caller judges it). Refuses plain http to anything
  // but a loopback host, so a token never crosses a network unencrypted.
  virtual HttpResponse Send(const HttpRequest& request) = 0;
};

// Returns the libcurl client: TLS peer and host verification on, http and https only, no
// redirects followed.
std::unique_ptr<HttpClient> NewCurlHttpClient(const RetryPolicy& policy);

// Returns the delay before retry number `retry` (1-based): Retry-After when the provider
// gave one (seconds or an HTTP date, relative to `now_epoch_s`), else base * 2^(retry-1)
// with full jitter (`unit` in [0,1) scales it); capped at policy.max_delay_ms. Exposed
// for tests.
long RetryDelayMs(const RetryPolicy& policy, int retry, const std::string& retry_after, long now_epoch_s, double unit);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_HTTP_H_
