#include "base/output_set.h"

#include "base/check.h"
#include "base/path.h"

namespace specc {

namespace {

void CheckOutputPath(const std::string& path) {
  SPECC_CHECK(!path.empty() && path == NormalizePath(path) && path.front() != '/' &&
              path.rfind("../", 0) != 0 && path != "..")
      << "output path must be relative and normalised: " << path;
}

}  // namespace

void OutputSet::Put(const std::string& path, std::string contents) { Add(path, std::move(contents), false); }

void OutputSet::Add(const std::string& path, std::string contents, bool scaffold) {
  CheckOutputPath(path);
  if (consumer_ != nullptr) {
    if (std::optional<std::string> sha256 = consumer_->Take(path, contents, scaffold)) {
      PutSettled(path, std::move(*sha256), scaffold);
      return;
    }
  }
  settled_.erase(path);
  files_[path] = std::move(contents);
  if (scaffold) scaffolds_.insert(path);
}

void OutputSet::PutSettled(const std::string& path, std::string sha256, bool scaffold) {
  CheckOutputPath(path);
  files_.erase(path);
  settled_[path] = std::move(sha256);
  if (scaffold) scaffolds_.insert(path);
}

void OutputSet::PutScaffold(const std::string& path, std::string contents) { Add(path, std::move(contents), true); }

const std::string* OutputSet::Find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace specc
