// `specc explain` texts for the codes of reading and checking OpenAPI documents (SPEC_*):
// the groups of explain_texts_spec_<group>.cc joined in the order of base/diag_codes.def.
#include "cli/explain_texts_spec.h"

namespace specc::cli {

const std::vector<Explanation>& SpecExplanations() {
  static const std::vector<Explanation> table = [] {
    std::vector<Explanation> out;
    for (const std::vector<Explanation>* part :
         {&SpecFileExplanations(), &SpecRefExplanations(), &SpecStructureExplanations(), &SpecPathExplanations(),
          &SpecOperationExplanations(), &SpecSchemaExplanations()}) {
      out.insert(out.end(), part->begin(), part->end());
    }
    return out;
  }();
  return table;
}

}  // namespace specc::cli
