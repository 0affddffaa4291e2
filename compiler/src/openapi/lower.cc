#include <algorithm>
#include <set>
#include <unordered_set>

#include "base/ascii.h"
#include "openapi/load.h"
#include "openapi/lowerer.h"
#include "openapi/suggest.h"
#include "spec/to_json.h"

namespace specc::openapi {
namespace {

using spec::Member;
using spec::MembersOf;
using spec::Node;
using spec::ItemsOf;

constexpr const char* kMethods[] = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string Str(const Node* node) {
  return node != nullptr && node->is_string() ? std::string(node->text()) : std::string();
}
bool Bool(const Node* node, bool fallback = false) {
  return node != nullptr && node->kind == spec::NodeKind::kBool ? node->is_true() : fallback;
}

// Visit tags for Lowerer::FirstVisit.
enum VisitTag { kVisitParameter = 1, kVisitResponse, kVisitHeader, kVisitBody, kVisitExample, kVisitLink, kVisitCallback, kVisitPathItem };

// "get /pets/{petId}" -> "get_pets_petId".
std::string SynthesizeOperationId(const std::string& method, const std::string& path) {
  std::string id = method;
  bool pending_sep = true;
  for (char c : path) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!word) {
      pending_sep = true;
      continue;
    }
    if (pending_sep) id += '_';
    pending_sep = false;
    id += c;
  }
  return id;
}

// Header parameters OpenAPI says to ignore: their meaning comes from `content` and `security`.
bool IsIgnoredHeaderName(const std::string& name) {
  std::string lower = AsciiLower(name);
  return lower == "accept" || lower == "content-type" || lower == "authorization";
}

bool IsStatusCode(std::string_view code) {
  if (code == "default") return true;
  if (code.size() != 3 || code[0] < '1' || code[0] > '5') return false;
  if ((code[1] == 'X' || code[1] == 'x') && (code[2] == 'X' || code[2] == 'x')) return true;
  return code[1] >= '0' && code[1] <= '9' && code[2] >= '0' && code[2] <= '9';
}

}  // namespace

namespace {
uint64_t VisitKey(const Node& node, int tag) {
  return (reinterpret_cast<uintptr_t>(&node) << 4) | static_cast<uint64_t>(tag);
}
}  // namespace

bool Lowerer::FirstVisit(const Node& node, int tag) { return visited_.insert(VisitKey(node, tag)).second; }

std::optional<RefTarget> Lowerer::Deref(const Document& doc, const Node& node) {
  // Fields beside `$ref` are ignored by both 3.0 and 3.1 ("SHALL be ignored"), so they
  // are not checked here.
  return ws_.Deref(doc, node);
}

std::optional<RefTarget> Lowerer::Through(const Document& doc, const Node& node, RefPosition position) {
  const Node* ref = Workspace::RefOf(node);
  if (ref == nullptr) return RefTarget{&doc, &node, {}};
  PositionRefs& seen = position_refs_[static_cast<size_t>(position)];
  if (seen.count++ == 0) seen.first = ref->loc();
  return ws_.Deref(doc, node);
}

void Lowerer::CheckUnmountedPaths(const Document& root) {
  // A file of a split description that holds path items (under `paths`, or as its whole
  // content) and that the root mounts only in part: an operation added there but not to
  // the root's `paths` is silently not part of the API.
  for (const std::unique_ptr<Document>& doc : ws_.documents()) {
    if (doc.get() == &root || !doc->root->is_map()) continue;
    const Node* paths = doc->root->Find("paths");
    if (paths == nullptr) {
      bool all_paths = doc->root->size > 0;
      for (const Member& m : MembersOf(*doc->root)) all_paths &= m.key().rfind("x-", 0) == 0 || m.key().rfind('/', 0) == 0;
      if (all_paths) paths = doc->root;
    }
    if (paths == nullptr || !paths->is_map()) continue;
    bool any_mounted = false;
    std::vector<const Member*> unmounted;
    for (const Member& m : MembersOf(*paths)) {
      // A path item that is itself a reference is left alone: following it here could
      // report a broken reference that nothing in the API uses.
      if (m.key().rfind('/', 0) != 0 || Workspace::RefOf(m.value) != nullptr) continue;
      bool mounted = visited_.count(VisitKey(m.value, kVisitPathItem)) > 0;
      any_mounted |= mounted;
      if (!mounted) unmounted.push_back(&m);
    }
    // A file none of whose paths are mounted is another description, or a library the
    // root takes components from: not a lost path.
    if (!any_mounted) continue;
    for (const Member* m : unmounted) {
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathUnmounted, .loc = m->key_loc(),
                              .message = "path `" + std::string(m->key()) + "` is never mounted by the root document's "
                                         "`paths`, unlike others of this file; its operations are not part of the API",
                              .hint = "add it to `paths` in `" + RootFileName() + "` (a `$ref` to this path item), "
                                      "or remove it",
                              .notes = {}});
    }
  }
}

void Lowerer::ReportPositionRefs() {
  static constexpr std::string_view kNames[] = {
      "the Paths Object", "the Components Object", "a map of `components`", "an Operation Object",
      "a `parameters` list", "a Responses Object", "a `content` map", "a Media Type Object",
  };
  static_assert(std::size(kNames) == static_cast<size_t>(RefPosition::kCount));
  for (size_t i = 0; i < std::size(kNames); ++i) {
    const PositionRefs& seen = position_refs_[i];
    if (seen.count == 0) continue;
    std::string more = seen.count == 1 ? std::string()
                                       : " (" + std::to_string(seen.count - 1) + " more in this description)";
    sink_.Report(Diagnostic{
        .severity = Severity::kWarning, .code = DiagCode::kSpecRefPosition, .loc = seen.first,
        .message = "`$ref` in place of " + std::string(kNames[i]) +
                   ", where OpenAPI allows no Reference Object; specc follows it as a JSON Reference" + more,
        .hint = "Redocly, swagger-parser and the generators follow it too, but not every tool does; "
                "move the object into `components` (or make the whole Path Item the reference) to be portable",
        .notes = {}});
  }
}

