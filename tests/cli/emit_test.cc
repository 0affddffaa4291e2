// `specc emit` writes into a real directory through temporary files (cli/staged_output_dir.h),
// so it is tested here: whatever stops a run (an emitter's error, the secret guard, a file
// that cannot be written), the output directory is left exactly as it was, with no
// temporary file behind; a run that succeeds leaves only the generated files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "base/atomic_file.h"
#include "base/output_set.h"
#include "cli/cli.h"
#include "cli/existing_file.h"
#include "cli/staged_output_dir.h"

namespace fs = std::filesystem;

namespace specc::cli {
namespace {

const fs::path kGolden = fs::path(GOLDEN_DIR);

// A scratch directory, removed at the end of the test.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : path_(fs::temp_directory_path() / ("specc-emit-" + std::to_string(::getpid()) + "-" + name)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~Scratch() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void Write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every entry below `dir`: files with their bytes, directories as "<dir>".
std::map<std::string, std::string> Tree(const fs::path& dir) {
  std::map<std::string, std::string> entries;
  if (!fs::exists(dir)) return entries;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(dir)) {
    std::string path = fs::relative(entry.path(), dir).generic_string();
    if (entry.is_directory()) {
      entries[path] = "<dir>";
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    entries[path] = bytes.str();
  }
  return entries;
}

int Emit(const fs::path& dir, std::vector<std::string> args, std::string* err_text) {
  std::ostringstream out, err;
  RunOptions options;
  options.working_dir = dir.string();
  int code = Run(args, options, out, err);
  *err_text = err.str();
  return code;
}

// The petstore of the golden cases, and an output directory holding an earlier run's
// file and one of the user's.
void MakePetstore(const Scratch& scratch) {
  fs::copy(kGolden / "emit_petstore" / "input", scratch.path(), fs::copy_options::recursive);
  Write(scratch.path() / "out" / "petstore" / "schemas.ts", "// an earlier run's file\n");
  Write(scratch.path() / "out" / "notes.md", "the user's\n");
}

// Runs `args` in `dir`: the run fails with `code`, printing `marker`, and leaves `dir`/out
// as it was.
void ExpectFailureLeavesOutAsItWas(const fs::path& dir, const std::vector<std::string>& args, int code,
                                   const std::string& marker) {
  std::map<std::string, std::string> before = Tree(dir / "out");
  std::string err;
  EXPECT_EQ(Emit(dir, args, &err), code) << err;
  EXPECT_NE(err.find(marker), std::string::npos) << err;
  EXPECT_EQ(Tree(dir / "out"), before) << "a failed emit changed the output directory";
}

TEST(EmitTest, AnEmitterErrorLeavesTheDirectoryAsItWas) {
  Scratch scratch("emitter-error");
  MakePetstore(scratch);
  // Every artifact: the other emitters render their files before the run fails on the
  // Postman template, whatever the order the threads finish in.
  fs::copy(kGolden / "fail_postman_template_output_invalid" / "input" / "tpl", scratch.path() / "tpl",
           fs::copy_options::recursive);
  ExpectFailureLeavesOutAsItWas(scratch.path(), {"emit", "specs/petstore.yaml", "--out", "out", "--templates", "tpl"},
                                3, "[TEMPLATE_OUTPUT_INVALID]");
  // An output directory that did not exist is not made.
  std::string err;
  EXPECT_EQ(Emit(scratch.path(), {"emit", "specs/petstore.yaml", "--out", "new/out", "--templates", "tpl"}, &err), 3);
  EXPECT_FALSE(fs::exists(scratch.path() / "new")) << "a failed emit left directories behind";
}

TEST(EmitTest, AFileThatCannotBeWrittenLeavesTheDirectoryAsItWas) {
  Scratch scratch("unwritable");
  MakePetstore(scratch);
  // A file where the routes' directory goes: everything else could be written.
  Write(scratch.path() / "out" / "petstore" / "routes", "in the way\n");
  ExpectFailureLeavesOutAsItWas(scratch.path(), {"emit", "specs/petstore.yaml", "--out", "out"}, 4,
                                "specc emit: cannot write `out/petstore/routes/");
}

TEST(EmitTest, ASecretInOutputLeavesTheDirectoryAsItWas) {
  Scratch scratch("secret");
  fs::copy(kGolden / "fail_secret_in_output" / "input", scratch.path(), fs::copy_options::recursive);
  Write(scratch.path() / "out" / "notes.md", "the user's\n");
  ExpectFailureLeavesOutAsItWas(scratch.path(), {"emit", "specs/api.json", "--out", "out"}, 3, "[SECRET_IN_OUTPUT]");
}

TEST(EmitTest, ASuccessfulRunLeavesOnlyTheGeneratedFiles) {
  Scratch scratch("success");
  MakePetstore(scratch);
  std::string err;
  ASSERT_EQ(Emit(scratch.path(), {"emit", "specs/petstore.yaml", "--out", "out", "--only", "routes,schemas,mcp,openapi"},
                 &err),
            0)
      << err;
  // The golden case's files (the earlier run's replaced), the user's file, and nothing
  // else: no temporary file.
  std::map<std::string, std::string> expected = Tree(kGolden / "emit_petstore" / "expected" / "out");
  ASSERT_FALSE(expected.empty());
  expected["notes.md"] = "the user's\n";
  EXPECT_EQ(Tree(scratch.path() / "out"), expected);
}

// The bundle writes its parts into the holes of its template; a template that names a part
// twice defeats that and renders the parts the plain way, with the same text for both.
TEST(EmitTest, ABundleTemplateThatNamesAPartTwiceRendersIt) {
  Scratch scratch("bundle-twice");
  MakePetstore(scratch);
  Write(scratch.path() / "tpl" / "openapi-bundle" / "openapi.json.mustache",
        "{\"openapi\": {{openapi_json}}, \"info\": {{info_json}}, \"paths\": {{paths_json}},\n"
        " \"x-paths\": {{paths_json}}, \"components\": {{components_json}}}\n");
  std::string err;
  ASSERT_EQ(Emit(scratch.path(),
                 {"emit", "specs/petstore.yaml", "--out", "out", "--only", "openapi", "--templates", "tpl"}, &err),
            0)
      << err;
  std::string bundle = Tree(scratch.path() / "out")["petstore/openapi.json"];
  std::string expected = Tree(kGolden / "emit_petstore" / "expected" / "out")["petstore/openapi.json"];
  const std::string paths_key = "\n  \"paths\": ", again_key = "\n  \"x-paths\": ";
  size_t paths = bundle.find(paths_key), again = bundle.find(again_key);
  size_t components = bundle.find("\n  \"components\": ");
  ASSERT_TRUE(paths != std::string::npos && again != std::string::npos && components != std::string::npos) << bundle;
  // Each value up to the comma before the next key.
  std::string first = bundle.substr(paths + paths_key.size(), again - paths - paths_key.size() - 1);
  EXPECT_EQ(first, bundle.substr(again + again_key.size(), components - again - again_key.size() - 1));
  // The part is what the default template's bundle holds there.
  EXPECT_NE(expected.find(paths_key + first + ",\n"), std::string::npos) << first;
}

// The files leave memory as they are rendered: each is in a temporary file the moment it
// is taken, and gone from the directory again when the run is discarded.
TEST(EmitTest, EachFileIsOnDiskAsSoonAsItIsTaken) {
  Scratch scratch("staged");
  {
    StagedOutputDir staged(scratch.path() / "out", "out", {});
    OutputSet set;
    set.set_consumer(&staged);
    set.Put("a/b.ts", "export {};\n");
    EXPECT_TRUE(set.files().empty()) << "the set kept the bytes the consumer took";
    EXPECT_EQ(set.settled().count("a/b.ts"), 1u);
    std::map<std::string, std::string> staged_tree = Tree(scratch.path() / "out");
    size_t temps = 0;
    for (const auto& [path, bytes] : staged_tree) temps += path.find(".specc-tmp.") != std::string::npos && bytes == "export {};\n";
    EXPECT_EQ(temps, 1u) << "the file is not in a temporary file";
    EXPECT_FALSE(fs::exists(scratch.path() / "out" / "a" / "b.ts")) << "written in place before the commit";
  }  // discarded: never committed
  EXPECT_FALSE(fs::exists(scratch.path() / "out")) << "a discarded run left files or directories";
}


// A file streamed to the output directory: complete lines go on as they come, each piece
// is guarded (a secret's line counts the lines of the pieces before it), and a stream
// never closed leaves nothing behind.
TEST(EmitTest, AStreamedFileIsWrittenAndGuardedPieceByPiece) {
  Scratch scratch("streamed");
  StagedOutputDir staged(scratch.path() / "out", "out", {}, /*piece_bytes=*/1);
  OutputSet set;
  set.set_consumer(&staged);
  {
    OutputStream clean = set.Stream("a/clean.json");
    ASSERT_TRUE(clean.streams());
    std::string text = "{\n  \"a\": 1,\n  \"b\"";
    clean.Drain(text);
    EXPECT_EQ(text, "  \"b\"") << "only complete lines go on";
    EXPECT_EQ(clean.drained(), 12u);
    text += ": 2\n}";
    clean.Drain(text);
    EXPECT_EQ(text, "}");
    clean.Close(text + "\n");
  }
  {
    OutputStream leaky = set.Stream("a/leaky.json");
    std::string text = "{\n  \"ok\": true,\n";
    leaky.Drain(text);
    text += "  \"db\": \"postgres://admin:Tr0ub4dor3xK9@db.internal.acme.dev:5432/app\"\n}\n";
    leaky.Close(text);
  }
  {
    OutputStream dropped = set.Stream("a/dropped.json");
    std::string text = "{\n";
    dropped.Drain(text);
  }
  EXPECT_EQ(set.settled().count("a/clean.json"), 1u);
  EXPECT_TRUE(set.files().empty()) << "the set kept a streamed file's bytes";
  std::ostringstream err;
  EXPECT_FALSE(staged.PrintSecretProblems(err));
  EXPECT_NE(err.str().find("`out/a/leaky.json` would hold a secret-shaped string (rule `connection-string-password`, "
                           "line 3)"),
            std::string::npos)
      << err.str();
  EXPECT_EQ(staged.taken(), 2u) << "a stream never closed was counted as taken";
  ASSERT_TRUE(staged.Commit().ok());
  std::map<std::string, std::string> expected = {{"a", "<dir>"}, {"a/clean.json", "{\n  \"a\": 1,\n  \"b\": 2\n}\n"}};
  EXPECT_EQ(Tree(scratch.path() / "out"), expected);
}

// A set whose consumer takes whole files only (the drift check's) keeps a streamed file
// whole and puts it when closed; so does a stream discarded for a whole render.
TEST(EmitTest, AStreamWithoutAPieceConsumerPutsTheWholeFile) {
  OutputSet set;
  OutputStream file = set.Stream("a.json");
  EXPECT_FALSE(file.streams());
  std::string text(3u << 20, 'x');
  text += "\n{";
  file.Drain(text);
  EXPECT_EQ(text.size(), (3u << 20) + 2) << "drained without a consumer";
  file.Close(text);
  ASSERT_NE(set.Find("a.json"), nullptr);
  EXPECT_EQ(*set.Find("a.json"), text);

  Scratch scratch("discarded");
  StagedOutputDir staged(scratch.path() / "out", "out", {}, /*piece_bytes=*/1);
  OutputSet written;
  written.set_consumer(&staged);
  OutputStream retried = written.Stream("b.json");
  std::string partial = "{\n  \"half\": \n";
  retried.Drain(partial);
  retried.Discard();
  retried.Close("{\"whole\": true}\n");
  ASSERT_TRUE(staged.Commit().ok());
  EXPECT_EQ(Tree(scratch.path() / "out"), (std::map<std::string, std::string>{{"b.json", "{\"whole\": true}\n"}}));
}

// A file whose bytes are in the output directory already is left as it is (its inode and
// mtime: a watcher sees no change), whether it was streamed in pieces (the bundle, the
// Postman collections) or taken whole; a file that differs anywhere (its middle, past its
// end, short of it) is replaced with the new bytes.
TEST(EmitTest, FilesWhoseBytesAreThereAlreadyAreLeftAsTheyAre) {
  Scratch scratch("unchanged");
  fs::copy(kGolden / "emit_petstore" / "input", scratch.path(), fs::copy_options::recursive);
  auto emit = [&](size_t piece_bytes) {
    std::ostringstream out, err;
    RunOptions options;
    options.working_dir = scratch.path().string();
    options.emit_piece_bytes = piece_bytes;
    EXPECT_EQ(cli::Run({"emit", "specs/petstore.yaml", "--out", "out"}, options, out, err), 0) << err.str();
    return out.str();
  };
  emit(1);
  const fs::path dir = scratch.path() / "out";
  std::map<std::string, std::string> first = Tree(dir);
  std::map<std::string, std::pair<ino_t, int64_t>> identity;
  auto identify = [&] {
    std::map<std::string, std::pair<ino_t, int64_t>> ids;
    for (const auto& [path, bytes] : Tree(dir)) {
      struct stat info {};
      if (bytes == "<dir>" || ::stat((dir / path).c_str(), &info) != 0) continue;
      ids[path] = {info.st_ino, static_cast<int64_t>(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec};
    }
    return ids;
  };
  identity = identify();
  size_t files = identity.size();
  ASSERT_GE(files, 10u);
  EXPECT_EQ(emit(1), "wrote 0 files to out (" + std::to_string(files) + " unchanged)\n");
  EXPECT_EQ(identify(), identity) << "an unchanged file was written again";

  // A streamed file changed in its middle, one longer than the new bytes, one shorter, and a
  // file taken whole: each is written again, in pieces of one line and of a megabyte.
  const std::string bundle = "petstore/openapi.json", collection = "petstore/base.postman_collection.json";
  const std::string environment = "petstore/dev.postman_collection.json", schemas = "petstore/schemas.ts";
  for (size_t piece_bytes : {size_t{1}, size_t{1} << 20}) {
    SCOPED_TRACE(piece_bytes);
    std::string middle = first[bundle];
    middle[middle.size() / 2] = middle[middle.size() / 2] == 'x' ? 'y' : 'x';
    Write(dir / bundle, middle);
    Write(dir / collection, first[collection] + "{}\n");
    Write(dir / environment, first[environment].substr(0, first[environment].size() - 10));
    Write(dir / schemas, "// edited\n" + first[schemas]);
    EXPECT_EQ(emit(piece_bytes), "wrote 4 files to out (" + std::to_string(files - 4) + " unchanged)\n");
    EXPECT_EQ(Tree(dir), first);
    std::map<std::string, std::pair<ino_t, int64_t>> now = identify();
    for (const auto& [path, id] : identity) {
      bool rewritten = path == bundle || path == collection || path == environment || path == schemas;
      EXPECT_EQ(now[path] != id, rewritten) << path;
    }
    identity = now;
  }
}

// The file a streamed one would replace: matched piece by piece, copied up to where it
// stopped matching, and never trusted once it changed after it was opened.
TEST(EmitTest, AnExistingFileIsComparedAndCopiedOnlyAsItWasOpened) {
  Scratch scratch("existing");
  const fs::path file = scratch.path() / "a.json";
  Write(file, "{\n  \"a\": 1\n}\n");
  {
    ExistingFile existing(file.string());
    EXPECT_TRUE(existing.Matches("{\n"));
    EXPECT_FALSE(existing.Holds());
    EXPECT_TRUE(existing.Matches("  \"a\": 1\n}\n"));
    EXPECT_TRUE(existing.Holds());
    EXPECT_FALSE(existing.Matches("\n")) << "matched past the end";
    EXPECT_FALSE(existing.Holds());
  }
  {
    ExistingFile existing(file.string());
    EXPECT_TRUE(existing.Matches("{\n"));
    EXPECT_FALSE(existing.Matches("  \"b\""));
    EXPECT_FALSE(existing.Matches("  \"a\": 1\n}\n")) << "matched again after a difference";
    Result<TempFileWriter> copy = TempFileWriter::Create((scratch.path() / "copy.json").string());
    ASSERT_TRUE(copy.ok());
    ASSERT_TRUE(existing.CopyMatched(copy.value()).ok());
    Result<std::string> temp = copy.value().Finish(false);
    ASSERT_TRUE(temp.ok());
    EXPECT_EQ(Read(temp.value()), "{\n");
  }
  {
    ExistingFile existing(file.string());
    EXPECT_TRUE(existing.Matches("{\n"));
    std::ofstream(file, std::ios::binary | std::ios::app) << "edited meanwhile\n";
    Result<TempFileWriter> copy = TempFileWriter::Create((scratch.path() / "copy.json").string());
    ASSERT_TRUE(copy.ok());
    Status copied = existing.CopyMatched(copy.value());
    ASSERT_FALSE(copied.ok());
    EXPECT_NE(copied.error().message.find("changed while specc compared it"), std::string::npos);
  }
  fs::create_directories(scratch.path() / "dir");
  fs::create_symlink(file, scratch.path() / "link.json");
  for (const char* other : {"dir", "link.json", "missing.json"}) {
    ExistingFile existing((scratch.path() / other).string());
    EXPECT_FALSE(existing.Matches("")) << other;
    EXPECT_FALSE(existing.Holds()) << other;
  }
}

// Every golden `emit` case, run with files streamed in the smallest pieces (each cut an
// emitter offers is taken, so the secret guard and the writes see a file a line at a
// time): the same files, the same messages and exit code as the golden expectations.
TEST(EmitTest, FilesStreamedPieceByPieceAreTheGoldenBytes) {
  size_t cases = 0;
  for (const fs::directory_entry& entry : fs::directory_iterator(kGolden)) {
    const fs::path& dir = entry.path();
    std::istringstream line(Read(dir / "args.txt"));
    std::vector<std::string> args;
    for (std::string arg; line >> arg;) args.push_back(arg);
    if (args.empty() || args[0] != "emit" || !fs::exists(dir / "input")) continue;
    SCOPED_TRACE(dir.filename().string());
    ++cases;
    Scratch scratch("pieces-" + dir.filename().string());
    fs::copy(dir / "input", scratch.path(), fs::copy_options::recursive);
    std::ostringstream out, err;
    RunOptions options;
    options.working_dir = scratch.path().string();
    options.emit_piece_bytes = 1;
    int code = cli::Run(args, options, out, err);
    EXPECT_EQ(std::to_string(code) + "\n", Read(dir / "exit_code.txt"));
    EXPECT_EQ(err.str(), Read(dir / "stderr.txt"));
    std::map<std::string, std::string> expected = Tree(dir / "expected");
    for (const auto& [path, bytes] : expected) {
      if (bytes == "<dir>") continue;
      EXPECT_EQ(Read(scratch.path() / path), bytes) << path;
    }
  }
  EXPECT_GE(cases, 20u) << "the golden emit cases were not found";
}

}  // namespace
}  // namespace specc::cli
