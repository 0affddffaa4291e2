// Prints diagnostics like a compiler (file:line:col, the source line and a caret), as
// JSON, as GitHub workflow annotations, or as a SARIF 2.1.0 log for code scanning. Sorted by (path, line, column, code, message)
// and de-duplicated, so output is stable however the stages ran.
#ifndef SPECC_CLI_DIAG_PRINTER_H_
#define SPECC_CLI_DIAG_PRINTER_H_

#include <iosfwd>
#include <string>

#include "base/diag_sink.h"
#include "base/source_map.h"

namespace specc::cli {

enum class OutputFormat { kText, kJson, kGithub, kSarif };

// Parses "text", "json", "github" or "sarif"; false for anything else.
bool ParseOutputFormat(const std::string& name, OutputFormat* format);

void PrintDiagnostics(const DiagSink& sink, const SourceMap& sources, OutputFormat format,
                      std::ostream& out);

}  // namespace specc::cli

#endif  // SPECC_CLI_DIAG_PRINTER_H_
