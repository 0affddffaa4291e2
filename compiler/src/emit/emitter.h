// The interface every emitter implements, and the context it runs in. An emitter reads the
// IR (one or more APIs and, optionally, the project), renders its artifacts through the
// templates it is given, and adds them to an OutputSet; problems go to the DiagSink. It
// never touches the disk or prints (STYLE.md section 5): the cli layer writes what the
// driver returns, and only when no emitter reported an error.
#ifndef SPECC_EMIT_EMITTER_H_
#define SPECC_EMIT_EMITTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/output_set.h"
#include "ir/api.h"
#include "ir/project.h"
#include "sema/schema_meaning.h"

namespace specc::emit {

class TemplateSet;

// One API to render. `service` names the directory its files go to (a project service's
// name, or in file mode the spec file's base name); `source` is the spec path as the user
// gave it (relative), for the generated files' headers.
struct ApiInput {
  std::string service;
  std::string source;
  const ir::Api* api = nullptr;
  // What `api`'s schemas mean (sema/), computed once and shared by every emitter.
  const sema::SchemaMeanings* meanings = nullptr;
};

// Emitter options from specc.yaml, typed; file mode uses the defaults.
struct EmitOptions {
  // `postman.prefix`: Postman collection names start with it ("CloudMake Base - ...").
  std::string postman_prefix = "CloudMake";
  // `postman.baseUrls`: the URL of each environment no server of a document names.
  std::vector<std::pair<std::string, std::string>> postman_base_urls;
  // The path from the handler scaffolds' directory to the output directory ("../generated"
  // for `routes: {out: src/generated, handlers: src/handlers}`); "." when the scaffolds go
  // beside the generated files. The scaffold's import of handlers.ts follows it.
  std::string handlers_to_out = ".";
  // When set, emitters that count their work add to it: steps linear in what they read
  // and write (operations grouped and written, for the OpenAPI bundle), so that tests can
  // bound its growth without a clock.
  uint64_t* work = nullptr;
};

// What an emitter may read. Everything is borrowed: the referenced objects must outlive
// the Emit call.
struct EmitContext {
  std::vector<ApiInput> apis;              // in the order the run loaded them
  const ir::Project* project = nullptr;    // null when the run has no project spec
  const TemplateSet& templates;
  DiagSink& diags;
  EmitOptions options = {};
  // The number of APIs of the whole run, when it renders its APIs apart (an incremental
  // run renders only the APIs that changed, one at a time, and reuses the others' files);
  // 0 when `apis` is all of them. An emitter that loops over `apis` renders each one as if
  // the others were beside it, so that the parts add up to the whole run's files.
  size_t run_api_count = 0;
  size_t ApiCount() const { return run_api_count != 0 ? run_api_count : apis.size(); }
};

class Emitter {
 public:
  virtual ~Emitter() = default;
  // The emitter's id, kebab-case: the name of its templates directory and its name in
  // specc.yaml ("zod", "hono", "mcp", "openapi-bundle").
  virtual std::string_view id() const = 0;
  // Adds the emitter's files to `out` (paths relative to the output root) and reports
  // problems, such as a template error, to `ctx.diags`. Never touches the disk or prints.
  virtual void Emit(const EmitContext& ctx, OutputSet& out) const = 0;
};

}  // namespace specc::emit

#endif  // SPECC_EMIT_EMITTER_H_