ir::Api Lowerer::Lower(const Document& root) {
  const Node& doc = *root.root;
  api_.loc = doc.loc();
  // Sized from the document so the schema table never re-grows: growing it moved every
  // Schema built so far (measured: 7% of lowering GitHub's description). GitHub's 13 MB
  // JSON has 40,230 schemas, about one per 320 bytes.
  size_t expected_schemas = ws_.sources().size(root.file) / 256 + 16;
  api_.schemas.reserve(expected_schemas);
  CheckFields(doc, rules::kOpenApi, version_, sink_);
  api_.openapi_version = Str(doc.Find("openapi"));
  if (const Node* info = doc.Find("info"); info != nullptr && info->is_map()) LowerInfo(*info);
  if (const Node* servers = doc.Find("servers")) api_.servers = LowerServers(*servers);
  const Node* components = doc.Find("components");
  std::optional<RefTarget> components_target;
  if (components != nullptr) components_target = Through(root, *components, RefPosition::kComponents);
  if (components_target && components_target->node->is_map()) {
    const Node& c = *components_target->node;
    const Document& c_doc = *components_target->doc;
    CheckFields(c, rules::kComponents, version_, sink_);
    if (const Node* schemas = c.Find("schemas"); schemas != nullptr && schemas->is_map()) {
      if (auto group = Through(c_doc, *schemas, RefPosition::kComponentsGroup); group && group->node->is_map()) {
        RegisterComponentSchemas(*group->doc, *group->node);
      }
    }
    if (const Node* schemes = c.Find("securitySchemes"); schemes != nullptr && schemes->is_map()) {
      if (auto group = Through(c_doc, *schemes, RefPosition::kComponentsGroup); group && group->node->is_map()) {
        LowerSecuritySchemes(*group->doc, *group->node);
      }
    }
  }
  if (const Node* tags = doc.Find("tags"); tags != nullptr && tags->is_seq()) {
    std::set<std::string_view> seen;
    for (const Node& tag : ItemsOf(*tags)) {
      if (!CheckFields(tag, rules::kTag, version_, sink_)) continue;
      api_.tags.push_back(ir::Tag{Str(tag.Find("name")), Str(tag.Find("description")), tag.loc()});
    }
  }
  if (const Node* groups = doc.Find("x-tagGroups")) LowerTagGroups(*groups);
  if (const Node* security = doc.Find("security"); security != nullptr && security->is_seq()) {
    api_.security = LowerSecurity(*security);
  }
  const Node* paths = doc.Find("paths");
  const Node* webhooks = version_ == Version::k31 ? doc.Find("webhooks") : nullptr;
  if (paths == nullptr && version_ == Version::k30) {
    // Reported by the field check (paths is required in 3.0 by the spec text).
    sink_.Report(DiagCode::kSpecFieldMissing, doc.loc(),
                 "the OpenAPI Object is missing its required `paths` field",
                 "OpenAPI 3.0 requires `paths`, even if empty (`paths: {}`)");
  }
  if (version_ == Version::k31 && paths == nullptr && webhooks == nullptr && components == nullptr) {
    sink_.Report(DiagCode::kSpecDocumentEmpty, doc.loc(),
                 "the document has none of `paths`, `webhooks` or `components`",
                 "OpenAPI 3.1 requires at least one of them");
  }
  if (paths != nullptr && paths->is_map()) {
    if (auto target = Through(root, *paths, RefPosition::kPaths); target && target->node->is_map()) {
      LowerPaths(*target->doc, *target->node);
    }
  }
  if (webhooks != nullptr && webhooks->is_map()) LowerWebhooks(root, *webhooks);
  if (components_target && components_target->node->is_map()) {
    LowerComponents(*components_target->doc, *components_target->node);
  }
  DrainSchemas();
  ReportPositionRefs();
  CheckUnmountedPaths(root);
  CheckSecurityNames();
  CheckOperationIds();
  return std::move(api_);
}

void Lowerer::LowerInfo(const Node& info) {
  CheckFields(info, rules::kInfo, version_, sink_);
  api_.title = Str(info.Find("title"));
  api_.version = Str(info.Find("version"));
  api_.description = Str(info.Find("description"));
  if (const Node* contact = info.Find("contact")) CheckFields(*contact, rules::kContact, version_, sink_);
  if (const Node* license = info.Find("license")) CheckFields(*license, rules::kLicense, version_, sink_);
}

