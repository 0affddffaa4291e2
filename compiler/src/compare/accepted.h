// Breaking changes made on purpose: the entries of a committed accepted-breaks file
// (`specs/.specc-accepted-breaks.yaml`; the cli layer parses it) matched against the
// changes of a comparison. A matched change is reported as accepted and no longer counts
// towards the exit threshold; an entry that matches nothing is itself reported, so that
// the file does not collect stale entries.
#ifndef SPECC_COMPARE_ACCEPTED_H_
#define SPECC_COMPARE_ACCEPTED_H_

#include <string>
#include <vector>

#include "compare/change.h"

namespace specc::compare {

struct AcceptedBreak {
  Rule rule = Rule::kOperationRemoved;
  std::string operation;  // Change::operation, exactly
  std::string at;         // Change::at, exactly ("" for the operation itself)
  std::string api;        // Change::api; empty matches any API
  std::string reason;     // why the change is accepted; never empty
  Loc loc;                // the entry in the file
};

// Marks every change an entry matches (same rule, operation and `at`, and API when the
// entry names one) as accepted with the entry's reason, then appends one
// accepted-break-unused change per entry that matched nothing, located at the entry, with
// `file` (the accepted-breaks file's display path) as its Change::api.
void ApplyAcceptedBreaks(const std::vector<AcceptedBreak>& entries, const std::string& file,
                         std::vector<Change>& changes);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_ACCEPTED_H_
