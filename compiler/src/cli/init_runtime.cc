#include "cli/init_runtime.h"

namespace specc::cli {
namespace {

constexpr NpmPin kCommonPins[] = {
    {"hono", "4.13.19", false},
    {"zod", "4.6.7", false},
    {"typescript", "5.9.3", true},
};
constexpr NpmPin kNodeServerPin = {"@hono/node-server", "1.19.19", false};

std::string PackageJson(const std::string& name, InitRuntime runtime) {
  std::string scripts;
  switch (runtime) {
    case InitRuntime::kNode:
      scripts =
          "    \"generate\": \"specc apply\",\n"
          "    \"build\": \"tsc -p tsconfig.json\",\n"
          "    \"start\": \"tsc -p tsconfig.json && node dist/src/server.js\"\n";
      break;
    case InitRuntime::kCloudflareWorker:
      scripts =
          "    \"generate\": \"specc apply\",\n"
          "    \"build\": \"tsc -p tsconfig.json --noEmit\",\n"
          "    \"start\": \"npx wrangler dev\",\n"
          "    \"deploy\": \"npx wrangler deploy\"\n";
      break;
    case InitRuntime::kVercel:
      scripts =
          "    \"generate\": \"specc apply\",\n"
          "    \"build\": \"tsc -p tsconfig.json --noEmit\",\n"
          "    \"start\": \"npx vercel dev\"\n";
      break;
  }
  std::string dependencies, dev_dependencies;
  for (const NpmPin& pin : NpmPins(runtime)) {
    std::string& list = pin.dev ? dev_dependencies : dependencies;
    list += std::string(list.empty() ? "" : ",\n") + "    \"" + std::string(pin.name) + "\": \"" +
            std::string(pin.version) + "\"";
  }
  return "{\n"
         "  \"name\": \"" + name + "\",\n"
         "  \"private\": true,\n"
         "  \"type\": \"module\",\n"
         "  \"scripts\": {\n" + scripts + "  },\n"
         "  \"dependencies\": {\n" + dependencies + "\n  },\n"
         "  \"devDependencies\": {\n" + dev_dependencies + "\n  }\n"
         "}\n";
}

constexpr char kTsconfig[] =
    "{\n"
    "  \"compilerOptions\": {\n"
    "    \"strict\": true,\n"
    "    \"target\": \"ES2022\",\n"
    "    \"module\": \"NodeNext\",\n"
    "    \"moduleResolution\": \"NodeNext\",\n"
    "    \"resolveJsonModule\": true,\n"
    "    \"skipLibCheck\": true,\n"
    "    \"outDir\": \"dist\",\n"
    "    \"rootDir\": \".\",\n"
    "    \"types\": []\n"
    "  },\n"
    "  \"include\": [\"src/**/*.ts\", \"api/**/*.ts\"]\n"
    "}\n";

// The imports every entry point starts with: the generated app, your handlers, the
// OpenAPI document the app serves.
constexpr char kEntryImports[] =
    "import { createApp, type Verifiers } from \"./generated/api/app.js\";\n"
    "import { handlers } from \"./handlers/api/handlers.impl.js\";\n"
    "import openApiDocument from \"./generated/api/openapi.json\" with { type: \"json\" };\n";

// The verifier of the API's bearer scheme, reading the tokens from `env` (an expression of
// the entry point): $API_TOKEN may write messages, $API_READ_TOKEN is valid but has no
// scope. A starting point: replace it with your own verification (JWTs, sessions).
std::string Verifiers(const std::string& env) {
  return "// Bearer tokens: $API_TOKEN may write messages; $API_READ_TOKEN is valid without scopes.\n"
         "// Replace with your own verification (JWTs, sessions, ...).\n"
         "const security: Verifiers = {\n"
         "  bearerAuth: ({ token }, c) => {\n"
         "    const env = " + env + ";\n"
         "    if (token === env.API_TOKEN) return { principal: \"writer\", scopes: [\"messages:write\"] };\n"
         "    if (token === env.API_READ_TOKEN) return { principal: \"reader\", scopes: [] };\n"
         "    return null;\n"
         "  },\n"
         "};\n";
}

std::string NodeServer() {
  return std::string(
             "// The server: the generated app with your handlers, on $PORT (default 3000).\n"
             "// `npm start` builds and runs it.\n"
             "import { serve } from \"@hono/node-server\";\n") +
         kEntryImports +
         "\n"
         "declare const process: { env: Record<string, string | undefined> };\n"
         "\n"
         "const port = Number(process.env.PORT ?? 3000);\n" +
         Verifiers("process.env") +
         "const app = createApp(handlers, { openApiDocument, security });\n"
         "serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? \"0.0.0.0\" }, (info) => {\n"
         "  console.log(`listening on http://localhost:${info.port}`);\n"
         "});\n";
}

std::string Worker() {
  return std::string(
             "// The Cloudflare Worker: the generated app with your handlers. `npx wrangler dev`\n"
             "// serves it locally, `npx wrangler deploy` publishes it (wrangler.toml).\n") +
         kEntryImports + "\n" + Verifiers("(c.env ?? {}) as Record<string, string | undefined>") +
         "\nexport default createApp(handlers, { openApiDocument, security });\n";
}

std::string VercelFunction() {
  return std::string(
             "// The Vercel function: the generated app with your handlers, for every method.\n"
             "// `npx vercel dev` serves it locally.\n"
             "import { handle } from \"hono/vercel\";\n") +
         [] {
           std::string imports = kEntryImports;
           // api/index.ts sits beside src/, not in it.
           for (size_t at = imports.find("\"./"); at != std::string::npos; at = imports.find("\"./", at + 1)) {
             imports.replace(at, 3, "\"../src/");
           }
           return imports;
         }() +
         "\n"
         "declare const process: { env: Record<string, string | undefined> };\n"
         "\n" +
         Verifiers("process.env") +
         "const app = createApp(handlers, { openApiDocument, security });\n"
         "export const GET = handle(app);\n"
         "export const POST = handle(app);\n"
         "export const PUT = handle(app);\n"
         "export const PATCH = handle(app);\n"
         "export const DELETE = handle(app);\n"
         "export const OPTIONS = handle(app);\n";
}

std::string Readme(const std::string& name, InitRuntime runtime) {
  std::string run = runtime == InitRuntime::kNode ? "npm start              # builds, then serves on $PORT (3000)\n"
                    : runtime == InitRuntime::kCloudflareWorker ? "npx wrangler dev       # serves the Worker locally\n"
                                                                : "npx vercel dev         # serves the function locally\n";
  return "# " + name +
         "\n\n"
         "Scaffolded by `specc init`. The API is `specs/api/openapi.yaml`; the project (environments,\n"
         "env vars, resources) is `specs/" + name + ".specc`. specc generates `src/generated/` from\n"
         "them; `src/handlers/` is yours.\n\n"
         "```sh\n"
         "specc apply            # generate src/generated, postman/, env/, infra/\n"
         "npm install            # the packages package.json pins\n"
         "# fill in src/handlers/api/handlers.impl.ts\n" +
         run +
         "specc check            # before each commit: generated files are up to date\n"
         "specc hook install     # or let the pre-commit hook run it\n"
         "```\n";
}

}  // namespace

std::optional<InitRuntime> ParseInitRuntime(std::string_view name) {
  if (name == "node") return InitRuntime::kNode;
  if (name == "cloudflare-worker") return InitRuntime::kCloudflareWorker;
  if (name == "vercel") return InitRuntime::kVercel;
  return std::nullopt;
}

std::string_view ProjectSpecRuntime(InitRuntime runtime) {
  switch (runtime) {
    case InitRuntime::kNode:
      return "node";
    case InitRuntime::kCloudflareWorker:
      return "cloudflare.worker";
    case InitRuntime::kVercel:
      return "vercel";
  }
  return "node";
}

std::vector<NpmPin> NpmPins(InitRuntime runtime) {
  std::vector<NpmPin> pins(std::begin(kCommonPins), std::end(kCommonPins));
  if (runtime == InitRuntime::kNode) pins.insert(pins.begin(), kNodeServerPin);
  return pins;
}

std::vector<std::pair<std::string, std::string>> RuntimeFiles(const std::string& name, InitRuntime runtime) {
  std::vector<std::pair<std::string, std::string>> files = {
      {"package.json", PackageJson(name, runtime)},
      {"tsconfig.json", kTsconfig},
      {"README.md", Readme(name, runtime)},
      {".gitignore", "node_modules/\ndist/\n.env*\n!.env.example\n"},
  };
  switch (runtime) {
    case InitRuntime::kNode:
      files.emplace_back("src/server.ts", NodeServer());
      break;
    case InitRuntime::kCloudflareWorker:
      files.emplace_back("src/worker.ts", Worker());
      files.emplace_back("wrangler.toml", "name = \"" + name + "\"\nmain = \"src/worker.ts\"\ncompatibility_date = \"2025-11-01\"\n");
      break;
    case InitRuntime::kVercel:
      files.emplace_back("api/index.ts", VercelFunction());
      break;
  }
  return files;
}

}  // namespace specc::cli
