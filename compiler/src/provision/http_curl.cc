// HttpClient over libcurl: the only file of specc that includes <curl/curl.h>.
//
// libcurl is loaded (dlopen) when the first client is made, not linked: linked, its thirty
// or so libraries (TLS, Kerberos, LDAP, HTTP/2, SSH) cost every specc command about 25 ms
// of dynamic loading at start-up, most of a warm `check`, though only `provision` talks
// to providers. The Debian package names libcurl4 as a dependency itself
// (compiler/cmake/install.cmake), since dpkg-shlibdeps cannot see a dlopen.
#include <curl/curl.h>
#include <dlfcn.h>
#include <time.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <mutex>
#include <random>
#include <thread>

#include "base/ascii.h"
#include "provision/http.h"

namespace specc::provision {
namespace {

std::string Trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return std::string(text.substr(begin, end - begin));
}

// The host part of an http(s) URL, lowercased, without port or brackets.
std::string HostOf(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return "";
  start += 3;
  size_t end = url.find_first_of("/?#", start);
  std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (size_t at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
  if (!authority.empty() && authority[0] == '[') return AsciiLower(authority.substr(1, authority.find(']') - 1));
  return AsciiLower(authority.substr(0, authority.find(':')));
}

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// No answer specc reads is anywhere near this; a larger one is refused, not buffered.
constexpr size_t kMaxBody = 64u << 20;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  std::string& body = *static_cast<std::string*>(user);
  if (body.size() + size * count > kMaxBody) return 0;  // curl then fails with CURLE_WRITE_ERROR
  body.append(data, size * count);
  return size * count;
}

size_t ReadHeader(char* data, size_t size, size_t count, void* user) {
  std::string_view line(data, size * count);
  size_t colon = line.find(':');
  if (colon != std::string_view::npos && AsciiLower(std::string(line.substr(0, colon))) == "retry-after") {
    *static_cast<std::string*>(user) = Trim(line.substr(colon + 1));
  }
  return size * count;
}

bool Retryable(long status) { return status == 429 || (status >= 500 && status <= 599); }

// The transport errors after which a request may have reached the provider.
bool MaybeDelivered(CURLcode code) {
  return code == CURLE_OPERATION_TIMEDOUT || code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING ||
         code == CURLE_PARTIAL_FILE || code == CURLE_SEND_ERROR;
}

// The soname of libcurl's ABI, unchanged since 2006.
constexpr char kCurlLibrary[] = "libcurl.so.4";

// The functions of libcurl specc calls.
struct Curl {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_reset) easy_reset = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_slist_append) slist_append = nullptr;
  decltype(&curl_slist_free_all) slist_free_all = nullptr;
};

template <typename Function>
bool Resolve(void* library, const char* name, Function* function) {
  void* symbol = ::dlsym(library, name);
  *function = reinterpret_cast<Function>(symbol);
  return symbol != nullptr;
}

// libcurl, loaded and globally initialised once per process; null, with `*error` saying
// why, when it cannot be.
const Curl* LoadCurl(std::string* error) {
  static Curl curl;
  static std::string failure;
  static std::once_flag once;
  std::call_once(once, [] {
    void* library = ::dlopen(kCurlLibrary, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
      const char* why = ::dlerror();
      failure = std::string("cannot load ") + kCurlLibrary + " (" + (why != nullptr ? why : "not found") +
                "): install libcurl4";
      return;
    }
    bool complete = Resolve(library, "curl_global_init", &curl.global_init) &&
                    Resolve(library, "curl_easy_init", &curl.easy_init) &&
                    Resolve(library, "curl_easy_cleanup", &curl.easy_cleanup) &&
                    Resolve(library, "curl_easy_reset", &curl.easy_reset) &&
                    Resolve(library, "curl_easy_setopt", &curl.easy_setopt) &&
                    Resolve(library, "curl_easy_perform", &curl.easy_perform) &&
                    Resolve(library, "curl_easy_getinfo", &curl.easy_getinfo) &&
                    Resolve(library, "curl_easy_strerror", &curl.easy_strerror) &&
                    Resolve(library, "curl_slist_append", &curl.slist_append) &&
                    Resolve(library, "curl_slist_free_all", &curl.slist_free_all);
    if (!complete) {
      failure = std::string(kCurlLibrary) + " lacks a function specc calls: install libcurl4 7.85 or later";
      return;
    }
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) failure = "libcurl could not be initialised";
  });
  *error = failure;
  return failure.empty() ? &curl : nullptr;
}

class CurlHttpClient final : public HttpClient {
 public:
  explicit CurlHttpClient(const RetryPolicy& policy) : policy_(policy), rng_(std::random_device{}()) {
    api_ = LoadCurl(&unavailable_);
    if (api_ != nullptr) curl_ = api_->easy_init();
    if (api_ != nullptr && curl_ == nullptr) unavailable_ = "libcurl could not be initialised";
  }
  ~CurlHttpClient() override {
    if (curl_ != nullptr) api_->easy_cleanup(curl_);
  }
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;

