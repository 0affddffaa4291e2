// `specc diff` in real git repositories: revisions read from git objects (multi-file
// $refs included), the default base (HEAD, or the merge base with the remote default
// branch), --staged, specs that exist at one revision only, a revision whose specs do not
// compile, accepted breaks, and `check --breaking`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "git_repo.h"

namespace specc {
namespace {

using drift_test::GitRepo;
using drift_test::Quote;
using drift_test::Specc;
using DiffResult = drift_test::RunResult;
using nlohmann::json;

// The API: its Pet schema lives in a file of its own, reached by $ref.
constexpr char kRoot[] = R"(openapi: 3.0.3
info: {title: Pets, version: 1.0.0}
paths:
  /pets/{petId}:
    get:
      operationId: getPet
      parameters:
        - {name: petId, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: the pet
          content:
            application/json:
              schema: {$ref: './schemas/pet.yaml'}
)";

constexpr char kPet[] = R"(type: object
required: [id, name]
properties:
  id: {type: integer}
  name: {type: string}
  tag: {type: string}
)";

constexpr char kPetWithoutTag[] = R"(type: object
required: [id, name]
properties:
  id: {type: integer}
  name: {type: string}
)";

constexpr char kPetWithAge[] = R"(type: object
required: [id, name]
properties:
  id: {type: integer}
  name: {type: string}
  tag: {type: string}
  age: {type: integer}
)";

void WriteSpecs(const GitRepo& repo, const char* pet = kPet) {
  repo.Write("specs/openapi.yaml", kRoot);
  repo.Write("specs/schemas/pet.yaml", pet);
}

// Commits the specs, then removes the tag property in the working tree (a breaking change).
void CommitThenDropTag(GitRepo& repo) {
  WriteSpecs(repo);
  repo.CommitAll("v1");
  repo.Write("specs/schemas/pet.yaml", kPetWithoutTag);
}

json Json(const DiffResult& r) {
  json parsed = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(parsed.is_discarded()) << r.out << r.err;
  return parsed;
}

std::vector<std::string> Rules(const json& report) {
  std::vector<std::string> out;
  for (const json& c : report["changes"]) out.push_back(c["rule"]);
  return out;
}

