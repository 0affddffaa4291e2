// `specc init`: scaffolds a project that `specc lint` accepts at once: specc.yaml, a
// project spec and a one-operation OpenAPI document. It never overwrites anything.
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <random>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/cli.h"
#include "cli/commands.h"
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
    text += "  " + std::string(d.kind) + ": {out: " + std::string(d.out) + "}   # " +
            std::string(d.description) + "\n";
  }
  text +=
      "# The handler scaffolds (your code) go beside the routes unless routes names a directory\n"
      "# of their own, such as `routes: {out: src/generated, handlers: src/handlers}`.\n";
  return text;
}

std::string ProjectText(const std::string& name) {
  return "// The project spec: what the project is, where it runs, what configuration it needs.\n"
         "project \"" + name + "\" {\n"
         "  id = \"" + NewUuidV4() + "\"\n"
         "  version = \"0.1.0\"\n"
         "  constitution = \"1.0.0\"\n"
         "  environments { dev, staging, prod }\n"
         "\n"
         "  service api { openapi = \"api/openapi.yaml\"; runtime = node }\n"
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

std::string OpenApiText(const std::string& name) {
  return "openapi: 3.1.0\n"
         "info:\n"
         "  title: " + name + "\n"
         "  version: 0.1.0\n"
         "paths:\n"
         "  /health:\n"
         "    get:\n"
         "      operationId: getHealth\n"
         "      summary: Report that the service is up\n"
         "      responses:\n"
         "        '200':\n"
         "          description: The service is up\n"
         "          content:\n"
         "            application/json:\n"
         "              schema:\n"
         "                type: object\n"
         "                required: [status]\n"
         "                properties:\n"
         "                  status: {type: string, enum: [ok]}\n";
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

int RunInit(const CommandContext& ctx) {
  namespace fs = std::filesystem;
  fs::path root(ctx.working_dir);
  for (const char* existing : {"specc.yaml", "specs"}) {
    if (fs::exists(root / existing)) {
      ctx.err << "specc init: `" << existing << "` already exists; init only scaffolds a new project\n"
              << "  hint: run `specc lint` to check the project you have\n";
      return kExitUsage;
    }
  }
  std::string name = ProjectNameFor(ctx.working_dir);
  const std::pair<std::string, std::string> files[] = {
      {"specc.yaml", ConfigText()},
      {"specs/" + name + ".specc", ProjectText(name)},
      {"specs/api/openapi.yaml", OpenApiText(name)},
  };
  for (const auto& [path, text] : files) {
    if (!WriteNewFile(root / path, text, ctx.err)) return kExitUsage;
    ctx.out << "created " << path << "\n";
  }
  ctx.out << "next: edit specs/, then run `specc lint`\n";
  return kExitClean;
}

}  // namespace specc::cli
