// The parts of SpecExplanations(), one file per group of SPEC_* codes, each group in the
// order of base/diag_codes.def: explain_texts_spec_<group>.cc.
#ifndef SPECC_CLI_EXPLAIN_TEXTS_SPEC_H_
#define SPECC_CLI_EXPLAIN_TEXTS_SPEC_H_

#include <vector>

#include "cli/explain_texts.h"

namespace specc::cli {

const std::vector<Explanation>& SpecFileExplanations();       // reading files, the document
const std::vector<Explanation>& SpecRefExplanations();        // `$ref`
const std::vector<Explanation>& SpecStructureExplanations();  // fields and schema objects
const std::vector<Explanation>& SpecPathExplanations();       // path templates and routes
const std::vector<Explanation>& SpecOperationExplanations();  // parameters, servers, security, responses
const std::vector<Explanation>& SpecSchemaExplanations();     // extensions, compositions

}  // namespace specc::cli

#endif  // SPECC_CLI_EXPLAIN_TEXTS_SPEC_H_
