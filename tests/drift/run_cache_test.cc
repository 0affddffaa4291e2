// The run cache of `specc check` (cli/run_cache.h) over real git repositories: a warm
// check answers exactly as a cold one, on this repository's example and on every golden
// case's input; a changed spec, a staged change, a damaged, truncated, foreign or stale
// entry and inputs changed behind the cache's back all lead to a cold run; a cache that
// cannot be written never fails a check.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/run_cache.h"
#include "git_repo.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;
using drift_test::GitRepo;
using drift_test::Quote;
using drift_test::RunResult;
using drift_test::ExpectSame;
using drift_test::ReadAll;
using drift_test::Shell;
using drift_test::SpeccWithEmitters;

constexpr char kTrace[] = "specc: cache: ";

// Runs with SPECC_CACHE_TRACE=1; returns the result without the trace lines and, in
// `*trace`, the trace's first note ("hit", "miss (...)", ...).
RunResult Traced(const std::string& dir, const std::vector<std::string>& args, std::string* trace) {
  ::setenv("SPECC_CACHE_TRACE", "1", 1);
  RunResult result = SpeccWithEmitters(dir, args);
  ::unsetenv("SPECC_CACHE_TRACE");
  std::istringstream lines(result.err);
  std::string line, kept;
  trace->clear();
  while (std::getline(lines, line)) {
    if (line.rfind(kTrace, 0) == 0) {
      if (trace->empty()) *trace = line.substr(sizeof kTrace - 1);
    } else {
      kept += line + "\n";
    }
  }
  result.err = kept;
  return result;
}

void WriteAll(const stdfs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The one cache entry of `repo`.
stdfs::path EntryOf(const GitRepo& repo) {
  std::vector<stdfs::path> entries;
  for (const auto& file : stdfs::directory_iterator(stdfs::path(repo.dir()) / ".git/specc/cache")) {
    entries.push_back(file.path());
  }
  EXPECT_EQ(entries.size(), 1u);
  return entries.empty() ? stdfs::path() : entries.front();
}

constexpr char kSpec[] = R"(openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: a pet
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      required: [id]
      properties:
        id: {type: string}
        name: {type: string}
)";

// A repository whose specs/api.yaml is applied and committed, with files old enough for
// their stat data to vouch for them.
void SetUpApplied(GitRepo& repo) {
  repo.Write("specs/api.yaml", kSpec);
  RunResult apply = SpeccWithEmitters(repo.dir(), {"apply"});
  ASSERT_EQ(apply.exit_code, 0) << apply.err;
  repo.CommitAll("generated");
}

// Sets every file's times three seconds back, past the cache's racy window.
void AgeFiles(const GitRepo& repo) {
  Shell("find " + Quote(repo.dir()) + " -path '*/.git' -prune -o -type f -exec touch -d '-3 seconds' {} +");
}

TEST(RunCache, WarmCheckAnswersAsTheColdOne) {
  GitRepo repo;
  SetUpApplied(repo);
  AgeFiles(repo);
  std::string trace;
  RunResult uncached = SpeccWithEmitters(repo.dir(), {"check", "--no-cache"});
  EXPECT_FALSE(stdfs::exists(stdfs::path(repo.dir()) / ".git/specc/cache"));
  RunResult cold = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "miss (no entry)");
  RunResult warm = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "hit");
  EXPECT_EQ(warm.exit_code, 0) << warm.out << warm.err;
  ExpectSame(uncached, cold, "cold");
  ExpectSame(uncached, warm, "warm");
  // Another format is another entry.
  Traced(repo.dir(), {"check", "--format", "json"}, &trace);
  EXPECT_EQ(trace, "miss (no entry)");
  // SPECC_NO_CACHE turns it off.
  ::setenv("SPECC_NO_CACHE", "1", 1);
  Traced(repo.dir(), {"check"}, &trace);
  ::unsetenv("SPECC_NO_CACHE");
  EXPECT_EQ(trace, "");
}

