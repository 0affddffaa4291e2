// What the spec says a step's resource should look like, as named attributes that the
// executors observe at the provider and the state records (region, pgVersion, framework,
// ...). One table, so that `specc provision` (comparing with the provider) and `specc
// plan` (comparing with the state, offline) tell drift the same way.
#ifndef SPECC_PROVISION_DESIRED_H_
#define SPECC_PROVISION_DESIRED_H_

#include <map>
#include <string>
#include <vector>

#include "emit/plan/plan_model.h"
#include "ir/project.h"
#include "provision/state.h"
#include "provision/step.h"

namespace specc::provision {

// The attributes the spec fixes for `step` (only those it says something about).
std::map<std::string, std::string> DesiredAttributes(const emit::PlanStep& step, const ir::Project& project);

// The desired attributes that `observed` has with another value (or not at all).
std::vector<DriftItem> Differences(const emit::PlanStep& step, const ir::Project& project,
                                   const std::map<std::string, std::string>& observed);

// What `specc plan` shows for a step, from the state alone: "manual" (not automated here),
// "create" (nothing recorded), "drift" (recorded attributes differ from the spec) or
// "no-op".
std::string PlannedStatus(const emit::PlanStep& step, const ir::Project& project, const StateRecord* recorded);

// The repository a vercel.project links to: its `repository` setting, or the full name of
// the github.repo resource that setting names.
std::string LinkedRepository(const ir::Project& project, const emit::PlanStep& step);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_DESIRED_H_
