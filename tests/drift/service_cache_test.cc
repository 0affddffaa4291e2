// The per-service cache of `apply` and `check` (cli/service_cache.h) on a repository of
// three services: after one service changes, only that one is loaded and rendered, and
// the run prints and writes exactly what a run without the cache does (warnings from
// loading and from the emitters included); a flipped, truncated, foreign or stale record
// is not trusted.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

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
// `*services`, the service cache's notes by spec path ("hit", "miss (...)"; "settled" for
// a hit of the settled record, whose miss is then followed by the record's own note).
RunResult Traced(const std::string& dir, const std::vector<std::string>& args,
                 std::map<std::string, std::string>* services,
                 std::map<std::string, std::string>* settled_misses = nullptr) {
  std::map<std::string, std::string> ignored;
  if (settled_misses == nullptr) settled_misses = &ignored;
  settled_misses->clear();
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
    std::string path = note.substr(0, colon), said = note.substr(colon + 2);
    constexpr std::string_view kSettled = " (settled)";
    if (path.size() > kSettled.size() && path.compare(path.size() - kSettled.size(), kSettled.size(), kSettled) == 0) {
      path.resize(path.size() - kSettled.size());
      if (said != "hit") {
        (*settled_misses)[path] = said;
        continue;
      }
      said = "settled";
    }
    (*services)[path] = said;
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

// How many records of each kind .git/specc/services holds: {full, settled}.
std::pair<int, int> RecordCounts(const GitRepo& repo) {
  std::pair<int, int> counts;
  for (const auto& file : stdfs::directory_iterator(stdfs::path(repo.dir()) / ".git/specc/services")) {
    ++(file.path().extension() == ".settled" ? counts.second : counts.first);
  }
  return counts;
}

TEST(ServiceCache, OneChangedServiceIsTheOnlyOneRebuilt) {
  GitRepo repo;
  SetUpTrio(repo);
  std::map<std::string, std::string> services;
  RunResult cold = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services[kBeta], "miss (no record)");
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), cold, "cold");
  // Every service settled: none keeps a full record of its files' bytes.
  EXPECT_EQ(RecordCounts(repo), std::make_pair(0, 3));

  // A change in one service's output: beta's record misses, the others' hold, and the
  // run (the whole-run cache misses too) prints exactly what an uncached one does.
  repo.Write(kBeta, Service("beta", "nick"));
  RunResult changed = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services.size(), 3u);
  EXPECT_EQ(services[kAlpha], "settled");
  EXPECT_EQ(services[kBeta].rfind("miss (`", 0), 0u) << services[kBeta];
  EXPECT_EQ(services[kGamma], "settled");
  EXPECT_EQ(changed.exit_code, 1) << changed.out;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), changed, "one service changed");
  // Beta's files differ now: it keeps a full record, which the next runs replay.
  EXPECT_EQ(RecordCounts(repo), std::make_pair(1, 2));
  // --format json and --staged read the same records.
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache", "--format", "json"}),
             Traced(repo.dir(), {"check", "--format", "json"}, &services), "json");
  EXPECT_EQ(services[kBeta], "hit");

  // apply renders beta alone and writes what an uncached apply writes.
  RunResult applied = Traced(repo.dir(), {"apply"}, &services);
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(services[kAlpha], "settled");
  EXPECT_EQ(services[kBeta], "hit");
  std::map<std::string, std::string> cached_tree = Tree(repo);
  repo.Git("checkout -- .");
  repo.Write(kBeta, Service("beta", "nick"));
  RunResult uncached_apply = SpeccWithEmitters(repo.dir(), {"apply", "--no-cache"});
  ExpectSame(uncached_apply, applied, "apply");
  EXPECT_EQ(Tree(repo), cached_tree);
  EXPECT_NE(cached_tree.at("src/generated/beta/schemas.ts").find("nick"), std::string::npos);
}

// Sets the modification time of `path` (relative to the repository) to `when`, so that
// an edit of the same size leaves the same stat data but for the change time.
void KeepModificationTime(const GitRepo& repo, const std::string& path, const struct timespec& when) {
  stdfs::path file = stdfs::path(repo.dir()) / path;
  struct timespec times[2] = {when, when};
  ASSERT_EQ(::utimensat(AT_FDCWD, file.c_str(), times, 0), 0);
}