TEST(RunCache, ChangedSpecIsSeenAndTheDriftReported) {
  GitRepo repo;
  SetUpApplied(repo);
  std::string trace;
  Traced(repo.dir(), {"check"}, &trace);
  std::string edited = kSpec;
  edited.replace(edited.find("name: {type: string}"), 20, "nick: {type: string}");
  ASSERT_EQ(edited.size(), std::string(kSpec).size());
  repo.Write("specs/api.yaml", edited);
  RunResult warm = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`", 0), 0u) << trace;
  EXPECT_EQ(warm.exit_code, 1) << warm.out;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), warm, "after the edit");
  // The drift answer is cached too, and a hand edit of a generated file is seen.
  Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "hit");
  repo.Write("specs/api.yaml", kSpec);
  RunResult restored = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(restored.exit_code, 0) << restored.out;
}

TEST(RunCache, InputsChangedBehindItsBackAreSeen) {
  GitRepo repo;
  SetUpApplied(repo);
  AgeFiles(repo);
  std::string trace;
  Traced(repo.dir(), {"check"}, &trace);
  Traced(repo.dir(), {"check"}, &trace);
  ASSERT_EQ(trace, "hit");
  // Same size, same modification time: only the change time and the bytes differ.
  stdfs::path spec = stdfs::path(repo.dir()) / "specs/api.yaml";
  struct stat before;
  ASSERT_EQ(::stat(spec.c_str(), &before), 0);
  std::string edited = kSpec;
  edited.replace(edited.find("a pet"), 5, "A pet");
  WriteAll(spec, edited);
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, spec.c_str(), times, 0), 0);
  RunResult after = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "miss (`" + spec.string() + "` changed)");
  EXPECT_EQ(after.exit_code, 1) << after.out;

  // A generated file edited by hand (its stat data aged too) is a conflict, not a hit.
  repo.Write("specs/api.yaml", kSpec);
  Traced(repo.dir(), {"check"}, &trace);
  AgeFiles(repo);
  Traced(repo.dir(), {"check"}, &trace);
  Traced(repo.dir(), {"check"}, &trace);
  ASSERT_EQ(trace, "hit");
  std::string schemas = repo.Read("src/generated/api/schemas.ts");
  ASSERT_FALSE(schemas.empty());
  repo.Write("src/generated/api/schemas.ts", schemas + "// edited\n");
  RunResult edited_output = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "miss (`src/generated/api/schemas.ts` changed)");
  EXPECT_EQ(edited_output.exit_code, 2) << edited_output.out;

  // A commit changes HEAD's and the index's version of a file the verdict read, with the
  // working tree as it was.
  repo.Write("src/generated/api/schemas.ts", schemas);
  Traced(repo.dir(), {"check"}, &trace);
  repo.Write("src/generated/api/schemas.ts", schemas + "// committed edit\n");
  repo.CommitAll("hand edit");
  repo.Write("src/generated/api/schemas.ts", schemas);
  RunResult after_commit = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`src/generated/api/schemas.ts` changed)", 0), 0u) << trace;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), after_commit, "after the commit");

  // An edit staged and then undone on disk only: the working tree and HEAD hold what
  // specc generates, the index does not. The verdict compared the index with HEAD by
  // object id, without reading either, and that comparison is part of the record.
  repo.Write("src/generated/api/schemas.ts", schemas);
  repo.CommitAll("generated again");
  AgeFiles(repo);
  Traced(repo.dir(), {"check"}, &trace);
  Traced(repo.dir(), {"check"}, &trace);
  ASSERT_EQ(trace, "hit");
  repo.Write("src/generated/api/schemas.ts", schemas + "// staged edit\n");
  repo.Git("add src/generated/api/schemas.ts");
  repo.Write("src/generated/api/schemas.ts", schemas);
  RunResult staged_edit = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`src/generated/api/schemas.ts` changed)", 0), 0u) << trace;
  EXPECT_EQ(staged_edit.exit_code, 2) << staged_edit.out;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--no-cache"}), staged_edit, "after the staged edit");
}

TEST(RunCache, StagedCheckSeesTheIndex) {
  GitRepo repo;
  SetUpApplied(repo);
  std::string trace;
  Traced(repo.dir(), {"check", "--staged"}, &trace);
  Traced(repo.dir(), {"check", "--staged"}, &trace);
  EXPECT_EQ(trace, "hit");
  std::string edited = kSpec;
  edited.replace(edited.find("name: {type: string}"), 20, "nick: {type: string}");
  // Unstaged, the edit changes nothing the hook checks.
  repo.Write("specs/api.yaml", edited);
  RunResult unstaged = Traced(repo.dir(), {"check", "--staged"}, &trace);
  EXPECT_EQ(trace, "hit");
  EXPECT_EQ(unstaged.exit_code, 0);
  repo.Git("add specs/api.yaml");
  RunResult staged = Traced(repo.dir(), {"check", "--staged"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`", 0), 0u) << trace;
  EXPECT_EQ(staged.exit_code, 1) << staged.out;
  ExpectSame(SpeccWithEmitters(repo.dir(), {"check", "--staged", "--no-cache"}), staged, "staged");
}

