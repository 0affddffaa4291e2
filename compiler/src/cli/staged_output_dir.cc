#include "cli/staged_output_dir.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <string_view>
#include <system_error>
#include <vector>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/existing_file.h"
#include "cli/guard.h"

namespace specc::cli {

namespace stdfs = std::filesystem;

StagedOutputDir::StagedOutputDir(stdfs::path root, std::string shown, std::set<std::string> accepted,
                                 size_t piece_bytes)
    : root_(std::move(root)), shown_(std::move(shown)), accepted_(std::move(accepted)), piece_bytes_(piece_bytes) {}

StagedOutputDir::~StagedOutputDir() { Discard(); }

std::optional<std::string> StagedOutputDir::Take(const std::string& path, const std::string& bytes, bool scaffold) {
  std::string shown = JoinPath(shown_, path);
  std::string secrets = GuardFile(shown, bytes, accepted_);
  stdfs::path target = root_ / path;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    taken_.insert(path);
    if (!secrets.empty()) {
      secret_lines_[path] = std::move(secrets);
      return std::string();
    }
    // A scaffold is the user's file once it exists: never overwritten.
    std::error_code ec;
    if (scaffold && stdfs::exists(target, ec)) {
      unchanged_.insert(path);
      return std::string();
    }
    if (!MakeDirsLocked(path, shown)) return std::string();
  }
  // Compared and written outside the lock: the emitters' files are written side by side.
  if (!scaffold) {
    ExistingFile existing(target.string());
    if (existing.Matches(bytes) && existing.Holds()) {
      KeepUnchanged(path);
      return std::string();
    }
  }
  Keep(path, shown, WriteTempFile(target.string(), bytes, /*sync=*/false));
  return std::string();
}

// A file streamed into place: guarded piece by piece, and compared with the file it would
// replace as it comes. Nothing is written while the pieces are that file's bytes: a file
// that does not change is left as it is. From the first piece that differs on, the pieces
// go to a temporary file, after the bytes that matched. Nothing of a file with a secret
// is written from the piece that holds it on, and the file is not kept. Only Close()
// makes it one of the run's files.
class StagedOutputDir::Sink final : public OutputConsumer::PieceSink {
 public:
  Sink(StagedOutputDir& dir, std::string path, std::string shown)
      : dir_(dir), path_(std::move(path)), guard_(shown, dir.accepted_), shown_(std::move(shown)),
        target_((dir.root_ / path_).string()), existing_(target_) {}

  // False when the file's directory could not be made (the run knows why).
  bool MakeDirs() {
    std::lock_guard<std::mutex> lock(dir_.mutex_);
    if (dir_.MakeDirsLocked(path_, shown_)) return true;
    dir_.taken_.insert(path_);
    noted_ = true;
    return false;
  }

  void Write(std::string_view piece) override {
    guard_.Scan(piece);
    if (noted_ || failed_ || !guard_.lines().empty()) return;
    if (!file_ && existing_.Matches(piece)) return;
    if (!file_ && !Diverge()) return;
    if (Status appended = file_->Append(piece); !appended.ok()) Fail(appended.error().message);
  }

  std::string Close() override {
    if (noted_) return std::string();
    if (!guard_.lines().empty()) {
      file_.reset();
      std::lock_guard<std::mutex> lock(dir_.mutex_);
      dir_.taken_.insert(path_);
      dir_.secret_lines_[path_] = guard_.lines();
      return std::string();
    }
    if (!failed_ && !file_ && existing_.Holds()) {
      dir_.KeepUnchanged(path_);
      return std::string();
    }
    if (!failed_ && !file_) Diverge();
    Result<std::string> temp = file_ ? file_->Finish(/*sync=*/false) : Result<std::string>(Error{problem_});
    file_.reset();
    dir_.Keep(path_, shown_, std::move(temp));
    return std::string();
  }

 private:
  // Starts the temporary file with the bytes that matched; false (noted) when it cannot.
  bool Diverge() {
    Result<TempFileWriter> file = TempFileWriter::Create(target_);
    if (!file.ok()) return Fail(file.error().message);
    file_.emplace(std::move(file).value());
    if (Status copied = existing_.CopyMatched(*file_); !copied.ok()) return Fail(target_ + ": " + copied.error().message);
    return true;
  }

