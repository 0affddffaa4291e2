// What one provisioning step sees while it runs, and what it leaves behind. The runner
// (provision/runner.h) hands each automated step of the plan a StepRun; the step's
// executor (steps_<provider>.cc) looks its resource up, asks the Gate before every side
// effect, and fills in the record, the outputs and what it did. Executors never print and
// never decide approvals themselves.
#ifndef SPECC_PROVISION_STEP_H_
#define SPECC_PROVISION_STEP_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "emit/plan/plan_model.h"
#include "ir/project.h"
#include "provision/api.h"
#include "provision/state.h"

namespace specc::provision {

class GithubClient;
class NeonClient;
class PostmanClient;
class UpstashClient;
class VercelClient;
class LocalFiles;

// A value a step produced, such as a connection URI. Secret values live in memory for the
// run only: never in the state, a report or a log.
struct OutputValue {
  std::string value;
  bool secret = false;
  std::string source_id;  // the external id of what produced it (for redelivery)
};

// Outputs by resource name, then output name ("db" -> "connectionUri").
using Outputs = std::map<std::string, std::map<std::string, OutputValue>>;

// Decides whether the current step may do one side effect. `what` says it in words
// ("create Neon branch `dev` in project `stackfast-db`").
class Gate {
 public:
  virtual ~Gate() = default;
  virtual bool Allow(const std::string& what) = 0;
};

// The provider clients of a run; null when the provider's credentials are missing.
struct Clients {
  std::unique_ptr<NeonClient> neon;
  std::unique_ptr<UpstashClient> upstash;
  std::unique_ptr<VercelClient> vercel;
  std::unique_ptr<GithubClient> github;
  std::unique_ptr<PostmanClient> postman;
  Clients();
  ~Clients();
  Clients(Clients&&) noexcept;
  Clients& operator=(Clients&&) noexcept;
};

// How a setting of the spec differs from the resource as it is.
struct DriftItem {
  std::string field;   // "region"
  std::string wanted;  // what the spec says
  std::string actual;  // what the provider has
};

struct StepRun {
  const emit::PlanStep& step;
  const ir::Project& project;
  const std::string& environment;  // the environment the run provisions
  const StateRecord* previous;     // this step's record from the last run, or null
  Gate& gate;
  Outputs& outputs;
  Clients& clients;
  LocalFiles& files;
  // The repository-relative files a step reads (the Postman collections), by path.
  const std::map<std::string, std::string>& artifacts;

  StateRecord record;                  // filled in by the executor
  std::vector<std::string> done;       // side effects that happened, in words
  std::vector<std::string> pending;    // side effects the gate refused, in words
  std::vector<DriftItem> drift;        // settings that differ and stay as they are
  std::vector<std::string> notes;      // anything a person should know (values left to them)
};

// Runs the executor of `run.step` (by its kind). Returns Done, or the ApiError of the
// provider call that failed. REQUIRES: HasExecutor(run.step.kind).
ApiResult<Done> Execute(StepRun& run);

// True when specc can carry out steps of `kind` ("neonBranch", ...) through an API.
bool HasExecutor(const std::string& kind);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_STEP_H_