TEST(RunCache, DamagedForeignAndStaleEntriesAreNotTrusted) {
  GitRepo repo;
  SetUpApplied(repo);
  AgeFiles(repo);
  std::string trace;
  RunResult cold = Traced(repo.dir(), {"check"}, &trace);
  stdfs::path entry = EntryOf(repo);
  const std::string good = ReadAll(entry);
  Result<cli::CacheEntry> parsed = cli::ParseCacheEntry(good);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;

  // Every flipped byte (a sample across the file) and every truncation is detected.
  for (size_t at = 0; at < good.size(); at += 1 + good.size() / 97) {
    std::string flipped = good;
    flipped[at] ^= 0x20;
    WriteAll(entry, flipped);
    RunResult run = Traced(repo.dir(), {"check"}, &trace);
    EXPECT_NE(trace, "hit") << "byte " << at;
    ExpectSame(cold, run, "flipped byte " + std::to_string(at));
  }
  for (size_t size : {size_t{0}, size_t{10}, good.size() / 2, good.size() - 1}) {
    WriteAll(entry, good.substr(0, size));
    EXPECT_FALSE(cli::ParseCacheEntry(good.substr(0, size)).ok());
    Traced(repo.dir(), {"check"}, &trace);
    EXPECT_NE(trace, "hit") << "truncated to " << size;
  }

  // Well-formed entries (valid checksum) from another specc, another command or
  // repository, or with an answer that no longer holds.
  cli::CacheEntry other_version = parsed.value();
  other_version.identity = "specc 0.0.1 (git v0.0.1)";
  WriteAll(entry, cli::SerializeCacheEntry(other_version));
  Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "miss (written by another specc)");

  cli::CacheEntry foreign = parsed.value();
  foreign.key += "x";
  WriteAll(entry, cli::SerializeCacheEntry(foreign));
  Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "miss (written for another command or working tree)");

  cli::CacheEntry stale = parsed.value();
  bool changed = false;
  for (cli::Observation& seen : stale.observations) {
    if (seen.kind == cli::Observation::kRead && seen.path.find("specs/api.yaml") != std::string::npos) {
      seen.answer = "ok 0000";
      changed = true;
    }
  }
  ASSERT_TRUE(changed);
  stale.out = "forged\n";
  WriteAll(entry, cli::SerializeCacheEntry(stale));
  RunResult run = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`", 0), 0u) << trace;
  ExpectSame(cold, run, "stale entry");

  // The cold runs above rewrote a good entry.
  Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "hit");
}

TEST(RunCache, ApplyWithNothingToWriteIsAnsweredFromTheCache) {
  GitRepo repo;
  SetUpApplied(repo);
  AgeFiles(repo);
  std::string trace;
  RunResult uncached = SpeccWithEmitters(repo.dir(), {"apply", "--no-cache"});
  ASSERT_EQ(uncached.out, "up to date: nothing to write\n");
  ExpectSame(uncached, Traced(repo.dir(), {"apply"}, &trace), "cold");
  EXPECT_EQ(trace, "miss (no entry)");
  ExpectSame(uncached, Traced(repo.dir(), {"apply"}, &trace), "warm");
  EXPECT_EQ(trace, "hit");

  // A changed spec: the apply writes, and what it answered is not kept.
  std::string edited = kSpec;
  edited.replace(edited.find("name: {type: string}"), 20, "nick: {type: string}");
  repo.Write("specs/api.yaml", edited);
  RunResult wrote = Traced(repo.dir(), {"apply"}, &trace);
  EXPECT_EQ(trace.rfind("miss (`", 0), 0u) << trace;
  EXPECT_NE(wrote.out.find("updated "), std::string::npos) << wrote.out;
  RunResult again = Traced(repo.dir(), {"apply"}, &trace);
  EXPECT_NE(trace, "hit");
  EXPECT_EQ(again.out, "up to date: nothing to write\n");

  // A generated file deleted behind the cache's back is written again, never skipped.
  AgeFiles(repo);
  Traced(repo.dir(), {"apply"}, &trace);
  Traced(repo.dir(), {"apply"}, &trace);
  ASSERT_EQ(trace, "hit");
  stdfs::path schemas = stdfs::path(repo.dir()) / "src/generated/api/schemas.ts";
  std::string bytes = ReadAll(schemas);
  ASSERT_NE(bytes.find("nick"), std::string::npos);
  stdfs::remove(schemas);
  RunResult restored = Traced(repo.dir(), {"apply"}, &trace);
  EXPECT_EQ(trace, "miss (`src/generated/api/schemas.ts` changed)");
  EXPECT_EQ(ReadAll(schemas), bytes);
  ExpectSame(SpeccWithEmitters(repo.dir(), {"apply", "--dry-run", "--no-cache"}),
             Traced(repo.dir(), {"apply", "--dry-run"}, &trace), "dry run");
}

