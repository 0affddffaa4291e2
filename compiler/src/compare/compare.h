// The comparison layer's entry point: two versions of a repository's specs (the project
// spec and every API) in, classified changes out (change.h). It reads IR only and never
// prints; how the versions are loaded (a git revision, the index, files) is the caller's.
#ifndef SPECC_COMPARE_COMPARE_H_
#define SPECC_COMPARE_COMPARE_H_

#include <string>
#include <vector>

#include "compare/change.h"
#include "ir/api.h"
#include "ir/project.h"

namespace specc::compare {

struct ApiVersion {
  // What identifies the API across versions: the name of the project's service that
  // serves it, otherwise its path; in file mode one fixed key, so that `diff OLD NEW`
  // compares the two documents whatever their names.
  std::string key;
  std::string path;  // its display path, written into Change::api
  const ir::Api* api = nullptr;
};

// One version of the specs. Pointers must outlive the call of CompareSpecs.
struct SpecsVersion {
  const ir::Project* project = nullptr;  // null: the version has no project spec
  std::string project_path;
  std::vector<ApiVersion> apis;
};

// Returns the changes from `base` to `head`: the project spec's first, then each API's, in
// the order of base's APIs followed by the APIs only head has. Within an API, changes come
// in the order of its operations. Locs in `base` fields belong to the base version's
// SourceMap, those in `head` fields to the head version's.
std::vector<Change> CompareSpecs(const SpecsVersion& base, const SpecsVersion& head);

}  // namespace specc::compare

#endif  // SPECC_COMPARE_COMPARE_H_
