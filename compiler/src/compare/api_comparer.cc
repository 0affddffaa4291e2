#include "compare/api_comparer.h"

#include <algorithm>
#include <map>
#include <set>

#include "compare/operation_comparer.h"
#include "compare/schema_comparer.h"
#include "compare/schema_text.h"

namespace specc::compare {
namespace {

// `/pets/{petId}` and `/pets/{id}` are the same URL template.
std::string NormalizedPath(const std::string& path) {
  std::string out;
  out.reserve(path.size());
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t close = path.find('}', i);
      if (close != std::string::npos) {
        out += "{}";
        i = close;
        continue;
      }
    }
    out += path[i];
  }
  return out;
}

std::string OperationKey(const ir::Api& api, const ir::Operation& op) {
  switch (op.kind) {
    case ir::OperationKind::kPath:
      return AsciiUpper(op.method) + " " + NormalizedPath(op.path);
    case ir::OperationKind::kWebhook:
      return "webhook " + op.path + " " + AsciiUpper(op.method);
    case ir::OperationKind::kCallback:
      break;
  }
  std::string parent = op.parent >= 0 && static_cast<size_t>(op.parent) < api.operations.size()
                           ? OperationKey(api, api.operations[static_cast<size_t>(op.parent)])
                           : std::string("?");
  return parent + " callback " + op.callback_name + " " + op.path + " " + AsciiUpper(op.method);
}

struct OpRef {
  const ir::Operation* op;
  std::string key;
  std::string label;
};

std::vector<OpRef> AllOperations(const ir::Api& api) {
  std::vector<OpRef> out;
  for (const std::vector<ir::Operation>* list : {&api.operations, &api.webhooks, &api.callbacks}) {
    for (const ir::Operation& op : *list) out.push_back({&op, OperationKey(api, op), OperationLabel(api, op)});
  }
  return out;
}

void CompareSecuritySchemes(const ApiScope& scope) {
  for (const ir::SecurityScheme& x : scope.base.security_schemes) {
    auto same = std::find_if(scope.head.security_schemes.begin(), scope.head.security_schemes.end(),
                             [&](const ir::SecurityScheme& y) { return y.name == x.name; });
    if (same == scope.head.security_schemes.end()) continue;
    const ir::SecurityScheme& y = *same;
    std::string what;
    if (x.type != y.type) {
      what = "type changed from `" + x.type + "` to `" + y.type + "`";
    } else if (x.type == "apiKey" && (x.in != y.in || x.param_name != y.param_name)) {
      what = "the key moved from " + x.in + " `" + x.param_name + "` to " + y.in + " `" + y.param_name + "`";
    } else if (x.type == "http" && AsciiLower(x.scheme) != AsciiLower(y.scheme)) {
      what = "scheme changed from `" + x.scheme + "` to `" + y.scheme + "`";
    } else if (x.type == "openIdConnect" && x.open_id_connect_url != y.open_id_connect_url) {
      what = "openIdConnectUrl changed to `" + y.open_id_connect_url + "`";
    } else if (x.type == "oauth2") {
      for (const ir::OAuthFlow& f : x.flows) {
        auto g = std::find_if(y.flows.begin(), y.flows.end(), [&](const ir::OAuthFlow& h) { return h.type == f.type; });
        if (g == y.flows.end()) {
          what = "flow `" + f.type + "` removed";
        } else if (g->token_url != f.token_url || g->authorization_url != f.authorization_url) {
          what = "the URLs of flow `" + f.type + "` changed";
        }
        if (!what.empty()) break;
      }
    }
    if (!what.empty()) {
      scope.Add(Rule::kSecuritySchemeChanged, "", "security scheme " + x.name,
                "security scheme `" + x.name + "`: " + what, x.loc, y.loc);
    }
  }
}