TEST(RunCache, UnwritableCacheNeverFailsACheck) {
  GitRepo repo;
  SetUpApplied(repo);
  // A file where the cache directory should be: nothing can be stored.
  stdfs::create_directories(stdfs::path(repo.dir()) / ".git/specc");
  WriteAll(stdfs::path(repo.dir()) / ".git/specc/cache", "not a directory");
  std::string trace;
  for (int i = 0; i < 2; ++i) {
    RunResult run = Traced(repo.dir(), {"check"}, &trace);
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    // The spec's own warnings are printed; nothing about the cache is.
    EXPECT_EQ(run.err.find("cache"), std::string::npos) << run.err;
    EXPECT_NE(trace, "hit");
  }
}

TEST(RunCache, ExampleProjectWarmEqualsCold) {
  GitRepo repo;
  Shell("cd " + Quote(SPECC_SOURCE_DIR) + " && git ls-files -z | xargs -0 cp --parents -t " + Quote(repo.dir()));
  repo.CommitAll("example");
  RunResult uncached = SpeccWithEmitters(repo.dir(), {"check", "--no-cache"});
  std::string trace;
  ExpectSame(uncached, Traced(repo.dir(), {"check"}, &trace), "cold");
  RunResult warm = Traced(repo.dir(), {"check"}, &trace);
  EXPECT_EQ(trace, "hit");
  ExpectSame(uncached, warm, "warm");
}

// Every golden case's input as a repository (committed as it is, nothing applied): the
// warm check, and the check that takes every service from its record (projects of several
// services), print exactly what
// the cold one printed, warnings and errors included.
TEST(RunCache, GoldenInputsWarmEqualsCold) {
  int compared = 0;
  for (const auto& golden : stdfs::directory_iterator(SPECC_SOURCE_DIR "/golden")) {
    stdfs::path input = golden.path() / "input";
    if (!stdfs::exists(input / "specs") && !stdfs::exists(input / "specc.yaml")) continue;
    GitRepo repo;
    stdfs::copy(input, repo.dir(), stdfs::copy_options::recursive);
    repo.CommitAll("input");
    RunResult uncached = SpeccWithEmitters(repo.dir(), {"check", "--no-cache"});
    if (uncached.exit_code == 4) continue;  // not a project check can run (usage error)
    std::string trace;
    RunResult cold = Traced(repo.dir(), {"check"}, &trace);
    RunResult warm = Traced(repo.dir(), {"check"}, &trace);
    EXPECT_EQ(trace, "hit") << golden.path();
    ExpectSame(uncached, cold, golden.path().string() + " cold");
    ExpectSame(uncached, warm, golden.path().string() + " warm");
    // Without the whole-run entry, every service of a project of several comes from its
    // record (cli/service_cache.h); a project of one is checked cold again.
    stdfs::remove_all(stdfs::path(repo.dir()) / ".git/specc/cache");
    RunResult services = Traced(repo.dir(), {"check"}, &trace);
    ExpectSame(uncached, services, golden.path().string() + " from the service records");
    ++compared;
  }
  EXPECT_GT(compared, 50);
}

}  // namespace
}  // namespace specc
