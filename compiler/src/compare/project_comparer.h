// Compares two versions of the project spec (ir::Project) for the changes that break
// deploys or data: environments and resources removed or moved, env vars a deploy now
// needs, secrets that stop being secret, a tighter preview policy.
#ifndef SPECC_COMPARE_PROJECT_COMPARER_H_
#define SPECC_COMPARE_PROJECT_COMPARER_H_

#include <string>
#include <vector>

#include "compare/change.h"
#include "ir/project.h"

namespace specc::compare {

// Appends the changes from `base` to `head` to `out`, each with `path` (the project
// spec's display path) as its Change::api. A project spec that exists in one version only
// is compared with an empty ir::Project.
void CompareProjects(const ir::Project& base, const ir::Project& head, const std::string& path,
                     std::vector<Change>& out);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_PROJECT_COMPARER_H_