void CompareOperations(const ApiScope& scope) {
  std::vector<OpRef> before = AllOperations(scope.base), after = AllOperations(scope.head);
  std::map<std::string, size_t> after_by_key;
  for (size_t j = 0; j < after.size(); ++j) after_by_key.emplace(after[j].key, j);
  std::vector<int> match_of_before(before.size(), -1);
  std::vector<bool> after_matched(after.size(), false);
  for (size_t i = 0; i < before.size(); ++i) {
    auto it = after_by_key.find(before[i].key);
    if (it != after_by_key.end() && !after_matched[it->second]) {
      match_of_before[i] = static_cast<int>(it->second);
      after_matched[it->second] = true;
    }
  }
  // An operation that kept its operationId and method but not its path was renamed.
  std::vector<bool> renamed(before.size(), false);
  for (size_t i = 0; i < before.size(); ++i) {
    const ir::Operation& o = *before[i].op;
    if (match_of_before[i] >= 0 || o.operation_id_synthesized || o.kind != ir::OperationKind::kPath) continue;
    for (size_t j = 0; j < after.size(); ++j) {
      const ir::Operation& n = *after[j].op;
      if (!after_matched[j] && !n.operation_id_synthesized && n.kind == o.kind && n.method == o.method &&
          n.operation_id == o.operation_id) {
        match_of_before[i] = static_cast<int>(j);
        after_matched[j] = true;
        renamed[i] = true;
        break;
      }
    }
  }
  // Paths of the head version, to tell a removed path from a removed operation.
  std::set<std::string> after_paths;
  for (const OpRef& r : after) {
    if (r.op->kind == ir::OperationKind::kPath) after_paths.insert(NormalizedPath(r.op->path));
  }
  std::set<std::string> reported_paths;
  for (size_t i = 0; i < before.size(); ++i) {
    const ir::Operation& o = *before[i].op;
    if (match_of_before[i] >= 0) {
      const OpRef& n = after[static_cast<size_t>(match_of_before[i])];
      if (renamed[i]) {
        scope.Add(Rule::kPathRenamed, n.label, "",
                  "`" + AsciiUpper(o.method) + " " + o.path + "` moved to `" + n.op->path + "`", o.loc, n.op->loc);
      }
      CompareOperation(o, *n.op, n.label, renamed[i], scope);
      continue;
    }
    if (o.deprecated) {
      scope.Add(Rule::kDeprecatedOperationRemoved, before[i].label, "", "deprecated operation removed", o.loc,
                scope.head.loc);
      continue;
    }
    std::string path = NormalizedPath(o.path);
    if (o.kind != ir::OperationKind::kPath || after_paths.count(path) > 0) {
      scope.Add(Rule::kOperationRemoved, before[i].label, "", "operation removed", o.loc, scope.head.loc);
      continue;
    }
    if (!reported_paths.insert(path).second) continue;
    // One change for the whole path, naming the operations that went with it.
    std::string methods;
    for (size_t k = i; k < before.size(); ++k) {
      const ir::Operation& other = *before[k].op;
      if (match_of_before[k] < 0 && !other.deprecated && other.kind == ir::OperationKind::kPath &&
          NormalizedPath(other.path) == path) {
        methods += (methods.empty() ? "" : ", ") + AsciiUpper(other.method);
      }
    }
    scope.Add(Rule::kPathRemoved, o.path, "", "path removed with its operations " + methods, o.loc, scope.head.loc);
  }
  for (size_t j = 0; j < after.size(); ++j) {
    if (!after_matched[j]) {
      scope.Add(Rule::kOperationAdded, after[j].label, "", "operation added", scope.base.loc, after[j].op->loc);
    }
  }
}

}  // namespace

std::string OperationLabel(const ir::Api& api, const ir::Operation& op) {
  switch (op.kind) {
    case ir::OperationKind::kPath:
      return AsciiUpper(op.method) + " " + op.path;
    case ir::OperationKind::kWebhook:
      return AsciiUpper(op.method) + " webhook " + op.path;
    case ir::OperationKind::kCallback:
      break;
  }
  std::string parent = op.parent >= 0 && static_cast<size_t>(op.parent) < api.operations.size()
                           ? OperationLabel(api, api.operations[static_cast<size_t>(op.parent)])
                           : std::string("webhook");
  return parent + " callback " + op.callback_name + " " + AsciiUpper(op.method) + " " + op.path;
}

void CompareApis(const ir::Api& base, const ir::Api& head, const std::string& api, std::vector<Change>& out) {
  SchemaComparer schemas(base, head);
  ApiScope scope{base, head, schemas, api, out};
  CompareServers(base.servers, head.servers, "", base.loc, head.loc, scope);
  CompareSecuritySchemes(scope);
  CompareOperations(scope);
}

}  // namespace specc::compare
