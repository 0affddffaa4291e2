#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/json_writer.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "driver/front_end.h"
#include "ir/json.h"
#include "ir/project_json.h"

namespace specc::cli {

int RunIr(const std::vector<std::string>& files, const CommandContext& ctx) {
  RealFs fs = RepositoryFs(files, ctx);
  SourceMap sources;
  DiagSink sink;
  std::vector<std::string> inputs;
  std::string specs_dir;
  if (!ResolveInputs(files, ctx, sources, sink, &inputs, &specs_dir)) return kExitUsage;
  FileId first_spec = static_cast<FileId>(sources.file_count());
  driver::LoadedSpecs specs = driver::LoadSpecs(inputs, ctx.working_dir, fs, sources, sink);
  // The IR quotes the specs' examples: the review decides which may be printed.
  ReviewSecrets(first_spec, files, specs_dir, fs, sources, sink, ctx);
  // Diagnostics never mix with the IR on stdout.
  PrintDiagnostics(sink, sources, OutputFormat::kText, ctx.err);
  if (sink.has_errors()) return ExitCodeFor(sink);
  JsonWriter json;
  auto json_service = [&](const std::string& name) { json.Key("service").String(name); };
  auto format_loc = [&](Loc loc) {
    if (!loc.known()) return std::string();
    LineCol pos = sources.Position(loc);
    return sources.path(loc.file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  };
  auto api_members = [&](const driver::LoadedApi& loaded) {
    if (!loaded.service.empty()) json_service(loaded.service);
    json.Key("source").String(loaded.path);
    ir::WriteApiMembers(*loaded.api, format_loc, json);
  };
  json.BeginObject();
  if (specs.project) {
    json.Key("project");
    ir::WriteProjectJson(*specs.project, json);
  }
  if (specs.apis.size() == 1) {
    // One document: its IR at the top level, so `jq .operations` works directly.
    api_members(specs.apis[0]);
  } else {
    json.Key("apis").BeginArray();
    for (const driver::LoadedApi& loaded : specs.apis) {
      json.BeginObject();
      api_members(loaded);
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
  ctx.out << json.Finish();
  ReleaseAtExit(std::move(specs), ctx);
  return kExitClean;
}

}  // namespace specc::cli
