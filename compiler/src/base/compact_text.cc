#include "base/compact_text.h"

#include <algorithm>
#include <cstring>

#include "base/swar.h"

namespace specc {

CompactText::CompactText(std::string text) : size_(static_cast<uint32_t>(text.size())) {
  char* data = text.data();
  const char* end = data + text.size();
  const char* read = data;
  char* write = data;
  uint32_t original = 0;
  for (uint32_t index = 0;; ++index) {
    if (index % kLinesPerCheckpoint == 0) {
      checkpoints_.push_back(Checkpoint{original, static_cast<uint32_t>(write - data)});
    }
    const char* line = read;
    // Eight bytes at a time: GitHub's JSON has 5.5 million bytes of indentation.
    while (end - read >= 8 && read - line <= kMaxIndent - 8) {
      unsigned spaces = swar::LeadingSpaces(swar::Load8(read));
      read += spaces;
      if (spaces < 8) break;
    }
    while (read < end && *read == ' ' && static_cast<uint32_t>(read - line) < kMaxIndent) ++read;
    indents_.push_back(static_cast<uint8_t>(read - line));
    const char* newline = static_cast<const char*>(std::memchr(read, '\n', end - read));
    const char* next = newline == nullptr ? end : newline + 1;
    // memmove: the source and the destination overlap when a line has no indentation.
    std::memmove(write, read, next - read);
    write += next - read;
    original += static_cast<uint32_t>(next - line);
    read = next;
    if (newline == nullptr) break;
  }
  text.resize(write - data);
  // The compacted text is copied into a block of its own size, and the original's freed.
  text.shrink_to_fit();
  lines_ = std::move(text);
  indents_.shrink_to_fit();
  checkpoints_.shrink_to_fit();
}

uint32_t CompactText::CompactStart(uint32_t index) const {
  const Checkpoint& checkpoint = checkpoints_[index / kLinesPerCheckpoint];
  uint32_t compact = checkpoint.compact;
  for (uint32_t i = index - index % kLinesPerCheckpoint; i < index; ++i) {
    const char* at = lines_.data() + compact;
    compact += static_cast<uint32_t>(
        static_cast<const char*>(std::memchr(at, '\n', lines_.size() - compact)) - at + 1);
  }
  return compact;
}

CompactText::LinePlace CompactText::LineAt(uint32_t offset) const {
  offset = std::min(offset, size_);
  // The last checkpoint at or before `offset`; the first is line 0 at offset 0.
  auto after = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                                [](uint32_t value, const Checkpoint& c) { return value < c.original; });
  size_t checkpoint = static_cast<size_t>(after - checkpoints_.begin()) - 1;
  LinePlace place{static_cast<uint32_t>(checkpoint * kLinesPerCheckpoint), checkpoints_[checkpoint].original};
  uint32_t compact = checkpoints_[checkpoint].compact;
  while (place.index + 1 < indents_.size()) {
    const char* at = lines_.data() + compact;
    uint32_t length = static_cast<uint32_t>(
        static_cast<const char*>(std::memchr(at, '\n', lines_.size() - compact)) - at + 1);
    uint32_t next = place.start + indents_[place.index] + length;
    if (next > offset) break;
    ++place.index;
    place.start = next;
    compact += length;
  }
  return place;
}

std::string CompactText::Line(uint32_t index) const {
  if (index >= indents_.size()) return {};
  uint32_t compact = CompactStart(index);
  size_t newline = lines_.find('\n', compact);
  if (newline == std::string::npos) newline = lines_.size();
  std::string line(indents_[index], ' ');
  line.append(lines_, compact, newline - compact);
  return line;
}

std::string CompactText::Expand() const {
  std::string text;
  text.reserve(size_);
  size_t compact = 0;
  for (uint8_t indent : indents_) {
    text.append(indent, ' ');
    size_t newline = lines_.find('\n', compact);
    size_t next = newline == std::string::npos ? lines_.size() : newline + 1;
    text.append(lines_, compact, next - compact);
    compact = next;
  }
  return text;
}

}  // namespace specc