std::vector<ir::Server> Lowerer::LowerServers(const Node& servers) {
  std::vector<ir::Server> out;
  if (!servers.is_seq()) return out;  // the field check reported it
  for (const Node& server : ItemsOf(servers)) {
    if (!CheckFields(server, rules::kServer, version_, sink_)) continue;
    ir::Server s{Str(server.Find("url")), Str(server.Find("description")), {}, server.loc()};
    const Node* variables = server.Find("variables");
    for (const Member& var : MembersOf(variables != nullptr ? *variables : Node{})) {
      if (!CheckFields(var.value, rules::kServerVariable, version_, sink_)) continue;
      ir::ServerVariable v{std::string(var.key()), Str(var.value.Find("default")),
                           Str(var.value.Find("description")), {}};
      if (const Node* values = var.value.Find("enum"); values != nullptr && values->is_seq()) {
        if (values->size == 0) {
          sink_.Report(DiagCode::kSpecServerEnumEmpty, values->loc(),
                       "server variable `" + v.name + "` has an empty `enum`",
                       "list the allowed values, or remove `enum` to allow any value");
        }
        for (const Node& value : ItemsOf(*values)) {
          if (!value.is_string()) {
            sink_.Report(DiagCode::kSpecFieldType, value.loc(), "server variable values must be strings");
            continue;
          }
          v.enum_values.push_back(std::string(value.text()));
        }
        if (values->size > 0 && !v.default_value.empty() &&
            std::find(v.enum_values.begin(), v.enum_values.end(), v.default_value) == v.enum_values.end()) {
          sink_.Report(DiagCode::kSpecFieldValue, var.value.Find("default")->loc(),
                       "default `" + v.default_value + "` of server variable `" + v.name +
                           "` is not one of its `enum` values");
        }
      }
      s.variables.push_back(std::move(v));
    }
    // Every {name} in the URL should be a declared variable.
    for (size_t open = s.url.find('{'); open != std::string::npos; open = s.url.find('{', open + 1)) {
      size_t close = s.url.find('}', open);
      if (close == std::string::npos) break;
      std::string name = s.url.substr(open + 1, close - open - 1);
      bool declared = std::any_of(s.variables.begin(), s.variables.end(),
                                  [&](const ir::ServerVariable& v) { return v.name == name; });
      if (!declared) {
        sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecServerVariable,
                                .loc = server.Find("url")->loc(),
                                .message = "server url uses `{" + name + "}` but declares no such variable",
                                .hint = "add it under `variables` with a `default`", .notes = {}});
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

void Lowerer::LowerSecuritySchemes(const Document& doc, const Node& schemes) {
  for (const Member& member : MembersOf(schemes)) {
    declared_security_.push_back(std::string(member.key()));
    if (const Node* ref = Workspace::RefOf(member.value);
        ref != nullptr && ref->is_string() && ref->text().find("://") != std::string_view::npos) {
      // Nothing may need this scheme, so an unfetchable one is a warning here; a
      // requirement that names it still resolves by name.
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecRefRemote, .loc = ref->loc(),
                              .message = "security scheme `" + std::string(member.key()) +
                                         "` is a remote `$ref`, which is not fetched; it is left out",
                              .hint = "copy the scheme into this document", .notes = {}});
      continue;
    }
    std::optional<RefTarget> target = Deref(doc, member.value);
    if (!target || !CheckFields(*target->node, rules::kSecurityScheme, version_, sink_)) continue;
    const Node& node = *target->node;
    ir::SecurityScheme s;
    s.name = std::string(member.key());
    s.type = Str(node.Find("type"));
    s.description = Str(node.Find("description"));
    s.scheme = Str(node.Find("scheme"));
    s.bearer_format = Str(node.Find("bearerFormat"));
    s.param_name = Str(node.Find("name"));
    s.in = Str(node.Find("in"));
    s.open_id_connect_url = Str(node.Find("openIdConnectUrl"));
    s.loc = node.loc();
    static const std::set<std::string> kTypes30 = {"apiKey", "http", "oauth2", "openIdConnect"};
    bool valid_type = kTypes30.count(s.type) > 0 || (s.type == "mutualTLS" && version_ == Version::k31);
    if (!valid_type && node.Find("type") != nullptr && node.Find("type")->is_string()) {
      sink_.Report(DiagCode::kSpecFieldValue, node.Find("type")->loc(),
                   "unknown security scheme type `" + s.type + "`",
                   version_ == Version::k31 ? "use apiKey, http, oauth2, openIdConnect or mutualTLS"
                                            : "use apiKey, http, oauth2 or openIdConnect");
    }
    if (s.type == "apiKey") {
      if (node.Find("name") == nullptr || node.Find("in") == nullptr) {
        sink_.Report(DiagCode::kSpecFieldMissing, node.loc(),
                     "apiKey security scheme `" + s.name + "` needs `name` and `in`");
      } else if (s.in != "query" && s.in != "header" && s.in != "cookie") {
        sink_.Report(DiagCode::kSpecFieldValue, node.Find("in")->loc(),
                     "apiKey `in` must be query, header or cookie, not `" + s.in + "`");
      }
    } else if (s.type == "http" && node.Find("scheme") == nullptr) {
      sink_.Report(DiagCode::kSpecFieldMissing, node.loc(),
                   "http security scheme `" + s.name + "` needs `scheme` (e.g. bearer or basic)");
    } else if (s.type == "oauth2") {
      const Node* flows = node.Find("flows");
      if (flows == nullptr) {
        sink_.Report(DiagCode::kSpecFieldMissing, node.loc(), "oauth2 security scheme `" + s.name + "` needs `flows`");
      } else if (CheckFields(*flows, rules::kOAuthFlows, version_, sink_)) {
        for (const Member& flow : MembersOf(*flows)) {
          if (flow.key().rfind("x-", 0) == 0 || !CheckFields(flow.value, rules::kOAuthFlow, version_, sink_)) continue;
          ir::OAuthFlow f{std::string(flow.key()), Str(flow.value.Find("authorizationUrl")),
                          Str(flow.value.Find("tokenUrl")), Str(flow.value.Find("refreshUrl")), {}};
          for (const Member& scope : MembersOf(flow.value.Find("scopes") ? *flow.value.Find("scopes") : Node{})) {
            f.scopes.emplace_back(std::string(scope.key()), Str(&scope.value));
          }
          s.flows.push_back(std::move(f));
        }
      }
    } else if (s.type == "openIdConnect" && node.Find("openIdConnectUrl") == nullptr) {
      sink_.Report(DiagCode::kSpecFieldMissing, node.loc(),
                   "openIdConnect security scheme `" + s.name + "` needs `openIdConnectUrl`");
    }
    api_.security_schemes.push_back(std::move(s));
  }
}

std::vector<ir::SecurityRequirement> Lowerer::LowerSecurity(const Node& security) {
  std::vector<ir::SecurityRequirement> out;
  for (const Node& requirement : ItemsOf(security)) {
    if (!requirement.is_map()) {
      sink_.Report(DiagCode::kSpecFieldType, requirement.loc(),
                   "a security requirement must be an object of scheme names to scopes");
      continue;
    }
    ir::SecurityRequirement r;
    for (const Member& m : MembersOf(requirement)) {
      std::vector<std::string> scopes;
      for (const Node& scope : ItemsOf(m.value)) scopes.push_back(Str(&scope));
      if (!m.value.is_seq()) {
        sink_.Report(DiagCode::kSpecFieldType, m.value.loc(),
                     "the scopes of `" + std::string(m.key()) + "` must be an array (use `[]` for none)");
      }
      used_security_.emplace_back(std::string(m.key()), m.key_loc());
      if (!scopes.empty()) scoped_requirements_.emplace_back(std::string(m.key()), m.value.loc());
      r.schemes.emplace_back(std::string(m.key()), std::move(scopes));
    }
    out.push_back(std::move(r));
  }
  return out;
}

