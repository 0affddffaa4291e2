#include <ostream>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/json_writer.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "driver/front_end.h"
#include "ir/json.h"

namespace specc::cli {

int RunIr(const std::vector<std::string>& files, const CommandContext& ctx) {
  std::vector<std::string> inputs;
  if (!ResolveInputs(files, ctx, &inputs)) return kExitUsage;
  RealFs fs;
  SourceMap sources;
  DiagSink sink;
  std::vector<driver::LoadedApi> apis = driver::LoadApis(inputs, ctx.working_dir, fs, sources, sink);
  // Diagnostics never mix with the IR on stdout.
  PrintDiagnostics(sink, sources, OutputFormat::kText, ctx.err);
  if (sink.has_errors()) return ExitCodeFor(sink);
  auto format_loc = [&](Loc loc) {
    if (!loc.known()) return std::string();
    LineCol pos = sources.Position(loc);
    return sources.path(loc.file) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  };
  JsonWriter json;
  json.BeginObject();
  if (apis.size() == 1) {
    // One document: its IR at the top level, so `jq .operations` works directly.
    json.Key("source").String(apis[0].path);
    ir::WriteApiMembers(*apis[0].api, format_loc, json);
  } else {
    json.Key("apis").BeginArray();
    for (const driver::LoadedApi& loaded : apis) {
      json.BeginObject();
      json.Key("source").String(loaded.path);
      ir::WriteApiMembers(*loaded.api, format_loc, json);
      json.EndObject();
    }
    json.EndArray();
  }
  json.EndObject();
  ctx.out << json.Finish();
  return kExitClean;
}

int RunNotBuilt(const std::string& command, const std::string& what, const CommandContext& ctx) {
  ctx.err << "specc " << command << ": not built yet: " << what << "\n"
          << "  what works today: `specc lint [FILE...]` and `specc ir [FILE...]`\n";
  return kExitUsage;
}

}  // namespace specc::cli
