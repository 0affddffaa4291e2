#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "driver/front_end.h"
#include "driver/secret_review.h"

namespace specc::cli {

bool ResolveInputs(const std::vector<std::string>& files, const CommandContext& ctx,
                   SourceMap& sources, DiagSink& sink, std::vector<std::string>* inputs,
                   std::string* specs_dir) {
  if (!files.empty()) {
    *inputs = files;
    return true;
  }
  RealFs fs = RepositoryFs(files, ctx);
  spec::ProjectConfig config = driver::LoadConfig(ctx.working_dir, fs, sources, sink);
  if (specs_dir != nullptr) *specs_dir = config.specs_dir;
  Result<std::vector<std::string>> roots = driver::FindSpecInputs(config.specs_dir, ctx.working_dir, fs);
  if (!roots.ok()) {
    ctx.err << "specc: no FILE given and no readable `" << config.specs_dir << "/` directory here ("
            << roots.error().message << ")\n"
            << "  hint: name the spec files, run `specc init`, or run in a repository with a `"
            << config.specs_dir << "/` directory\n";
    return false;
  }
  if (roots.value().empty()) {
    ctx.err << "specc: `" << config.specs_dir << "/` holds no project spec (`*.specc`) and no OpenAPI "
               "document (a file with an `openapi` field)\n";
    return false;
  }
  *inputs = roots.value();
  return true;
}

std::optional<RepositorySpecs> LoadRepository(const std::string& command, const CommandContext& ctx,
                                              const Fs& fs, SourceMap& sources, DiagSink& sink) {
  // Its callers (plan, provision, env check) review no secrets: the load need not judge them.
  sources.set_secrets_wanted(false);
  spec::ProjectConfig config = driver::LoadConfig(ctx.working_dir, fs, sources, sink);
  Result<std::vector<std::string>> inputs = driver::FindSpecInputs(config.specs_dir, ctx.working_dir, fs);
  if (!inputs.ok()) {
    ctx.err << "specc " << command << ": no readable `" << config.specs_dir << "/` directory here\n"
            << "  hint: run it in a repository with a project spec (`specc init` scaffolds one), or use -C DIR\n";
    return std::nullopt;
  }
  driver::LoadedSpecs specs = driver::LoadSpecs(inputs.value(), ctx.working_dir, fs, sources, sink);
  return RepositorySpecs{std::move(config), std::move(specs)};
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

RealFs RepositoryFs(const std::vector<std::string>& files, const CommandContext& ctx) {
  return files.empty() ? RealFs(ctx.working_dir) : RealFs();
}

driver::SecretReview ReviewSecrets(FileId first_file, const std::vector<std::string>& files,
                                   const std::string& specs_dir, const Fs& fs, SourceMap& sources,
                                   DiagSink& sink, const CommandContext& ctx) {
  driver::SecretReview review = driver::ReviewSpecSecrets(
      first_file, driver::SecretAllowlists(files, specs_dir), ctx.working_dir, fs, sources, sink);
  if (ctx.accepted_secrets != nullptr) ctx.accepted_secrets->insert(review.accepted.begin(), review.accepted.end());
  return review;
}

int RunLint(const std::vector<std::string>& files, const CommandContext& ctx) {
  RealFs fs = RepositoryFs(files, ctx);
  SourceMap sources;
  DiagSink sink;
  std::vector<std::string> inputs;
  std::string specs_dir;
  if (!ResolveInputs(files, ctx, sources, sink, &inputs, &specs_dir)) return kExitUsage;
  FileId first_spec = static_cast<FileId>(sources.file_count());
  ReleaseAtExit(driver::LoadSpecs(inputs, ctx.working_dir, fs, sources, sink), ctx);
  if (files.empty()) {
    driver::ReportUnreachedSpecFiles(specs_dir, ctx.working_dir, fs, sources,
                                     driver::SecretAllowlists(files, specs_dir), sink);
  }
  ReviewSecrets(first_spec, files, specs_dir, fs, sources, sink, ctx);
  PrintDiagnostics(sink, sources, ctx.format, ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
  return ExitCodeFor(sink);
}

}  // namespace specc::cli
