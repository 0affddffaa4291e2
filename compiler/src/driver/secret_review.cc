#include "driver/secret_review.h"

#include <algorithm>
#include <optional>

#include "base/ascii.h"
#include "base/path.h"
#include "base/secret_scan.h"
#include "spec/node.h"
#include "spec/parse.h"

namespace specc::driver {
namespace {

bool Mentions(std::string_view text, std::initializer_list<std::string_view> words) {
  std::string lower = AsciiLower(text.substr(0, 4096));
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// A field name that says credential: `token`, `access_token`, `apiKey`, `X-Api-Key`,
// `password`, `Authorization`, `client_secret`, `private_key`, `jwt`.
bool IsCredentialName(std::string_view name) {
  return IsSecretName(name) || Mentions(name, {"key", "authorization", "bearer", "jwt", "pat", "passphrase"});
}

// A schema, parameter or header documented as a credential: by its name, by its
// description, or by `format: password`.
bool DocumentsCredential(const spec::Node& node) {
  // Only a schema, a parameter or a header: an operation described as "creates a token"
  // says nothing about the fields of its examples.
  if (!node.is_map() || (node.Find("type") == nullptr && node.Find("schema") == nullptr && node.Find("in") == nullptr)) {
    return false;
  }
  const spec::Node* name = node.Find("name");
  if (name != nullptr && name->is_string() && IsCredentialName(name->text())) return true;
  const spec::Node* format = node.Find("format");
  if (format != nullptr && format->text() == "password") return true;
  const spec::Node* description = node.Find("description");
  return description != nullptr && description->is_string() &&
         Mentions(description->text(), {"token", "secret", "api key", "apikey", "password", "credential", "private key"});
}

// Examples, and the code samples documentation tools render (Redoc's `x-codeSamples`).
bool IsExampleKey(std::string_view key) {
  return key == "example" || key == "examples" || key == "x-example" || key == "x-examples" ||
         key == "x-code-samples" || key == "x-codeSamples";
}

// Where a value sits in its document: inside an example, and whether that example is of
// a field documented as a credential.
struct Context {
  bool in_example = false;
  bool code_sample = false;
  bool credential = false;
  std::string field;  // the credential field (else the value's own key), for the message
};

// Walks from `root` down to the scalar holding `offset` (containers keep their children in
// document order) and returns its context; nullopt when no scalar holding `value` is there
// (a comment, a key).
std::optional<Context> ContextOf(const spec::Node& root, uint32_t offset, std::string_view value) {
  Context context;
  const spec::Node* node = &root;
  std::string_view key_of_node;
  for (int depth = 0; depth < 512; ++depth) {
    if (context.in_example && IsCredentialName(key_of_node) && context.field.empty()) {
      context.credential = true;
      context.field = std::string(key_of_node);
    }
    if (DocumentsCredential(*node) && !context.credential) {
      context.credential = true;
      const spec::Node* name = node->Find("name");
      context.field = name != nullptr && name->is_string() ? std::string(name->text()) : std::string(key_of_node);
    }
    if (node->is_scalar()) {
      if (node->text().find(value) == std::string_view::npos) return std::nullopt;
      if (context.field.empty()) context.field = std::string(key_of_node);
      return context;
    }
    const spec::Node* next = nullptr;
    std::string_view next_key;
    if (node->is_map()) {
      for (const spec::Member& m : spec::MembersOf(*node)) {
        if (m.key_offset > offset) break;
        next = &m.value;
        next_key = m.key;
      }
      // Properties of a credential schema: `properties: {token: {example: ...}}`.
      if (next != nullptr && key_of_node == "properties" && IsCredentialName(next_key)) {
        context.credential = true;
        context.field = std::string(next_key);
      }
    } else {
      for (const spec::Node& item : spec::ItemsOf(*node)) {
        if (item.offset > offset) break;
        next = &item;
      }
      next_key = key_of_node;
    }
    if (next == nullptr) return std::nullopt;
    if (IsExampleKey(next_key)) context.in_example = true;
    if (next_key == "x-code-samples" || next_key == "x-codeSamples") context.code_sample = true;
    node = next;
    key_of_node = next_key;
  }
  return std::nullopt;
}

bool IsTreeFile(std::string_view path) {
  auto ends = [&](std::string_view s) { return path.size() >= s.size() && path.substr(path.size() - s.size()) == s; };
  return ends(".yaml") || ends(".yml") || ends(".json");
}

struct Finding {
  SecretHit hit;
  Loc loc;
  std::string fingerprint;
  std::optional<Context> context;
};

std::vector<Finding> FindInFile(FileId file, const SourceMap& sources) {
  std::string_view text = sources.contents(file);
  std::vector<Finding> findings;
  for (const SecretHit& hit : ScanForSecrets(text)) {
    findings.push_back({hit, Loc{file, static_cast<uint32_t>(hit.offset)}, SecretFingerprint(text, hit), std::nullopt});
  }
  if (findings.empty() || !IsTreeFile(sources.path(file))) return findings;
  // Only a file with a finding is read again as a tree, to see where its findings sit.
  spec::NodeArena arena;
  DiagSink ignored;
  const spec::Node* root =
      spec::ParseDocument(file, spec::DetectFormat(sources.path(file), text), text, arena, ignored);
  if (root == nullptr) return findings;
  for (Finding& f : findings) {
    // A PEM key's value spans lines; its first line is enough to find the scalar.
    std::string_view value = text.substr(f.hit.offset, std::min<size_t>(f.hit.length, 32));
    f.context = ContextOf(*root, static_cast<uint32_t>(f.hit.offset), value);
  }
  return findings;
}

struct AllowEntry {
  std::string fingerprint;
  Loc loc;
  bool used = false;
};

bool IsFingerprint(std::string_view s) {
  if (s.size() != 71 || s.substr(0, 7) != "sha256:") return false;
  return std::all_of(s.begin() + 7, s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Reads one allowlist: `accept:` and a list of {fingerprint, reason, rule?} entries.
std::vector<AllowEntry> ReadAllowlist(FileId file, const SourceMap& sources, DiagSink& sink) {
  std::vector<AllowEntry> entries;
  spec::NodeArena arena;
  std::string_view text = sources.contents(file);
  const spec::Node* root = spec::ParseYaml(file, text, arena, sink);
  if (root == nullptr) return entries;
  const std::string shape = "an allowlist is `accept:` and a list of entries with `fingerprint`, `reason` and optionally `rule`";
  const spec::Node* accept = root->Find("accept");
  if (!root->is_map() || accept == nullptr || !accept->is_seq()) {
    if (!(root->kind == spec::NodeKind::kNull)) {
      sink.Report(DiagCode::kSecretAllowInvalid, root->loc(), "the secret allowlist has no `accept` list", shape);
    }
    return entries;
  }
  for (const spec::Node& entry : spec::ItemsOf(*accept)) {
    const spec::Node* fingerprint = entry.Find("fingerprint");
    const spec::Node* reason = entry.Find("reason");
    const spec::Node* rule = entry.Find("rule");
    if (fingerprint == nullptr || !IsFingerprint(fingerprint->text())) {
      sink.Report(DiagCode::kSecretAllowInvalid, fingerprint != nullptr ? fingerprint->loc() : entry.loc(),
                  "an allowlist entry needs a `fingerprint` of the form `sha256:` and 64 hex digits",
                  "copy it from the SECRET_IN_SPEC or SECRET_EXAMPLE diagnostic `specc lint` prints");
      continue;
    }
    if (reason == nullptr || !reason->is_string() || reason->text().empty()) {
      sink.Report(DiagCode::kSecretAllowInvalid, entry.loc(), "an allowlist entry needs a `reason`",
                  "say why the value is no secret, e.g. `AWS's documented example key`");
      continue;
    }
    if (rule != nullptr && !IsSecretRule(rule->text())) {
      sink.Report(DiagCode::kSecretAllowInvalid, rule->loc(), "unknown secret rule `" + std::string(rule->text()) + "`",
                  "the rule ids are the ones specc's diagnostics name (gitleaks' ids)");
      continue;
    }
    entries.push_back({std::string(fingerprint->text()), entry.loc(), false});
  }
  return entries;
}

// The dsl layer already refuses a secret's example or default that looks real
// (DSL_SECRET_EXAMPLE, DSL_SECRET_DEFAULT); one error per value is enough.
bool ReportedByDsl(Loc loc, const SourceMap& sources, const DiagSink& sink) {
  uint32_t line = sources.Position(loc).line;
  return std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(), [&](const Diagnostic& d) {
    return (d.code == DiagCode::kDslSecretExample || d.code == DiagCode::kDslSecretDefault) &&
           d.loc.file == loc.file && sources.Position(d.loc).line == line;
  });
}

}  // namespace

std::vector<std::string> SecretAllowlists(const std::vector<std::string>& files, const std::string& specs_dir) {
  std::vector<std::string> out;
  if (files.empty()) {
    out.push_back(JoinPath(specs_dir, kSecretAllowlistName));
    return out;
  }
  for (const std::string& file : files) {
    std::string path = JoinPath(DirName(file), kSecretAllowlistName);
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  }
  return out;
}

SecretReview ReviewSpecSecrets(FileId first_file, const std::vector<std::string>& allowlists,
                               const std::string& working_dir, const Fs& fs, SourceMap& sources,
                               DiagSink& sink) {
  FileId spec_end = static_cast<FileId>(sources.file_count());
  std::vector<AllowEntry> allowed;
  std::string allowlist_display = allowlists.empty() ? std::string(kSecretAllowlistName) : NormalizePath(allowlists[0]);
  for (const std::string& path : allowlists) {
    Result<std::string> text = fs.Read(JoinPath(working_dir, path));
    if (!text.ok()) continue;
    FileId file = sources.Add(NormalizePath(path), std::move(text).value());
    for (AllowEntry& entry : ReadAllowlist(file, sources, sink)) allowed.push_back(std::move(entry));
  }
  SecretReview review;
  for (FileId file = first_file; file < spec_end; ++file) {
    std::vector<Finding> findings = FindInFile(file, sources);
    if (!findings.empty()) review.files_with_findings.insert(file);
    for (const Finding& f : findings) {
      if (ReportedByDsl(f.loc, sources, sink)) continue;
      auto entry = std::find_if(allowed.begin(), allowed.end(), [&](const AllowEntry& e) { return e.fingerprint == f.fingerprint; });
      if (entry != allowed.end()) {
        entry->used = true;
        review.accepted.insert(f.fingerprint);
        continue;
      }
      std::string rule(f.hit.rule);
      std::string accept_hint = "accept it in `" + allowlist_display + "` with `fingerprint: " + f.fingerprint +
                                "` and a `reason`";
      // A secret-named assignment names its credential itself (`export API_TOKEN=...` in a
      // code sample); a JWT expires by design, so one in an example is a sample.
      bool names_itself = f.hit.rule == "secret-assignment" || f.hit.rule == "jwt";
      bool documentation =
          f.context && f.context->in_example && (f.context->credential || names_itself) && !f.hit.verified;
      std::string where = !f.context ? "" : f.context->code_sample ? "a code sample"
                                        : (f.context->credential ? "the example of credential field `" : "the example of `") +
                                              f.context->field + "`";
      if (documentation) {
        review.accepted.insert(f.fingerprint);
        sink.Report(DiagCode::kSecretExample, f.loc,
                    where + " holds a `" + rule +
                        "`-shaped value; taken for documentation",
                    "make sure it is a published example, not a real credential; " + accept_hint + " to silence this");
        continue;
      }
      sink.Report(DiagCode::kSecretInSpec, f.loc,
                  "a `" + rule + "`-shaped secret in a spec file" + (f.context && f.context->in_example ? ", in " + where : ""),
                  "replace it with a placeholder such as `<token>` and rotate the credential; if it is a "
                  "published example, " + accept_hint);
    }
  }
  for (const AllowEntry& entry : allowed) {
    if (!entry.used) {
      sink.Report(DiagCode::kSecretAllowUnused, entry.loc, "this allowlist entry matches no value in the specs",
                  "remove it: the value it accepted is gone");
    }
  }
  return review;
}

}  // namespace specc::driver
