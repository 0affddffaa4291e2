// What `specc init --runtime R` adds to the specs so that the new project runs: package.json
// with the npm packages pinned to the versions specc's own tests run generated code with,
// tsconfig.json, the runtime's entry point and a README of the next commands.
#ifndef SPECC_CLI_INIT_RUNTIME_H_
#define SPECC_CLI_INIT_RUNTIME_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace specc::cli {

enum class InitRuntime { kNode, kCloudflareWorker, kVercel };

// "node", "cloudflare-worker", "vercel"; nullopt for anything else.
std::optional<InitRuntime> ParseInitRuntime(std::string_view name);
// The project spec's `runtime` value for it ("node", "cloudflare.worker", "vercel").
std::string_view ProjectSpecRuntime(InitRuntime runtime);

struct NpmPin {
  std::string_view name;
  std::string_view version;
  bool dev;
};

// The packages package.json pins. The versions are those of tests/node/package-lock.json
// (the init test fails when they differ), so a new project runs what the suite tested.
std::vector<NpmPin> NpmPins(InitRuntime runtime);

// The runtime's files, path -> text, for the project `name` whose service is `api`.
std::vector<std::pair<std::string, std::string>> RuntimeFiles(const std::string& name, InitRuntime runtime);

}  // namespace specc::cli

#endif  // SPECC_CLI_INIT_RUNTIME_H_
