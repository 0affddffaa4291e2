#include "cli/accepted_file.h"

#include "spec/node.h"
#include "spec/parse.h"

namespace specc::cli {

std::vector<compare::AcceptedBreak> ParseAcceptedBreaks(FileId file, const SourceMap& sources, DiagSink& sink) {
  std::vector<compare::AcceptedBreak> out;
  std::string_view text = sources.contents(file);
  spec::NodeArena arena;
  const spec::Node* root =
      spec::ParseDocument(file, spec::DetectFormat(sources.path(file), text), text, arena, sink);
  if (root == nullptr) return out;
  const spec::Node* list = root->is_map() ? root->Find("accepted") : nullptr;
  if (list == nullptr || !list->is_seq()) {
    if (root->kind == spec::NodeKind::kNull) return out;
    sink.Report(DiagCode::kDiffAcceptedInvalid, list != nullptr ? list->loc() : root->loc(),
                "the accepted-breaks file needs an `accepted` list",
                "accepted: [{rule: ..., operation: ..., at: ..., reason: ...}]");
    return out;
  }
  for (const spec::Node& entry : spec::ItemsOf(*list)) {
    if (!entry.is_map()) {
      sink.Report(DiagCode::kDiffAcceptedInvalid, entry.loc(), "an accepted break must be a mapping");
      continue;
    }
    compare::AcceptedBreak accepted;
    accepted.loc = entry.loc();
    bool ok = true;
    for (const spec::Member& m : spec::MembersOf(entry)) {
      std::string key(m.key());
      std::string* field = key == "operation" ? &accepted.operation
                           : key == "at"      ? &accepted.at
                           : key == "api"     ? &accepted.api
                           : key == "reason"  ? &accepted.reason
                                              : nullptr;
      if (key != "rule" && field == nullptr) {
        sink.Report(DiagCode::kDiffAcceptedInvalid, m.key_loc(),
                    "`" + key + "` is not a field of an accepted break",
                    "the fields are rule, operation, at, api and reason");
        ok = false;
        continue;
      }
      if (!m.value.is_string()) {
        sink.Report(DiagCode::kDiffAcceptedInvalid, m.value.loc(), "`" + key + "` must be a string");
        ok = false;
        continue;
      }
      if (key == "rule") {
        std::optional<compare::Rule> rule = compare::FindRule(m.value.text());
        if (!rule) {
          sink.Report(DiagCode::kDiffAcceptedInvalid, m.value.loc(),
                      "`" + std::string(m.value.text()) + "` is not a rule of `specc diff`",
                      "the README lists the rules; `specc diff --format json` prints each change's rule");
          ok = false;
          continue;
        }
        accepted.rule = *rule;
      } else {
        *field = std::string(m.value.text());
      }
    }
    if (entry.Find("rule") == nullptr || entry.Find("reason") == nullptr ||
        (entry.Find("operation") == nullptr && entry.Find("at") == nullptr)) {
      sink.Report(DiagCode::kDiffAcceptedInvalid, entry.loc(),
                  "an accepted break needs `rule`, `operation` (or `at`) and `reason`");
      ok = false;
    } else if (accepted.reason.find_first_not_of(" \t\n") == std::string::npos && entry.Find("reason")->is_string()) {
      sink.Report(DiagCode::kDiffAcceptedInvalid, entry.Find("reason")->loc(), "the reason of an accepted break is empty",
                  "say why the break is made on purpose; the report shows it");
      ok = false;
    }
    if (ok) out.push_back(std::move(accepted));
  }
  return out;
}

}  // namespace specc::cli