TEST(DiffGitTest, ComparesTwoRevisionsReadFromGitObjects) {
  GitRepo repo;
  WriteSpecs(repo);
  repo.CommitAll("v1");
  repo.Git("tag v1");
  repo.Write("specs/schemas/pet.yaml", kPetWithoutTag);
  repo.CommitAll("v2");
  // The working tree holds something else again: revisions never read it.
  repo.Write("specs/schemas/pet.yaml", "not: [a, spec");
  DiffResult r = Specc(repo.dir(), {"diff", "--base", "v1", "--head", "HEAD", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json report = Json(r);
  EXPECT_EQ(report["base"]["name"], "v1");
  EXPECT_EQ(report["base"]["commit"].get<std::string>().size(), 40u);
  EXPECT_EQ(Rules(report), std::vector<std::string>{"response-property-removed"});
  const json& change = report["changes"][0];
  EXPECT_EQ(change["operation"], "GET /pets/{petId}");
  EXPECT_EQ(change["at"], "response 200 application/json tag");
  // The property's place in each version, in the file the $ref reached.
  EXPECT_EQ(change["base"], json({{"file", "specs/schemas/pet.yaml"}, {"line", 6}, {"column", 3}}));
  EXPECT_EQ(change["head"], json({{"file", "specs/schemas/pet.yaml"}, {"line", 1}, {"column", 1}}));

  DiffResult same = Specc(repo.dir(), {"diff", "--base", "HEAD", "--head", "HEAD"});
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("specc diff: no changes"), std::string::npos) << same.out;
}

TEST(DiffGitTest, DefaultsToHeadAgainstTheWorkingTree) {
  GitRepo repo;
  CommitThenDropTag(repo);
  DiffResult r = Specc(repo.dir(), {"diff"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("specc diff: HEAD (", 0), 0u) << r.out;
  EXPECT_NE(r.out.find(") -> the working tree\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("breaking  response-property-removed  at response 200 application/json tag"),
            std::string::npos)
      << r.out;
  // From a subdirectory, as from the root.
  DiffResult below = Specc(repo.dir() + "/specs/schemas", {"diff", "--format", "json"});
  EXPECT_EQ(Rules(Json(below)), std::vector<std::string>{"response-property-removed"});
}

TEST(DiffGitTest, StagedComparesTheIndexNotTheWorkingTree) {
  GitRepo repo;
  WriteSpecs(repo);
  repo.CommitAll("v1");
  repo.Write("specs/schemas/pet.yaml", kPetWithAge);
  repo.Git("add specs");
  // Unstaged: a breaking edit that is not being committed.
  repo.Write("specs/schemas/pet.yaml", kPetWithoutTag);
  DiffResult staged = Specc(repo.dir(), {"diff", "--staged", "--format", "json"});
  EXPECT_EQ(staged.exit_code, 0) << staged.err;
  json report = Json(staged);
  EXPECT_EQ(report["head"]["name"], "the index");
  EXPECT_EQ(Rules(report), std::vector<std::string>{"response-property-added"});
  DiffResult worktree = Specc(repo.dir(), {"diff", "--format", "json"});
  EXPECT_EQ(Rules(Json(worktree)), std::vector<std::string>{"response-property-removed"});
  DiffResult both = Specc(repo.dir(), {"diff", "--staged", "--head", "HEAD"});
  EXPECT_EQ(both.exit_code, 4);
  EXPECT_NE(both.err.find("--staged and --head exclude each other"), std::string::npos) << both.err;
}

TEST(DiffGitTest, DefaultBaseIsTheMergeBaseWithTheRemoteDefaultBranch) {
  GitRepo origin;
  WriteSpecs(origin);
  origin.CommitAll("v1");
  GitRepo repo;
  repo.Git("fetch -q " + Quote(origin.dir()) + " main");
  repo.Git("reset -q --hard FETCH_HEAD");
  repo.Git("remote add origin " + Quote(origin.dir()));
  repo.Git("fetch -q origin");
  repo.Git("remote set-head origin main");
  // On a branch: one commit that removes the tag (breaking), then one that adds age.
  repo.Git("checkout -q -b feature");
  repo.Write("specs/schemas/pet.yaml", kPetWithoutTag);
  repo.CommitAll("drop tag");
  DiffResult r = Specc(repo.dir(), {"diff", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json report = Json(r);
  EXPECT_EQ(report["base"]["name"], "merge base of HEAD and origin/main");
  EXPECT_EQ(report["base"]["commit"], repo.Git("rev-parse origin/main").substr(0, 40));
  EXPECT_EQ(Rules(report), std::vector<std::string>{"response-property-removed"});
  // Against HEAD the committed break is not visible; the merge base is what CI compares.
  DiffResult head = Specc(repo.dir(), {"diff", "--base", "HEAD"});
  EXPECT_EQ(head.exit_code, 0) << head.out << head.err;
}

TEST(DiffGitTest, SpecsThatExistAtOneRevisionOnly) {
  GitRepo repo;
  repo.Write("README.md", "no specs yet\n");
  repo.CommitAll("empty");
  WriteSpecs(repo);
  repo.CommitAll("specs");
  DiffResult added = Specc(repo.dir(), {"diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(Rules(Json(added)), std::vector<std::string>{"api-added"});
  // The API's document removed from the working tree: every client breaks.
  repo.Git("rm -q -r specs");
  repo.Write("specs/notes.txt", "the API moved to another repository\n");
  DiffResult removed = Specc(repo.dir(), {"diff", "--format", "json"});
  EXPECT_EQ(removed.exit_code, 1) << removed.err;
  json report = Json(removed);
  EXPECT_EQ(Rules(report), std::vector<std::string>{"api-removed"});
  EXPECT_EQ(report["changes"][0]["api"], "specs/openapi.yaml");
  EXPECT_TRUE(report["changes"][0]["head"].is_null());
  // A repository without any commit compares with nothing.
  GitRepo fresh;
  WriteSpecs(fresh);
  DiffResult first = Specc(fresh.dir(), {"diff", "--format", "json"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(Json(first)["base"]["name"], "HEAD (no commit yet)");
}

TEST(DiffGitTest, ARevisionWhoseSpecsDoNotCompileIsNamed) {
  GitRepo repo;
  WriteSpecs(repo);
  repo.CommitAll("v1");
  repo.Write("specs/schemas/pet.yaml", "type: object\nproperties: {id: {type: integer}\n");
  repo.CommitAll("broken");
  repo.Git("tag broken");
  WriteSpecs(repo);
  DiffResult r = Specc(repo.dir(), {"diff", "--base", "broken"});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "");
  std::string commit = repo.Git("rev-parse broken").substr(0, 12);
  EXPECT_NE(r.err.find("specc diff: the specs of broken (" + commit + ") do not compile:\n"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("specs/schemas/pet.yaml:3:1: error:"), std::string::npos) << r.err;
  DiffResult unknown = Specc(repo.dir(), {"diff", "--base", "no-such-branch"});
  EXPECT_EQ(unknown.exit_code, 4);
  EXPECT_NE(unknown.err.find("unknown revision `no-such-branch`"), std::string::npos) << unknown.err;
}

TEST(DiffGitTest, AcceptedBreaksAreReadFromTheHeadVersion) {
  GitRepo repo;
  CommitThenDropTag(repo);
  repo.Write("specs/.specc-accepted-breaks.yaml",
             "accepted:\n"
             "  - rule: response-property-removed\n"
             "    operation: GET /pets/{petId}\n"
             "    at: response 200 application/json tag\n"
             "    reason: tags became labels\n"
             "  - rule: operation-removed\n"
             "    operation: DELETE /pets/{petId}\n"
             "    reason: nobody called it\n");
  DiffResult r = Specc(repo.dir(), {"diff", "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  json report = Json(r);
  ASSERT_EQ(Rules(report), (std::vector<std::string>{"response-property-removed", "accepted-break-unused"}));
  EXPECT_TRUE(report["changes"][0]["accepted"].get<bool>());
  EXPECT_EQ(report["changes"][0]["reason"], "tags became labels");
  EXPECT_EQ(report["changes"][1]["head"],
            json({{"file", "specs/.specc-accepted-breaks.yaml"}, {"line", 6}, {"column", 5}}));
  // The stale entry is a warning: it fails the stricter threshold.
  EXPECT_EQ(Specc(repo.dir(), {"diff", "--fail-on", "warning"}).exit_code, 1);
  // --staged reads the file from the index, where it is not yet.
  repo.Git("add specs/schemas/pet.yaml");
  DiffResult staged = Specc(repo.dir(), {"diff", "--staged"});
  EXPECT_EQ(staged.exit_code, 1) << staged.out;
  EXPECT_EQ(staged.out.find("(accepted)"), std::string::npos) << staged.out;
}

TEST(DiffGitTest, CheckBreakingAddsTheComparisonToTheDriftReport) {
  GitRepo repo;
  WriteSpecs(repo);
  DiffResult applied = Specc(repo.dir(), {"apply"});
  ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
  repo.CommitAll("v1");
  DiffResult clean = Specc(repo.dir(), {"check", "--breaking"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  EXPECT_NE(clean.out.find("specc diff: no changes"), std::string::npos) << clean.out;
  repo.Write("specs/schemas/pet.yaml", kPetWithoutTag);
  ASSERT_EQ(Specc(repo.dir(), {"apply"}).exit_code, 0);
  // No drift (applied), but a breaking change against HEAD.
  DiffResult breaking = Specc(repo.dir(), {"check", "--breaking", "--format", "json"});
  EXPECT_EQ(breaking.exit_code, 1) << breaking.out << breaking.err;
  json report = Json(breaking);
  EXPECT_EQ(report["drift"]["summary"]["status"], "clean");
  EXPECT_EQ(Rules(report["breaking"]), std::vector<std::string>{"response-property-removed"});
  // Without --breaking, check is the drift check alone.
  EXPECT_EQ(Specc(repo.dir(), {"check"}).exit_code, 0);
}

// Specs come from pull requests: at no revision, and not in the working tree, may a link
// or a `$ref` that climbs out make specc diff read (and print a line of) a file outside
// the repository.
TEST(DiffGitTest, SpecsThatLeadOutOfTheRepositoryAreNeverRead) {
  namespace stdfs = std::filesystem;
  GitRepo repo;
  const std::string outside = repo.dir() + "-outside";
  stdfs::create_directories(outside);
  std::ofstream(outside + "/secret.yaml") << "OUTSIDE_MARKER_LINE: [unclosed\n";
  auto expect_refused = [](const DiffResult& r, const std::string& what, const std::string& code) {
    EXPECT_EQ(r.exit_code, 3) << what << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(code), std::string::npos) << what << "\n" << r.err;
    EXPECT_EQ((r.out + r.err).find("OUTSIDE_MARKER"), std::string::npos) << what << "\n" << r.err;
  };
  WriteSpecs(repo);
  repo.CommitAll("v1");
  // The working tree: the Pet schema's file is a link out of the repository.
  stdfs::remove(repo.dir() + "/specs/schemas/pet.yaml");
  stdfs::create_symlink(outside + "/secret.yaml", repo.dir() + "/specs/schemas/pet.yaml");
  expect_refused(Specc(repo.dir(), {"diff"}), "a linked file in the working tree", "[SPEC_FILE_OUTSIDE_REPOSITORY]");
  // A revision whose `$ref` climbs out of the repository, and one whose project spec names
  // a document outside it.
  stdfs::remove(repo.dir() + "/specs/schemas/pet.yaml");
  const std::string escape = "../../" + stdfs::path(outside).filename().string() + "/secret.yaml";
  std::string climbing = kRoot;
  climbing.replace(climbing.find("./schemas/pet.yaml"), 18, escape);
  repo.Write("specs/openapi.yaml", climbing);
  repo.CommitAll("climbs out");
  expect_refused(Specc(repo.dir(), {"diff", "--base", "HEAD", "--head", "HEAD"}), "a $ref that climbs out",
                 "[SPEC_REF_OUTSIDE_ROOT]");
  stdfs::remove_all(repo.dir() + "/specs");
  repo.Write("specs/shop.specc",
             "project \"shop\" {\n"
             "  id = \"7b0e8c52-3d1f-4a6b-9c2e-5f8a1d4b6c30\"\n"
             "  version = \"1.0.0\"\n"
             "  constitution = \"1.0.0\"\n"
             "  service api { openapi = \"" + escape + "\"; runtime = cloudflare.worker }\n"
             "}\n");
  repo.CommitAll("names a document outside");
  expect_refused(Specc(repo.dir(), {"diff", "--base", "HEAD", "--head", "HEAD"}), "a project spec naming a file outside",
                 "[SPEC_FILE_OUTSIDE_REPOSITORY]");
  // A revision holding a link: refused by name (an environment error, exit 4, as for a
  // file git cannot read), its target never followed.
  stdfs::remove_all(repo.dir() + "/specs");
  WriteSpecs(repo);
  stdfs::remove(repo.dir() + "/specs/schemas/pet.yaml");
  stdfs::create_symlink(outside + "/secret.yaml", repo.dir() + "/specs/schemas/pet.yaml");
  repo.CommitAll("a link");
  DiffResult linked = Specc(repo.dir(), {"diff", "--base", "HEAD", "--head", "HEAD"});
  EXPECT_EQ(linked.exit_code, 4) << linked.out << linked.err;
  std::string commit = repo.Git("rev-parse HEAD").substr(0, 12);
  EXPECT_NE(linked.err.find("specs/schemas/pet.yaml: a symbolic link in commit " + commit), std::string::npos)
      << linked.err;
  EXPECT_EQ((linked.out + linked.err).find("OUTSIDE_MARKER"), std::string::npos) << linked.err;
  stdfs::remove_all(outside);
}

TEST(DiffGitTest, OutsideARepositoryFileModeIsTheWay) {
  DiffResult r = Specc("/", {"diff"});
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_NE(r.err.find("not a git repository"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("`specc diff OLD NEW`"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace specc
