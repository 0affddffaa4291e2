// How an operation's path parameters meet the template of its path key (issue #15 item 4).
// OpenAPI ties them by name: every `{name}` of the template is a parameter declared
// `in: path`, and every such parameter occurs in the template. Real documents break the
// tie in a few ways; for each, what specc generates must either follow the one clear
// reading, or the document is refused because any generated code would be wrong:
//
//   `{id}` with no parameter `id`         a required string `id` (SPEC_PATH_PARAM_UNDECLARED)
//   `{id}` declared as `ID`               one parameter, spelled as the template spells it
//                                         (SPEC_PATH_PARAM_CASE)
//   a path parameter the template lacks   left out: no request can carry it
//                                         (SPEC_PATH_PARAM_UNUSED)
//   `?q={q}` with `q` declared in query   the query parameter `q`, written into the key
//   `?period={flag}` with `flag` or       refused: the key and the declarations send the
//     `period` declared in query          value under different names (SPEC_PATH_QUERY_CONFLICT)
#include <algorithm>

#include "base/ascii.h"
#include "openapi/lowerer.h"

namespace specc::openapi {
namespace {

// A `key=value` pair of the query string written into a path key, when its value is one
// whole `{name}` (`period={flag}`); pairs with literal values or a templated key
// (`{search}=1`) send nothing a declaration could contradict.
struct KeyQueryParam {
  std::string key;
  std::string name;
};

std::vector<KeyQueryParam> KeyQueryParams(const std::string& query) {
  std::vector<KeyQueryParam> out;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) {
      std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
      bool one_name = value.size() > 2 && value.front() == '{' && value.back() == '}' &&
                      value.find_first_of("{}", 1) == value.size() - 1;
      if (one_name && key.find_first_of("{}") == std::string::npos && !key.empty()) {
        out.push_back({key, value.substr(1, value.size() - 2)});
      }
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

// The `{name}`s of `text` in order, without repeats.
std::vector<std::string> TemplateNames(const std::string& text) {
  std::vector<std::string> names;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    size_t close = text.find_first_of("{}", open + 1);
    if (close == std::string::npos || text[close] != '}') continue;
    std::string name = text.substr(open + 1, close - open - 1);
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

ir::Parameter* FindParam(ir::Operation& op, ir::ParamIn in, const std::string& name) {
  for (ir::Parameter& p : op.parameters) {
    if (p.in == in && p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace

void Lowerer::CheckPathTemplate(ir::Operation& op, const std::string& path, Loc loc) {
  size_t query_at = path.find('?');
  if (query_at != std::string::npos) {
    sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathTemplate, .loc = loc,
                            .message = "path `" + path + "` holds a query string",
                            .hint = "declare query parameters with `in: query`; specc routes the path before `?` and reads the parameters named after it from the query",
                            .notes = {}});
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < std::min(query_at, path.size()); ++i) {
    if (path[i] == '}') {
      sink_.Report(DiagCode::kSpecPathTemplate, loc, "unbalanced `}` in path `" + path + "`");
      return;
    }
    if (path[i] != '{') continue;
    size_t close = path.find_first_of("{}", i + 1);
    if (close == std::string::npos || path[close] != '}') {
      sink_.Report(DiagCode::kSpecPathTemplate, loc, "unclosed `{` in path `" + path + "`");
      return;
    }
    std::string name = path.substr(i + 1, close - i - 1);
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathTemplate, .loc = loc,
                              .message = "path `" + path + "` uses `{" + name + "}` twice",
                              .hint = "both places take the same value", .notes = {}});
    }
    names.push_back(name);
    i = close;
  }
  // Names in a query string written into the path key are template names too (clicksend's
  // `/export?filename={filename}`): sema sends and reads them as query parameters.
  std::string query = query_at == std::string::npos ? std::string() : path.substr(query_at + 1, path.find('#', query_at) - query_at - 1);
  for (const std::string& name : TemplateNames(query)) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  auto in_template = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  std::string who = op.operation_id.empty() ? std::string("the operation") : "operation `" + op.operation_id + "`";

  // Spelled differently only in case: one parameter, when neither side has another match.
  for (ir::Parameter& p : op.parameters) {
    if (p.in != ir::ParamIn::kPath || in_template(p.name)) continue;
    std::string folded = AsciiLower(p.name);
    std::vector<std::string> matches;
    for (const std::string& name : names) {
      if (AsciiLower(name) == folded && FindParam(op, ir::ParamIn::kPath, name) == nullptr) matches.push_back(name);
    }
    size_t rivals = std::count_if(op.parameters.begin(), op.parameters.end(), [&](const ir::Parameter& q) {
      return q.in == ir::ParamIn::kPath && AsciiLower(q.name) == folded;
    });
    if (matches.size() != 1 || rivals != 1) continue;
    sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathParamCase, .loc = p.loc,
                            .message = "path parameter `" + p.name + "` is written `{" + matches.front() + "}` in path `" + path +
                                       "`; specc reads them as one parameter `" + matches.front() + "`",
                            .hint = "parameter names are case-sensitive: spell both `" + matches.front() + "`", .notes = {}});
    p.name = matches.front();
  }

