#include "cli/staged_output_dir.h"

#include <algorithm>
#include <ostream>
#include <system_error>
#include <vector>

#include "base/atomic_file.h"
#include "base/path.h"
#include "cli/guard.h"

namespace specc::cli {

namespace stdfs = std::filesystem;

StagedOutputDir::StagedOutputDir(stdfs::path root, std::string shown, std::set<std::string> accepted)
    : root_(std::move(root)), shown_(std::move(shown)), accepted_(std::move(accepted)) {}

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
    // The directories are made under the lock, noting which did not exist, so that Discard
    // can leave the tree as it found it.
    std::vector<stdfs::path> missing;
    for (stdfs::path dir = target.parent_path(); !dir.empty() && !stdfs::exists(dir, ec); dir = dir.parent_path()) {
      missing.push_back(dir);
      if (dir == dir.parent_path()) break;
    }
    stdfs::create_directories(target.parent_path(), ec);
    for (const stdfs::path& dir : missing) made_dirs_.insert(dir.string());
    if (ec) {
      write_problems_[path] = "`" + shown + "`: " + target.parent_path().string() + ": " + ec.message();
      return std::string();
    }
  }
  // Written outside the lock: the emitters' files are written side by side.
  Result<std::string> temp = WriteTempFile(target.string(), bytes, /*sync=*/false);
  std::lock_guard<std::mutex> lock(mutex_);
  if (!temp.ok()) {
    write_problems_[path] = "`" + shown + "`: " + temp.error().message;
    return std::string();
  }
  auto [it, added] = temps_.emplace(path, temp.value());
  if (!added) {  // put twice: the later bytes win, as in an OutputSet
    std::error_code ignored;
    stdfs::remove(it->second, ignored);
    it->second = temp.value();
  }
  return std::string();
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