// `x-tagGroups: [{name, tags: [tag, ...]}]`. An extension, so a malformed entry is a
// warning and is left out: the document stays valid OpenAPI whatever it holds.
void Lowerer::LowerTagGroups(const Node& groups) {
  auto malformed = [&](const Node& at, const std::string& what) {
    sink_.Report(DiagCode::kSpecExtensionShape, at.loc(), "`x-tagGroups` " + what + "; the entry is ignored",
                 "each group is `{name: Heading, tags: [tagA, tagB]}`");
  };
  if (!groups.is_seq()) {
    malformed(groups, "must be an array of groups");
    return;
  }
  for (const Node& group : ItemsOf(groups)) {
    const Node* name = group.is_map() ? group.Find("name") : nullptr;
    const Node* tags = group.is_map() ? group.Find("tags") : nullptr;
    if (name == nullptr || !name->is_string() || tags == nullptr || !tags->is_seq()) {
      malformed(group, "entries need a string `name` and an array `tags`");
      continue;
    }
    ir::TagGroup g{std::string(name->text()), {}, group.loc()};
    for (const Node& tag : ItemsOf(*tags)) {
      if (!tag.is_string()) {
        malformed(tag, "tags must be tag names");
        continue;
      }
      g.tags.emplace_back(tag.text());
    }
    api_.tag_groups.push_back(std::move(g));
  }
}

void Lowerer::CheckSecurityNames() {
  // 3.0: "for other security scheme types [than oauth2 and openIdConnect], the array MUST
  // be empty"; 3.1 allows role names there.
  if (version_ == Version::k30) {
    for (const auto& [name, loc] : scoped_requirements_) {
      auto scheme = std::find_if(api_.security_schemes.begin(), api_.security_schemes.end(),
                                 [&](const ir::SecurityScheme& s) { return s.name == name; });
      if (scheme == api_.security_schemes.end() || scheme->type == "oauth2" || scheme->type == "openIdConnect") continue;
      std::string kind = scheme->type == "http" && !scheme->scheme.empty() ? "an http " + scheme->scheme : "an " + scheme->type;
      if (scheme->type == "http" && scheme->scheme.empty()) kind = "an http";
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecSecurityScopes, .loc = loc,
                              .message = "the requirement lists scopes for `" + name + "`, " + kind +
                                         " scheme; OpenAPI 3.0 allows scopes only for oauth2 and openIdConnect",
                              .hint = "use `" + name + ": []`; the scopes are ignored (OpenAPI 3.1 allows role names here)",
                              .notes = {}});
    }
  }
  std::unordered_set<std::string_view> declared(declared_security_.begin(), declared_security_.end());
  std::vector<std::string_view> names(declared_security_.begin(), declared_security_.end());
  // Suggestions compare a name with every scheme: past this many comparisons (a hostile
  // description's thousands of undefined names) they are left out.
  uint64_t suggestion_budget = kSuggestionBudget;
  for (const auto& [name, loc] : used_security_) {
    if (declared.count(name) > 0) continue;
    std::string_view best;
    if (suggestion_budget >= names.size()) {
      suggestion_budget -= names.size();
      best = ClosestMatch(name, names);
    }
    sink_.Report(DiagCode::kSpecSecurityUndefined, loc,
                 "security requirement names `" + name + "`, which is not in `components.securitySchemes`",
                 best.empty() ? "declare it under `components.securitySchemes`"
                              : "did you mean `" + std::string(best) + "`?");
  }
}

void Lowerer::CheckOperationIds() {
  std::map<std::string, Loc> first;
  auto check = [&](const std::vector<ir::Operation>& ops) {
    for (size_t i = 0; i < ops.size(); ++i) {
      const ir::Operation& op = ops[i];
      if (op.operation_id_synthesized) continue;
      auto where = operation_id_locs_.find({static_cast<int>(op.kind), i});
      Loc loc = where != operation_id_locs_.end() ? where->second : op.loc;
      auto [it, inserted] = first.emplace(op.operation_id, loc);
      if (inserted) continue;
      Diagnostic d{.severity = Severity::kError, .code = DiagCode::kSpecOperationIdDuplicate,
                   .loc = loc, .message = "operationId `" + op.operation_id + "` is used twice",
                   .hint = "operationIds must be unique across the whole API", .notes = {}};
      d.notes.push_back(Diagnostic{.severity = Severity::kNote, .code = DiagCode::kSpecOperationIdDuplicate,
                                   .loc = it->second, .message = "first used here", .hint = {}, .notes = {}});
      sink_.Report(std::move(d));
    }
  };
  check(api_.operations);
  check(api_.webhooks);
  check(api_.callbacks);
  // Synthesised ids must not collide with declared ones (or each other).
  auto dedupe = [&](std::vector<ir::Operation>& ops) {
    for (ir::Operation& op : ops) {
      if (!op.operation_id_synthesized) continue;
      std::string base = op.operation_id;
      for (int n = 2; first.count(op.operation_id) > 0; ++n) op.operation_id = base + "_" + std::to_string(n);
      first.emplace(op.operation_id, op.loc);
    }
  };
  dedupe(api_.operations);
  dedupe(api_.webhooks);
  dedupe(api_.callbacks);
}

void Lowerer::LowerPaths(const Document& doc, const Node& paths) {
  for (const Member& member : MembersOf(paths)) {
    if (member.key().rfind("x-", 0) == 0) continue;
    std::string path(member.key());
    if (path.empty() || path[0] != '/') {
      sink_.Report(DiagCode::kSpecPathTemplate, member.key_loc(),
                   "path `" + path + "` must start with `/`");
    }
    path_key_loc_ = member.key_loc();
    LowerPathItem(doc, member.value, path, ir::OperationKind::kPath, -1, {});
  }
  path_key_loc_ = Loc{};
}

void Lowerer::LowerWebhooks(const Document& doc, const Node& webhooks) {
  for (const Member& member : MembersOf(webhooks)) {
    if (member.key().rfind("x-", 0) == 0) continue;
    LowerPathItem(doc, member.value, std::string(member.key()), ir::OperationKind::kWebhook, -1, {});
  }
}

