// The secret review of the specs themselves, before anything is generated from them:
// every secret-shaped value (base/secret_scan.h) in a spec file is reported where it is
// (file:line:col, rule id), judged by where it sits, and checked against the team's
// allowlist. `lint` shows the review; `emit`, `apply`, `check` and `ir` run it too and hand
// the accepted values to the secret guard, so that output is never written with an
// unaccepted secret in it, and a refusal points at the spec rather than at a file that was
// never written.
//
// Confidence from context: a value inside an `example`/`examples` of a field named or
// described as a credential (`access_token`, a `password` parameter, a schema described
// as "the API key") is documentation, most likely a published example: a warning
// (SECRET_EXAMPLE), and output may carry it. A value whose checksum proves it real (a
// GitHub token) stays an error wherever it is. Everything else is an error
// (SECRET_IN_SPEC). An allowlist entry accepts one value by fingerprint, with a reason.
#ifndef SPECC_DRIVER_SECRET_REVIEW_H_
#define SPECC_DRIVER_SECRET_REVIEW_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"

namespace specc::driver {

// The allowlist's file name, in the specs directory (file mode: beside each named file).
inline constexpr std::string_view kSecretAllowlistName = ".specc-secrets-allow.yaml";

struct SecretReview {
  // Fingerprints (base/secret_scan.h) that output may carry: allowlisted values and
  // documentation examples.
  std::set<std::string> accepted;
  // The spec files holding at least one secret-shaped value, whatever the judgement: a
  // file outside it needs no review until its bytes change.
  std::set<FileId> files_with_findings;
};

// Reviews the spec files `sources` holds from `first_file` on. `allowlists` are paths
// relative to `working_dir`; a missing one is no error. Reports SECRET_IN_SPEC,
// SECRET_EXAMPLE, SECRET_ALLOW_INVALID and SECRET_ALLOW_UNUSED to `sink` and returns what
// the guard needs. The allowlists are added to `sources`. Each file's findings and their
// places are the ones the load recorded in `sources` while the file's tree was alive
// (spec/secret_context.h); a file nothing recorded (not parsed this run) is parsed again.
SecretReview ReviewSpecSecrets(FileId first_file, const std::vector<std::string>& allowlists,
                               const std::string& working_dir, const Fs& fs, SourceMap& sources,
                               DiagSink& sink);

// The allowlists a run reads: `<specs_dir>/.specc-secrets-allow.yaml` in repository mode
// (no `files`), otherwise the one beside each named file.
std::vector<std::string> SecretAllowlists(const std::vector<std::string>& files, const std::string& specs_dir);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_SECRET_REVIEW_H_
