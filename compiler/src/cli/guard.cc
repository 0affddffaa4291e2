#include "cli/guard.h"

#include <ostream>

#include "base/count_bytes.h"
#include "base/path.h"
#include "base/secret_scan.h"

namespace specc::cli {
namespace {

std::vector<SecretHit> Unaccepted(std::string_view text, const std::set<std::string>& accepted) {
  std::vector<SecretHit> hits = ScanForSecrets(text);
  if (accepted.empty()) return hits;
  std::erase_if(hits, [&](const SecretHit& hit) { return accepted.count(SecretFingerprint(text, hit)) > 0; });
  return hits;
}

}  // namespace

bool HoldsUnacceptedSecret(std::string_view bytes, const std::set<std::string>& accepted) {
  return !Unaccepted(bytes, accepted).empty();
}

PieceGuard::PieceGuard(std::string shown, const std::set<std::string>& accepted)
    : shown_(std::move(shown)), accepted_(accepted) {}

void PieceGuard::Scan(std::string_view piece) {
  std::vector<SecretHit> hits = Unaccepted(piece, accepted_);
  size_t counted = 0;  // the piece's line breaks before `counted` are in lines_before_
  for (const SecretHit& hit : hits) {
    lines_before_ += CountByte(piece.substr(counted, hit.offset - counted), '\n');
    counted = hit.offset;
    lines_ += "specc: error: `" + shown_ + "` would hold a secret-shaped string (rule `" + std::string(hit.rule) +
              "`, line " + std::to_string(lines_before_ + 1) + "); nothing was written [SECRET_IN_OUTPUT]\n";
  }
  lines_before_ += CountByte(piece.substr(counted), '\n');
}

std::string GuardFile(const std::string& shown, std::string_view bytes, const std::set<std::string>& accepted) {
  PieceGuard guard(shown, accepted);
  guard.Scan(bytes);
  return guard.lines();
}

void PrintGuardHint(std::ostream& err) {
  err << "  hint: a secret reached generated output from a spec (an example, a default, a description): "
         "replace it with a placeholder such as `<token>` and rotate it\n";
}

bool GuardFiles(const OutputSet& files, const std::string& dir, std::ostream& err,
                const std::set<std::string>& accepted) {
  bool clean = true;
  for (const auto& [path, bytes] : files.files()) {
    std::string lines = GuardFile(dir.empty() ? path : JoinPath(dir, path), bytes, accepted);
    err << lines;
    clean &= lines.empty();
  }
  if (!clean) PrintGuardHint(err);
  return clean;
}

std::string GuardPrinted(std::string text, std::string_view stream, std::vector<std::string>* problems,
                         const std::set<std::string>& accepted) {
  std::vector<SecretHit> hits = Unaccepted(text, accepted);
  if (hits.empty()) return text;
  for (const SecretHit& hit : hits) {
    problems->push_back("specc: error: " + std::string(stream) + " held a secret-shaped string (rule `" + std::string(hit.rule) +
                        "`, line " + std::to_string(LineOf(text, hit.offset)) + "); it was redacted [SECRET_IN_OUTPUT]\n");
  }
  return RedactSecrets(text, hits);
}

}  // namespace specc::cli
