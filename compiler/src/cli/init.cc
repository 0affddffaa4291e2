// `specc init [--runtime node|cloudflare-worker|vercel]`: scaffolds a project that
// `specc lint` accepts at once and that runs after `specc apply` and `npm install`:
// specc.yaml, a project spec, a two-operation OpenAPI document, and the runtime's files
// (init_runtime.h). It never overwrites anything.
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <random>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/init_runtime.h"
#include "spec/project_config.h"

namespace specc::cli {
namespace {

// A random version-4 UUID: the project id must be unique, so this is the one place
// where specc wants randomness rather than determinism.
std::string NewUuidV4() {
  std::random_device device;
  std::uniform_int_distribution<int> byte(0, 255);
  unsigned char b[16];
  for (unsigned char& x : b) x = static_cast<unsigned char>(byte(device));
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  char text[37];
  std::snprintf(text, sizeof text,
                "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0],
                b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
                b[14], b[15]);
  return text;
}

// The directory's name as a project name: lowercase letters, digits and dashes.
std::string ProjectNameFor(const std::string& dir) {
  std::string base = std::filesystem::weakly_canonical(dir).filename().string();
  std::string name;
  for (char c : base) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      name += c;
    } else if (c >= 'A' && c <= 'Z') {
      name += static_cast<char>(c - 'A' + 'a');
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "my-api" : name;
}

std::string ConfigText() {
  std::string text =
      "# specc.yaml: where the specs are and where each artifact is written.\n"
      "# Every setting is optional; these are the defaults.\n"
      "specs: specs\n"
      "# templates: templates   # a directory of .mustache files overriding built-in ones\n"
      "postman:\n"
      "  prefix: CloudMake\n"
      "artifacts:\n";
  for (const spec::ArtifactDefault& d : spec::kArtifactKinds) {
    // The handler scaffolds are your code: outside the generated directory.
    std::string handlers = d.kind == "routes" ? ", handlers: src/handlers" : "";
    text += "  " + std::string(d.kind) + ": {out: " + std::string(d.out) + handlers + "}   # " +
            std::string(d.description) + "\n";
  }
  text +=
      "# specc writes each service's handler scaffold once, into src/handlers/<service>/, and\n"
      "# never touches it again: it is yours.\n";
  return text;
}

std::string ProjectText(const std::string& name, InitRuntime runtime) {
  return "// The project spec: what the project is, where it runs, what configuration it needs.\n"
         "project \"" + name + "\" {\n"
         "  id = \"" + NewUuidV4() + "\"\n"
         "  version = \"0.1.0\"\n"
         "  constitution = \"1.0.0\"\n"
         "  environments { dev, staging, prod }\n"
         "\n"
         "  service api { openapi = \"api/openapi.yaml\"; runtime = " + std::string(ProjectSpecRuntime(runtime)) + " }\n"
         "\n"
         "  env LOG_LEVEL {\n"
         "    scope = runtime\n"
         "    optional\n"
         "    default = \"info\"\n"
         "    allowed = [\"debug\", \"info\", \"warn\", \"error\"]\n"
         "    description = \"How much the service logs.\"\n"
         "  }\n"
         "}\n";
}

// The API `specc init` writes: a public health check and a secured operation with its
// documented error bodies, so the scaffold shows validation (400), authentication (401)
// and scopes (403) as the generated app enforces them.
std::string OpenApiText(const std::string& name) {
  return "openapi: 3.1.0\n"
         "info:\n"
         "  title: " + name + "\n"
         "  version: 0.1.0\n"
         "security:\n"
         "  - bearerAuth: []\n"
         "paths:\n"
         "  /health:\n"
         "    get:\n"
         "      operationId: getHealth\n"
         "      summary: Report that the service is up\n"
         "      security: []\n"
         "      responses:\n"
         "        '200':\n"
         "          description: The service is up\n"
         "          content:\n"
         "            application/json:\n"
         "              schema:\n"
         "                type: object\n"
         "                required: [status]\n"
         "                properties:\n"
         "                  status: {type: string, enum: [ok]}\n"
         "  /messages:\n"
         "    post:\n"
         "      operationId: createMessage\n"
         "      summary: Accept a message\n"
         "      security:\n"
         "        - bearerAuth: ['messages:write']\n"
         "      requestBody:\n"
         "        required: true\n"
         "        content:\n"
         "          application/json:\n"
         "            schema:\n"
         "              $ref: '#/components/schemas/Message'\n"
         "      responses:\n"
         "        '201':\n"
         "          description: The message was accepted\n"
         "          content:\n"
         "            application/json:\n"
         "              schema:\n"
         "                $ref: '#/components/schemas/Message'\n"
         "        '400': {$ref: '#/components/responses/Error'}\n"
         "        '401': {$ref: '#/components/responses/Error'}\n"
         "        '403': {$ref: '#/components/responses/Error'}\n"
         "components:\n"
         "  securitySchemes:\n"
         "    bearerAuth: {type: http, scheme: bearer}\n"
         "  responses:\n"
         "    Error:\n"
         "      description: The request was refused\n"
         "      content:\n"
         "        application/json:\n"
         "          schema:\n"
         "            $ref: '#/components/schemas/Error'\n"
         "  schemas:\n"
         "    Message:\n"
         "      type: object\n"
         "      required: [text]\n"
         "      additionalProperties: false\n"
         "      properties:\n"
         "        text: {type: string, minLength: 1, maxLength: 280}\n"
         "    Error:\n"
         "      type: object\n"
         "      required: [code, message]\n"
         "      properties:\n"
         "        code: {type: string}\n"
         "        message: {type: string}\n";
}

// Writes `text` to `path` through a temporary file and a rename, so an interrupted run
// never leaves half a file.
bool WriteNewFile(const std::filesystem::path& path, const std::string& text, std::ostream& err) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  Status written = ReplaceFile(path.generic_string(), text);
  if (!written.ok()) {
    err << "specc init: cannot write " << written.error().message << "\n";
    return false;
  }
  return true;
}

}  // namespace

