#include "compare/compare.h"

#include <algorithm>

#include "compare/api_comparer.h"
#include "compare/project_comparer.h"

namespace specc::compare {

std::vector<Change> CompareSpecs(const SpecsVersion& base, const SpecsVersion& head) {
  std::vector<Change> out;
  if (base.project != nullptr || head.project != nullptr) {
    static const ir::Project kNoProject;
    CompareProjects(base.project != nullptr ? *base.project : kNoProject,
                    head.project != nullptr ? *head.project : kNoProject,
                    head.project != nullptr ? head.project_path : base.project_path, out);
  }
  auto find = [](const SpecsVersion& version, const std::string& key) -> const ApiVersion* {
    auto it = std::find_if(version.apis.begin(), version.apis.end(), [&](const ApiVersion& a) { return a.key == key; });
    return it == version.apis.end() ? nullptr : &*it;
  };
  for (const ApiVersion& x : base.apis) {
    const ApiVersion* y = find(head, x.key);
    if (y == nullptr) {
      out.push_back(Change{.rule = Rule::kApiRemoved, .api = x.path, .operation = {}, .at = {},
                           .message = "API `" + x.path + "` removed (" + std::to_string(x.api->operations.size()) +
                                      " operations)",
                           .base = x.api->loc, .head = {}, .accepted = false, .reason = {}});
      continue;
    }
    CompareApis(*x.api, *y->api, y->path, out);
  }
  for (const ApiVersion& y : head.apis) {
    if (find(base, y.key) != nullptr) continue;
    out.push_back(Change{.rule = Rule::kApiAdded, .api = y.path, .operation = {}, .at = {},
                         .message = "API `" + y.path + "` added (" + std::to_string(y.api->operations.size()) +
                                    " operations)",
                         .base = {}, .head = y.api->loc, .accepted = false, .reason = {}});
  }
  return out;
}

}  // namespace specc::compare
