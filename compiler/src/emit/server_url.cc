#include "emit/server_url.h"

namespace specc::emit {

std::string ResolveServerUrl(const ir::Server& server) {
  std::string url = server.url;
  for (const ir::ServerVariable& v : server.variables) {
    std::string token = "{" + v.name + "}";
    for (size_t at = url.find(token); at != std::string::npos; at = url.find(token, at + v.default_value.size())) {
      url.replace(at, token.size(), v.default_value);
    }
  }
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string ServerBasePath(const ir::Server& server) {
  std::string url = ResolveServerUrl(server);
  url = url.substr(0, url.find_first_of("?#"));
  size_t path = 0;
  if (size_t scheme = url.find("://"); scheme != std::string::npos) {
    path = url.find('/', scheme + 3);
  } else if (url.rfind("//", 0) == 0) {
    path = url.find('/', 2);  // "//host/v1": scheme-relative, the path after the host
  } else if (url.empty() || url[0] != '/') {
    path = url.find('/');  // "api.example.com/v1": a host without a scheme
  }
  if (path == std::string::npos || path >= url.size()) return "/";
  std::string base = url.substr(path);
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace specc::emit
