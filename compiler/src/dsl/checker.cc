#include "dsl/checker.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/ascii.h"
#include "base/diagnostic.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/utf8.h"
#include "dsl/catalog.h"

namespace specc::dsl {
namespace {

using ast::Member;
using ast::Value;

std::string Q(std::string_view text) { return "`" + std::string(text) + "`"; }

constexpr int kMinTtlHours = 24;
constexpr int kMaxTtlHours = 168;
constexpr int kMaxPreviews = 15;

// How many candidates all "did you mean" searches of one file may compare together; past
// it hints only list names. A hostile file's thousands of unknown names among thousands
// of declared ones would otherwise cost their product.
constexpr uint64_t kSuggestionBudget = 2'000'000;

// Returns a hint for the unknown `word`: "did you mean `x`?" when one of `candidates` is
// close, else "<what>: a, b, c". Takes the comparisons from `*budget`.
std::string SuggestionHint(std::string_view word, const std::vector<std::string_view>& candidates,
                           std::string_view what, uint64_t* budget) {
  if (*budget >= candidates.size()) {
    *budget -= candidates.size();
    std::string_view close = ClosestMatch(word, candidates);
    if (!close.empty()) return "did you mean " + Q(close) + "?";
  }
  if (candidates.empty()) return {};
  return std::string(what) + ": " + JoinNames(candidates);
}

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// 8-4-4-4-12 hex digits.
bool IsUuidShape(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

// MAJOR.MINOR.PATCH with an optional -prerelease, as semver writes it.
bool IsVersion(std::string_view s) {
  size_t dash = s.find('-');
  std::string_view core = s.substr(0, dash);
  if (dash != std::string_view::npos && dash + 1 >= s.size()) return false;
  int parts = 0;
  size_t i = 0;
  while (i <= core.size()) {
    size_t j = core.find('.', i);
    if (j == std::string_view::npos) j = core.size();
    std::string_view part = core.substr(i, j - i);
    if (part.empty() || part.size() > 9) return false;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
    }
    if (part.size() > 1 && part[0] == '0') return false;
    ++parts;
    i = j + 1;
  }
  return parts == 3;
}

bool IsEnvVarName(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Whether an example given for a secret looks like a real credential rather than a
// placeholder. Errs on the side of "real": a leaked token in a committed spec is worse
// than asking for `<your token>`.
bool LooksLikeRealSecret(std::string_view value) {
  std::string lower = AsciiLower(value);
  static const std::vector<std::string_view> kPlaceholderMarks = {
      "<", ">", "...", "xxx", "***", "example", "your", "placeholder", "changeme", "change-me",
      "replace", "dummy", "fake", "redacted", "todo", "sample", "${", "password", "localhost",
      "secret"};
  for (std::string_view mark : kPlaceholderMarks) {
    if (lower.find(mark) != std::string::npos) return false;
  }
  static const std::vector<std::string_view> kTokenPrefixes = {
      "ghp_", "gho_", "ghs_", "github_pat_", "sk_live_", "sk_test_", "rk_live_", "sk-",
      "xoxb-", "xoxp-", "akia", "pmak-", "eyj", "npm_", "glpat-"};
  if (value.size() >= 16) {
    for (std::string_view prefix : kTokenPrefixes) {
      if (lower.rfind(prefix, 0) == 0) return true;
    }
  }
  // scheme://user:pass@host with a password that is not a placeholder.
  size_t scheme = value.find("://");
  size_t at = value.find('@');
  if (scheme != std::string_view::npos && at != std::string_view::npos && at > scheme &&
      value.substr(scheme + 3, at - scheme - 3).find(':') != std::string_view::npos) {
    return true;
  }
  if (value.size() < 20 || value.find(' ') != std::string_view::npos) return false;
  int digits = 0;
  int letters = 0;
  for (char c : value) {
    if (c >= '0' && c <= '9') ++digits;
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) ++letters;
  }
  return digits >= 2 && letters >= 2;
}

struct Duration {
  bool ok = false;
  uint64_t seconds = 0;
};

class Checker {
 public:
  Checker(const Fs& fs, std::string_view spec_dir, DiagSink& sink)
      : fs_(fs), spec_dir_(spec_dir), sink_(sink) {}

  ir::Project Run(const ast::File& file) {
    project_.name = file.project_name.text;
    project_.loc = file.loc;
    if (project_.name.empty()) {
      Report(DiagCode::kDslInvalidValue, file.project_name.loc, "the project name is empty",
             "write `project \"my-api\" {`");
    }
    CheckTopLevelFields(file);
    // Environments first: every override anywhere refers to them.
    CheckEnvironments(file);
    for (const ast::Decl& decl : file.decls) {
      switch (decl.kind) {
        case ast::Decl::Kind::kEnvironments: break;
        case ast::Decl::Kind::kPreview: CheckPreview(decl); break;
        case ast::Decl::Kind::kService: CheckService(decl); break;
        case ast::Decl::Kind::kResource: CheckResource(decl); break;
        case ast::Decl::Kind::kEnv: CheckEnvVar(decl); break;
        case ast::Decl::Kind::kIntegration: CheckIntegration(decl); break;
      }
    }
    // References may point forward, so they are resolved once everything is declared.
    ResolveReferences();
    AddImplicitIntegrations();
    return std::move(project_);
  }

  // "Did you mean" comparisons made, and names and index entries built.
  uint64_t work() const { return (kSuggestionBudget - suggestion_budget_) + built_; }

 private:
  // A reference to check once every declaration has been seen.
  struct PendingSource {
    size_t env_index;
    std::optional<size_t> override_index;
    const Value* value;
  };

  void Report(DiagCode code, Loc loc, std::string message, std::string hint = {}) {
    sink_.Report(code, loc, std::move(message), std::move(hint));
  }

  void ReportDuplicate(Loc loc, Loc first, std::string message) {
    Diagnostic d{.severity = DefaultSeverity(DiagCode::kDslDuplicateName),
                 .code = DiagCode::kDslDuplicateName,
                 .loc = loc,
                 .message = std::move(message),
                 .hint = {},
                 .notes = {}};
    d.notes.push_back(Diagnostic{.severity = Severity::kNote,
                                 .code = DiagCode::kDslDuplicateName,
                                 .loc = first,
                                 .message = "first declared here",
                                 .hint = {},
                                 .notes = {}});
    sink_.Report(std::move(d));
  }

