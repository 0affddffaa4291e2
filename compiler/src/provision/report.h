// The report of a `specc provision` run as text (Terraform-style: one line per step, the
// manual steps' instructions in order, a summary) or as JSON. Deterministic: the same run
// gives the same bytes. A report holds names, ids and what was done, never a value.
#ifndef SPECC_PROVISION_REPORT_H_
#define SPECC_PROVISION_REPORT_H_

#include <string>

#include "provision/runner.h"

namespace specc::provision {

std::string ReportText(const RunReport& report);

// {"projectId", "environment", "dryRun", "steps": [{"idempotencyKey", "title", "provider",
// "resource", "environment", "mode", "result", "externalId", "done", "pending", "drift",
// "notes", "blockedBy", "handedOver", "error", "instructions"}], "stateWritten",
// "handoff", "summary": {...counts, "status"}}.
std::string ReportJson(const RunReport& report);

// The failures of `report` as error lines for stderr ("specc provision: error: neon: step
// `neonBranch.db-dev`: POST /projects/x/branches: HTTP 500 (after 4 attempts)"); empty when
// nothing failed.
std::string ReportErrors(const RunReport& report);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_REPORT_H_
