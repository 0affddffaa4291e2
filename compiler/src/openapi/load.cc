#include "openapi/load.h"

#include "openapi/lowerer.h"
#include "openapi/workspace.h"

namespace specc::openapi {
namespace {

// Reads the `openapi` (or `swagger`) field and decides whether specc can take the
// document; reports why not otherwise.
std::optional<Version> DetectVersion(const spec::Node& root, DiagSink& sink) {
  if (!root.is_map()) {
    sink.Report(DiagCode::kSpecVersionMissing, root.loc(),
                "not an OpenAPI document: the top level is " +
                    DescribeNode(root),
                "an OpenAPI document is an object starting with `openapi: 3.x.y`");
    return std::nullopt;
  }
  if (const spec::Node* swagger = root.Find("swagger")) {
    sink.Report(DiagCode::kSpecVersionUnsupported, swagger->loc(),
                "Swagger " + std::string(swagger->text()) + " is not supported; specc reads OpenAPI 3.0 and 3.1",
                "convert it first, e.g. with `npx swagger2openapi` or the Swagger Editor's converter");
    return std::nullopt;
  }
  const spec::Node* openapi = root.Find("openapi");
  if (openapi == nullptr) {
    sink.Report(DiagCode::kSpecVersionMissing, root.loc(),
                "not an OpenAPI document: there is no `openapi` field",
                "an OpenAPI document starts with `openapi: 3.1.0` (or 3.0.x)");
    return std::nullopt;
  }
  std::string_view v = openapi->text();
  if (!openapi->is_string()) {
    sink.Report(DiagCode::kSpecFieldType, openapi->loc(),
                "`openapi` must be a string such as \"3.1.0\", not " + std::string(spec::NodeKindName(openapi->kind)),
                "quote the version: `openapi: \"" + std::string(v) + ".0\"`");
    return std::nullopt;
  }
  auto is_patch = [](std::string_view rest) {
    if (rest.empty()) return false;
    size_t dash = rest.find('-');
    std::string_view digits = rest.substr(0, dash);
    return !digits.empty() && digits.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (v.rfind("3.0.", 0) == 0 && is_patch(v.substr(4))) return Version::k30;
  if (v.rfind("3.1.", 0) == 0 && is_patch(v.substr(4))) return Version::k31;
  sink.Report(DiagCode::kSpecVersionUnsupported, openapi->loc(),
              "OpenAPI version `" + std::string(v) + "` is not supported",
              v == "3.0" || v == "3.1" ? "the version has three parts: `" + std::string(v) + ".0`"
                                       : "specc reads OpenAPI 3.0.x and 3.1.x");
  return std::nullopt;
}

}  // namespace

namespace {

std::optional<ir::Api> LowerDescription(Workspace& workspace, const std::string& path, DiagSink& sink,
                                        LoadWork* work) {
  const Document* root = workspace.LoadRoot(path);
  if (root == nullptr) return std::nullopt;
  std::optional<Version> version = DetectVersion(*root->root, sink);
  if (!version) return std::nullopt;
  Lowerer lowerer(workspace, sink, *version);
  ir::Api api = lowerer.Lower(*root);
  if (work != nullptr) {
    work->ref_steps += workspace.deref_steps();
    work->name_probes += lowerer.name_probes();
  }
  return api;
}

}  // namespace

std::optional<ir::Api> LoadApi(const std::string& path, const Fs& fs, SourceMap& sources,
                               DiagSink& sink, const std::string& display_base, LoadWork* work) {
  FileId first_file = static_cast<FileId>(sources.file_count());
  std::optional<ir::Api> api;
  {
    Workspace workspace(fs, sources, sink, display_base);
    api = LowerDescription(workspace, path, sink, work);
    workspace.RecordSecrets();
  }
  // The trees died with the workspace, and the IR holds copies: from here on the texts
  // serve only diagnostics, which can wait for a block to be decompressed.
  sources.CompactFrom(first_file);
  return api;
}

}  // namespace specc::openapi