  // Returns the members of a block with duplicates reported and dropped, so each key is
  // seen once. `where` names the block in messages ("resource `db`").
  std::vector<const Member*> Unique(const std::vector<Member>& members, std::string_view where) {
    std::vector<const Member*> out;
    std::map<std::string, Loc> seen;
    for (const Member& m : members) {
      std::string key = m.key.text;
      // `secret` and `secret = true` set the same thing.
      auto [it, inserted] = seen.emplace(key, m.key.loc);
      if (!inserted) {
        std::string message = m.kind == Member::Kind::kOverride
                                  ? "environment " + Q(key) + " has two override blocks in " +
                                        std::string(where)
                                  : Q(key) + " is set twice in " + std::string(where);
        ReportDuplicate(m.key.loc, it->second, std::move(message));
        continue;
      }
      out.push_back(&m);
    }
    return out;
  }

  void UnknownField(const Member& m, std::string_view where,
                    const std::vector<std::string_view>& known) {
    std::string what = m.kind == Member::Kind::kFlag ? "flag " : "field ";
    Report(DiagCode::kDslUnknownField, m.key.loc,
           "unknown " + what + Q(m.key.text) + " in " + std::string(where),
           SuggestionHint(m.key.text, known, "it has", &suggestion_budget_));
  }

  // Reports `m` when it is not a `key = value` field; returns whether it is one.
  bool ExpectField(const Member& m, std::string_view where) {
    if (m.kind == Member::Kind::kField) return true;
    Report(DiagCode::kDslInvalidValue, m.key.loc,
           Q(m.key.text) + " needs a value in " + std::string(where),
           "write `" + m.key.text + " = ...`");
    return false;
  }

  // The text of a single value (string, number, duration or name); reports lists and
  // calls.
  std::optional<std::string> Scalar(const Member& m) {
    const Value& v = m.value;
    if (v.kind == Value::Kind::kList || v.kind == Value::Kind::kCall) {
      Report(DiagCode::kDslInvalidValue, v.loc, Q(m.key.text) + " takes a single value",
             v.kind == Value::Kind::kList ? "remove the brackets" : "");
      return std::nullopt;
    }
    return v.text;
  }

  std::optional<std::string> StringValue(const Member& m, std::string_view example) {
    if (m.value.kind != Value::Kind::kString) {
      Report(DiagCode::kDslInvalidValue, m.value.loc, Q(m.key.text) + " must be a string",
             "write `" + m.key.text + " = \"" + std::string(example) + "\"`");
      return std::nullopt;
    }
    return m.value.text;
  }

  std::optional<bool> BoolValue(const Member& m) {
    if (m.kind == Member::Kind::kFlag) return true;
    if (m.value.kind == Value::Kind::kName && (m.value.text == "true" || m.value.text == "false")) {
      return m.value.text == "true";
    }
    Report(DiagCode::kDslInvalidValue, m.value.loc, Q(m.key.text) + " must be `true` or `false`",
           "or write the flag alone: `" + m.key.text + "`");
    return std::nullopt;
  }

  std::optional<int64_t> WholeNumber(const Value& v) {
    if (v.kind != Value::Kind::kNumber) return std::nullopt;
    std::string_view t = v.text;
    bool negative = !t.empty() && t[0] == '-';
    if (negative) t.remove_prefix(1);
    if (t.empty() || t.size() > 9) return std::nullopt;
    int64_t n = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + (c - '0');
    }
    return negative ? -n : n;
  }

  bool IsEnvironment(std::string_view name) {
    const std::vector<std::string_view>& names = EnvironmentNames();
    if (environment_set_from_ != names.size()) {
      environment_set_ = {names.begin(), names.end()};
      environment_set_from_ = names.size();
      built_ += names.size();
    }
    return environment_set_.count(name) > 0;
  }

  // Returns the names of `declared` (environments, resources), kept in `*names` and
  // rebuilt only when declarations were added: a file may hold thousands of them and ask
  // for them once per reference.
  template <typename Declared>
  const std::vector<std::string_view>& NamesOf(const std::vector<Declared>& declared,
                                               std::vector<std::string_view>* names) {
    if (names->size() != declared.size()) {
      names->clear();
      for (const Declared& d : declared) names->push_back(d.name);
      built_ += names->size();
    }
    return *names;
  }

  const std::vector<std::string_view>& EnvironmentNames() { return NamesOf(project_.environments, &environment_names_); }

  // Reports an override block for an environment that is not declared; returns whether
  // the environment exists.
  bool CheckOverrideEnvironment(const Member& m, std::string_view where) {
    if (IsEnvironment(m.key.text)) return true;
    Report(DiagCode::kDslUnknownEnvironment, m.key.loc,
           "override for unknown environment " + Q(m.key.text) + " in " + std::string(where),
           SuggestionHint(m.key.text, EnvironmentNames(), "the environments are", &suggestion_budget_));
    return false;
  }

  // ---- project ----

  void CheckTopLevelFields(const ast::File& file) {
    static const std::vector<std::string_view> kKnown = {"id", "version", "constitution"};
    const Member* id = nullptr;
    const Member* version = nullptr;
    const Member* constitution = nullptr;
    for (const Member* m : Unique(file.fields, "`project`")) {
      if (m->key.text == "id") {
        id = m;
      } else if (m->key.text == "version") {
        version = m;
      } else if (m->key.text == "constitution") {
        constitution = m;
      } else {
        UnknownField(*m, "`project`", kKnown);
      }
    }
    std::string where = "project " + Q(project_.name);
    if (id == nullptr) {
      Report(DiagCode::kDslMissingField, file.loc, where + " has no `id`",
             "add `id = \"<uuid>\"` with a UUID v4; `uuidgen -r` makes one");
    } else if (std::optional<std::string> text = StringValue(*id, "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10")) {
      CheckUuid(*text, id->value.loc);
    }
    CheckVersionField(version, "version", where, file.loc, project_.version);
    CheckVersionField(constitution, "constitution", where, file.loc, project_.constitution);
  }

  void CheckUuid(const std::string& text, Loc loc) {
    if (!IsUuidShape(text)) {
      Report(DiagCode::kDslInvalidUuid, loc, "project id " + Q(text) + " is not a UUID",
             "write 32 hex digits as 8-4-4-4-12, e.g. `3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10`; "
             "`uuidgen -r` makes one");
      return;
    }
    std::string lower = AsciiLower(text);
    if (lower[14] != '4' || std::string_view("89ab").find(lower[19]) == std::string_view::npos) {
      Report(DiagCode::kDslInvalidUuid, loc,
             "project id " + Q(text) + " is not a version 4 (random) UUID",
             "its 13th digit must be `4` and its 17th one of `8`, `9`, `a`, `b`; "
             "`uuidgen -r` makes one");
      return;
    }
    project_.id = lower;
  }