TEST(ServiceCache, SettledServicesSeeEveryChangeToTheirFiles) {
  GitRepo repo;
  SetUpTrio(repo);
  // Files older than the racy window: their stat data vouches for them.
  drift_test::Shell("find " + drift_test::Quote(repo.dir()) + " -path '*/.git' -prune -o -type f -exec touch -d '-3 seconds' {} +");
  std::map<std::string, std::string> services, settled_misses;
  Traced(repo.dir(), {"check"}, &services, &settled_misses);
  EXPECT_EQ(settled_misses[kAlpha], "miss (no record)");
  // A new file in specs/ keeps the whole-run cache from answering.
  int round = 0;
  auto check = [&](const std::string& what) {
    repo.Write("specs/notes-" + std::to_string(++round) + ".txt", "");
    RunResult cached = Traced(repo.dir(), {"check"}, &services, &settled_misses);
    ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), cached, what);
    return cached;
  };
  RunResult settled = check("settled");
  EXPECT_EQ(settled.exit_code, 0) << settled.out;
  for (const std::string& spec : {kAlpha, kBeta, kGamma}) EXPECT_EQ(services[spec], "settled") << spec;

  // A generated file edited by hand, same size and modification time: the change time
  // gives it away, the settled record misses, and the file's bytes are compared.
  const std::string schemas = "src/generated/alpha/schemas.ts";
  const std::string original = repo.Read(schemas);
  struct stat before;
  ASSERT_EQ(::stat((stdfs::path(repo.dir()) / schemas).c_str(), &before), 0);
  std::string edited = original;
  edited[edited.size() - 2] = edited[edited.size() - 2] == 'x' ? 'y' : 'x';
  repo.Write(schemas, edited);
  KeepModificationTime(repo, schemas, before.st_mtim);
  RunResult hand_edit = check("hand edit");
  EXPECT_EQ(hand_edit.exit_code, 2) << hand_edit.out;
  EXPECT_EQ(settled_misses[kAlpha], "miss (`" + schemas + "` changed)");
  // A settled service keeps no full record: alpha alone is rendered again, and, its file
  // differing, stores its full record.
  EXPECT_EQ(services[kAlpha], "miss (no record)");
  EXPECT_EQ(services[kBeta], "settled");

  // Restored, it settles again; then an edit staged and undone on disk: only the index
  // differs from HEAD.
  repo.Write(schemas, original);
  check("restored");
  EXPECT_EQ(check("settled again").exit_code, 0);
  EXPECT_EQ(services[kAlpha], "settled");
  repo.Write(schemas, edited);
  repo.Git("add " + schemas);
  repo.Write(schemas, original);
  RunResult staged_edit = check("staged edit");
  EXPECT_EQ(staged_edit.exit_code, 2) << staged_edit.out;
  EXPECT_EQ(settled_misses[kAlpha], "miss (`" + schemas + "` changed)");
  repo.Git("reset -q -- " + schemas);

  // How files are read (git attributes: line ends) may change what they hold.
  check("after the reset");
  check("before the attributes");
  EXPECT_EQ(services[kAlpha], "settled");
  repo.Write(".gitattributes", "*.ts text\n");
  check("attributes added");
  EXPECT_EQ(settled_misses[kAlpha], "miss (`" + repo.dir() + "/.gitattributes` changed)");
  stdfs::remove(stdfs::path(repo.dir()) / ".gitattributes");
  check("attributes removed");

  // A deleted scaffold is the user's choice, but it was seen to exist.
  const std::string scaffold = "src/generated/gamma/handlers.impl.ts";
  ASSERT_TRUE(repo.Exists(scaffold));
  check("before deleting the scaffold");
  EXPECT_EQ(services[kGamma], "settled");
  stdfs::remove(stdfs::path(repo.dir()) / scaffold);
  check("scaffold deleted");
  EXPECT_EQ(settled_misses[kGamma], "miss (`" + scaffold + "` changed)");

  // A damaged or truncated settled record is not trusted.
  stdfs::path dir = stdfs::path(repo.dir()) / ".git/specc/services";
  check("settled once more");
  EXPECT_EQ(services[kBeta], "settled");
  std::vector<stdfs::path> records;
  for (const auto& file : stdfs::directory_iterator(dir)) {
    if (file.path().extension() == ".settled") records.push_back(file.path());
  }
  ASSERT_FALSE(records.empty());
  for (const stdfs::path& record : records) {
    std::string good = ReadAll(record);
    ASSERT_TRUE(cli::ParseSettledRecord(good).ok());
    std::string flipped = good;
    flipped[good.size() / 2] ^= 0x20;
    WriteAll(record, flipped);
    EXPECT_FALSE(cli::ParseSettledRecord(flipped).ok());
    EXPECT_FALSE(cli::ParseSettledRecord(good.substr(0, good.size() - 1)).ok());
  }
  // (Gamma, whose scaffold is gone, is not settled.) Alpha's full record, stored when its
  // file was edited, replays it; beta, settled since the first run, has none.
  check("damaged settled records");
  for (const std::string& spec : {kAlpha, kBeta}) {
    EXPECT_EQ(settled_misses[spec], "miss (checksum mismatch (truncated or damaged))") << spec;
  }
  EXPECT_EQ(services[kAlpha], "hit");
  EXPECT_EQ(services[kBeta], "miss (no record)");
}

