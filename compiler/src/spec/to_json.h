// Canonical JSON text of a spec::Node: how literal values from a spec (defaults, enums,
// examples) are carried into the IR. Keys keep their document order; no whitespace.
#ifndef SPECC_SPEC_TO_JSON_H_
#define SPECC_SPEC_TO_JSON_H_

#include <string>

#include "spec/node.h"

namespace specc::spec {

// Appends `node` as compact JSON to `out`. YAML numbers were already normalised to JSON
// syntax by the parser; a YAML mapping with non-string keys cannot occur (the parser
// refuses them).
void AppendJson(const Node& node, std::string& out);
std::string ToJson(const Node& node);

}  // namespace specc::spec

#endif  // SPECC_SPEC_TO_JSON_H_
