#include "driver/front_end.h"

#include "base/path.h"
#include "openapi/load.h"

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

std::vector<LoadedApi> LoadApis(const std::vector<std::string>& paths, const std::string& working_dir,
                                const Fs& fs, SourceMap& sources, DiagSink& sink) {
  std::vector<LoadedApi> out;
  for (const std::string& path : paths) {
    std::string full = JoinPath(working_dir, path);
    out.push_back(LoadedApi{path, openapi::LoadApi(full, fs, sources, sink, working_dir)});
  }
  return out;
}

Result<std::vector<std::string>> FindSpecRoots(const std::string& specs_dir,
                                               const std::string& working_dir, const Fs& fs) {
  std::string dir = JoinPath(working_dir, specs_dir);
  Result<std::vector<std::string>> files = fs.ListFiles(dir);
  if (!files.ok()) return files.error();
  std::vector<std::string> roots;
  for (const std::string& file : files.value()) {
    if (!HasSpecExtension(file)) continue;
    Result<std::string> text = fs.Read(file);
    if (!text.ok()) return text.error();
    if (LooksLikeRoot(text.value())) roots.push_back(RelativeTo(file, working_dir));
  }
  return roots;
}

}  // namespace specc::driver
