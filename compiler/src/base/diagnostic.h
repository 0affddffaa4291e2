// The diagnostic type every stage reports problems in the user's input with, and the
// registry of their codes (diag_codes.def). Only the cli layer prints diagnostics.
#ifndef SPECC_BASE_DIAGNOSTIC_H_
#define SPECC_BASE_DIAGNOSTIC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"

namespace specc {

enum class Severity : uint8_t { kError, kWarning, kNote };

enum class DiagCode : uint16_t {
#define SPECC_DIAG(name, text, severity) name,
#include "base/diag_codes.def"
#undef SPECC_DIAG
};

// Returns the printed form of `code`, e.g. "SPEC_REF_UNRESOLVED".
std::string_view DiagCodeName(DiagCode code);
// Returns the severity a diagnostic with `code` has unless a reporter says otherwise.
Severity DefaultSeverity(DiagCode code);
// Returns every registered code, in registry order.
const std::vector<DiagCode>& AllDiagCodes();
// Returns "error", "warning" or "note".
std::string_view SeverityName(Severity severity);

struct Diagnostic {
  Severity severity = Severity::kError;
  DiagCode code = DiagCode::kSpecFieldValue;
  Loc loc;
  // Lowercase, no final period, names in backticks.
  std::string message;
  // Optional advice on how to fix it; empty when there is none worth giving.
  std::string hint;
  // Context such as "referenced from here" or the $ref chain of a cycle.
  std::vector<Diagnostic> notes;
};

}  // namespace specc

#endif  // SPECC_BASE_DIAGNOSTIC_H_
