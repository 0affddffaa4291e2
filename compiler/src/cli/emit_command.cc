// `specc emit FILE... --out DIR [--only KIND,...] [--templates DIR]`: file mode. Loads the
// specs and renders the artifacts, each file going to a temporary file in DIR as it is
// rendered (cli/staged_output_dir.h: the run never holds every file in memory); only when
// no stage reported an error, the secret guard passed and every file was written are the
// temporaries renamed into place, so DIR never holds a half-written file or a partial
// set. No git is involved and nothing outside DIR is touched.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/staged_output_dir.h"
#include "driver/front_end.h"
#include "driver/generate.h"
#include "emit/registry.h"
#include "emit/template_set.h"

namespace specc::cli {
namespace {

namespace stdfs = std::filesystem;

// Kinds SPEC.md names whose emitters come with later issues.
constexpr std::string_view kLaterKinds[] = {"env", "plan"};

// Parses `--only`: returns false after printing when a kind is unknown or not built yet.
bool ParseKinds(const std::string& only, const CommandContext& ctx, std::vector<std::string>* kinds) {
  size_t start = 0;
  while (start <= only.size() && !only.empty()) {
    size_t end = only.find(',', start);
    if (end == std::string::npos) end = only.size();
    std::string kind = only.substr(start, end - start);
    start = end + 1;
    if (kind.empty()) continue;
    if (emit::FindEmitter(kind) == nullptr) {
      bool later = std::find(std::begin(kLaterKinds), std::end(kLaterKinds), kind) != std::end(kLaterKinds);
      ctx.err << "specc emit: " << (later ? "artifact kind `" + kind + "` is not built yet"
                                          : "unknown artifact kind `" + kind + "`")
              << "\n  kinds built today:";
      for (const emit::EmitterInfo& info : emit::Emitters()) ctx.err << " " << info.kind;
      ctx.err << "\n";
      return false;
    }
    kinds->push_back(kind);
  }
  return true;
}

}  // namespace

int RunEmit(const std::vector<std::string>& files, const std::string& out_dir, const std::string& only,
            const std::string& templates_dir, const CommandContext& ctx) {
  if (out_dir.empty()) {
    ctx.err << "specc emit: --out DIR is required\n  usage: specc emit FILE... --out DIR [--only KIND,...]\n";
    return kExitUsage;
  }
  std::vector<std::string> kinds;
  if (!ParseKinds(only, ctx, &kinds)) return kExitUsage;
  RealFs fs;
  SourceMap sources;
  DiagSink sink;
  std::vector<std::string> inputs;
  std::string specs_dir;
  if (!ResolveInputs(files, ctx, sources, sink, &inputs, &specs_dir)) return kExitUsage;
  emit::TemplateSet templates = emit::TemplateSet::BuiltIn(sources);
  if (!templates_dir.empty()) {
    Status status = templates.Override(JoinPath(ctx.working_dir, templates_dir), NormalizePath(templates_dir),
                                       fs, sources, sink);
    if (!status.ok()) {
      ctx.err << "specc emit: " << status.error().message << "\n";
      return kExitUsage;
    }
  }
  FileId first_spec = static_cast<FileId>(sources.file_count());
  driver::LoadedSpecs specs = driver::LoadSpecs(inputs, ctx.working_dir, fs, sources, sink, driver::Meanings::kKeep);
  driver::SecretReview secrets = ReviewSecrets(first_spec, files, specs_dir, fs, sources, sink, ctx);
  // Removes every temporary file unless committed below.
  StagedOutputDir staged(stdfs::path(JoinPath(ctx.working_dir, out_dir)), NormalizePath(out_dir), secrets.accepted,
                         ctx.emit_piece_bytes);
  if (!sink.has_errors()) driver::Generate(specs, kinds, templates, sink, {}, &staged);
  PrintDiagnostics(sink, sources, ctx.format, ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
  ReleaseAtExit(std::move(specs), ctx);
  if (sink.has_errors()) return ExitCodeFor(sink);
  if (!staged.PrintSecretProblems(ctx.err)) return kExitSpecErrors;
  std::optional<std::string> problem = staged.WriteProblem();
  Status committed = problem ? Status(Error{*problem}) : staged.Commit();
  if (!committed.ok()) {
    ctx.err << "specc emit: cannot write " << committed.error().message << "\n";
    return kExitUsage;
  }
  if (ctx.format == OutputFormat::kText) {
    size_t written = staged.taken() - staged.unchanged();
    ctx.out << "wrote " << written << (written == 1 ? " file" : " files") << " to " << NormalizePath(out_dir);
    if (staged.unchanged() > 0) ctx.out << " (" << staged.unchanged() << " unchanged)";
    ctx.out << "\n";
  }
  return kExitClean;
}

}  // namespace specc::cli
