#include "emit/hono/response_types.h"

#include <algorithm>
#include <string_view>

#include "sema/media_type.h"

namespace specc::emit {
namespace {

// The codes Hono's `StatusCode` type names (hono/utils/http-status); any other documented
// code is typed `UnofficialStatusCode`, as Hono asks for codes it does not know.
bool HonoNamesStatus(int code) {
  static constexpr int kCodes[] = {100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
                                   300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404,
                                   405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418,
                                   421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
                                   504, 505, 506, 507, 508, 510, 511};
  return std::find(std::begin(kCodes), std::end(kCodes), code) != std::end(kCodes);
}

// Codes whose responses have no body: Hono types them `c.body(null, status)` only.
bool IsContentless(int code) { return code == 101 || code == 204 || code == 205 || code == 304; }

// The parsed response key: a code (200), a class (4 for "4XX"), or the default.
struct StatusKey {
  int code = 0;     // a three-digit code, or 0
  int klass = 0;    // 1..5 for "1XX".."5XX", or 0
  bool is_default = false;
};

StatusKey ParseStatus(std::string_view status) {
  StatusKey key;
  if (status == "default") {
    key.is_default = true;
  } else if (status.size() == 3 && status[0] >= '1' && status[0] <= '5' && (status[1] == 'X' || status[1] == 'x')) {
    key.klass = status[0] - '0';
  } else if (status.size() == 3 && std::all_of(status.begin(), status.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    key.code = std::stoi(std::string(status));
  }
  return key;
}

constexpr const char* kClassTypes[] = {"", "InfoStatusCode", "SuccessStatusCode", "RedirectStatusCode",
                                       "ClientErrorStatusCode", "ServerErrorStatusCode"};

void Use(std::vector<std::string>* imports, const std::string& name) {
  if (std::find(imports->begin(), imports->end(), name) == imports->end()) imports->push_back(name);
}

// The status type of a response key other than "default"; empty for a key the IR should
// never hold.
std::string StatusType(const StatusKey& key, std::vector<std::string>* imports) {
  if (key.klass != 0) {
    Use(imports, kClassTypes[key.klass]);
    return kClassTypes[key.klass];
  }
  if (key.code == 0) return "";
  if (HonoNamesStatus(key.code)) return std::to_string(key.code);
  Use(imports, "UnofficialStatusCode");
  return "UnofficialStatusCode";
}

std::string MediaRange(std::string_view media) {
  media = media.substr(0, media.find(';'));
  return std::string(media.substr(0, media.find('/')));
}

}  // namespace

HandlerOutput HandlerOutputOf(const ir::Operation& op, const OperationNames& names) {
  HandlerOutput out;
  std::vector<std::string> statuses(op.responses.size());
  std::string listed;  // the union of the explicit statuses, which "default" excludes
  for (size_t i = 0; i < op.responses.size(); ++i) {
    StatusKey key = ParseStatus(op.responses[i].status);
    if (key.is_default) continue;
    statuses[i] = StatusType(key, &out.status_imports);
    if (statuses[i].empty()) continue;
    listed += (listed.empty() ? "" : " | ") + statuses[i];
  }
  for (size_t i = 0; i < op.responses.size(); ++i) {
    const ir::Response& r = op.responses[i];
    StatusKey key = ParseStatus(r.status);
    if (key.is_default) {
      Use(&out.status_imports, "StatusCode");
      statuses[i] = listed.empty() ? "StatusCode" : "Exclude<StatusCode, " + listed + ">";
    }
    const std::string& status = statuses[i];
    if (status.empty()) continue;
    auto add = [&](const std::string& data, const char* format) {
      std::string variant = "TypedResponse<" + data + ", " + status + ", \"" + format + "\">";
      if (std::find(out.variants.begin(), out.variants.end(), variant) == out.variants.end()) {
        out.variants.push_back(std::move(variant));
      }
    };
    // 304 Not Modified is a 3xx code but no redirect: it has no Location to go to.
    bool redirect = key.klass == 3 || (key.code >= 300 && key.code < 400 && key.code != 304);
    if (r.content.empty() || IsContentless(key.code)) add("null", "body");
    const ResponseNames& rn = names.responses[i];
    for (size_t m = 0; m < r.content.size() && !IsContentless(key.code); ++m) {
      if (rn.json_media && (m == *rn.json_media || sema::IsJsonMediaType(r.content[m].media_type))) {
        add(rn.schema.empty() ? "unknown" : "z.output<typeof schemas." + rn.schema + ">", "json");
      } else if (MediaRange(r.content[m].media_type) == "text") {
        add("string", "text");
      } else {
        add("unknown", "body");
      }
    }
    if (redirect) add("undefined", "redirect");
  }
  return out;
}

}  // namespace specc::emit
