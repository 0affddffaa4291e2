#include "base/output_set.h"

#include "base/check.h"
#include "base/path.h"

namespace specc {

void OutputSet::Put(const std::string& path, std::string contents) {
  SPECC_CHECK(!path.empty() && path == NormalizePath(path) && path.front() != '/' &&
              path.rfind("../", 0) != 0 && path != "..")
      << "output path must be relative and normalised: " << path;
  files_[path] = std::move(contents);
}

void OutputSet::PutScaffold(const std::string& path, std::string contents) {
  Put(path, std::move(contents));
  scaffolds_.insert(path);
}

const std::string* OutputSet::Find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace specc