void Lowerer::LowerPathItem(const Document& doc, const Node& item_node, const std::string& path,
                            ir::OperationKind kind, int32_t parent, const std::string& callback_name) {
  std::optional<RefTarget> target = Deref(doc, item_node);
  if (!target) return;
  const Node& item = *target->node;
  if (!CheckFields(item, rules::kPathItem, version_, sink_)) return;
  FirstVisit(item, kVisitPathItem);
  std::vector<ir::Parameter> path_params;
  if (const Node* params = item.Find("parameters")) {
    if (auto list = Through(*target->doc, *params, RefPosition::kParameterList)) {
      path_params = LowerParameterList(*list->doc, *list->node);
    }
  }
  std::vector<ir::Server> servers;
  if (const Node* s = item.Find("servers")) servers = LowerServers(*s);
  // A path item without operations is valid (OAI's path_var_empty_pathitem): its
  // template is checked per operation, so there is nothing to check here.
  for (const char* method : kMethods) {
    const Node* op = item.Find(method);
    if (op == nullptr) continue;
    LowerOperation(*target->doc, *op, method, path, path_params, servers, kind, parent, callback_name);
  }
}

void Lowerer::LowerOperation(const Document& written_in, const Node& written, const std::string& method,
                             const std::string& path, const std::vector<ir::Parameter>& path_params,
                             const std::vector<ir::Server>& path_servers, ir::OperationKind kind,
                             int32_t parent, const std::string& callback_name) {
  // `get: {$ref: ops/x.yaml}`: the operation is read where the reference leads, and
  // references inside it are relative to that file.
  std::optional<RefTarget> target = Through(written_in, written, RefPosition::kOperation);
  if (!target) return;
  const Document& doc = *target->doc;
  const Node& node = *target->node;
  if (!CheckFields(node, rules::kOperation, version_, sink_)) return;
  ir::Operation op;
  op.kind = kind;
  op.method = method;
  op.path = path;
  op.loc = node.loc();
  op.parent = parent;
  op.callback_name = callback_name;
  op.operation_id = Str(node.Find("operationId"));
  if (op.operation_id.empty()) {
    op.operation_id = SynthesizeOperationId(method, kind == ir::OperationKind::kCallback
                                                        ? callback_name + path : path);
    op.operation_id_synthesized = true;
  }
  op.summary = Str(node.Find("summary"));
  op.description = Str(node.Find("description"));
  op.deprecated = Bool(node.Find("deprecated"));
  for (const Node& tag : ItemsOf(node.Find("tags") ? *node.Find("tags") : Node{})) {
    if (!tag.is_string()) {
      sink_.Report(DiagCode::kSpecFieldType, tag.loc(), "tags must be strings");
      continue;
    }
    op.tags.push_back(std::string(tag.text()));
  }
  std::vector<ir::Parameter> own;
  if (const Node* params = node.Find("parameters")) {
    if (auto list = Through(doc, *params, RefPosition::kParameterList)) own = LowerParameterList(*list->doc, *list->node);
  }
  // Sized once, as are the responses below: the doubling of a thousand operations' lists
  // kept spare room for hundreds of kilobytes of parameters and responses.
  op.parameters.reserve(path_params.size() + own.size());
  op.parameters.assign(path_params.begin(), path_params.end());
  for (ir::Parameter& p : own) {
    auto same = std::find_if(op.parameters.begin(), op.parameters.end(), [&](const ir::Parameter& q) {
      return q.name == p.name && q.in == p.in;
    });
    if (same != op.parameters.end()) {
      *same = std::move(p);
    } else {
      op.parameters.push_back(std::move(p));
    }
  }
  // Webhook names and callback expressions are not path templates.
  // Problems of the template are the path key's (where the `{name}` is), not the operation's.
  if (kind == ir::OperationKind::kPath) CheckPathTemplate(op, path, path_key_loc_.known() ? path_key_loc_ : node.loc());
  if (const Node* body = node.Find("requestBody")) op.request_body = LowerRequestBody(doc, *body);
  const Node* responses_written = node.Find("responses");
  std::optional<RefTarget> responses_target;
  if (responses_written != nullptr) responses_target = Through(doc, *responses_written, RefPosition::kResponses);
  const Node* responses = responses_target ? responses_target->node : nullptr;
  const Document& responses_doc = responses_target ? *responses_target->doc : doc;
  if (responses_written == nullptr && version_ == Version::k30) {
    sink_.Report(DiagCode::kSpecFieldMissing, node.loc(),
                 "operation `" + op.operation_id + "` has no `responses`",
                 "OpenAPI 3.0 requires at least one response");
  }
  if (responses != nullptr && responses->is_map()) {
    op.responses.reserve(responses->size);
    for (const Member& r : MembersOf(*responses)) {
      if (r.key().rfind("x-", 0) == 0) continue;
      if (!IsStatusCode(r.key())) {
        sink_.Report(DiagCode::kSpecResponseCode, r.key_loc(),
                     "`" + std::string(r.key()) + "` is not a response status code",
                     "use a code such as `200`, a range such as `4XX`, or `default`");
        continue;
      }
      if (auto response = LowerResponse(responses_doc, r.value, std::string(r.key()))) {
        op.responses.push_back(std::move(*response));
      }
    }
  }
  if (const Node* security = node.Find("security"); security != nullptr && security->is_seq()) {
    op.security = LowerSecurity(*security);
  }
  op.servers = path_servers;
  if (const Node* servers = node.Find("servers")) op.servers = LowerServers(*servers);
  for (const Member& m : MembersOf(node)) {
    if (m.key().rfind("x-", 0) == 0) op.extensions.emplace_back(std::string(m.key()), spec::ToJson(m.value));
  }
  int32_t index;
  std::vector<ir::Operation>* list = kind == ir::OperationKind::kPath      ? &api_.operations
                                     : kind == ir::OperationKind::kWebhook ? &api_.webhooks
                                                                           : &api_.callbacks;
  index = static_cast<int32_t>(list->size());
  if (const Member* id = node.FindMember("operationId")) {
    operation_id_locs_[{static_cast<int>(kind), static_cast<size_t>(index)}] = id->key_loc();
  }
  list->push_back(std::move(op));
  if (const Node* callbacks = node.Find("callbacks"); callbacks != nullptr && callbacks->is_map()) {
    // Callbacks point back at their operation by its index among path operations.
    LowerCallbacks(doc, *callbacks, kind == ir::OperationKind::kPath ? index : -1);
  }
}

