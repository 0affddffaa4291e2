// Where a secret-shaped value sits in a YAML or JSON spec file, judged from the file's
// tree: inside an `example`/`examples` (or a code sample), and whether that example is of
// a field named or described as a credential (`access_token`, a `password` parameter, a
// schema described as "the API key"). The secret review (driver/secret_review.h) turns the
// judgement into SECRET_EXAMPLE or SECRET_IN_SPEC.
//
// The judgement needs the tree, which only lives while a document is loaded: the OpenAPI
// load judges each file it parses and records the findings in the SourceMap
// (FindSecretsInTree); a file nothing parsed this run is parsed again for it
// (FindSecretsByParsing). Both give the same findings for the same file.
#ifndef SPECC_SPEC_SECRET_CONTEXT_H_
#define SPECC_SPEC_SECRET_CONTEXT_H_

#include <string_view>
#include <vector>

#include "base/loc.h"
#include "base/secret_finding.h"
#include "spec/node.h"

namespace specc::spec {

// Returns the secret-shaped values of `text` (the contents of the file printed as `path`),
// each placed in `root`, the tree parsed from `text`. Places are judged only for YAML and
// JSON files (by `path`'s extension) and only when `root` is given.
std::vector<SecretFinding> FindSecretsInTree(std::string_view path, std::string_view text, const Node* root);

// The same findings for a file whose tree is gone: `text` is parsed again (as `file`),
// only when it holds a secret-shaped value and is YAML or JSON. Parse errors are not
// reported (the load reported them, or the file is not part of an API).
std::vector<SecretFinding> FindSecretsByParsing(FileId file, std::string_view path, std::string_view text);

}  // namespace specc::spec

#endif  // SPECC_SPEC_SECRET_CONTEXT_H_
