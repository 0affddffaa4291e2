// The executors of the step kinds specc carries out, one per kind, each in the file of its
// provider (steps_<provider>.cc); step.cc dispatches on the kind. Each returns Done, or
// the ApiError of the call that failed, and leaves what it did in the StepRun.
#ifndef SPECC_PROVISION_EXECUTORS_H_
#define SPECC_PROVISION_EXECUTORS_H_

#include "provision/step.h"

namespace specc::provision {

ApiResult<Done> EnsureGithubRepo(StepRun& run);
ApiResult<Done> EnsureGithubEnvironment(StepRun& run);
ApiResult<Done> EnsureNeonProject(StepRun& run);
ApiResult<Done> EnsureNeonBranch(StepRun& run);
ApiResult<Done> EnsureUpstashRedis(StepRun& run);
ApiResult<Done> EnsureUpstashVector(StepRun& run);
ApiResult<Done> EnsureVercelProject(StepRun& run);
ApiResult<Done> EnsureVercelEnv(StepRun& run);
ApiResult<Done> EnsurePostmanWorkspace(StepRun& run);
ApiResult<Done> EnsurePostmanCollections(StepRun& run);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_EXECUTORS_H_