void Lowerer::LowerCallbacks(const Document& doc, const Node& callbacks, int32_t parent) {
  for (const Member& cb : MembersOf(callbacks)) {
    if (cb.key().rfind("x-", 0) == 0) continue;
    std::optional<RefTarget> target = Deref(doc, cb.value);
    if (!target) continue;
    if (!target->node->is_map()) {
      sink_.Report(DiagCode::kSpecFieldType, target->node->loc(), "a Callback Object must be an object");
      continue;
    }
    for (const Member& expr : MembersOf(*target->node)) {
      if (expr.key().rfind("x-", 0) == 0) continue;
      LowerPathItem(*target->doc, expr.value, std::string(expr.key()), ir::OperationKind::kCallback,
                    parent, std::string(cb.key()));
    }
  }
}

std::vector<ir::Parameter> Lowerer::LowerParameterList(const Document& doc, const Node& list) {
  std::vector<ir::Parameter> out;
  if (!list.is_seq()) return out;
  for (const Node& item : ItemsOf(list)) {
    std::optional<ir::Parameter> p = LowerParameter(doc, item);
    if (!p) continue;
    auto dup = std::find_if(out.begin(), out.end(), [&](const ir::Parameter& q) {
      return q.name == p->name && q.in == p->in;
    });
    if (dup != out.end()) {
      // The list MUST NOT hold duplicates, but the reading is unambiguous: the first wins.
      Diagnostic d{.severity = Severity::kWarning, .code = DiagCode::kSpecParamDuplicate, .loc = item.loc(),
                   .message = std::string(ir::ParamInName(p->in)) + " parameter `" + p->name +
                              "` is declared twice; the first declaration is used",
                   .hint = "a parameter is identified by its name and location; remove one", .notes = {}};
      d.notes.push_back(Diagnostic{.severity = Severity::kNote, .code = DiagCode::kSpecParamDuplicate,
                                   .loc = dup->loc, .message = "first declared here", .hint = {}, .notes = {}});
      sink_.Report(std::move(d));
      continue;
    }
    out.push_back(std::move(*p));
  }
  return out;
}

void Lowerer::CheckParamStyle(const Node& node, const ir::Parameter& param) {
  const Node* style = node.Find("style");
  if (style != nullptr && style->is_string()) {
    static const std::map<ir::ParamIn, std::vector<std::string_view>> kStyles = {
        {ir::ParamIn::kPath, {"matrix", "label", "simple"}},
        {ir::ParamIn::kQuery, {"form", "spaceDelimited", "pipeDelimited", "deepObject"}},
        {ir::ParamIn::kHeader, {"simple"}},
        {ir::ParamIn::kCookie, {"form"}},
    };
    const auto& allowed = kStyles.at(param.in);
    if (std::find(allowed.begin(), allowed.end(), style->text()) == allowed.end()) {
      std::string list;
      for (std::string_view s : allowed) list += (list.empty() ? "" : ", ") + std::string(s);
      sink_.Report(DiagCode::kSpecFieldValue, style->loc(),
                   "style `" + std::string(style->text()) + "` is not allowed for " +
                       ir::ParamInName(param.in) + " parameters",
                   "allowed: " + list);
    }
  }
  if (const Node* reserved = node.FindMember("allowReserved") ? node.Find("allowReserved") : nullptr;
      reserved != nullptr && param.in != ir::ParamIn::kQuery) {
    sink_.Report(DiagCode::kSpecParamAllowReserved, node.FindMember("allowReserved")->key_loc(),
                 "`allowReserved` applies only to query parameters, not to " +
                     std::string(ir::ParamInName(param.in)) + " parameter `" + param.name + "`",
                 "remove it");
  }
  if (node.Find("example") != nullptr && node.Find("examples") != nullptr) {
    sink_.Report(DiagCode::kSpecFieldConflict, node.FindMember("examples")->key_loc(),
                 "`example` and `examples` exclude each other", "keep one of them");
  }
}

std::optional<ir::Parameter> Lowerer::LowerParameter(const Document& doc, const Node& node) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target) return std::nullopt;
  const Node& p = *target->node;
  bool first = FirstVisit(p, kVisitParameter);
  if (first && !CheckFields(p, rules::kParameter, version_, sink_)) return std::nullopt;
  if (!p.is_map()) return std::nullopt;
  ir::Parameter param;
  param.name = Str(p.Find("name"));
  std::string in = Str(p.Find("in"));
  param.loc = p.loc();
  if (in == "path") {
    param.in = ir::ParamIn::kPath;
  } else if (in == "query") {
    param.in = ir::ParamIn::kQuery;
  } else if (in == "header") {
    param.in = ir::ParamIn::kHeader;
  } else if (in == "cookie") {
    param.in = ir::ParamIn::kCookie;
  } else {
    if (first && p.Find("in") != nullptr && p.Find("in")->is_string()) {
      sink_.Report(DiagCode::kSpecFieldValue, p.Find("in")->loc(),
                   "parameter `in` must be path, query, header or cookie, not `" + in + "`",
                   in == "body" || in == "formData" ? "Swagger 2.0's body and form parameters are a `requestBody` in OpenAPI 3"
                                                   : "");
    }
    return std::nullopt;
  }
  if (param.in == ir::ParamIn::kHeader && IsIgnoredHeaderName(param.name)) {
    // OpenAPI: such a parameter "SHALL be ignored"; the media types and `security` say what
    // these headers carry. Dropped here, once, so no emitter validates or sends it.
    if (first) {
      const Node* name = p.Find("name");
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecParamIgnored,
                              .loc = name != nullptr ? name->loc() : p.loc(),
                              .message = "header parameter `" + param.name + "` is ignored: OpenAPI describes the " +
                                         param.name + " header elsewhere",
                              .hint = AsciiLower(param.name) == "authorization"
                                          ? "describe the credentials as a security scheme (`components.securitySchemes`) and a `security` requirement"
                                          : "the media types of `content` say what this header carries",
                              .notes = {}});
    }
    return std::nullopt;
  }
  param.description = Str(p.Find("description"));
  param.required = Bool(p.Find("required")) || param.in == ir::ParamIn::kPath;
  param.deprecated = Bool(p.Find("deprecated"));
  param.allow_empty_value = Bool(p.Find("allowEmptyValue"));
  param.allow_reserved = Bool(p.Find("allowReserved"));
  bool query_or_cookie = param.in == ir::ParamIn::kQuery || param.in == ir::ParamIn::kCookie;
  param.style = p.Find("style") && p.Find("style")->is_string() ? Str(p.Find("style")) : query_or_cookie ? "form" : "simple";
  param.explode = Bool(p.Find("explode"), param.style == "form");
  if (first) {
    CheckParamStyle(p, param);
    if (param.in == ir::ParamIn::kPath && !Bool(p.Find("required"))) {
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecFieldValue,
                              .loc = p.Find("required") ? p.Find("required")->loc() : p.loc(),
                              .message = "path parameter `" + param.name + "` must have `required: true`; specc treats it as required",
                              .hint = "a path parameter is always present in the URL", .notes = {}});
    }
    bool has_schema = p.Find("schema") != nullptr, has_content = p.Find("content") != nullptr;
    if (has_schema == has_content) {
      sink_.Report(has_schema ? DiagCode::kSpecFieldConflict : DiagCode::kSpecFieldMissing, p.loc(),
                   "parameter `" + param.name + "` needs exactly one of `schema` and `content`");
    }
  }
  if (const Node* schema = p.Find("schema")) {
    param.schema = SchemaFor(*target->doc, *schema);
  } else if (const Node* content = p.Find("content"); content != nullptr && content->is_map()) {
    std::vector<ir::MediaType> media = LowerContent(*target->doc, *content);
    if (first && content->size != 1) {
      sink_.Report(DiagCode::kSpecFieldValue, content->loc(),
                   "a parameter's `content` must hold exactly one media type");
    }
    if (!media.empty()) {
      param.content_type = media[0].media_type;
      param.schema = media[0].schema;
    }
  }
  param.examples = LowerExamples(*target->doc, p);
  return param;
}