  // A value the key sends under one query name and a declaration under another: a server
  // generated from either reading refuses the requests of the other.
  bool conflict = false;
  for (const KeyQueryParam& pair : KeyQueryParams(query)) {
    if (FindParam(op, ir::ParamIn::kPath, pair.name) != nullptr && pair.key == pair.name) continue;
    const ir::Parameter* as_query = FindParam(op, ir::ParamIn::kQuery, pair.name);
    const ir::Parameter* under_key = FindParam(op, ir::ParamIn::kQuery, pair.key);
    const ir::Parameter* clash = pair.key == pair.name ? nullptr
                                 : FindParam(op, ir::ParamIn::kPath, pair.name) == nullptr && as_query != nullptr ? as_query
                                                                                                             : under_key;
    if (clash == nullptr) continue;
    conflict = true;
    Diagnostic d{.severity = Severity::kError, .code = DiagCode::kSpecPathQueryConflict, .loc = loc,
                 .message = clash == as_query
                                ? "path `" + path + "` sends `{" + pair.name + "}` as the query parameter `" + pair.key + "`, but " + who +
                                      " declares `" + pair.name + "` as a query parameter named `" + pair.name + "`"
                                : "path `" + path + "` sends `{" + pair.name + "}` as the query parameter `" + pair.key + "`, which " + who +
                                      " also declares",
                 .hint = clash == as_query ? "drop `" + pair.key + "={" + pair.name + "}` from the path, or rename the parameter `" + pair.key + "`"
                                           : "drop `" + pair.key + "={" + pair.name + "}` from the path and keep the query parameter `" + pair.key + "`",
                 .notes = {}};
    d.notes.push_back(Diagnostic{.severity = Severity::kNote, .code = DiagCode::kSpecPathQueryConflict, .loc = clash->loc,
                                 .message = "the query parameter is declared here", .hint = {}, .notes = {}});
    sink_.Report(std::move(d));
  }
  if (conflict) return;

  // `?q={q}` naming a query parameter `q`: the parameter, written into the key. It becomes
  // the key's parameter, so that it is sent once, where the key puts it.
  for (const KeyQueryParam& pair : KeyQueryParams(query)) {
    if (pair.key != pair.name || FindParam(op, ir::ParamIn::kPath, pair.name) != nullptr) continue;
    if (ir::Parameter* q = FindParam(op, ir::ParamIn::kQuery, pair.name)) {
      q->in = ir::ParamIn::kPath;
      q->required = true;
      q->style = "simple";
      q->explode = false;
    }
  }

  for (const std::string& name : names) {
    if (FindParam(op, ir::ParamIn::kPath, name) != nullptr) continue;
    // A warning, not an error: the reading is clear (a required string), and OAI's own
    // schema-valid examples (pass/operation-object-example.yaml) have this mistake. The
    // parameter is added, so that every emitter validates, hands and sends it as one.
    sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathParamUndeclared, .loc = loc, .message =
                 "path `" + path + "` has `{" + name + "}` but " +
                     (op.operation_id.empty() ? std::string("no") : "operation `" + op.operation_id + "` declares no") +
                     " path parameter `" + name + "`; specc reads it as a required string",
                 .hint = "add a parameter with `name: " + name + "`, `in: path` and `required: true`", .notes = {}});
    ir::SchemaId schema = static_cast<ir::SchemaId>(api_.schemas.size());
    api_.schemas.emplace_back();
    api_.schemas[schema].types = {"string"};
    api_.schemas[schema].loc = loc;
    op.parameters.push_back(ir::Parameter{.name = name, .in = ir::ParamIn::kPath, .description = {}, .required = true,
                                          .deprecated = false, .allow_empty_value = false, .allow_reserved = false,
                                          .style = "simple", .explode = false, .schema = schema, .content_type = {},
                                          .examples = {}, .loc = loc});
  }

  // A path parameter the template does not name can never be sent: the one clear reading
  // is that the operation does not have it, so it leaves the IR here and no emitter
  // requires or sends it.
  std::erase_if(op.parameters, [&](const ir::Parameter& p) {
    if (p.in != ir::ParamIn::kPath || in_template(p.name)) return false;
    sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecPathParamUnused, .loc = p.loc,
                            .message = "path parameter `" + p.name + "` does not occur in path `" + path +
                                       "`; specc leaves it out, since no request can carry it",
                            .hint = "add `{" + p.name + "}` to the path or change `in`", .notes = {}});
    return true;
  });
}

}  // namespace specc::openapi
