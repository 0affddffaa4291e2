// `specc emit FILE... --out DIR [--only KIND,...] [--templates DIR]`: file mode. Loads the
// specs, renders the artifacts in memory, and only when no stage reported an error writes
// them into DIR, each through a temporary file and a rename, so a reader never sees a
// half-written file. No git is involved and nothing outside DIR is touched.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <system_error>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/path.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/guard.h"
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

// Writes `contents` to `path` through a temporary file in the same directory and a
// rename, which replaces the file atomically on POSIX file systems.
Status WriteAtomically(const stdfs::path& path, const std::string& contents) {
  std::error_code ec;
  stdfs::create_directories(path.parent_path(), ec);
  if (ec) return Error{path.parent_path().string() + ": " + ec.message()};
  stdfs::path temp = path;
  temp += ".specc-tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.close();
    if (!out) {
      stdfs::remove(temp, ec);
      return Error{temp.string() + ": cannot write"};
    }
  }
  stdfs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    stdfs::remove(temp, ignored);
    return Error{path.string() + ": " + ec.message()};
  }
  return Ok{};
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
  driver::LoadedSpecs specs = driver::LoadSpecs(inputs, ctx.working_dir, fs, sources, sink);
  driver::SecretReview secrets = ReviewSecrets(first_spec, files, specs_dir, fs, sources, sink, ctx);
  OutputSet files_out;
  if (!sink.has_errors()) files_out = driver::Generate(specs, kinds, templates, sink);
  PrintDiagnostics(sink, sources, ctx.format, ctx.format == OutputFormat::kText ? ctx.err : ctx.out);
  ReleaseAtExit(std::move(specs), ctx);
  if (sink.has_errors()) return ExitCodeFor(sink);
  if (!GuardFiles(files_out, NormalizePath(out_dir), ctx.err, secrets.accepted)) return kExitSpecErrors;
  stdfs::path root = stdfs::path(JoinPath(ctx.working_dir, out_dir));
  for (const auto& [path, contents] : files_out.files()) {
    // A scaffold is the user's file once it exists: never overwritten.
    if (files_out.IsScaffold(path) && stdfs::exists(root / path)) continue;
    Status status = WriteAtomically(root / path, contents);
    if (!status.ok()) {
      ctx.err << "specc emit: cannot write `" << JoinPath(out_dir, path) << "`: " << status.error().message << "\n";
      return kExitUsage;
    }
  }
  if (ctx.format == OutputFormat::kText) {
    ctx.out << "wrote " << files_out.size() << (files_out.size() == 1 ? " file" : " files") << " to "
            << NormalizePath(out_dir) << "\n";
  }
  return kExitClean;
}

}  // namespace specc::cli
