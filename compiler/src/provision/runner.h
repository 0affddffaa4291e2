// `specc provision` without the command line: runs the plan's steps for one environment
// (and the shared steps) in the plan's order. Automated steps ensure their resource,
// asking the Approver before any side effect; manual and assisted steps are reported with
// their instructions, and the provisioned values they need are handed over in
// `.env.<env>` when git ignores it; a step whose automated dependency failed or waits for
// approval is blocked. The state is written after every step, atomically. Nothing here
// prints: the report says what happened (provision/report.h renders it).
#ifndef SPECC_PROVISION_RUNNER_H_
#define SPECC_PROVISION_RUNNER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "emit/plan/plan_model.h"
#include "ir/project.h"
#include "provision/local_files.h"
#include "provision/step.h"

namespace specc::provision {

enum class StepResult {
  kNoop,           // it was there, as the spec says
  kCreated,        // something was created
  kUpdated,        // something that existed was changed (approved)
  kDrift,          // it differs from the spec and stays as it is
  kNeedsApproval,  // a side effect waits for approval
  kWouldChange,    // --dry-run: a side effect would happen
  kManual,         // a person does it (instructions printed)
  kBlocked,        // an automated dependency did not complete
  kFailed,         // a provider call failed
};

// Returns "noop", "created", "updated", "drift", "needs-approval", "would-change",
// "manual", "blocked" or "failed".
const char* StepResultName(StepResult result);

struct StepReport {
  const emit::PlanStep* step = nullptr;
  StepResult result = StepResult::kNoop;
  std::string external_id;
  std::vector<std::string> done;
  std::vector<std::string> pending;
  std::vector<DriftItem> drift;
  std::vector<std::string> notes;
  std::string blocked_by;               // the key of the dependency that blocked it
  std::vector<std::string> handed_over;  // env vars written to `.env.<env>` for a manual step
  std::optional<ApiError> error;
};

struct RunReport {
  std::string project;
  std::string project_id;
  std::string environment;
  bool dry_run = false;
  std::vector<StepReport> steps;
  std::vector<std::string> written;   // state files written
  std::string handoff_path;           // `.env.<env>`
  std::string handoff_problem;        // why nothing was handed over there, if so
  std::string state_problem;          // a state file that could not be read or written
  // 0: every automated step is done; 1: approvals, drift or blocked steps remain;
  // 4: a provider call or a state file failed.
  int ExitCode() const;
};

// Decides whether the side effects of one step may happen.
class Approver {
 public:
  virtual ~Approver() = default;
  // Called at most once per step, with the first side effect it would do.
  virtual bool Approve(const emit::PlanStep& step, const std::string& what) = 0;
};

struct RunInputs {
  const emit::Plan& plan;
  const ir::Project& project;
  std::string environment;
  bool dry_run = false;
  // The Postman files of the environment, by repository path (for postmanCollection).
  std::map<std::string, std::string> postman_files;
};

// Runs the steps of `inputs.environment`. REQUIRES: the environment is one of the plan's.
RunReport RunProvision(const RunInputs& inputs, Clients& clients, LocalFiles& files, Approver& approver);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_RUNNER_H_
