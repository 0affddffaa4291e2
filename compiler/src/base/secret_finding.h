// A secret-shaped value found in a spec file, and where it sits in its document. The
// spec layer judges the place from the file's tree (spec/secret_context.h); the secret
// review (driver/secret_review.h) decides from it what to report. Plain data, so that the
// judgement can travel with the file's text (SourceMap::RecordSecrets) from the load, where
// the tree is alive, to the review, which runs after the tree is gone.
#ifndef SPECC_BASE_SECRET_FINDING_H_
#define SPECC_BASE_SECRET_FINDING_H_

#include <optional>
#include <string>

#include "base/secret_scan.h"

namespace specc {

// Where a value sits in its document: inside an example, and whether that example is of
// a field documented as a credential.
struct SecretPlace {
  bool in_example = false;
  bool code_sample = false;  // inside `x-codeSamples` (or `x-code-samples`)
  bool credential = false;
  std::string field;  // the credential field (else the value's own key), for the message
};

struct SecretFinding {
  SecretHit hit;            // offsets into the file's text
  std::string fingerprint;  // SecretFingerprint of the hit
  // Absent when the file was not read as a tree (not YAML or JSON, or it does not parse)
  // or no scalar holds the value (a comment, a key).
  std::optional<SecretPlace> place;
};

}  // namespace specc

#endif  // SPECC_BASE_SECRET_FINDING_H_
