// The accepted-breaks file (`specs/.specc-accepted-breaks.yaml` by default): the changes a
// team makes on purpose, each by rule id and location, with the reason.
//
//   accepted:
//     - rule: response-property-removed
//       operation: GET /pets/{petId}
//       at: response 200 application/json nickname
//       reason: nickname moved to displayName; announced in the 2.3 release notes
//       api: specs/api/openapi.yaml   # optional: only this API
#ifndef SPECC_CLI_ACCEPTED_FILE_H_
#define SPECC_CLI_ACCEPTED_FILE_H_

#include <vector>

#include "base/diag_sink.h"
#include "base/source_map.h"
#include "compare/accepted.h"

namespace specc::cli {

// The accepted-breaks file's name inside the specs directory.
inline constexpr char kAcceptedBreaksFile[] = ".specc-accepted-breaks.yaml";

// Parses `file` (already in `sources`). Returns its entries; every problem (a field
// missing or of the wrong type, an unknown rule id, an empty reason) goes to `sink` as
// DIFF_ACCEPTED_INVALID at its line and column, and that entry is left out.
std::vector<compare::AcceptedBreak> ParseAcceptedBreaks(FileId file, const SourceMap& sources, DiagSink& sink);

}  // namespace specc::cli

#endif  // SPECC_CLI_ACCEPTED_FILE_H_
