// The per-service cache of `apply` and `check` (cli/service_cache.h) on a repository of
// three services: after one service changes, only that one is loaded and rendered, and
// the run prints and writes exactly what a run without the cache does (warnings from
// loading and from the emitters included); a flipped, truncated, foreign or stale record
// is not trusted.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "cli/service_cache.h"
#include "git_repo.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;
using drift_test::ExpectSame;
using drift_test::GitRepo;
using drift_test::ReadAll;
using drift_test::RunResult;
using drift_test::SpeccWithEmitters;

constexpr char kServiceTrace[] = "specc: service cache: ";

// Runs with SPECC_CACHE_TRACE=1; returns the result without any trace line and, in
// `*services`, the service cache's notes by spec path ("hit", "miss (...)").
RunResult Traced(const std::string& dir, const std::vector<std::string>& args,
                 std::map<std::string, std::string>* services) {
  ::setenv("SPECC_CACHE_TRACE", "1", 1);
  std::ostringstream captured;
  std::streambuf* saved = std::cerr.rdbuf(captured.rdbuf());
  RunResult result = SpeccWithEmitters(dir, args);
  std::cerr.rdbuf(saved);
  ::unsetenv("SPECC_CACHE_TRACE");
  services->clear();
  std::istringstream lines(captured.str());
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(kServiceTrace, 0) != 0) continue;
    std::string note = line.substr(sizeof kServiceTrace - 1);
    size_t colon = note.find(": ");
    (*services)[note.substr(0, colon)] = note.substr(colon + 2);
  }
  std::istringstream err(result.err);
  std::string kept;
  while (std::getline(err, line)) {
    if (line.rfind("specc: cache: ", 0) != 0) kept += line + "\n";
  }
  result.err = kept;
  return result;
}

void WriteAll(const stdfs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Every file of the working tree but .git: path -> bytes.
std::map<std::string, std::string> Tree(const GitRepo& repo) {
  std::map<std::string, std::string> out;
  for (auto it = stdfs::recursive_directory_iterator(repo.dir()); it != stdfs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) out[stdfs::relative(it->path(), repo.dir()).string()] = ReadAll(it->path());
  }
  return out;
}

std::string Service(const std::string& title, const std::string& property) {
  return "openapi: 3.0.3\n"
         "info: {title: " + title + ", version: 1.0.0}\n"
         // A loopback server: the Postman emitter warns for each environment.
         "servers:\n  - url: http://localhost:8787\n"
         "paths:\n"
         "  /items/{id}:\n"
         "    put:\n"
         "      operationId: putItem\n"
         "      parameters:\n"
         "        - {name: id, in: path, required: true, schema: {type: string}}\n"
         "      responses: {'200': {description: ok}}\n"
         // One route shared by two path keys: loading warns (SPEC_PATH_SHARED).
         "  /items/{id}#tag:\n"
         "    put:\n"
         "      operationId: tagItem\n"
         "      parameters:\n"
         "        - {name: id, in: path, required: true, schema: {type: string}}\n"
         "      requestBody:\n"
         "        content:\n"
         "          application/json:\n"
         "            schema: {$ref: '#/components/schemas/Item'}\n"
         "      responses: {'200': {description: ok}}\n"
         "components:\n"
         "  schemas:\n"
         "    Item:\n"
         "      type: object\n"
         "      properties:\n"
         "        " + property + ": {type: string}\n";
}

constexpr char kProject[] = R"(project "trio" {
  id = "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10"
  version = "1.0.0"
  constitution = "1.0.0"
  environments { dev, prod }
  service alpha { openapi = "alpha/openapi.yaml"; runtime = node }
  service beta { openapi = "beta/openapi.yaml"; runtime = node }
  service gamma { openapi = "gamma/openapi.yaml"; runtime = node }
}
)";

void SetUpTrio(GitRepo& repo) {
  repo.Write("specs/trio.specc", kProject);
  for (const char* name : {"alpha", "beta", "gamma"}) {
    repo.Write(std::string("specs/") + name + "/openapi.yaml", Service(name, "name"));
  }
  RunResult apply = SpeccWithEmitters(repo.dir(), {"apply", "--no-cache"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  ASSERT_NE(apply.err.find("SPEC_PATH_SHARED"), std::string::npos) << apply.err;
  ASSERT_NE(apply.err.find("POSTMAN_ENVIRONMENT_URL"), std::string::npos) << apply.err;
  repo.CommitAll("generated");
}

const std::string kAlpha = "specs/alpha/openapi.yaml";
const std::string kBeta = "specs/beta/openapi.yaml";
const std::string kGamma = "specs/gamma/openapi.yaml";

TEST(ServiceCache, OneChangedServiceIsTheOnlyOneRebuilt) {
  GitRepo repo;
  SetUpTrio(repo);
  std::map<std::string, std::string> services;
  RunResult cold = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services[kBeta], "miss (no record)");
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), cold, "cold");

  // A change in one service's output: beta's record misses, the others' hold, and the
  // run (the whole-run cache misses too) prints exactly what an uncached one does.
  repo.Write(kBeta, Service("beta", "nick"));
  RunResult changed = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services.size(), 3u);
  EXPECT_EQ(services[kAlpha], "hit");
  EXPECT_EQ(services[kBeta].rfind("miss (`", 0), 0u) << services[kBeta];
  EXPECT_EQ(services[kGamma], "hit");
  EXPECT_EQ(changed.exit_code, 1) << changed.out;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), changed, "one service changed");
  // --format json and --staged read the same records.
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache", "--format", "json"}),
             Traced(repo.dir(), {"check", "--format", "json"}, &services), "json");
  EXPECT_EQ(services[kBeta], "hit");

  // apply renders beta alone and writes what an uncached apply writes.
  RunResult applied = Traced(repo.dir(), {"apply"}, &services);
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(services[kAlpha], "hit");
  EXPECT_EQ(services[kBeta], "hit");
  std::map<std::string, std::string> cached_tree = Tree(repo);
  repo.Git("checkout -- .");
  repo.Write(kBeta, Service("beta", "nick"));
  RunResult uncached_apply = SpeccWithEmitters(repo.dir(), {"apply", "--no-cache"});
  ExpectSame(uncached_apply, applied, "apply");
  EXPECT_EQ(Tree(repo), cached_tree);
  EXPECT_NE(cached_tree.at("src/generated/beta/schemas.ts").find("nick"), std::string::npos);
}

