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

void DiagSink::Absorb(const DiagSink& other) {
  size_t errors = 0, warnings = 0;
  for (const Diagnostic& diagnostic : other.diagnostics_) {
    errors += diagnostic.severity == Severity::kError;
    warnings += diagnostic.severity == Severity::kWarning;
    Report(diagnostic);
  }
  error_count_ += other.error_count_ - errors;
  warning_count_ += other.warning_count_ - warnings;
  dropped_count_ += other.dropped_count_;
}

}  // namespace specc
