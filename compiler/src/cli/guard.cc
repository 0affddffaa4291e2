#include "cli/guard.h"

#include <ostream>

#include "base/path.h"
#include "base/secret_scan.h"

namespace specc::cli {

bool GuardFiles(const OutputSet& files, const std::string& dir, std::ostream& err) {
  bool clean = true;
  for (const auto& [path, bytes] : files.files()) {
    for (const SecretHit& hit : ScanForSecrets(bytes)) {
      err << "specc: error: `" << (dir.empty() ? path : JoinPath(dir, path)) << "` would hold a secret-shaped string (rule `"
          << hit.rule << "`, line " << LineOf(bytes, hit.offset) << "); nothing was written [SECRET_IN_OUTPUT]\n";
      clean = false;
    }
  }
  if (!clean) {
    err << "  hint: a secret reached generated output from a spec (an example, a default, a description): "
           "replace it with a placeholder such as `<token>` and rotate it\n";
  }
  return clean;
}

std::string GuardPrinted(std::string text, std::string_view stream, std::vector<std::string>* problems) {
  std::vector<SecretHit> hits = ScanForSecrets(text);
  if (hits.empty()) return text;
  for (const SecretHit& hit : hits) {
    problems->push_back("specc: error: " + std::string(stream) + " held a secret-shaped string (rule `" + std::string(hit.rule) +
                        "`, line " + std::to_string(LineOf(text, hit.offset)) + "); it was redacted [SECRET_IN_OUTPUT]\n");
  }
  return RedactSecrets(text, hits);
}

}  // namespace specc::cli