TEST(ServiceCache, ProjectChangesEveryServiceKey) {
  GitRepo repo;
  SetUpTrio(repo);
  std::map<std::string, std::string> services;
  Traced(repo.dir(), {"check"}, &services);
  // The project names its environments: every service's Postman files depend on them.
  std::string project = kProject;
  project.replace(project.find("{ dev, prod }"), 13, "{ dev, stage }");
  repo.Write("specs/trio.specc", project);
  RunResult run = Traced(repo.dir(), {"check"}, &services);
  for (const std::string& spec : {kAlpha, kBeta, kGamma}) {
    EXPECT_EQ(services[spec], "miss (the project, specc.yaml or the service's name changed)") << spec;
  }
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), run, "project changed");
}

// The record of beta, as stored.
stdfs::path RecordOf(const GitRepo& repo, const std::string& spec) {
  std::map<std::string, std::string> services;
  stdfs::path dir = stdfs::path(repo.dir()) / ".git/specc/services";
  for (const auto& file : stdfs::directory_iterator(dir)) {
    Result<cli::ServiceRecord> record = cli::ParseServiceRecord(ReadAll(file.path()));
    if (!record.ok()) continue;
    for (const auto& [path, size] : record.value().sources) {
      if (path == spec) return file.path();
    }
  }
  ADD_FAILURE() << "no record of " << spec;
  return {};
}

TEST(ServiceCache, DamagedForeignAndStaleRecordsAreNotTrusted) {
  GitRepo repo;
  SetUpTrio(repo);
  std::map<std::string, std::string> services;
  Traced(repo.dir(), {"check"}, &services);
  // The whole-run cache is kept out of the way: a new file in specs/ (which no service
  // reads) makes every run miss it.
  repo.Write("specs/notes-0.txt", "");
  stdfs::path record = RecordOf(repo, kBeta);
  const std::string good = ReadAll(record);
  Result<cli::ServiceRecord> parsed = cli::ParseServiceRecord(good);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const RunResult expected = SpeccWithEmitters(repo.dir(), {"check", "--no-cache"});
  int round = 0;
  auto run = [&](const std::string& what) {
    repo.Write("specs/notes-" + std::to_string(++round) + ".txt", "");
    RunResult result = Traced(repo.dir(), {"check"}, &services);
    ExpectSame(expected, result, what);
    EXPECT_EQ(services[kAlpha], "hit") << what;
    return services[kBeta];
  };

  for (size_t at = 0; at < good.size(); at += 1 + good.size() / 61) {
    std::string flipped = good;
    flipped[at] ^= 0x20;
    WriteAll(record, flipped);
    EXPECT_NE(run("flipped byte " + std::to_string(at)), "hit") << "byte " << at;
  }
  for (size_t size : {size_t{0}, size_t{10}, good.size() / 2, good.size() - 1}) {
    WriteAll(record, good.substr(0, size));
    EXPECT_FALSE(cli::ParseServiceRecord(good.substr(0, size)).ok());
    EXPECT_NE(run("truncated to " + std::to_string(size)), "hit") << "truncated to " << size;
  }

  cli::ServiceRecord other_version = parsed.value();
  other_version.identity = "specc 0.0.1 (git v0.0.1)";
  WriteAll(record, cli::SerializeServiceRecord(other_version));
  EXPECT_EQ(run("another specc"), "miss (written by another specc)");

  // A record whose files say beta has another field: its inputs changed behind its back.
  cli::ServiceRecord stale = parsed.value();
  bool changed = false;
  for (cli::Observation& seen : stale.observations) {
    if (seen.kind == cli::Observation::kRead && seen.path.find(kBeta) != std::string::npos) {
      seen.answer = "ok 0000";
      seen.witness = "";
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  for (OutputSet& group : stale.files) {
    for (const auto& [path, bytes] : std::map<std::string, std::string>(group.files())) group.Put(path, "forged\n");
  }
  WriteAll(record, cli::SerializeServiceRecord(stale));
  EXPECT_EQ(run("stale record").rfind("miss (`", 0), 0u);

  // The cold runs above stored a good record again.
  EXPECT_EQ(run("restored"), "hit");
}

}  // namespace
}  // namespace specc
