// ProjectConfig: `specc.yaml` at the repository root, the file that says where the specs
// are, which artifacts specc generates and where each goes, and where template overrides
// live. Every field has a default, so a repository with only `specs/` needs no file.
#ifndef SPECC_SPEC_PROJECT_CONFIG_H_
#define SPECC_SPEC_PROJECT_CONFIG_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag_sink.h"
#include "base/source_map.h"

namespace specc::spec {

// One artifact kind of SPEC.md (`--only KIND`) and the directory it is written to,
// relative to the repository root.
struct ArtifactConfig {
  std::string kind;  // routes, schemas, postman, env, plan, mcp, openapi
  std::string out;
  bool enabled = true;
  // routes only: the directory of the handler scaffolds (`<handlers>/<service>/
  // handlers.impl.ts`), the code the user owns; empty keeps them beside the routes.
  std::string handlers;
  // routes only: `handlers: false` turns the handler scaffolds off.
  bool scaffold = true;
  Loc loc;
  // Where specc.yaml sets `out` and `handlers`; unknown for the defaults.
  Loc out_loc;
  Loc handlers_loc;
};

struct ProjectConfig {
  std::string specs_dir = "specs";
  std::string templates_dir;  // empty: the built-in templates only
  std::string postman_prefix = "CloudMake";
  // `postman.baseUrls`: environment name -> the URL its collection targets, for the
  // environments no server of the OpenAPI document names.
  std::vector<std::pair<std::string, std::string>> postman_base_urls;
  // Every kind, in the order of kArtifactKinds, with its output directory.
  std::vector<ArtifactConfig> artifacts;
  // Where specc.yaml was read from; unknown when the defaults apply.
  Loc loc;
  Loc specs_loc;  // where `specs` is set; unknown for the default
};

// The artifact kinds and their default output directories, in a fixed order.
struct ArtifactDefault {
  std::string_view kind;
  std::string_view out;
  std::string_view description;
};
inline constexpr ArtifactDefault kArtifactKinds[] = {
    // The TypeScript kinds share a directory: the routes import the schemas beside them.
    {"routes", "src/generated", "Hono route modules, one per tag"},
    {"schemas", "src/generated", "Zod schemas"},
    {"mcp", "src/generated", "MCP tool descriptors"},
    {"openapi", "src/generated", "the bundled OpenAPI document per service"},
    {"postman", "postman", "Postman collections and environments"},
    {"env", "env", "the env contract, .env.example and the secrets overview"},
    {"plan", "infra", "the provisioning plan"},
};

// Returns the configuration with every default applied.
ProjectConfig DefaultProjectConfig();

// Returns why `dir` cannot be a directory specc writes into (an artifact's `out` or
// `handlers`) under `config`, or std::nullopt when it can. specc owns what it writes
// there and deletes its stale files, so the directory must not be the repository root,
// lie in a `.git` directory or in `.specc/`, or overlap (hold or lie in) the specs or the
// templates directory. The reason completes "output directory `dir` ...".
std::optional<std::string> OutputDirProblem(const ProjectConfig& config, std::string_view dir);

// Parses `specc.yaml` held in `file` of `sources`. Reports unknown fields, wrong types,
// unknown artifact kinds, paths that leave the repository and output directories that
// OutputDirProblem refuses to `sink`; returns the configuration with defaults for what
// the file leaves out, or std::nullopt when the file is not YAML at all. A directory that
// is refused keeps its value: callers stop on the error.
std::optional<ProjectConfig> ParseProjectConfig(FileId file, const SourceMap& sources,
                                                DiagSink& sink);

}  // namespace specc::spec

#endif  // SPECC_SPEC_PROJECT_CONFIG_H_
