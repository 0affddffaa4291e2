#include "driver/front_end.h"

#include <algorithm>
#include <set>

#include "base/check.h"
#include "base/path.h"
#include "driver/detect.h"
#include "driver/parallel.h"
#include "dsl/project_loader.h"
#include "openapi/load.h"
#include "sema/request_body.h"
#include "sema/routes.h"
#include "sema/schema_lint.h"

namespace specc::driver {
namespace {

bool HasSpecExtension(std::string_view path) {
  auto ends = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".yaml") || ends(".yml") || ends(".json");
}

// A cheap look at the top of a file: does a line start with `openapi:` or `swagger:` (or
// the JSON key)? Full parsing happens later, once, for the roots only.
bool LooksLikeRoot(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view line = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    size_t first = line.find_first_not_of(" \t{");
    if (first != std::string_view::npos) {
      std::string_view rest = line.substr(first);
      for (std::string_view key : {"openapi:", "swagger:", "\"openapi\"", "\"swagger\""}) {
        if (rest.rfind(key, 0) == 0 && (first == 0 || line[0] == '{' || key[0] == '"')) return true;
      }
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return false;
}

}  // namespace

namespace {

bool IsProjectSpec(std::string_view path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".specc") == 0;
}

}  // namespace

LoadedSpecs LoadProjectSpecs(const std::vector<std::string>& paths, const std::string& working_dir, const Fs& fs,
                             SourceMap& sources, DiagSink& sink) {
  LoadedSpecs out;
  for (const std::string& path : paths) {
    if (!IsProjectSpec(path)) {
      out.apis.push_back(LoadedApi{NormalizePath(path), "", std::nullopt, nullptr});
      continue;
    }
    std::string full = JoinPath(working_dir, path);
    Result<std::string> text = fs.Read(full);
    if (!text.ok()) {
      if (!ReportIfOutsideRoot(NormalizePath(path), text.error(), Loc{}, sink)) {
        sink.Report(DiagCode::kSpecFileUnreadable, Loc{},
                    "cannot read `" + NormalizePath(path) + "`: " +
                        text.error().message.substr(text.error().message.rfind(": ") + 2));
      }
      continue;
    }
    FileId file = sources.Add(RelativeTo(full, working_dir), std::move(text).value());
    if (out.project) {
      sink.Report(DiagCode::kDslMultipleProjects, Loc{file, 0},
                  "a second project spec; a repository has one",
                  "the first one read was `" + sources.path(out.project->loc.file) + "`");
      continue;
    }
    out.project = dsl::LoadProject(file, sources, fs, DirName(full), sink);
    if (!out.project) continue;
    out.project->frameworks = DetectFrameworks(*out.project, working_dir, fs);
    out.project->source = sources.path(file);
    for (const ir::Service& service : out.project->services) {
      // A missing file was reported by the dsl layer (DSL_OPENAPI_NOT_FOUND).
      if (!fs.Canonical(service.openapi_path).ok()) continue;
      std::string display = RelativeTo(service.openapi_path, working_dir);
      auto named = std::find_if(out.apis.begin(), out.apis.end(),
                                [&](const LoadedApi& api) { return api.path == display; });
      if (named != out.apis.end()) {
        named->service = service.name;
        continue;
      }
      out.apis.push_back(LoadedApi{display, service.name, std::nullopt, nullptr});
    }
  }
  return out;
}

void LoadApiChecked(LoadedApi& loaded, const std::string& working_dir, const Fs& fs, SourceMap& sources,
                    DiagSink& sink, Meanings meanings) {
  std::string full = JoinPath(working_dir, loaded.path);
  loaded.api = openapi::LoadApi(full, fs, sources, sink, working_dir);
  if (!loaded.api) return;
  const ir::Api& api = *loaded.api;
  loaded.meanings = std::make_shared<const sema::SchemaMeanings>(api);
  // What the API's routes mean across operations (identical, shared and ambiguous paths).
  sema::CheckRoutes(api, sema::BuildRouteTable(api), *loaded.meanings, sink);
  sema::CheckRequestBodies(api, sink);
  // The readings the document leaves to specc, once the document reads at all.
  sema::LintSchemas(*loaded.meanings, sink);
  if (meanings == Meanings::kDrop) loaded.meanings.reset();
}

std::shared_ptr<const sema::SchemaMeanings> MeaningsOf(const LoadedApi& loaded) {
  SPECC_CHECK(loaded.api.has_value()) << "the meanings of an API that is not loaded";
  if (loaded.meanings != nullptr && &loaded.meanings->api() == &*loaded.api) return loaded.meanings;
  return std::make_shared<const sema::SchemaMeanings>(*loaded.api);
}

