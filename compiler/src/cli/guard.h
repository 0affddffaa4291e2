// The secret guard at the cli's edges: every file specc is about to write and every byte
// it is about to print goes through base/secret_scan.h first. A file with a secret-shaped
// string stops the whole write (nothing is written, an error names the file, the line and
// the rule); printed text is redacted in place and the run fails, so that a diagnostic
// quoting a leaked token still says where it is without repeating it.
#ifndef SPECC_CLI_GUARD_H_
#define SPECC_CLI_GUARD_H_

#include <iosfwd>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/output_set.h"

namespace specc::cli {

// Returns true when no file of `files` holds a secret-shaped string whose fingerprint is
// not in `accepted` (the spec review's, driver/secret_review.h). Otherwise prints a
// SECRET_IN_OUTPUT error per hit to `err` (the path joined to `dir`, the line, the rule;
// never the string) and returns false: the caller then writes nothing. A secret the specs
// hold verbatim never gets here: the review reports it at its place in the spec first;
// this catches what only the output shows (a JSON escape, a template).
bool GuardFiles(const OutputSet& files, const std::string& dir, std::ostream& err,
                const std::set<std::string>& accepted = {});

// GuardFiles one file at a time, for a caller that guards each file as it is rendered:
// the SECRET_IN_OUTPUT lines of the file `shown` (its path as printed) holding `bytes`,
// empty when it is clean; and the hint that follows the lines of every file.
// True when GuardFiles would refuse a file holding `bytes`.
bool HoldsUnacceptedSecret(std::string_view bytes, const std::set<std::string>& accepted);
std::string GuardFile(const std::string& shown, std::string_view bytes, const std::set<std::string>& accepted);
void PrintGuardHint(std::ostream& err);

// GuardFile for a file guarded piece by piece as it is written (OutputStream): Scan each
// piece in order; lines() are then GuardFile's for the whole file. REQUIRES: the pieces
// are cut at line breaks no secret-shaped string spans (OutputStream::Drain's cuts).
class PieceGuard {
 public:
  PieceGuard(std::string shown, const std::set<std::string>& accepted);
  void Scan(std::string_view piece);
  const std::string& lines() const { return lines_; }

 private:
  std::string shown_;
  const std::set<std::string>& accepted_;
  size_t lines_before_ = 0;  // line breaks in the pieces scanned
  std::string lines_;
};

// Returns `text` with every secret-shaped string not in `accepted` (fingerprints) replaced
// by `[redacted:<rule>]`, and adds one SECRET_IN_OUTPUT error line per such hit to
// `problems` (`stream` names where the text was going: "stdout" or "stderr").
std::string GuardPrinted(std::string text, std::string_view stream, std::vector<std::string>* problems,
                         const std::set<std::string>& accepted = {});

}  // namespace specc::cli

#endif  // SPECC_CLI_GUARD_H_
