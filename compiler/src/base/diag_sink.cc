#include "base/diag_sink.h"

#include <utility>

namespace specc {

void DiagSink::Report(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  if (diagnostic.severity == Severity::kWarning) ++warning_count_;
  if (diagnostics_.size() >= kMaxDiagnostics) {
    ++dropped_count_;
    return;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagSink::Report(DiagCode code, Loc loc, std::string message, std::string hint) {
  Report(Diagnostic{.severity = DefaultSeverity(code),
                    .code = code,
                    .loc = loc,
                    .message = std::move(message),
                    .hint = std::move(hint),
                    .notes = {}});
}

}  // namespace specc
