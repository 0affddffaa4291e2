#include "base/source_map.h"

#include <algorithm>
#include <cstring>

#include "base/check.h"

namespace specc {

FileId SourceMap::Add(std::string display_path, std::string contents) {
  auto file = std::make_unique<File>();
  file->path = std::move(display_path);
  file->contents = std::move(contents);
  files_.push_back(std::move(file));
  return static_cast<FileId>(files_.size() - 1);
}

SourceMap::~SourceMap() {
  for (const std::unique_ptr<File>& f : files_) {
    if (f->compacting.valid()) f->compacting.wait();
    if (f->compressing.valid()) f->compressing.wait();
  }
}

void SourceMap::Settle(const File& f) {
  if (f.compacting.valid()) {
    std::shared_future<void> done = std::move(f.compacting);
    done.get();  // rethrows what the compaction threw (out of memory)
  }
}

const SourceMap::File& SourceMap::file(FileId id) const {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  Settle(*files_[id]);
  return *files_[id];
}

const std::string& SourceMap::path(FileId id) const {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  return files_[id]->path;  // not file(id): the path is there while a compaction is under way
}

std::string_view SourceMap::contents(FileId id) const {
  const File& f = file(id);
  if (f.compact) {
    f.contents = f.compact->Expand();
    f.compact.reset();
  }
  return f.contents;
}

size_t SourceMap::size(FileId id) const {
  const File& f = file(id);
  return f.compact ? f.compact->size() : f.contents.size();
}

void SourceMap::Compact(FileId id) {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  File& f = *files_[id];
  Settle(f);
  if (f.compact) return;
  if (f.compressing.valid()) {
    f.compact = f.compressing.get();  // rethrows what the compression threw (out of memory)
  } else {
    f.compact = std::make_unique<CompactText>(std::move(f.contents));
  }
  // Swapped, not assigned: assigning an empty string keeps the text's buffer.
  std::string().swap(f.contents);
  f.line_starts = std::vector<uint32_t>();
}

bool SourceMap::WorthAThread(FileId id) const {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  constexpr size_t kMinBytes = 1 << 20;
  return background_work_ && files_[id]->contents.size() >= kMinBytes;
}

void SourceMap::StartCompressing(FileId id) {
  if (!WorthAThread(id)) return;
  File& f = *files_[id];
  if (f.compact || f.compressing.valid()) return;
  std::string_view text = f.contents;
  f.compressing = std::async(std::launch::async, [text] { return std::make_unique<CompactText>(text); });
}

void SourceMap::CompactFrom(FileId first) {
  if (!background_work_) {
    for (FileId id = first; id < files_.size(); ++id) Compact(id);
    return;
  }
  // The texts move to the thread, which frees each once it is compressed: the files hold
  // nothing of them meanwhile, and file() waits before anyone reads one.
  std::vector<File*> files;
  std::vector<std::string> texts;
  for (FileId id = first; id < files_.size(); ++id) {
    File& f = *files_[id];
    Settle(f);
    if (f.compressing.valid()) Compact(id);
    if (f.compact) continue;
    files.push_back(&f);
    texts.push_back(std::move(f.contents));
    f.contents = std::string();
    f.line_starts = std::vector<uint32_t>();
  }
  if (files.empty()) return;
  std::shared_future<void> done =
      std::async(std::launch::async, [files, texts = std::move(texts)]() mutable {
        for (size_t i = 0; i < files.size(); ++i) files[i]->compact = std::make_unique<CompactText>(std::move(texts[i]));
      }).share();
  for (File* f : files) f->compacting = done;
}

void SourceMap::RecordSecrets(FileId id, std::vector<SecretFinding> findings) {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  files_[id]->secrets = std::move(findings);
}

const std::vector<SecretFinding>* SourceMap::RecordedSecrets(FileId id) const {
  SPECC_CHECK(id < files_.size()) << "unknown file id " << id;
  // Not file(id): a compaction under way touches the text only, so the review need not wait.
  const File& f = *files_[id];
  return f.secrets ? &*f.secrets : nullptr;
}

const std::vector<uint32_t>& SourceMap::LineStarts(const File& f) const {
  if (f.line_starts.empty()) {
    // memchr, not a byte loop: the first diagnostic in a 13 MB description paid 78
    // million instructions for this table.
    const char* data = f.contents.data();
    const char* end = data + f.contents.size();
    f.line_starts.push_back(0);
    for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr;) {
      ++p;
      f.line_starts.push_back(static_cast<uint32_t>(p - data));
    }
  }
  return f.line_starts;
}

LineCol SourceMap::Position(Loc loc) const {
  if (!loc.known()) return {};
  const File& f = file(loc.file);
  if (f.compact) {
    CompactText::LinePlace place = f.compact->LineAt(loc.offset);
    uint32_t offset = std::min(loc.offset, f.compact->size());
    return {place.index + 1, offset - place.start + 1};
  }
  const auto& starts = LineStarts(f);
  uint32_t offset = std::min<uint32_t>(loc.offset, static_cast<uint32_t>(f.contents.size()));
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - starts.begin());
  return {line, offset - starts[line - 1] + 1};
}

std::string SourceMap::LineText(Loc loc) const {
  if (!loc.known()) return {};
  const File& f = file(loc.file);
  LineCol pos = Position(loc);
  std::string text;
  if (f.compact) {
    text = f.compact->Line(pos.line - 1);
  } else {
    uint32_t begin = LineStarts(f)[pos.line - 1];
    size_t end = f.contents.find('\n', begin);
    if (end == std::string::npos) end = f.contents.size();
    text.assign(f.contents, begin, end - begin);
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace specc