TEST(ServiceCache, ProjectChangesEveryServiceKey) {
  GitRepo repo;
  SetUpTrio(repo);
  std::map<std::string, std::string> services, settled_misses;
  Traced(repo.dir(), {"check"}, &services);
  // The project names its environments: every service's Postman files depend on them.
  // The settled records of the first run miss, and so, in the next run, do the full
  // records this one stores (every service's files differ now).
  const std::string key_changed = "miss (the project, specc.yaml or the service's name changed)";
  for (const char* environments : {"{ dev, stage }", "{ dev, qa }"}) {
    std::string project = kProject;
    project.replace(project.find("{ dev, prod }"), 13, environments);
    repo.Write("specs/trio.specc", project);
    RunResult run = Traced(repo.dir(), {"check"}, &services, &settled_misses);
    bool first = std::string(environments) == "{ dev, stage }";
    for (const std::string& spec : {kAlpha, kBeta, kGamma}) {
      EXPECT_EQ(first ? settled_misses[spec] : services[spec], key_changed) << spec << " " << environments;
    }
    ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), run, std::string("project ") + environments);
  }
}

// The file of the full record of the service at `spec` (with `settled`, of its settled
// record), as stored.
stdfs::path RecordOf(const GitRepo& repo, const std::string& spec, bool settled = false) {
  stdfs::path dir = stdfs::path(repo.dir()) / ".git/specc/services";
  for (const auto& file : stdfs::directory_iterator(dir)) {
    if ((file.path().extension() == ".settled") != settled) continue;
    std::string bytes = ReadAll(file.path());
    Result<cli::ServiceRecord> record = settled ? cli::ParseSettledRecord(bytes) : cli::ParseServiceRecord(bytes);
    if (!record.ok()) continue;
    for (const auto& [path, size] : record.value().sources) {
      if (path == spec) return file.path();
    }
  }
  ADD_FAILURE() << "no record of " << spec;
  return {};
}

// The trio, with one of beta's generated files edited by hand, checked once: beta never
// settles, and keeps a full record (the edited file's bytes, the others' hashes).
void SetUpTrioWithBetaEdited(GitRepo& repo, std::map<std::string, std::string>* services) {
  SetUpTrio(repo);
  const std::string edited = "src/generated/beta/schemas.ts";
  repo.Write(edited, repo.Read(edited) + "// edited\n");
  Traced(repo.dir(), {"check"}, services);
  EXPECT_EQ((*services)[kBeta], "miss (no record)");
}

TEST(ServiceCache, DamagedForeignAndStaleRecordsAreNotTrusted) {
  GitRepo repo;
  std::map<std::string, std::string> services;
  // Each run replays beta's full record or, when that does not hold, renders beta and
  // stores one.
  SetUpTrioWithBetaEdited(repo, &services);
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
    EXPECT_EQ(services[kAlpha], "settled") << what;
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

TEST(ServiceCache, FullRecordsVouchForTheFilesTheySettled) {
  GitRepo repo;
  std::map<std::string, std::string> services;
  // Beta's full record holds its edited file's bytes and the others' hashes only (settled
  // as they were rendered), with what vouched for them.
  SetUpTrioWithBetaEdited(repo, &services);
  Result<cli::ServiceRecord> full = cli::ParseServiceRecord(ReadAll(RecordOf(repo, kBeta)));
  ASSERT_TRUE(full.ok()) << full.error().message;
  size_t with_bytes = 0, settled = 0;
  for (const OutputSet& group : full.value().files) {
    for (const auto& [path, bytes] : group.files()) with_bytes += group.IsScaffold(path) ? 0 : 1;
    settled += group.settled().size();
  }
  EXPECT_EQ(with_bytes, 1u);
  EXPECT_GT(settled, 2u);

  int round = 0;
  auto check = [&](const std::string& what) {
    repo.Write("specs/notes-" + std::to_string(++round) + ".txt", "");  // past the whole-run cache
    RunResult cached = Traced(repo.dir(), {"check"}, &services);
    ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), cached, what);
  };
  check("replayed");
  EXPECT_EQ(services[kBeta], "hit");
  // A file the record settled, edited behind its back: the record misses.
  const std::string other = "src/generated/beta/app.ts";
  ASSERT_TRUE(repo.Exists(other));
  repo.Write(other, repo.Read(other) + "// edited too\n");
  check("a settled file edited");
  EXPECT_EQ(services[kBeta], "miss (`" + other + "` changed)");
  check("replayed again");
  EXPECT_EQ(services[kBeta], "hit");
}