  HttpResponse Send(const HttpRequest& request) override {
    HttpResponse response;
    std::string scheme = AsciiLower(request.url.substr(0, request.url.find("://")));
    if (scheme != "https" && !(scheme == "http" && IsLoopback(HostOf(request.url)))) {
      response.attempts = 0;
      response.transport_error = scheme == "http" ? "refusing plain http to a host that is not this machine (use https)"
                                                  : "unsupported URL scheme `" + scheme + "`";
      return response;
    }
    if (curl_ == nullptr) {
      response.attempts = 0;
      response.transport_error = unavailable_;
      return response;
    }
    bool idempotent = request.method != "POST";
    for (int attempt = 1;; ++attempt) {
      response = Once(request);
      response.attempts = attempt;
      bool retry;
      if (response.status == 0) {
        // No answer: an idempotent request is safe to send again; a POST that may have
        // arrived is left to the caller, who looks the resource up first.
        retry = idempotent || !response.maybe_delivered;
      } else {
        // A 429 means the provider did nothing; a 5xx after a POST may hide a create.
        retry = Retryable(response.status) && (idempotent || response.status == 429);
      }
      if (!retry || attempt >= policy_.max_attempts) return response;
      std::uniform_real_distribution<double> unit(0.0, 1.0);
      long delay = RetryDelayMs(policy_, attempt, response.retry_after, static_cast<long>(std::time(nullptr)), unit(rng_));
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
  }

 private:
  HttpResponse Once(const HttpRequest& request) {
    HttpResponse response;
    api_->easy_reset(curl_);
    api_->easy_setopt(curl_, CURLOPT_URL, request.url.c_str());
    api_->easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    api_->easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    api_->easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);
    api_->easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    api_->easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    api_->easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    api_->easy_setopt(curl_, CURLOPT_TIMEOUT_MS, policy_.timeout_ms);
    api_->easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, policy_.connect_timeout_ms);
    api_->easy_setopt(curl_, CURLOPT_USERAGENT, "specc-provision");
    // No proxy from the environment for loopback test servers; real ones may use one.
    if (IsLoopback(HostOf(request.url))) api_->easy_setopt(curl_, CURLOPT_NOPROXY, "*");
    if (request.method == "GET") {
      api_->easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
    } else {
      api_->easy_setopt(curl_, CURLOPT_POSTFIELDS, request.body.c_str());
      api_->easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    struct curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = api_->slist_append(headers, (name + ": " + value).c_str());
    // curl sends `Expect: 100-continue` for larger bodies; providers need not answer it.
    headers = api_->slist_append(headers, "Expect:");
    api_->easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    api_->easy_setopt(curl_, CURLOPT_WRITEFUNCTION, AppendBody);
    api_->easy_setopt(curl_, CURLOPT_WRITEDATA, &response.body);
    api_->easy_setopt(curl_, CURLOPT_HEADERFUNCTION, ReadHeader);
    api_->easy_setopt(curl_, CURLOPT_HEADERDATA, &response.retry_after);
    CURLcode code = api_->easy_perform(curl_);
    api_->slist_free_all(headers);
    // Header buffers were filled through pointers to `response`: drop the request's copy.
    api_->easy_setopt(curl_, CURLOPT_HTTPHEADER, nullptr);
    if (code != CURLE_OK) {
      response.status = 0;
      response.body.clear();
      response.transport_error = code == CURLE_OPERATION_TIMEDOUT ? "timed out after " + std::to_string(policy_.timeout_ms) + " ms"
                                 : code == CURLE_WRITE_ERROR      ? "the answer is larger than 64 MiB"
                                                                  : api_->easy_strerror(code);
      response.maybe_delivered = MaybeDelivered(code);
      return response;
    }
    api_->easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

  RetryPolicy policy_;
  std::mt19937 rng_;
  const Curl* api_ = nullptr;
  std::string unavailable_;  // why there is no `curl_`
  CURL* curl_ = nullptr;
};

}  // namespace

long RetryDelayMs(const RetryPolicy& policy, int retry, const std::string& retry_after, long now_epoch_s, double unit) {
  if (!retry_after.empty()) {
    bool digits = std::all_of(retry_after.begin(), retry_after.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && retry_after.size() < 10) return std::min(policy.max_delay_ms, std::stol(retry_after) * 1000);
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
    struct tm when = {};
    if (strptime(retry_after.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &when) != nullptr) {
      long at = static_cast<long>(timegm(&when));
      return std::clamp((at - now_epoch_s) * 1000, 0L, policy.max_delay_ms);
    }
  }
  long exponential = policy.base_delay_ms;
  for (int i = 1; i < retry && exponential < policy.max_delay_ms; ++i) exponential *= 2;
  exponential = std::min(exponential, policy.max_delay_ms);
  return static_cast<long>(static_cast<double>(exponential) * std::clamp(unit, 0.0, 1.0));
}

std::unique_ptr<HttpClient> NewCurlHttpClient(const RetryPolicy& policy) {
  return std::make_unique<CurlHttpClient>(policy);
}

}  // namespace specc::provision
