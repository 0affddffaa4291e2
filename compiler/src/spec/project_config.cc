#include "spec/project_config.h"

#include <tuple>

#include "base/path.h"
#include "spec/node.h"
#include "spec/parse.h"

namespace specc::spec {
namespace {

// The fields of specc.yaml, for unknown-field messages.
constexpr std::string_view kTopFields[] = {"specs", "templates", "artifacts", "postman"};

bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  std::string normal = NormalizePath(path);
  return normal != ".." && normal.rfind("../", 0) != 0;
}

bool Overlap(std::string_view a, std::string_view b) { return IsWithin(a, b) || IsWithin(b, a); }

class ConfigReader {
 public:
  ConfigReader(DiagSink& sink) : sink_(sink) {}

  void Read(const Node& root, ProjectConfig& config);
  // Reports every output or handlers directory that OutputDirProblem refuses.
  void CheckOutputDirs(const ProjectConfig& config);

 private:
  // Reads a string field that names a directory inside the repository.
  bool ReadPath(const Member& m, std::string* out) {
    if (!m.value.is_string()) {
      sink_.Report(DiagCode::kConfigFieldType, m.value.loc(),
                   "`" + std::string(m.key()) + "` must be a path string");
      return false;
    }
    if (!IsSafeRelativePath(m.value.text())) {
      sink_.Report(DiagCode::kConfigPathInvalid, m.value.loc(),
                   "`" + std::string(m.key()) + "` must be a relative path inside the repository, not `" +
                       std::string(m.value.text()) + "`");
      return false;
    }
    *out = NormalizePath(m.value.text());
    return true;
  }
  void Unknown(const Member& m, std::string_view where, std::string hint) {
    sink_.Report(DiagCode::kConfigFieldUnknown, m.key_loc(),
                 "`" + std::string(m.key()) + "` is not a field of " + std::string(where), std::move(hint));
  }
  void ReadArtifacts(const Node& node, ProjectConfig& config);
  void ReadPostman(const Node& postman, ProjectConfig& config);
  // Reports a directory specc reads (`specs`, `templates`) that lies in git's own
  // directory or in `.specc/`: a parse error would print lines of git's configuration.
  void ReadsNoGitState(const Member& m, const std::string& dir) {
    if (HasGitSegment(dir) || IsWithin(dir, ".specc")) {
      sink_.Report(DiagCode::kConfigPathInvalid, m.value.loc(),
                   "`" + std::string(m.key()) + "` must not name `" + dir + "`, which holds git's or specc's own state");
    }
  }