std::vector<ir::Example> Lowerer::LowerExamples(const Document& doc, const Node& owner) {
  std::vector<ir::Example> out;
  if (const Node* example = owner.Find("example")) out.push_back(ir::Example{{}, spec::ToJson(*example), {}});
  if (const Node* examples = owner.Find("examples"); examples != nullptr && examples->is_map()) {
    for (const Member& m : MembersOf(*examples)) {
      std::optional<RefTarget> target = Deref(doc, m.value);
      if (!target) continue;
      CheckExample(*target->node);
      const Node* value = target->node->Find("value");
      out.push_back(ir::Example{std::string(m.key()), value ? spec::ToJson(*value) : std::string(),
                                Str(target->node->Find("summary"))});
    }
  }
  return out;
}

void Lowerer::CheckExample(const Node& node) {
  if (!FirstVisit(node, kVisitExample)) return;
  if (!CheckFields(node, rules::kExample, version_, sink_)) return;
  if (node.Find("value") != nullptr && node.Find("externalValue") != nullptr) {
    sink_.Report(DiagCode::kSpecFieldConflict, node.FindMember("externalValue")->key_loc(),
                 "`value` and `externalValue` exclude each other", "keep one of them");
  }
}

std::vector<ir::MediaType> Lowerer::LowerContent(const Document& written_in, const Node& written) {
  std::vector<ir::MediaType> out;
  std::optional<RefTarget> content = Through(written_in, written, RefPosition::kContent);
  if (!content || !content->node->is_map()) return out;
  for (const Member& entry : MembersOf(*content->node)) {
    std::optional<RefTarget> target = Through(*content->doc, entry.value, RefPosition::kMediaType);
    if (!target) continue;
    const Document& doc = *target->doc;
    const Node& value = *target->node;
    if (!CheckFields(value, rules::kMediaType, version_, sink_)) continue;
    ir::MediaType media{std::string(entry.key()), ir::kNoSchema, {}, value.loc(), {}};
    if (const Node* schema = value.Find("schema")) media.schema = SchemaFor(doc, *schema);
    if (value.Find("example") != nullptr && value.Find("examples") != nullptr) {
      sink_.Report(DiagCode::kSpecFieldConflict, value.FindMember("examples")->key_loc(),
                   "`example` and `examples` exclude each other", "keep one of them");
    }
    media.examples = LowerExamples(doc, value);
    if (const Node* encoding = value.Find("encoding"); encoding != nullptr && encoding->is_map()) {
      for (const Member& e : MembersOf(*encoding)) {
        if (!CheckFields(e.value, rules::kEncoding, version_, sink_)) continue;
        if (const Node* headers = e.value.Find("headers"); headers != nullptr && headers->is_map()) {
          for (const Member& h : MembersOf(*headers)) LowerHeader(doc, h.value, std::string(h.key()));
        }
        ir::Encoding enc{std::string(e.key()), Str(e.value.Find("contentType")), Str(e.value.Find("style")),
                         std::nullopt, Bool(e.value.Find("allowReserved")), e.value.loc()};
        if (const Node* explode = e.value.Find("explode"); explode != nullptr && explode->kind == spec::NodeKind::kBool) {
          enc.explode = explode->is_true();
        }
        media.encoding.push_back(std::move(enc));
      }
    }
    out.push_back(std::move(media));
  }
  return out;
}

std::optional<ir::RequestBody> Lowerer::LowerRequestBody(const Document& doc, const Node& node) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target) return std::nullopt;
  const Node& b = *target->node;
  if (FirstVisit(b, kVisitBody) && !CheckFields(b, rules::kRequestBody, version_, sink_)) return std::nullopt;
  if (!b.is_map()) return std::nullopt;
  ir::RequestBody body{Str(b.Find("description")), Bool(b.Find("required")), {}, b.loc()};
  if (const Node* content = b.Find("content"); content != nullptr && content->is_map()) {
    body.content = LowerContent(*target->doc, *content);
  }
  return body;
}

