#include "driver/detect.h"

#include <algorithm>
#include <string_view>

#include "base/diag_sink.h"
#include "base/path.h"
#include "spec/node.h"
#include "spec/parse.h"

namespace specc::driver {
namespace {

struct KnownFramework {
  std::string_view name;        // as the contract spells it
  std::string_view package;     // the npm dependency that gives it away
  std::string_view public_prefix;
};

// Frameworks whose build inlines prefixed variables into client code.
constexpr KnownFramework kKnown[] = {
    {"nextjs", "next", "NEXT_PUBLIC_"},
    {"vite", "vite", "VITE_"},
    {"nuxt", "nuxt", "NUXT_PUBLIC_"},
    {"create-react-app", "react-scripts", "REACT_APP_"},
    {"expo", "expo", "EXPO_PUBLIC_"},
};

const KnownFramework* ByName(std::string_view name) {
  for (const KnownFramework& k : kKnown) {
    if (k.name == name || k.package == name) return &k;
  }
  return nullptr;
}

void FromPackageJson(const std::string& root, const std::string& relative, const Fs& fs,
                     std::vector<ir::Framework>* out) {
  Result<std::string> text = fs.Read(JoinPath(root, relative));
  if (!text.ok()) return;
  spec::NodeArena arena;
  DiagSink ignored;
  const spec::Node* doc = spec::ParseJson(kNoFile, text.value(), arena, ignored);
  if (doc == nullptr || ignored.has_errors() || doc->kind != spec::NodeKind::kMap) return;
  for (const char* field : {"dependencies", "devDependencies"}) {
    const spec::Node* deps = doc->Find(field);
    if (deps == nullptr || deps->kind != spec::NodeKind::kMap) continue;
    for (const KnownFramework& k : kKnown) {
      if (deps->Find(k.package) != nullptr) {
        out->push_back({std::string(k.name), std::string(k.public_prefix), relative});
      }
    }
  }
}

}  // namespace

std::vector<ir::Framework> DetectFrameworks(const ir::Project& project, const std::string& root,
                                            const Fs& fs) {
  std::vector<ir::Framework> found;
  std::vector<std::string> package_files = {"package.json"};
  for (const ir::Resource& resource : project.resources) {
    for (const ir::Setting& setting : resource.settings) {
      if (setting.key == "framework") {
        if (const KnownFramework* k = ByName(setting.value)) {
          found.push_back({std::string(k->name), std::string(k->public_prefix), "resource `" + resource.name + "`"});
        }
      }
      if (setting.key == "rootDirectory") {
        std::string dir = NormalizePath(setting.value);
        // Only directories inside the repository: a spec must not make specc read elsewhere.
        if (!dir.empty() && dir[0] != '/' && dir.rfind("..", 0) != 0) package_files.push_back(JoinPath(dir, "package.json"));
      }
    }
  }
  std::sort(package_files.begin(), package_files.end());
  package_files.erase(std::unique(package_files.begin(), package_files.end()), package_files.end());
  for (const std::string& file : package_files) FromPackageJson(root, file, fs, &found);
  std::sort(found.begin(), found.end(), [](const ir::Framework& a, const ir::Framework& b) {
    return a.evidence != b.evidence ? a.evidence < b.evidence : a.name < b.name;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const ir::Framework& a, const ir::Framework& b) {
                            return a.evidence == b.evidence && a.name == b.name;
                          }),
              found.end());
  return found;
}

}  // namespace specc::driver