// A service with nothing to say: its own servers name both environments, and no path is
// shared.
std::string QuietService(const std::string& title, const std::string& extra = "") {
  return "openapi: 3.0.3\n"
         "info: {title: " + title + ", version: 1.0.0}\n"
         "servers:\n"
         "  - {url: 'https://dev.example.com', description: dev}\n"
         "  - {url: 'https://api.example.com', description: prod}\n"
         "paths:\n"
         "  /items/{id}:\n"
         "    get:\n"
         "      operationId: getItem\n"
         "      parameters:\n"
         "        - {name: id, in: path, required: true, schema: {type: string}}\n"
         "      responses: {'200': {description: ok}}\n" + extra;
}

// A documented example of a credential: the secret review warns (SECRET_EXAMPLE), and the
// outputs carry it, so the service never settles.
constexpr char kSecretExample[] =
    "components:\n"
    "  schemas:\n"
    "    Login:\n"
    "      type: object\n"
    "      properties:\n"
    "        connection_secret:\n"
    "          type: string\n"
    "          example: 'postgres://svc:Hx7Kq2Zp9Lm4Rw@db.acme.dev/app'\n";

TEST(ServiceCache, QuietServicesAreTakenWithoutReadingTheirFiles) {
  GitRepo repo;
  repo.Write("specs/trio.specc", kProject);
  repo.Write(kAlpha, QuietService("alpha"));
  repo.Write(kBeta, QuietService("beta", kSecretExample));
  repo.Write(kGamma, Service("gamma", "name"));
  // A fragment no description reaches: its warning must not grow the taken services' files.
  repo.Write("specs/alpha/unused.yaml", "type: string\n");
  ASSERT_EQ(SpeccWithEmitters(repo.dir(), {"apply", "--no-cache"}).exit_code, 0);
  repo.CommitAll("generated");
  std::map<std::string, std::string> services;
  RunResult cold = Traced(repo.dir(), {"check"}, &services);
  ASSERT_NE(cold.err.find("SECRET_EXAMPLE"), std::string::npos) << cold.err;
  ASSERT_NE(cold.err.find("SPEC_FILE_UNREACHED"), std::string::npos) << cold.err;
  // Alpha and gamma settle; beta's outputs carry its example, so it keeps its full record.
  auto record = [&](const std::string& spec, bool settled) {
    std::string bytes = ReadAll(RecordOf(repo, spec, settled));
    Result<cli::ServiceRecord> parsed = settled ? cli::ParseSettledRecord(bytes) : cli::ParseServiceRecord(bytes);
    EXPECT_TRUE(parsed.ok()) << spec;
    return parsed.ok() ? parsed.value() : cli::ServiceRecord{};
  };
  EXPECT_FALSE(record(kAlpha, true).sources_needed);
  EXPECT_TRUE(record(kBeta, false).sources_needed);   // the secret review judges its example again
  EXPECT_TRUE(record(kGamma, true).sources_needed);  // its warnings point into it

  // Gamma changes: alpha is taken unread, beta read for the review, and the run says
  // exactly what an uncached one does (the example's warning, the unreached fragment).
  repo.Write(kGamma, Service("gamma", "nick"));
  RunResult changed = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services[kAlpha], "settled");
  EXPECT_EQ(services[kBeta], "hit");
  EXPECT_NE(services[kGamma].find("as the settled record saw"), std::string::npos) << services[kGamma];
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), changed, "gamma changed");

  // An allowlist entry for beta's example is used, though beta was taken from its record.
  std::string fingerprint = cold.err.substr(cold.err.find("fingerprint: sha256:") + 13, 71);
  repo.Write("specs/.specc-secrets-allow.yaml",
             "accept:\n  - {fingerprint: '" + fingerprint + "', reason: a published example}\n");
  RunResult allowed = Traced(repo.dir(), {"check"}, &services);
  EXPECT_EQ(services[kAlpha], "settled");
  EXPECT_EQ(services[kBeta], "hit");
  EXPECT_EQ(allowed.err.find("SECRET_"), std::string::npos) << allowed.err;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), allowed, "allowlisted");
}

}  // namespace
}  // namespace specc
