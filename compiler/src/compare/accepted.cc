#include "compare/accepted.h"

namespace specc::compare {

void ApplyAcceptedBreaks(const std::vector<AcceptedBreak>& entries, const std::string& file,
                         std::vector<Change>& changes) {
  std::vector<Change> unused;
  for (const AcceptedBreak& entry : entries) {
    bool matched = false;
    for (Change& c : changes) {
      if (c.rule != entry.rule || c.operation != entry.operation || c.at != entry.at) continue;
      if (!entry.api.empty() && c.api != entry.api) continue;
      c.accepted = true;
      c.reason = entry.reason;
      matched = true;
    }
    if (matched) continue;
    std::string where = entry.operation + (entry.at.empty() ? "" : " " + entry.at);
    unused.push_back(Change{.rule = Rule::kAcceptedBreakUnused, .api = file, .operation = {}, .at = {},
                            .message = "accepted `" + std::string(RuleId(entry.rule)) + "` at `" + where +
                                       "` matches no change; remove the entry",
                            .base = {}, .head = entry.loc, .accepted = false, .reason = {}});
  }
  changes.insert(changes.end(), unused.begin(), unused.end());
}

}  // namespace specc::compare
