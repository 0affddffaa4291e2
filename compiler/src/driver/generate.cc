#include "driver/generate.h"

#include <algorithm>
#include <memory>

#include "base/check.h"
#include "base/path.h"
#include "emit/emitter.h"
#include "emit/namer.h"
#include "emit/registry.h"

namespace specc::driver {
namespace {

// "specs/petstore-expanded.yaml" -> "petstore-expanded".
std::string ServiceFromPath(const std::string& path) {
  std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  base = base.substr(0, base.find('.'));
  std::string name = emit::KebabCase(base);
  return name.empty() ? "api" : name;
}

}  // namespace

OutputSet Generate(const LoadedSpecs& specs, const std::vector<std::string>& kinds,
                   const emit::TemplateSet& templates, DiagSink& sink,
                   const emit::EmitOptions& options) {
  std::vector<std::string> wanted = kinds;
  if (wanted.empty()) {
    for (const emit::EmitterInfo& info : emit::Emitters()) wanted.emplace_back(info.kind);
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    const emit::EmitterInfo* info = emit::FindEmitter(wanted[i]);
    SPECC_CHECK(info != nullptr) << "unknown artifact kind " << wanted[i];
    std::string_view needs = info->requires_kinds;
    while (!needs.empty()) {
      std::string need(needs.substr(0, needs.find(',')));
      if (std::find(wanted.begin(), wanted.end(), need) == wanted.end()) wanted.push_back(need);
      needs = needs.find(',') == std::string_view::npos ? "" : needs.substr(needs.find(',') + 1);
    }
  }
  emit::EmitContext ctx{{}, specs.project ? &*specs.project : nullptr, templates, sink, options};
  emit::NameTable services;
  std::vector<std::unique_ptr<sema::SchemaMeanings>> meanings;
  for (const LoadedApi& loaded : specs.apis) {
    if (!loaded.api) continue;
    std::string service = services.Take(loaded.service.empty() ? ServiceFromPath(loaded.path)
                                                               : emit::KebabCase(loaded.service));
    meanings.push_back(std::make_unique<sema::SchemaMeanings>(*loaded.api));
    ctx.apis.push_back({service, loaded.path, &*loaded.api, meanings.back().get()});
  }
  OutputSet out;
  // Registry order, not request order, so `--only mcp,schemas` and `--only schemas,mcp`
  // run identically.
  for (const emit::EmitterInfo& info : emit::Emitters()) {
    if (std::find(wanted.begin(), wanted.end(), info.kind) == wanted.end() &&
        std::find(wanted.begin(), wanted.end(), info.id) == wanted.end()) {
      continue;
    }
    info.make()->Emit(ctx, out);
  }
  return out;
}

}  // namespace specc::driver