LoadedSpecs LoadSpecs(const std::vector<std::string>& paths, const std::string& working_dir,
                      const Fs& fs, SourceMap& sources, DiagSink& sink, Meanings meanings) {
  LoadedSpecs out = LoadProjectSpecs(paths, working_dir, fs, sources, sink);
  // A large description's text is compressed, and its secrets found, on another core
  // while the parser and the lowering keep this one busy (GitHub's: a seventh and a tenth
  // of the front end's instructions).
  sources.set_background_work(Jobs() > 1);
  for (LoadedApi& api : out.apis) LoadApiChecked(api, working_dir, fs, sources, sink, meanings);
  return out;
}

spec::ProjectConfig LoadConfig(const std::string& root_dir, const Fs& fs, SourceMap& sources,
                               DiagSink& sink) {
  std::string path = JoinPath(root_dir, "specc.yaml");
  Result<std::string> text = fs.Read(path);
  if (!text.ok()) {
    // A specc.yaml that links out of the repository is not "no specc.yaml".
    ReportIfOutsideRoot("specc.yaml", text.error(), Loc{}, sink);
    return spec::DefaultProjectConfig();
  }
  FileId file = sources.Add(RelativeTo(path, root_dir), std::move(text).value());
  std::optional<spec::ProjectConfig> config = spec::ParseProjectConfig(file, sources, sink);
  return config ? *config : spec::DefaultProjectConfig();
}

Result<std::vector<std::string>> FindSpecInputs(const std::string& specs_dir,
                                                const std::string& working_dir, const Fs& fs) {
  std::string dir = JoinPath(working_dir, specs_dir);
  Result<std::vector<std::string>> files = fs.ListFiles(dir);
  if (!files.ok()) return files.error();
  std::vector<std::string> projects, roots;
  for (const std::string& file : files.value()) {
    if (IsProjectSpec(file)) projects.push_back(RelativeTo(file, working_dir));
  }
  // With a project spec, its services say which OpenAPI documents belong to the project:
  // the others are not read here (a run that reads every description twice costs a
  // monorepo twice the reading, and the run cache twice the hashing).
  if (!projects.empty()) return projects;
  for (const std::string& file : files.value()) {
    if (!HasSpecExtension(file)) continue;
    // A root names its version near its start, as a rule: its head tells, and a 13 MB
    // description is not read twice (once here, once to load it). Only a head that does
    // not tell sends the whole file to the same test.
    constexpr size_t kHeadBytes = 64 << 10;
    Result<std::string> text = fs.ReadPrefix(file, kHeadBytes);
    if (text.ok() && text.value().size() == kHeadBytes && !LooksLikeRoot(text.value())) text = fs.Read(file);
    // A link out of the repository is kept as an input, so that loading it reports it.
    if (!text.ok() && IsOutsideRoot(text.error())) {
      roots.push_back(RelativeTo(file, working_dir));
      continue;
    }
    if (!text.ok()) return text.error();
    if (LooksLikeRoot(text.value())) roots.push_back(RelativeTo(file, working_dir));
  }
  return roots;
}

void ReportUnreachedSpecFiles(const std::string& specs_dir, const std::string& working_dir, const Fs& fs,
                              SourceMap& sources, const std::vector<std::string>& skip, DiagSink& sink) {
  // After an error, what was read says nothing about what the specs reach (a project
  // spec that does not parse names no OpenAPI document): no follow-on warnings.
  if (sink.has_errors()) return;
  Result<std::vector<std::string>> files = fs.ListFiles(JoinPath(working_dir, specs_dir));
  if (!files.ok()) return;  // FindSpecInputs reported it
  std::set<std::string> read(skip.begin(), skip.end());
  for (FileId file = 0; file < sources.file_count(); ++file) read.insert(NormalizePath(sources.path(file)));
  for (const std::string& file : files.value()) {
    std::string display = RelativeTo(file, working_dir);
    if (!HasSpecExtension(file) || read.count(NormalizePath(display)) > 0) continue;
    // Read so that the warning points at the file (and its first line).
    Result<std::string> text = fs.Read(file);
    if (!text.ok()) continue;
    FileId id = sources.Add(display, std::move(text).value());
    sink.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecFileUnreached, .loc = Loc{id, 0},
                           .message = "`" + display + "` is under `" + specs_dir +
                                      "/` but no description reaches it: nothing in it is part of any API",
                           .hint = "mount what it holds with a `$ref` from a root document, or move it out of `" +
                                   specs_dir + "/`",
                           .notes = {}});
  }
}

}  // namespace specc::driver
