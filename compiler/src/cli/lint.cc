#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "driver/front_end.h"

namespace specc::cli {

bool ResolveInputs(const std::vector<std::string>& files, const CommandContext& ctx,
                   std::vector<std::string>* inputs) {
  if (!files.empty()) {
    *inputs = files;
    return true;
  }
  RealFs fs;
  Result<std::vector<std::string>> roots = driver::FindSpecInputs("specs", ctx.working_dir, fs);
  if (!roots.ok()) {
    ctx.err << "specc: no FILE given and no readable `specs/` directory here ("
            << roots.error().message << ")\n"
            << "  hint: name the spec files, or run in a repository with a `specs/` directory\n";
    return false;
  }
  if (roots.value().empty()) {
    ctx.err << "specc: `specs/` holds no project spec (`*.specc`) and no OpenAPI document "
               "(a file with an `openapi` field)\n";
    return false;
  }
  *inputs = roots.value();
  return true;
}

void ReleaseAtExit(driver::LoadedSpecs&& specs, const CommandContext& ctx) {
  if (!ctx.free_memory) new driver::LoadedSpecs(std::move(specs));  // deliberately never freed
}

int ExitCodeFor(const DiagSink& sink) {
  for (const Diagnostic& d : sink.diagnostics()) {
    if (d.code == DiagCode::kSpecFileUnreadable) return kExitUsage;
  }
  return sink.has_errors() ? kExitSpecErrors : kExitClean;
}

int RunLint(const std::vector<std::string>& files, const CommandContext& ctx) {
  std::vector<std::string> inputs;
  if (!ResolveInputs(files, ctx, &inputs)) return kExitUsage;
  RealFs fs;
  SourceMap sources;
  DiagSink sink;
  ReleaseAtExit(driver::LoadSpecs(inputs, ctx.working_dir, fs, sources, sink), ctx);
  PrintDiagnostics(sink, sources, ctx.format, ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
  return ExitCodeFor(sink);
}

}  // namespace specc::cli
