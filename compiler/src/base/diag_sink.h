// DiagSink: where every stage sends the problems it finds in the user's input. Stages keep
// going after an error to collect them all; the driver stops between stages when
// has_errors().
#ifndef SPECC_BASE_DIAG_SINK_H_
#define SPECC_BASE_DIAG_SINK_H_

#include <cstddef>
#include <string>
#include <vector>

#include "base/diagnostic.h"

namespace specc {

class DiagSink {
 public:
  // Records `diagnostic`. Past kMaxDiagnostics the rest are counted but not kept, so that
  // 100 MB of garbage cannot make specc print 100 MB of errors.
  void Report(Diagnostic diagnostic);
  // Shorthand for a diagnostic with the code's default severity and no notes.
  void Report(DiagCode code, Loc loc, std::string message, std::string hint = {});
  // Reports what `other` holds, in its order, as if each had been reported here: work done
  // in parallel, each part into its own sink, merges in a fixed order into the same result
  // as a serial run (the counts of what `other` dropped included).
  void Absorb(const DiagSink& other);

  bool has_errors() const { return error_count_ > 0; }
  size_t error_count() const { return error_count_; }
  size_t warning_count() const { return warning_count_; }
  size_t dropped_count() const { return dropped_count_; }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  static constexpr size_t kMaxDiagnostics = 1000;

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
  size_t warning_count_ = 0;
  size_t dropped_count_ = 0;
};

}  // namespace specc

#endif  // SPECC_BASE_DIAG_SINK_H_
