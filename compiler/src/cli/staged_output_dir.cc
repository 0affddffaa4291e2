#include "cli/staged_output_dir.h"

#include <algorithm>
#include <optional>
#include <ostream>
#include <string_view>
#include <system_error>
#include <vector>

#include "base/atomic_file.h"
#include "base/path.h"
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
    if (scaffold && stdfs::exists(target, ec)) return std::string();
    if (!MakeDirsLocked(path, shown)) return std::string();
  }
  // Written outside the lock: the emitters' files are written side by side.
  Keep(path, shown, WriteTempFile(target.string(), bytes, /*sync=*/false));
  return std::string();
}

// A file streamed into place: guarded piece by piece, and written as it comes unless a
// piece held a secret. Only Close() makes it one of the run's files.
class StagedOutputDir::Sink final : public OutputConsumer::PieceSink {
 public:
  Sink(StagedOutputDir& dir, std::string path, std::string shown)
      : dir_(dir), path_(std::move(path)), guard_(shown, dir.accepted_), shown_(std::move(shown)) {}

  void Open() {
    {
      std::lock_guard<std::mutex> lock(dir_.mutex_);
      if (!dir_.MakeDirsLocked(path_, shown_)) {
        dir_.taken_.insert(path_);
        noted_ = true;
        return;
      }
    }
    Result<TempFileWriter> file = TempFileWriter::Create((dir_.root_ / path_).string());
    if (file.ok()) {
      file_.emplace(std::move(file).value());
    } else {
      problem_ = file.error().message;
    }
  }

  void Write(std::string_view piece) override {
    guard_.Scan(piece);
    if (!file_ || !guard_.lines().empty()) return;  // nothing of a file with a secret is kept
    if (Status appended = file_->Append(piece); !appended.ok()) {
      problem_ = appended.error().message;
      file_.reset();
    }
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
    Result<std::string> temp = file_ ? file_->Finish(/*sync=*/false) : Result<std::string>(Error{problem_});
    file_.reset();
    dir_.Keep(path_, shown_, std::move(temp));
    return std::string();
  }

 private:
  StagedOutputDir& dir_;
  std::string path_;
  PieceGuard guard_;
  std::string shown_;
  std::optional<TempFileWriter> file_;
  std::string problem_;  // why the file could not be written, once it could not
  bool noted_ = false;   // its directory could not be made, and the run knows
};

std::unique_ptr<OutputConsumer::PieceSink> StagedOutputDir::Open(const std::string& path) {
  auto sink = std::make_unique<Sink>(*this, path, JoinPath(shown_, path));
  sink->Open();
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

void StagedOutputDir::Keep(const std::string& path, const std::string& shown, Result<std::string> temp) {
  std::lock_guard<std::mutex> lock(mutex_);
  taken_.insert(path);
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