std::optional<ir::Header> Lowerer::LowerHeader(const Document& doc, const Node& node, const std::string& name) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target) return std::nullopt;
  const Node& h = *target->node;
  bool first = FirstVisit(h, kVisitHeader);
  if (first && !CheckFields(h, rules::kHeader, version_, sink_)) return std::nullopt;
  if (!h.is_map()) return std::nullopt;
  ir::Header header{name, Str(h.Find("description")), Bool(h.Find("required")), Bool(h.Find("deprecated")),
                    ir::kNoSchema, h.loc()};
  if (first) {
    if (const Node* style = h.Find("style"); style != nullptr && style->is_string() && style->text() != "simple") {
      sink_.Report(DiagCode::kSpecFieldValue, style->loc(), "a header's style must be `simple`");
    }
    if (h.Find("example") != nullptr && h.Find("examples") != nullptr) {
      sink_.Report(DiagCode::kSpecFieldConflict, h.FindMember("examples")->key_loc(),
                   "`example` and `examples` exclude each other", "keep one of them");
    }
  }
  if (const Node* schema = h.Find("schema")) {
    header.schema = SchemaFor(*target->doc, *schema);
  } else if (const Node* content = h.Find("content"); content != nullptr && content->is_map()) {
    std::vector<ir::MediaType> media = LowerContent(*target->doc, *content);
    if (!media.empty()) header.schema = media[0].schema;
  }
  return header;
}

void Lowerer::CheckLink(const Document& doc, const Node& node) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target || !FirstVisit(*target->node, kVisitLink)) return;
  if (!CheckFields(*target->node, rules::kLink, version_, sink_)) return;
  const Node& link = *target->node;
  if ((link.Find("operationId") != nullptr) == (link.Find("operationRef") != nullptr)) {
    sink_.Report(link.Find("operationId") ? DiagCode::kSpecFieldConflict : DiagCode::kSpecFieldMissing, link.loc(),
                 "a Link Object needs exactly one of `operationId` and `operationRef`");
  }
  if (const Node* server = link.Find("server")) CheckFields(*server, rules::kServer, version_, sink_);
}

// A link by `operationId` with its parameters (expressions kept as text); links by
// `operationRef` are checked, not lowered: nothing uses them yet.
std::optional<ir::Link> Lowerer::LowerLink(const Document& doc, const Node& node, std::string name) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target || !target->node->is_map()) return std::nullopt;
  const Node* operation_id = target->node->Find("operationId");
  if (operation_id == nullptr || !operation_id->is_string()) return std::nullopt;
  ir::Link link{std::move(name), Str(operation_id), {}};
  if (const Node* params = target->node->Find("parameters"); params != nullptr && params->is_map()) {
    for (const Member& p : MembersOf(*params)) {
      if (p.value.is_string()) link.parameters.emplace_back(std::string(p.key()), Str(&p.value));
    }
  }
  return link;
}

std::optional<ir::Response> Lowerer::LowerResponse(const Document& doc, const Node& node,
                                                   const std::string& status) {
  std::optional<RefTarget> target = Deref(doc, node);
  if (!target) return std::nullopt;
  const Node& r = *target->node;
  bool first = FirstVisit(r, kVisitResponse);
  if (first && !CheckFields(r, rules::kResponse, version_, sink_)) return std::nullopt;
  if (!r.is_map()) return std::nullopt;
  ir::Response response{status, Str(r.Find("description")), {}, {}, r.loc(), {}};
  if (const Node* headers = r.Find("headers"); headers != nullptr && headers->is_map()) {
    for (const Member& h : MembersOf(*headers)) {
      if (auto header = LowerHeader(*target->doc, h.value, std::string(h.key()))) response.headers.push_back(std::move(*header));
    }
  }
  if (const Node* content = r.Find("content"); content != nullptr && content->is_map()) {
    response.content = LowerContent(*target->doc, *content);
  }
  if (const Node* links = r.Find("links"); links != nullptr && links->is_map()) {
    for (const Member& l : MembersOf(*links)) {
      if (first) CheckLink(*target->doc, l.value);
      if (auto link = LowerLink(*target->doc, l.value, std::string(l.key()))) response.links.push_back(std::move(*link));
    }
  }
  return response;
}

void Lowerer::LowerComponents(const Document& doc, const Node& components) {
  // Objects reached from operations were checked there; these calls check the rest, so a
  // broken component is reported even when nothing uses it yet.
  auto each = [&](const char* field, auto&& fn) {
    const Node* written = components.Find(field);
    if (written == nullptr || !written->is_map()) return;
    std::optional<RefTarget> group = Through(doc, *written, RefPosition::kComponentsGroup);
    if (!group || !group->node->is_map()) return;
    for (const Member& m : MembersOf(*group->node)) {
      static constexpr std::string_view kNameChars =
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";
      if (m.key().empty() || m.key().find_first_not_of(kNameChars) != std::string_view::npos) {
        sink_.Report(DiagCode::kSpecFieldValue, m.key_loc(),
                     "component name `" + std::string(m.key()) + "` may only hold letters, digits, `.`, `-` and `_`");
      }
      fn(*group->doc, m);
    }
  };
  each("parameters", [&](const Document& d, const Member& m) { LowerParameter(d, m.value); });
  each("responses", [&](const Document& d, const Member& m) { LowerResponse(d, m.value, "default"); });
  each("requestBodies", [&](const Document& d, const Member& m) { LowerRequestBody(d, m.value); });
  each("headers", [&](const Document& d, const Member& m) { LowerHeader(d, m.value, std::string(m.key())); });
  each("examples", [&](const Document& d, const Member& m) {
    if (auto t = Deref(d, m.value)) CheckExample(*t->node);
  });
  each("links", [&](const Document& d, const Member& m) { CheckLink(d, m.value); });
  each("callbacks", [&](const Document& d, const Member& m) {
    // Checked, not lowered: a component callback becomes an operation only where used.
    if (auto t = Deref(d, m.value); t && t->node->is_map()) {
      for (const Member& expr : MembersOf(*t->node)) {
        if (auto item = Deref(*t->doc, expr.value); item && FirstVisit(*item->node, kVisitCallback)) {
          CheckFields(*item->node, rules::kPathItem, version_, sink_);
        }
      }
    }
  });
  each("pathItems", [&](const Document& d, const Member& m) {
    if (auto t = Deref(d, m.value); t && FirstVisit(*t->node, kVisitPathItem)) {
      CheckFields(*t->node, rules::kPathItem, version_, sink_);
    }
  });
}

}  // namespace specc::openapi