int RunInit(const std::string& runtime_name, const CommandContext& ctx) {
  namespace fs = std::filesystem;
  fs::path root(ctx.working_dir);
  for (const char* existing : {"specc.yaml", "specs"}) {
    if (fs::exists(root / existing)) {
      ctx.err << "specc init: `" << existing << "` already exists; init only scaffolds a new project\n"
              << "  hint: run `specc lint` to check the project you have\n";
      return kExitUsage;
    }
  }
  std::optional<InitRuntime> runtime = ParseInitRuntime(runtime_name);
  if (!runtime) {
    ctx.err << "specc init: unknown runtime `" << runtime_name << "`; choose node, cloudflare-worker or vercel\n";
    return kExitUsage;
  }
  std::string name = ProjectNameFor(ctx.working_dir);
  std::vector<std::pair<std::string, std::string>> files = {
      {"specc.yaml", ConfigText()},
      {"specs/" + name + ".specc", ProjectText(name, *runtime)},
      {"specs/api/openapi.yaml", OpenApiText(name)},
  };
  for (auto& file : RuntimeFiles(name, *runtime)) files.push_back(std::move(file));
  for (const auto& [path, text] : files) {
    // The runtime's files may exist in a repository that adopts specc: keep them.
    if (fs::exists(root / path)) {
      ctx.out << "kept    " << path << " (it exists)\n";
      continue;
    }
    if (!WriteNewFile(root / path, text, ctx.err)) return kExitUsage;
    ctx.out << "created " << path << "\n";
  }
  ctx.out << "next: `specc apply`, `npm install`, fill in src/handlers/api/handlers.impl.ts, then "
          << (*runtime == InitRuntime::kNode ? "`npm start`" : "`npm start` (see README.md)") << "\n";
  return kExitClean;
}

}  // namespace specc::cli
