#include "base/output_set.h"

#include <algorithm>

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

OutputStream OutputSet::Stream(const std::string& path) {
  CheckOutputPath(path);
  std::unique_ptr<OutputConsumer::PieceSink> sink = consumer_ != nullptr ? consumer_->Open(path) : nullptr;
  size_t piece_bytes = sink != nullptr ? std::max<size_t>(consumer_->piece_bytes(), 1) : 0;
  return OutputStream(*this, path, std::move(sink), piece_bytes);
}

void OutputStream::Drain(std::string& text) {
  if (sink_ == nullptr || text.size() < piece_bytes_) return;
  size_t end = text.rfind('\n');
  if (end == std::string::npos) return;
  ++end;
  sink_->Write(std::string_view(text).substr(0, end));
  drained_ += end;
  text.erase(0, end);
}

void OutputStream::Close(std::string rest) {
  if (sink_ == nullptr) {
    set_.Put(path_, std::move(rest));
    return;
  }
  if (!rest.empty()) sink_->Write(rest);
  drained_ += rest.size();
  std::string sha256 = sink_->Close();
  sink_.reset();
  set_.PutSettled(path_, std::move(sha256), false);
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
