// Parallel rendering (driver/parallel.h): `-j 1` and `-j 2` (and the default, every
// core) write and print the same bytes: `emit` on real-world descriptions, and `apply` on
// this repository's example project, whose output directories and emitters all run as
// separate tasks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/cli.h"
#include "git_repo.h"

namespace specc {
namespace {

namespace stdfs = std::filesystem;
using drift_test::GitRepo;
using drift_test::Quote;
using drift_test::RunResult;
using drift_test::Shell;
using drift_test::SpeccWithEmitters;

stdfs::path CorpusDir() {
  const char* env = std::getenv("SPECC_CORPUS");
  return env != nullptr && *env != '\0' ? stdfs::path(env) : stdfs::path(SPECC_SOURCE_DIR "/../shared/corpus");
}

// Every file below `dir` (but .git), path -> bytes.
std::map<std::string, std::string> Tree(const stdfs::path& dir) {
  std::map<std::string, std::string> files;
  for (auto it = stdfs::recursive_directory_iterator(dir); it != stdfs::recursive_directory_iterator(); ++it) {
    if (it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files[stdfs::relative(it->path(), dir).generic_string()] = bytes.str();
  }
  return files;
}

void ExpectSameTrees(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b,
                     const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (auto ai = a.begin(), bi = b.begin(); ai != a.end(); ++ai, ++bi) {
    ASSERT_EQ(ai->first, bi->first) << what;
    EXPECT_TRUE(ai->second == bi->second) << what << ": " << ai->first << " differs";
  }
}

TEST(ParallelGenerate, EmitIsTheSameOnOneThreadAndOnTwo) {
  const char* documents[] = {"providers/neon/openAPIDefinition.json", "providers/vercel/vercel-spec.json",
                             "providers/postman/apis-guru__getpostman.com__1.20.0__openapi.yaml"};
  for (const char* document : documents) {
    stdfs::path input = CorpusDir() / document;
    ASSERT_TRUE(stdfs::exists(input)) << input;
    std::map<std::string, std::map<std::string, std::string>> trees;
    std::map<std::string, RunResult> runs;
    for (std::string jobs : {"1", "2", ""}) {
      GitRepo scratch;  // a fresh temporary directory; the output goes to its `out`
      std::vector<std::string> args = {"emit", input.string(), "--out", "out"};
      if (!jobs.empty()) args.insert(args.end(), {"-j", jobs});
      runs[jobs] = SpeccWithEmitters(scratch.dir(), args);
      trees[jobs] = Tree(stdfs::path(scratch.dir()) / "out");
    }
    EXPECT_EQ(runs["1"].exit_code, 0) << document << runs["1"].err;
    EXPECT_GT(trees["1"].size(), 5u) << document;
    for (std::string jobs : {"2", ""}) {
      EXPECT_EQ(runs[jobs].exit_code, runs["1"].exit_code) << document;
      EXPECT_EQ(runs[jobs].out, runs["1"].out) << document;
      EXPECT_EQ(runs[jobs].err, runs["1"].err) << document;
      ExpectSameTrees(trees["1"], trees[jobs], std::string(document) + " -j " + jobs);
    }
  }
}

TEST(ParallelGenerate, ApplyIsTheSameOnOneThreadAndOnTwo) {
  std::map<std::string, std::map<std::string, std::string>> trees;
  std::map<std::string, RunResult> runs;
  for (std::string jobs : {"1", "2"}) {
    GitRepo repo;
    // The example's sources without what specc generated for it.
    Shell("cd " + Quote(SPECC_SOURCE_DIR) + " && cp --parents -t " + Quote(repo.dir()) +
          " specc.yaml $(git ls-files specs templates 2>/dev/null)");
    repo.CommitAll("sources");
    runs[jobs] = SpeccWithEmitters(repo.dir(), {"apply", "-j", jobs});
    trees[jobs] = Tree(repo.dir());
  }
  EXPECT_EQ(runs["1"].exit_code, 0) << runs["1"].out << runs["1"].err;
  EXPECT_GT(trees["1"].size(), 20u);
  EXPECT_EQ(runs["2"].out, runs["1"].out);
  EXPECT_EQ(runs["2"].err, runs["1"].err);
  ExpectSameTrees(trees["1"], trees["2"], "apply");
}

// Diagnostics raised by emitters in parallel (a template override that does not parse)
// come out in the serial order.
TEST(ParallelGenerate, DiagnosticsKeepTheSerialOrder) {
  std::map<std::string, RunResult> runs;
  for (std::string jobs : {"1", "2"}) {
    GitRepo repo;
    Shell("cd " + Quote(SPECC_SOURCE_DIR) + " && cp --parents -t " + Quote(repo.dir()) +
          " specc.yaml $(git ls-files specs 2>/dev/null)");
    repo.Write("specc.yaml", repo.Read("specc.yaml") + "templates: overrides\n");
    for (const char* name : {"zod/schemas.ts.mustache", "mcp/tools.json.mustache", "hono/app.ts.mustache"}) {
      repo.Write(std::string("overrides/") + name, "{{#unclosed}}\n");
    }
    repo.CommitAll("sources");
    runs[jobs] = SpeccWithEmitters(repo.dir(), {"check", "--no-cache", "-j", jobs});
  }
  EXPECT_EQ(runs["1"].exit_code, 3) << runs["1"].out << runs["1"].err;
  EXPECT_NE(runs["1"].err.find("TEMPLATE_"), std::string::npos) << runs["1"].err;
  EXPECT_EQ(runs["2"].err, runs["1"].err);
  EXPECT_EQ(runs["2"].out, runs["1"].out);
}

}  // namespace
}  // namespace specc