  void CheckVersionField(const Member* m, std::string_view key, const std::string& where,
                         Loc project_loc, std::string& out) {
    if (m == nullptr) {
      Report(DiagCode::kDslMissingField, project_loc, where + " has no " + Q(key),
             "add `" + std::string(key) + " = \"1.0.0\"`");
      return;
    }
    std::optional<std::string> text;
    if (m->value.kind == Value::Kind::kString || m->value.kind == Value::Kind::kNumber) {
      text = m->value.text;
    } else {
      Report(DiagCode::kDslInvalidVersion, m->value.loc, Q(key) + " must be a version string",
             "write `" + std::string(key) + " = \"1.0.0\"`");
      return;
    }
    if (!IsVersion(*text)) {
      Report(DiagCode::kDslInvalidVersion, m->value.loc,
             std::string(key) + " " + Q(*text) + " is not of the form MAJOR.MINOR.PATCH",
             "write e.g. `" + std::string(key) + " = \"1.4.0\"`");
      return;
    }
    out = *text;
  }

  void CheckEnvironments(const ast::File& file) {
    const ast::Decl* first = nullptr;
    for (const ast::Decl& decl : file.decls) {
      if (decl.kind != ast::Decl::Kind::kEnvironments) continue;
      if (first != nullptr) {
        ReportDuplicate(decl.loc, first->loc, "`environments` is declared twice");
        continue;
      }
      first = &decl;
      std::map<std::string, Loc> seen;
      for (const ast::Ident& name : decl.names) {
        auto [it, inserted] = seen.emplace(name.text, name.loc);
        if (!inserted) {
          ReportDuplicate(name.loc, it->second, "environment " + Q(name.text) + " is listed twice");
          continue;
        }
        if (name.text == "all") {
          Report(DiagCode::kDslInvalidValue, name.loc,
                 "`all` cannot be an environment name: the provisioning plan uses it for "
                 "shared resources");
          continue;
        }
        project_.environments.push_back(ir::Environment{name.text, name.loc});
      }
      if (decl.names.empty()) {
        Report(DiagCode::kDslInvalidValue, decl.loc, "`environments` lists no environment",
               "write `environments { dev, staging, prod }`");
      }
    }
    if (first == nullptr) {
      for (std::string_view name : {"dev", "staging", "prod"}) {
        project_.environments.push_back(ir::Environment{std::string(name), file.loc});
      }
    }
  }

  // ---- preview ----