  DiagSink& sink_;
};

void ConfigReader::ReadArtifacts(const Node& node, ProjectConfig& config) {
  if (!node.is_map()) {
    sink_.Report(DiagCode::kConfigFieldType, node.loc(),
                 "`artifacts` must map artifact kinds to their settings");
    return;
  }
  for (const Member& m : MembersOf(node)) {
    ArtifactConfig* artifact = nullptr;
    for (ArtifactConfig& a : config.artifacts) {
      if (a.kind == m.key()) artifact = &a;
    }
    if (artifact == nullptr) {
      std::string kinds;
      for (const ArtifactDefault& d : kArtifactKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(d.kind);
      sink_.Report(DiagCode::kConfigArtifactUnknown, m.key_loc(),
                   "unknown artifact kind `" + std::string(m.key()) + "`", "the kinds are " + kinds);
      continue;
    }
    artifact->loc = m.key_loc();
    if (m.value.kind == NodeKind::kBool) {
      // `postman: false` switches a kind off.
      artifact->enabled = m.value.is_true();
      continue;
    }
    if (!m.value.is_map()) {
      sink_.Report(DiagCode::kConfigFieldType, m.value.loc(),
                   "artifact `" + artifact->kind + "` takes `true`, `false` or `{out: DIR}`");
      continue;
    }
    for (const Member& f : MembersOf(m.value)) {
      if (f.key() == "out") {
        if (ReadPath(f, &artifact->out)) artifact->out_loc = f.value.loc();
      } else if (f.key() == "handlers" && artifact->kind == "routes") {
        if (f.value.kind == NodeKind::kBool) {
          // `handlers: false`: no scaffold; `true`: the default place.
          artifact->scaffold = f.value.is_true();
        } else if (ReadPath(f, &artifact->handlers)) {
          artifact->handlers_loc = f.value.loc();
        }
      } else if (f.key() == "enabled") {
        if (f.value.kind != NodeKind::kBool) {
          sink_.Report(DiagCode::kConfigFieldType, f.value.loc(), "`enabled` must be true or false");
        } else {
          artifact->enabled = f.value.is_true();
        }
      } else {
        Unknown(f, "an artifact's settings",
                artifact->kind == "routes" ? "the fields are `out`, `handlers` and `enabled`"
                : f.key() == "handlers"      ? "`handlers` is a setting of `routes`: where its handler scaffolds go"
                                           : "the fields are `out` and `enabled`");
      }
    }
  }
}

void ConfigReader::ReadPostman(const Node& postman, ProjectConfig& config) {
  if (!postman.is_map()) {
    sink_.Report(DiagCode::kConfigFieldType, postman.loc(), "`postman` must be a mapping such as `{prefix: CloudMake}`");
    return;
  }
  for (const Member& f : MembersOf(postman)) {
    if (f.key() == "prefix") {
      if (!f.value.is_string()) {
        sink_.Report(DiagCode::kConfigFieldType, f.value.loc(), "`prefix` must be a string");
      } else {
        config.postman_prefix = std::string(f.value.text());
      }
    } else if (f.key() == "baseUrls") {
      if (!f.value.is_map()) {
        sink_.Report(DiagCode::kConfigFieldType, f.value.loc(),
                     "`baseUrls` must map environments to URLs, such as `{staging: https://staging.example.com}`");
        continue;
      }
      for (const Member& env : MembersOf(f.value)) {
        std::string_view url = env.value.is_string() ? env.value.text() : std::string_view();
        if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
          sink_.Report(DiagCode::kConfigFieldType, env.value.loc(),
                       "the base URL of `" + std::string(env.key()) + "` must be an http:// or https:// URL");
          continue;
        }
        while (url.size() > 1 && url.back() == '/') url.remove_suffix(1);
        config.postman_base_urls.emplace_back(std::string(env.key()), std::string(url));
      }
    } else {
      Unknown(f, "`postman`", "the fields are `prefix` and `baseUrls`");
    }
  }
}

void ConfigReader::Read(const Node& root, ProjectConfig& config) {
  if (root.kind == NodeKind::kNull) return;  // an empty file: all defaults
  if (!root.is_map()) {
    sink_.Report(DiagCode::kConfigFieldType, root.loc(), "specc.yaml must be a mapping of settings");
    return;
  }
  for (const Member& m : MembersOf(root)) {
    if (m.key() == "specs") {
      if (ReadPath(m, &config.specs_dir)) config.specs_loc = m.value.loc();
      ReadsNoGitState(m, config.specs_dir);
    } else if (m.key() == "templates") {
      ReadPath(m, &config.templates_dir);
      ReadsNoGitState(m, config.templates_dir);
    } else if (m.key() == "artifacts") {
      ReadArtifacts(m.value, config);
    } else if (m.key() == "postman") {
      ReadPostman(m.value, config);
    } else {
      std::string fields;
      for (std::string_view f : kTopFields) fields += (fields.empty() ? "" : ", ") + std::string(f);
      Unknown(m, "specc.yaml", "the fields are " + fields);
    }
  }
}

void ConfigReader::CheckOutputDirs(const ProjectConfig& config) {
  for (const ArtifactConfig& artifact : config.artifacts) {
    if (!artifact.enabled) continue;
    for (auto [dir, loc, what] : {std::tuple{&artifact.out, artifact.out_loc, "output"},
                                  std::tuple{&artifact.handlers, artifact.handlers_loc, "handlers"}}) {
      if (dir->empty()) continue;
      std::optional<std::string> problem = OutputDirProblem(config, *dir);
      if (!problem) continue;
      // A default directory is refused because of what specc.yaml set elsewhere.
      Loc at = loc.known() ? loc : config.specs_loc.known() ? config.specs_loc : config.loc;
      sink_.Report(DiagCode::kConfigPathInvalid, at,
                   std::string(what) + " directory `" + *dir + "` of `" + artifact.kind + "` " + *problem,
                   "give `" + artifact.kind + "` a directory of its own in specc.yaml");
    }
  }
}

}  // namespace

std::optional<std::string> OutputDirProblem(const ProjectConfig& config, std::string_view dir) {
  std::string normal = NormalizePath(dir);
  if (normal == ".") return "is the whole repository: specc deletes its stale files there";
  if (HasGitSegment(normal)) return "lies in a `.git` directory, which belongs to git";
  if (IsWithin(normal, ".specc")) return "lies in `.specc/`, where specc keeps its manifest";
  if (Overlap(normal, config.specs_dir)) {
    return "overlaps the specs directory `" + config.specs_dir + "`: specc would write over its own inputs";
  }
  if (!config.templates_dir.empty() && Overlap(normal, config.templates_dir)) {
    return "overlaps the templates directory `" + config.templates_dir + "`: specc would write over its own inputs";
  }
  return std::nullopt;
}

ProjectConfig DefaultProjectConfig() {
  ProjectConfig config;
  for (const ArtifactDefault& d : kArtifactKinds) {
    config.artifacts.push_back(ArtifactConfig{std::string(d.kind), std::string(d.out), true, "", true, Loc{}, Loc{}, Loc{}});
  }
  return config;
}

std::optional<ProjectConfig> ParseProjectConfig(FileId file, const SourceMap& sources, DiagSink& sink) {
  NodeArena arena;
  std::string_view text = sources.contents(file);
  const Node* root = ParseYaml(file, text, arena, sink);
  if (root == nullptr) return std::nullopt;
  ProjectConfig config = DefaultProjectConfig();
  config.loc = Loc{file, 0};
  ConfigReader reader(sink);
  reader.Read(*root, config);
  reader.CheckOutputDirs(config);
  return config;
}

}  // namespace specc::spec
