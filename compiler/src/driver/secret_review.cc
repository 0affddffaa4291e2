#include "driver/secret_review.h"

#include <algorithm>

#include "base/path.h"
#include "base/secret_scan.h"
#include "spec/node.h"
#include "spec/parse.h"
#include "spec/secret_context.h"

namespace specc::driver {
namespace {

// The findings of one spec file: as the load recorded them while the file's tree was
// alive, else (a file the load did not parse: the project spec, a file the run cache vouched
// for, one nothing reaches) from the text, parsed again when it has a finding.
std::vector<SecretFinding> FindInFile(FileId file, const SourceMap& sources) {
  if (const std::vector<SecretFinding>* recorded = sources.RecordedSecrets(file)) return *recorded;
  return spec::FindSecretsByParsing(file, sources.path(file), sources.contents(file));
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
    std::vector<SecretFinding> findings = FindInFile(file, sources);
    if (!findings.empty()) review.files_with_findings.insert(file);
    for (const SecretFinding& f : findings) {
      Loc loc{file, static_cast<uint32_t>(f.hit.offset)};
      if (ReportedByDsl(loc, sources, sink)) continue;
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
          f.place && f.place->in_example && (f.place->credential || names_itself) && !f.hit.verified;
      std::string where = !f.place ? "" : f.place->code_sample ? "a code sample"
                                        : (f.place->credential ? "the example of credential field `" : "the example of `") +
                                              f.place->field + "`";
      if (documentation) {
        review.accepted.insert(f.fingerprint);
        sink.Report(DiagCode::kSecretExample, loc,
                    where + " holds a `" + rule +
                        "`-shaped value; taken for documentation",
                    "make sure it is a published example, not a real credential; " + accept_hint + " to silence this");
        continue;
      }
      sink.Report(DiagCode::kSecretInSpec, loc,
                  "a `" + rule + "`-shaped secret in a spec file" + (f.place && f.place->in_example ? ", in " + where : ""),
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