  Duration ParseDuration(const Member& m) {
    const Value& v = m.value;
    if (v.kind == Value::Kind::kNumber) {
      Report(DiagCode::kDslInvalidValue, v.loc, Q(m.key.text) + " needs a unit",
             "write e.g. `" + m.key.text + " = " + v.text + "h` (units: s, m, h, d, w)");
      return {};
    }
    if (v.kind != Value::Kind::kQuantity) {
      Report(DiagCode::kDslInvalidValue, v.loc, Q(m.key.text) + " must be a duration",
             "write e.g. `" + m.key.text + " = 72h` (units: s, m, h, d, w)");
      return {};
    }
    size_t digits = 0;
    while (digits < v.text.size() && v.text[digits] >= '0' && v.text[digits] <= '9') ++digits;
    std::string unit = v.text.substr(digits);
    static const std::map<std::string, uint64_t, std::less<>> kUnits = {
        {"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800}};
    auto it = kUnits.find(unit);
    if (it == kUnits.end()) {
      Report(DiagCode::kDslInvalidValue, v.loc,
             "unknown duration unit " + Q(unit) + " in " + Q(v.text),
             "the units are s, m, h, d and w, e.g. `72h` or `3d`");
      return {};
    }
    // More digits than any sensible duration: out of every range, and safe from overflow.
    if (digits > 9) return Duration{true, UINT64_MAX};
    uint64_t n = std::stoull(v.text.substr(0, digits));
    return Duration{true, n * it->second};
  }

  void CheckPreview(const ast::Decl& decl) {
    if (preview_loc_.known()) {
      ReportDuplicate(decl.loc, preview_loc_, "`preview` is declared twice");
      return;
    }
    preview_loc_ = decl.loc;
    ir::PreviewPolicy& preview = project_.preview;
    preview.declared = true;
    preview.loc = decl.loc;
    static const std::vector<std::string_view> kKnown = {"naming", "ttl", "max"};
    for (const Member* m : Unique(decl.members, "`preview`")) {
      if (m->kind == Member::Kind::kOverride) {
        Report(DiagCode::kDslUnknownField, m->key.loc,
               "`preview` has no per-environment settings",
               "previews are not among the environments; remove the " + Q(m->key.text) + " block");
        continue;
      }
      if (m->key.text == "naming") {
        if (!ExpectField(*m, "`preview`")) continue;
        std::optional<std::string> naming = StringValue(*m, "preview-<branchSlug>");
        if (!naming) continue;
        if (naming->find("<branchSlug>") == std::string::npos) {
          Report(DiagCode::kDslInvalidValue, m->value.loc,
                 "preview naming " + Q(*naming) + " does not contain `<branchSlug>`",
                 "each preview needs its own name; write e.g. `\"preview-<branchSlug>\"`");
          continue;
        }
        preview.naming = *naming;
      } else if (m->key.text == "ttl") {
        if (!ExpectField(*m, "`preview`")) continue;
        Duration d = ParseDuration(*m);
        if (!d.ok) continue;
        if (d.seconds < uint64_t{kMinTtlHours} * 3600 || d.seconds > uint64_t{kMaxTtlHours} * 3600) {
          Report(DiagCode::kDslTtlRange, m->value.loc,
                 "preview TTL " + Q(m->value.text) + " is outside 24h..168h",
                 "previews are archived after 24h to 168h (7 days) without activity; the "
                 "default is 72h");
          continue;
        }
        if (d.seconds % 3600 != 0) {
          Report(DiagCode::kDslInvalidValue, m->value.loc,
                 "preview TTL " + Q(m->value.text) + " is not a whole number of hours");
          continue;
        }
        preview.ttl_hours = static_cast<int>(d.seconds / 3600);
      } else if (m->key.text == "max") {
        if (!ExpectField(*m, "`preview`")) continue;
        std::optional<int64_t> n = WholeNumber(m->value);
        if (!n) {
          Report(DiagCode::kDslInvalidValue, m->value.loc, "`max` must be a whole number",
                 "write e.g. `max = 15`");
          continue;
        }
        if (*n < 1 || *n > kMaxPreviews) {
          Report(DiagCode::kDslPreviewLimit, m->value.loc,
                 "preview `max` " + Q(m->value.text) + " is outside 1..15",
                 "at most 15 previews can be alive at once");
          continue;
        }
        preview.max = static_cast<int>(*n);
      } else {
        UnknownField(*m, "`preview`", kKnown);
      }
    }
  }

  // ---- services ----

  void CheckService(const ast::Decl& decl) {
    const std::string& name = decl.name.text;
    auto [it, inserted] = service_locs_.emplace(name, decl.name.loc);
    if (!inserted) {
      ReportDuplicate(decl.name.loc, it->second, "service " + Q(name) + " is declared twice");
      return;
    }
    std::string where = "service " + Q(name);
    ir::Service service;
    service.name = name;
    service.loc = decl.name.loc;
    static const std::vector<std::string_view> kKnown = {"openapi", "runtime", "deploy"};
    bool has_openapi = false;
    bool has_runtime = false;
    for (const Member* m : Unique(decl.members, where)) {
      if (m->kind == Member::Kind::kOverride || !(m->key.text == "openapi" || m->key.text == "runtime" ||
                                                  m->key.text == "deploy")) {
        if (m->kind == Member::Kind::kOverride) {
          Report(DiagCode::kDslUnknownField, m->key.loc,
                 where + " has no per-environment settings",
                 "put settings that differ per environment on its resources");
        } else {
          UnknownField(*m, where, kKnown);
        }
        continue;
      }
      if (!ExpectField(*m, where)) continue;
      if (m->key.text == "openapi") {
        has_openapi = true;
        std::optional<std::string> path = StringValue(*m, "api/openapi.yaml");
        if (!path) continue;
        CheckOpenapiPath(*path, m->value.loc, name, service);
      } else if (m->key.text == "runtime") {
        has_runtime = true;
        std::optional<std::string> text = Scalar(*m);
        if (!text) continue;
        const RuntimeInfo* runtime = FindRuntime(*text);
        if (runtime == nullptr) {
          std::vector<std::string_view> names;
          for (const RuntimeInfo& r : Runtimes()) names.push_back(r.name);
          Report(DiagCode::kDslInvalidValue, m->value.loc, "unknown runtime " + Q(*text),
                 SuggestionHint(*text, names, "the runtimes are", &suggestion_budget_));
          continue;
        }
        service.runtime = runtime->runtime;
      } else {
        if (m->value.kind != Value::Kind::kName || m->value.path.size() != 1) {
          Report(DiagCode::kDslInvalidValue, m->value.loc,
                 "`deploy` must name a resource declared in this file",
                 "write e.g. `deploy = web` for `resource web : vercel.project { ... }`");
          continue;
        }
        service.deploy = m->value.text;
        pending_deploys_.push_back({project_.services.size(), m->value.loc});
      }
    }
    if (!has_openapi) {
      Report(DiagCode::kDslMissingField, decl.name.loc, where + " has no `openapi`",
             "add `openapi = \"api/openapi.yaml\"`, the path of its OpenAPI document relative "
             "to this file");
    }
    if (!has_runtime) {
      std::vector<std::string_view> names;
      for (const RuntimeInfo& r : Runtimes()) names.push_back(r.name);
      Report(DiagCode::kDslMissingField, decl.name.loc, where + " has no `runtime`",
             "add `runtime = cloudflare.worker` (the runtimes are " + JoinNames(names) + ")");
    }
    project_.services.push_back(std::move(service));
  }

  void CheckOpenapiPath(const std::string& path, Loc loc, const std::string& service_name,
                        ir::Service& service) {
    if (path.empty() || path.front() == '/' || path.find("://") != std::string::npos ||
        (path.size() > 1 && path[1] == ':')) {
      Report(DiagCode::kDslInvalidValue, loc,
             "the OpenAPI file of service " + Q(service_name) + " must be a relative path",
             "write the path relative to this file's directory, e.g. `\"api/openapi.yaml\"`");
      return;
    }
    service.openapi = path;
    service.openapi_path = JoinPath(spec_dir_, path);
    Result<std::string> found = fs_.Canonical(service.openapi_path);
    if (!found.ok() && !ReportIfOutsideRoot(path, found.error(), loc, sink_)) {
      Report(DiagCode::kDslOpenapiNotFound, loc,
             "OpenAPI file " + Q(path) + " of service " + Q(service_name) + " does not exist",
             "the path is relative to the directory of this .specc file");
    }
  }

  // ---- resources ----

  void CheckResource(const ast::Decl& decl) {
    const std::string& name = decl.name.text;
    auto [it, inserted] = resource_locs_.emplace(name, decl.name.loc);
    if (!inserted) {
      ReportDuplicate(decl.name.loc, it->second, "resource " + Q(name) + " is declared twice");
      return;
    }
    std::string where = "resource " + Q(name);
    const ResourceTypeInfo* type = FindResourceType(decl.type.text);
    if (type == nullptr) {
      std::vector<std::string_view> names;
      for (const ResourceTypeInfo& t : ResourceTypes()) names.push_back(t.name);
      std::string_view close = ClosestMatch(decl.type.text, names);
      Report(DiagCode::kDslUnknownResource, decl.type.loc,
             "unknown resource type " + Q(decl.type.text),
             (close.empty() ? "" : "did you mean " + Q(close) + "? ") + "known types: " +
                 JoinNames(names));
      // Remembered without a type so that references to it are not reported again.
      unknown_type_resources_.insert(name);
      return;
    }
    ir::Resource resource;
    resource.name = name;
    resource.type = type->type;
    resource.per_environment = type->per_environment_by_default;
    resource.loc = decl.name.loc;
    std::vector<std::string_view> known;
    for (const SettingInfo& s : type->settings) known.push_back(s.key);
    known.push_back("existing");
    std::vector<std::string_view> known_with_flags = known;
    known_with_flags.push_back("shared");
    known_with_flags.push_back("per environment");
    if (type->type == ir::ResourceType::kNeonPostgres) {
      known_with_flags.push_back("branch per environment");
    }
    const Member* shared = nullptr;
    const Member* per_environment = nullptr;
    const Member* branch = nullptr;
    for (const Member* m : Unique(decl.members, where)) {
      if (m->kind == Member::Kind::kOverride) {
        if (!CheckOverrideEnvironment(*m, where)) continue;
        ir::ResourceOverride o;
        o.environment = m->key.text;
        o.loc = m->key.loc;
        std::string override_where = "the " + Q(m->key.text) + " settings of " + where;
        for (const Member* om : Unique(m->members, override_where)) {
          if (om->kind == Member::Kind::kFlag) {
            Report(DiagCode::kDslUnknownField, om->key.loc,
                   Q(om->key.text) + " cannot differ per environment",
                   "set it on the resource itself");
            continue;
          }
          if (om->key.text == "existing") {
            if (std::optional<std::string> v = Scalar(*om)) o.settings.push_back({"existing", *v, om->key.loc});
            continue;
          }
          if (std::optional<ir::Setting> s = Setting(*type, *om, override_where, known)) {
            o.settings.push_back(std::move(*s));
          }
        }
        resource.overrides.push_back(std::move(o));
        continue;
      }
      if (m->kind == Member::Kind::kFlag) {
        std::string_view flag = m->key.text;
        if (flag == "shared") {
          shared = m;
        } else if (flag == "per environment") {
          per_environment = m;
        } else if (flag == "branch per environment" &&
                   type->type == ir::ResourceType::kNeonPostgres) {
          branch = m;
        } else if (flag == "branch per environment") {
          Report(DiagCode::kDslUnknownField, m->key.loc,
                 "`branch per environment` applies to `neon.postgres` only, not to " +
                     Q(type->name),
                 "write `per environment` for one " + std::string(type->name) +
                     " per environment");
        } else {
          UnknownField(*m, where, known_with_flags);
        }
        continue;
      }
      if (m->key.text == "existing") {
        if (std::optional<std::string> v = Scalar(*m)) resource.existing = *v;
        continue;
      }
      if (std::optional<ir::Setting> s = Setting(*type, *m, where, known_with_flags)) {
        resource.settings.push_back(std::move(*s));
      }
    }
    if (shared != nullptr && (per_environment != nullptr)) {
      Report(DiagCode::kDslConflict, per_environment->key.loc,
             "resource " + Q(name) + " is both `shared` and `per environment`",
             "keep one of them");
    } else if (per_environment != nullptr && branch != nullptr) {
      Report(DiagCode::kDslConflict, per_environment->key.loc,
             "resource " + Q(name) + " has both `per environment` and `branch per environment`",
             "`branch per environment` is one Neon project with a branch per environment; "
             "`per environment` is one Neon project per environment");
    } else {
      if (shared != nullptr) resource.per_environment = false;
      if (per_environment != nullptr) resource.per_environment = true;
      if (branch != nullptr) {
        resource.branch_per_environment = true;
        resource.per_environment = false;
      }
    }
    project_.resources.push_back(std::move(resource));
  }

  std::optional<ir::Setting> Setting(const ResourceTypeInfo& type, const Member& m,
                                     std::string_view where,
                                     const std::vector<std::string_view>& known) {
    const SettingInfo* info = FindSetting(type, m.key.text);
    if (info == nullptr) {
      Report(DiagCode::kDslUnknownField, m.key.loc,
             "unknown setting " + Q(m.key.text) + " for " + std::string(where) + " (" +
                 std::string(type.name) + ")",
             SuggestionHint(m.key.text, known, "its settings are", &suggestion_budget_));
      return std::nullopt;
    }
    std::optional<std::string> value = Scalar(m);
    if (!value) return std::nullopt;
    switch (info->kind) {
      case SettingKind::kText:
        break;
      case SettingKind::kNumber:
        if (!WholeNumber(m.value)) {
          Report(DiagCode::kDslInvalidValue, m.value.loc, Q(m.key.text) + " must be a whole number");
          return std::nullopt;
        }
        break;
      case SettingKind::kChoice:
        if (std::find(info->choices.begin(), info->choices.end(), *value) == info->choices.end()) {
          Report(DiagCode::kDslInvalidValue, m.value.loc,
                 Q(m.key.text) + " cannot be " + Q(*value),
                 SuggestionHint(*value, info->choices, "it can be", &suggestion_budget_));
          return std::nullopt;
        }
        break;
      case SettingKind::kRepoRef:
        if (m.value.kind == Value::Kind::kName) {
          pending_repo_refs_.push_back({m.value.text, m.value.loc, std::string(m.key.text)});
        }
        break;
    }
    return ir::Setting{m.key.text, *value, m.key.loc};
  }

  // ---- env vars ----

  std::optional<ir::EnvSource> Source(const Member& m, size_t env_index,
                                      std::optional<size_t> override_index) {
    const Value& v = m.value;
    ir::EnvSource source;
    source.loc = v.loc;
    static const std::vector<std::string_view> kSources = {"manual", "detected", "provisioned"};
    std::string hint = "the sources are `manual`, `detected` and `provisioned(resource.output)`";
    if (v.kind == Value::Kind::kName && (v.text == "manual" || v.text == "detected")) {
      source.kind = v.text == "manual" ? ir::EnvSourceKind::kManual : ir::EnvSourceKind::kDetected;
      return source;
    }
    if (v.kind == Value::Kind::kName && v.text == "provisioned") {
      Report(DiagCode::kDslInvalidValue, v.loc,
             "`provisioned` needs the resource output the value comes from",
             "write e.g. `source = provisioned(db.connectionUri)`");
      return std::nullopt;
    }
    if (v.kind == Value::Kind::kCall && v.text == "provisioned") {
      if (v.items.size() != 1 || v.items[0].path.size() != 2) {
        Report(DiagCode::kDslInvalidValue, v.items.empty() ? v.loc : v.items[0].loc,
               "`provisioned` takes one `resource.output`",
               "write e.g. `source = provisioned(db.connectionUri)`");
        return std::nullopt;
      }
      source.kind = ir::EnvSourceKind::kProvisioned;
      source.resource = v.items[0].path[0].text;
      source.output = v.items[0].path[1].text;
      pending_sources_.push_back({env_index, override_index, &v});
      return source;
    }
    std::string word = v.kind == Value::Kind::kCall ? v.text + "(...)" : v.text;
    if (v.kind == Value::Kind::kName || v.kind == Value::Kind::kCall) {
      std::string_view close = ClosestMatch(v.text, kSources);
      if (!close.empty()) hint = "did you mean " + Q(close) + "? " + hint;
    }
    Report(DiagCode::kDslInvalidValue, v.loc, "unknown env var source " + Q(word), hint);
    return std::nullopt;
  }

  // An env var's default, example or allowed value: a single string, number or name.
  std::optional<std::string> EnvValue(const Member& m) {
    if (m.value.kind == Value::Kind::kList || m.value.kind == Value::Kind::kCall) {
      Report(DiagCode::kDslInvalidValue, m.value.loc, Q(m.key.text) + " takes a single value",
             m.key.text == "default" ? "list the values it may take in `allowed = [...]`" : "");
      return std::nullopt;
    }
    if (!FitsOnEnvLine(m.value.text, m.value.loc, Q(m.key.text))) return std::nullopt;
    return m.value.text;
  }

  // Values go on one line of `.env.example` and of the user's `.env`: no dotenv form holds
  // a line break or a control character the same way in every reader, so they are refused
  // (escaping them would change the value a reader gets).
  bool FitsOnEnvLine(const std::string& text, Loc loc, const std::string& what) {
    if (text.find('\n') == std::string::npos && FindUnsafeChar(text) == std::string::npos) return true;
    Report(DiagCode::kDslInvalidValue, loc,
           what + " holds a line break or control character, which a `.env` line cannot hold",
           "env values are single-line text; put longer text in `description`");
    return false;
  }

  void CheckAllowed(const ir::EnvVar& var, const std::string& value, Loc loc, std::string_view what) {
    if (var.allowed.empty()) return;
    if (std::find(var.allowed.begin(), var.allowed.end(), value) != var.allowed.end()) return;
    std::vector<std::string_view> allowed(var.allowed.begin(), var.allowed.end());
    Report(DiagCode::kDslDefaultNotAllowed, loc,
           std::string(what) + " " + Q(value) + " of " + Q(var.key) + " is not one of its allowed values",
           "allowed: " + JoinNames(allowed));
  }

  void CheckEnvVar(const ast::Decl& decl) {
    const std::string& key = decl.name.text;
    auto [it, inserted] = env_locs_.emplace(key, decl.name.loc);
    if (!inserted) {
      ReportDuplicate(decl.name.loc, it->second, "env var " + Q(key) + " is declared twice");
      return;
    }
    std::string where = "env var " + Q(key);
    size_t index = project_.env.size();
    ir::EnvVar var;
    var.key = key;
    var.loc = decl.name.loc;
    static const std::vector<std::string_view> kKnown = {
        "scope", "secret", "source", "required", "optional", "default", "allowed",
        "description", "example"};
    const Member* required = nullptr;
    const Member* optional = nullptr;
    const Member* scope = nullptr;
    const Member* secret = nullptr;
    const Member* default_member = nullptr;
    const Member* example = nullptr;
    std::vector<const Member*> overrides;
    for (const Member* m : Unique(decl.members, where)) {
      std::string_view k = m->key.text;
      if (m->kind == Member::Kind::kOverride) {
        overrides.push_back(m);
      } else if (k == "secret" || k == "required" || k == "optional") {
        std::optional<bool> b = BoolValue(*m);
        if (!b) continue;
        if (k == "secret") {
          var.secret = *b;
          if (*b) secret = m;
        } else if (k == "required") {
          if (*b) required = m;
          var.required = *b;
        } else {
          if (*b) optional = m;
          var.required = !*b;
        }
      } else if (m->kind == Member::Kind::kFlag) {
        Report(DiagCode::kDslUnknownField, m->key.loc,
               Q(m->key.text) + " does not apply to an env var",
               "an env var's flags are `secret`, `required` and `optional`");
      } else if (k == "scope") {
        if (m->value.kind == Value::Kind::kName && (m->value.text == "build" || m->value.text == "runtime")) {
          var.scope = m->value.text == "build" ? ir::EnvScope::kBuild : ir::EnvScope::kRuntime;
          scope = m;
        } else {
          std::string_view close = ClosestMatch(m->value.text, {"build", "runtime"});
          Report(DiagCode::kDslInvalidValue, m->value.loc,
                 "`scope` must be `build` or `runtime`, not " + Q(m->value.text),
                 close.empty() ? "build variables are baked into bundles at build time; runtime "
                                 "variables are read by the running service"
                               : "did you mean " + Q(close) + "?");
        }
      } else if (k == "source") {
        if (std::optional<ir::EnvSource> s = Source(*m, index, std::nullopt)) var.source = *s;
      } else if (k == "default") {
        if (std::optional<std::string> v = EnvValue(*m)) {
          var.default_value = *v;
          default_member = m;
        }
      } else if (k == "example") {
        if (std::optional<std::string> v = EnvValue(*m)) {
          var.example = *v;
          example = m;
        }
      } else if (k == "description") {
        if (std::optional<std::string> v = StringValue(*m, "What the variable is for")) var.description = *v;
      } else if (k == "allowed") {
        CheckAllowedList(*m, var);
      } else {
        UnknownField(*m, where, kKnown);
      }
    }
    if (required != nullptr && optional != nullptr) {
      Report(DiagCode::kDslConflict, optional->key.loc, where + " is both `required` and `optional`",
             "keep one of them; env vars are required unless marked `optional`");
    }
    if (var.secret && default_member != nullptr) {
      Report(DiagCode::kDslSecretDefault, default_member->key.loc,
             "secret " + Q(key) + " has a default value",
             "a secret's value never goes in the spec; remove the default and set it in each "
             "environment");
      var.default_value.reset();
    } else if (default_member != nullptr) {
      CheckAllowed(var, *var.default_value, default_member->value.loc, "default");
    }
    if (example != nullptr) {
      if (var.secret && LooksLikeRealSecret(*var.example)) {
        Report(DiagCode::kDslSecretExample, example->value.loc,
               "the example of secret " + Q(key) + " looks like a real credential",
               "use a placeholder such as `\"<your token>\"` or `\"sk_live_...\"`");
        var.example.reset();
      } else {
        CheckAllowed(var, *var.example, example->value.loc, "example");
      }
    }
    if (var.secret && var.scope == ir::EnvScope::kBuild) {
      Report(DiagCode::kDslBuildSecret, scope != nullptr ? scope->value.loc : secret->key.loc,
             "secret " + Q(key) + " is build-scoped: build variables end up in client bundles",
             "make it `scope = runtime`, or drop `secret` if the value is public");
    }
    for (const Member* m : overrides) {
      if (!CheckOverrideEnvironment(*m, where)) continue;
      var.overrides.push_back(EnvOverride(*m, var, index, var.overrides.size()));
    }
    project_.env.push_back(std::move(var));
  }

  void CheckAllowedList(const Member& m, ir::EnvVar& var) {
    if (m.value.kind != Value::Kind::kList) {
      Report(DiagCode::kDslInvalidValue, m.value.loc, "`allowed` must be a list",
             "write e.g. `allowed = [\"debug\", \"info\"]`");
      return;
    }
    std::map<std::string, Loc> seen;
    for (const Value& item : m.value.items) {
      if (!FitsOnEnvLine(item.text, item.loc, "an allowed value")) continue;
      auto [it, inserted] = seen.emplace(item.text, item.loc);
      if (!inserted) {
        ReportDuplicate(item.loc, it->second, "allowed value " + Q(item.text) + " is listed twice");
        continue;
      }
      var.allowed.push_back(item.text);
    }
    if (m.value.items.empty()) {
      Report(DiagCode::kDslInvalidValue, m.value.loc, "`allowed` lists no value",
             "list the values, or remove `allowed` to accept any");
    }
  }

  ir::EnvOverride EnvOverride(const Member& block, const ir::EnvVar& var, size_t env_index,
                              size_t override_index) {
    ir::EnvOverride o;
    o.environment = block.key.text;
    o.loc = block.key.loc;
    std::string where = "the " + Q(block.key.text) + " override of env var " + Q(var.key);
    static const std::vector<std::string_view> kKnown = {"required", "optional", "default",
                                                         "source", "example"};
    const Member* required = nullptr;
    const Member* optional = nullptr;
    for (const Member* m : Unique(block.members, where)) {
      std::string_view k = m->key.text;
      if (k == "required" || k == "optional") {
        std::optional<bool> b = BoolValue(*m);
        if (!b) continue;
        (k == "required" ? required : optional) = *b ? m : nullptr;
        o.required = k == "required" ? *b : !*b;
      } else if (m->kind == Member::Kind::kFlag || k == "scope" || k == "secret" ||
                 k == "allowed" || k == "description") {
        Report(DiagCode::kDslUnknownField, m->key.loc,
               Q(m->key.text) + " cannot differ per environment",
               "per environment, an env var can change `required`/`optional`, `default`, "
               "`source` and `example`");
      } else if (k == "default") {
        std::optional<std::string> v = EnvValue(*m);
        if (!v) continue;
        if (var.secret) {
          Report(DiagCode::kDslSecretDefault, m->key.loc,
                 "secret " + Q(var.key) + " has a default value in " + Q(block.key.text),
                 "a secret's value never goes in the spec; remove the default");
          continue;
        }
        CheckAllowed(var, *v, m->value.loc, "default");
        o.default_value = *v;
      } else if (k == "example") {
        std::optional<std::string> v = EnvValue(*m);
        if (!v) continue;
        if (var.secret && LooksLikeRealSecret(*v)) {
          Report(DiagCode::kDslSecretExample, m->value.loc,
                 "the example of secret " + Q(var.key) + " looks like a real credential",
                 "use a placeholder such as `\"<your token>\"`");
          continue;
        }
        CheckAllowed(var, *v, m->value.loc, "example");
        o.example = *v;
      } else if (k == "source") {
        o.source = Source(*m, env_index, override_index);
      } else {
        UnknownField(*m, where, kKnown);
      }
    }
    if (required != nullptr && optional != nullptr) {
      Report(DiagCode::kDslConflict, optional->key.loc, where + " is both `required` and `optional`",
             "keep one of them");
    }
    return o;
  }

  // ---- integrations ----

  void CheckIntegration(const ast::Decl& decl) {
    const std::string& name = decl.name.text;
    const ProviderInfo* provider = FindProvider(name);
    if (provider == nullptr) {
      std::vector<std::string_view> names;
      for (const ProviderInfo& p : Providers()) names.push_back(p.name);
      std::string_view close = ClosestMatch(name, names);
      Report(DiagCode::kDslUnknownProvider, decl.name.loc, "unknown provider " + Q(name),
             (close.empty() ? "" : "did you mean " + Q(close) + "? ") + "the providers are " +
                 JoinNames(names));
      return;
    }
    auto [it, inserted] = integration_locs_.emplace(name, decl.name.loc);
    if (!inserted) {
      ReportDuplicate(decl.name.loc, it->second, "integration " + Q(name) + " is declared twice");
      return;
    }
    std::string where = "integration " + Q(name);
    ir::Integration integration;
    integration.provider = provider->provider;
    integration.loc = decl.name.loc;
    for (std::string_view c : provider->credentials) integration.credentials.emplace_back(c);
    for (std::string_view c : provider->optional_credentials) {
      integration.optional_credentials.emplace_back(c);
    }
    static const std::vector<std::string_view> kKnown = {"credentials", "optional"};
    for (const Member* m : Unique(decl.members, where)) {
      if (m->kind == Member::Kind::kField && (m->key.text == "credentials" || m->key.text == "optional")) {
        std::optional<std::vector<std::string>> names = VariableNames(*m);
        if (!names) continue;
        (m->key.text == "credentials" ? integration.credentials
                                      : integration.optional_credentials) = std::move(*names);
        if (m->key.text == "credentials" && m->value.kind == Value::Kind::kList &&
            m->value.items.empty()) {
          Report(DiagCode::kDslInvalidValue, m->value.loc, "`credentials` lists no variable",
                 "name the variables that must be set for automated provisioning, e.g. `[" +
                     JoinNames(provider->credentials) + "]`");
        }
      } else {
        UnknownField(*m, where, kKnown);
      }
    }
    project_.integrations.push_back(std::move(integration));
  }

  std::optional<std::vector<std::string>> VariableNames(const Member& m) {
    if (m.value.kind != Value::Kind::kList) {
      Report(DiagCode::kDslInvalidValue, m.value.loc, Q(m.key.text) + " must be a list of variable names",
             "write e.g. `" + m.key.text + " = [NEON_API_KEY]`");
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (const Value& item : m.value.items) {
      if (!IsEnvVarName(item.text)) {
        Report(DiagCode::kDslInvalidValue, item.loc,
               Q(item.text) + " is not an environment variable name",
               "variable names are upper case letters, digits and `_`, e.g. `NEON_API_KEY`");
        continue;
      }
      names.push_back(item.text);
    }
    return names;
  }

  // ---- references ----

  // References are resolved once every resource is declared (ResolveReferences), so the
  // index and the names are built once, then.
  const ir::Resource* FindResource(std::string_view name) {
    if (resource_index_from_ != project_.resources.size()) {
      resource_index_.clear();
      // emplace keeps the first of two resources of one name, as a scan would.
      for (const ir::Resource& r : project_.resources) resource_index_.emplace(r.name, &r);
      resource_index_from_ = project_.resources.size();
      built_ += resource_index_.size();
    }
    auto it = resource_index_.find(name);
    return it == resource_index_.end() ? nullptr : it->second;
  }

  bool IsUnknownTypeResource(std::string_view name) const { return unknown_type_resources_.count(std::string(name)) > 0; }

  const std::vector<std::string_view>& ResourceNames() { return NamesOf(project_.resources, &resource_names_); }

  std::string UndeclaredHint(std::string_view name) {
    const std::vector<std::string_view>& names = ResourceNames();
    if (names.empty()) return "declare it with `resource " + std::string(name) + " : <type> { ... }`";
    return SuggestionHint(name, names, "the declared resources are", &suggestion_budget_);
  }

  void ResolveReferences() {
    for (const PendingDeploy& d : pending_deploys_) {
      ir::Service& service = project_.services[d.service_index];
      const ir::Resource* r = FindResource(service.deploy);
      if (r == nullptr) {
        if (IsUnknownTypeResource(service.deploy)) continue;
        Report(DiagCode::kDslUndeclaredReference, d.loc,
               "service " + Q(service.name) + " deploys to " + Q(service.deploy) +
                   ", which is not a declared resource",
               UndeclaredHint(service.deploy));
        continue;
      }
      if (r->type != ir::ResourceType::kVercelProject &&
          r->type != ir::ResourceType::kCloudflareWorker &&
          r->type != ir::ResourceType::kCloudflarePages) {
        Report(DiagCode::kDslInvalidValue, d.loc,
               "service " + Q(service.name) + " cannot deploy to " + Q(r->name) + ", a " +
                   std::string(ir::ResourceTypeName(r->type)),
               "a service deploys to a vercel.project, cloudflare.worker or cloudflare.pages "
               "resource");
      }
    }
    for (const PendingRepoRef& ref : pending_repo_refs_) {
      const ir::Resource* r = FindResource(ref.name);
      if (r == nullptr) {
        if (IsUnknownTypeResource(ref.name)) continue;
        Report(DiagCode::kDslUndeclaredReference, ref.loc,
               Q(ref.key) + " names " + Q(ref.name) + ", which is not a declared resource",
               UndeclaredHint(ref.name) + "; or write the repository as a string, "
                                          "\"owner/name\"");
      } else if (r->type != ir::ResourceType::kGithubRepo) {
        Report(DiagCode::kDslInvalidValue, ref.loc,
               Q(ref.key) + " must name a `github.repo` resource; " + Q(r->name) + " is a " +
                   std::string(ir::ResourceTypeName(r->type)));
      }
    }
    for (const PendingSource& p : pending_sources_) {
      ir::EnvVar& var = project_.env[p.env_index];
      ir::EnvSource& source = p.override_index ? *var.overrides[*p.override_index].source : var.source;
      const ast::Ident& resource_name = p.value->items[0].path[0];
      const ast::Ident& output_name = p.value->items[0].path[1];
      const ir::Resource* r = FindResource(source.resource);
      if (r == nullptr) {
        if (IsUnknownTypeResource(source.resource)) continue;
        Report(DiagCode::kDslUndeclaredReference, resource_name.loc,
               Q(var.key) + " is provisioned from " + Q(source.resource) +
                   ", which is not a declared resource",
               UndeclaredHint(source.resource));
        continue;
      }
      const ResourceTypeInfo& type = ResourceTypeInfoOf(r->type);
      const OutputInfo* output = FindOutput(type, source.output);
      if (output == nullptr) {
        std::vector<std::string_view> outputs;
        for (const OutputInfo& o : type.outputs) outputs.push_back(o.name);
        std::string_view close = ClosestMatch(source.output, outputs);
        Report(DiagCode::kDslUnknownOutput, output_name.loc,
               "resource " + Q(r->name) + " (" + std::string(type.name) + ") has no output " +
                   Q(source.output),
               (close.empty() ? "" : "did you mean " + Q(close) + "? ") + "the outputs of " +
                   std::string(type.name) + " are " + JoinNames(outputs));
        continue;
      }
      if (output->secret && !var.secret) {
        Report(DiagCode::kDslSecretUnmarked, p.value->loc,
               Q(var.key) + " comes from " + Q(source.resource + "." + source.output) +
                   ", a secret, but is not marked `secret`",
               "add `secret` to env var " + Q(var.key));
      }
    }
  }

  void AddImplicitIntegrations() {
    for (const ir::Resource& r : project_.resources) {
      ir::Provider provider = ir::ProviderOf(r.type);
      bool present = false;
      for (const ir::Integration& i : project_.integrations) present = present || i.provider == provider;
      if (present) continue;
      const ProviderInfo& info = ProviderInfoOf(provider);
      ir::Integration integration;
      integration.provider = provider;
      integration.implicit = true;
      integration.loc = r.loc;
      for (std::string_view c : info.credentials) integration.credentials.emplace_back(c);
      for (std::string_view c : info.optional_credentials) {
        integration.optional_credentials.emplace_back(c);
      }
      project_.integrations.push_back(std::move(integration));
    }
  }

  struct PendingDeploy {
    size_t service_index;
    Loc loc;
  };
  struct PendingRepoRef {
    std::string name;
    Loc loc;
    std::string key;
  };

  const Fs& fs_;
  std::string spec_dir_;
  DiagSink& sink_;
  ir::Project project_;
  Loc preview_loc_;
  std::map<std::string, Loc> service_locs_;
  std::map<std::string, Loc> resource_locs_;
  std::map<std::string, Loc> env_locs_;
  std::map<std::string, Loc> integration_locs_;
  std::set<std::string> unknown_type_resources_;
  uint64_t suggestion_budget_ = kSuggestionBudget;
  uint64_t built_ = 0;
  std::vector<std::string_view> environment_names_;
  // Caches of the declarations, each rebuilt when declarations were added since: the
  // environments as a set, the resources by name, and their names.
  std::unordered_set<std::string_view> environment_set_;
  size_t environment_set_from_ = SIZE_MAX;
  std::unordered_map<std::string_view, const ir::Resource*> resource_index_;
  size_t resource_index_from_ = SIZE_MAX;
  std::vector<std::string_view> resource_names_;
  std::vector<PendingDeploy> pending_deploys_;
  std::vector<PendingRepoRef> pending_repo_refs_;
  std::vector<PendingSource> pending_sources_;
};

}  // namespace

ir::Project CheckProject(const ast::File& file, const Fs& fs, std::string_view spec_dir,
                         DiagSink& sink, CheckWork* work) {
  Checker checker(fs, spec_dir, sink);
  ir::Project project = checker.Run(file);
  if (work != nullptr) work->steps += checker.work();
  return project;
}

}  // namespace specc::dsl