  bool Fail(std::string problem) {
    problem_ = std::move(problem);
    failed_ = true;
    file_.reset();
    return false;
  }

  StagedOutputDir& dir_;
  std::string path_;
  PieceGuard guard_;
  std::string shown_;
  std::string target_;
  ExistingFile existing_;
  std::optional<TempFileWriter> file_;  // from the first piece that differs on
  std::string problem_;                 // why the file could not be written, once it could not
  bool failed_ = false;
  bool noted_ = false;  // its directory could not be made, and the run knows
};

std::unique_ptr<OutputConsumer::PieceSink> StagedOutputDir::Open(const std::string& path) {
  auto sink = std::make_unique<Sink>(*this, path, JoinPath(shown_, path));
  sink->MakeDirs();
  return sink;
}

bool StagedOutputDir::MakeDirsLocked(const std::string& path, const std::string& shown) {
  stdfs::path target = root_ / path;
  // The directories are made under the lock, noting which did not exist, so that Discard
  // can leave the tree as it found it.
  std::error_code ec;
  std::vector<stdfs::path> missing;
  for (stdfs::path dir = target.parent_path(); !dir.empty() && !stdfs::exists(dir, ec); dir = dir.parent_path()) {
    missing.push_back(dir);
    if (dir == dir.parent_path()) break;
  }
  stdfs::create_directories(target.parent_path(), ec);
  for (const stdfs::path& dir : missing) made_dirs_.insert(dir.string());
  if (ec) {
    write_problems_[path] = "`" + shown + "`: " + target.parent_path().string() + ": " + ec.message();
    return false;
  }
  return true;
}

void StagedOutputDir::KeepUnchanged(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  taken_.insert(path);
  unchanged_.insert(path);
  if (auto it = temps_.find(path); it != temps_.end()) {  // put twice: the later bytes win
    std::error_code ignored;
    stdfs::remove(it->second, ignored);
    temps_.erase(it);
  }
}

void StagedOutputDir::Keep(const std::string& path, const std::string& shown, Result<std::string> temp) {
  std::lock_guard<std::mutex> lock(mutex_);
  taken_.insert(path);
  unchanged_.erase(path);
  if (!temp.ok()) {
    write_problems_[path] = "`" + shown + "`: " + temp.error().message;
    return;
  }
  auto [it, added] = temps_.emplace(path, temp.value());
  if (!added) {  // put twice: the later bytes win, as in an OutputSet
    std::error_code ignored;
    stdfs::remove(it->second, ignored);
    it->second = temp.value();
  }
}

bool StagedOutputDir::PrintSecretProblems(std::ostream& err) const {
  for (const auto& [path, lines] : secret_lines_) err << lines;
  if (!secret_lines_.empty()) PrintGuardHint(err);
  return secret_lines_.empty();
}

std::optional<std::string> StagedOutputDir::WriteProblem() const {
  if (write_problems_.empty()) return std::nullopt;
  return write_problems_.begin()->second;
}

Status StagedOutputDir::Commit() {
  std::map<std::string, std::string> temps = std::exchange(temps_, {});
  for (auto it = temps.begin(); it != temps.end(); ++it) {
    Status renamed = CommitTempFile(it->second, (root_ / it->first).string());
    if (!renamed.ok()) {
      for (auto rest = std::next(it); rest != temps.end(); ++rest) temps_.insert(*rest);
      Discard();
      return Error{"`" + JoinPath(shown_, it->first) + "`: " + renamed.error().message};
    }
  }
  made_dirs_.clear();  // they hold the files now
  return Ok{};
}

void StagedOutputDir::Discard() {
  std::error_code ignored;
  for (const auto& [path, temp] : temps_) stdfs::remove(temp, ignored);
  temps_.clear();
  // Deepest first: a directory's path sorts before those below it. Only empty ones go.
  for (auto it = made_dirs_.rbegin(); it != made_dirs_.rend(); ++it) stdfs::remove(*it, ignored);
  made_dirs_.clear();
}

}  // namespace specc::cli
