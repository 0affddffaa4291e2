#include "base/compact_text.h"

#include <zstd.h>

#include <algorithm>
#include <memory>

#include "base/check.h"
#include "base/count_bytes.h"

namespace specc {
namespace {

// zstd's fastest standard level: 630 MB/s on GitHub's JSON in 64 KiB blocks, which
// it takes to a ninth. The text is compressed once, on the front end's critical path, and
// read back only for the few places a run prints.
constexpr int kLevel = 1;

struct FreeCompressor {
  void operator()(ZSTD_CCtx* ctx) const { ZSTD_freeCCtx(ctx); }
};

}  // namespace

CompactText::CompactText(std::string text, uint32_t block_bytes)
    : size_(static_cast<uint32_t>(text.size())), block_bytes_(block_bytes) {
  SPECC_CHECK(block_bytes > 0) << "blocks hold at least one byte";
  std::unique_ptr<ZSTD_CCtx, FreeCompressor> ctx(ZSTD_createCCtx());
  SPECC_CHECK(ctx != nullptr) << "out of memory for zstd's compression context";
  std::string scratch(ZSTD_compressBound(std::min<size_t>(block_bytes, text.size())), '\0');
  uint32_t breaks = 0;
  uint32_t line_start = 0;
  for (size_t begin = 0; begin < text.size(); begin += block_bytes) {
    std::string_view block = std::string_view(text).substr(begin, block_bytes);
    blocks_.push_back(Block{static_cast<uint32_t>(compressed_.size()), breaks, line_start});
    size_t written = ZSTD_compressCCtx(ctx.get(), scratch.data(), scratch.size(), block.data(), block.size(), kLevel);
    SPECC_CHECK(!ZSTD_isError(written)) << "zstd: " << ZSTD_getErrorName(written);
    compressed_.append(scratch, 0, written);
    breaks += static_cast<uint32_t>(CountByte(block, '\n'));
    size_t last_break = block.rfind('\n');
    if (last_break != std::string_view::npos) line_start = static_cast<uint32_t>(begin + last_break + 1);
  }
  line_count_ = breaks + 1;
  compressed_.shrink_to_fit();
  blocks_.shrink_to_fit();
}

std::string CompactText::Decompress(size_t block) const {
  uint32_t begin = BlockBegin(block);
  size_t length = std::min<size_t>(block_bytes_, size_ - begin);
  size_t from = blocks_[block].compressed;
  size_t to = block + 1 < blocks_.size() ? blocks_[block + 1].compressed : compressed_.size();
  std::string text(length, '\0');
  size_t got = ZSTD_decompress(text.data(), length, compressed_.data() + from, to - from);
  SPECC_CHECK(!ZSTD_isError(got) && got == length) << "a compressed block does not decompress to its length";
  return text;
}

const CompactText::Kept& CompactText::Keep(size_t block) const {
  ++questions_;
  Kept* oldest = &kept_[0];
  for (Kept& kept : kept_) {
    if (kept.block == block) {
      kept.used = questions_;
      return kept;
    }
    if (kept.used < oldest->used) oldest = &kept;
  }
  Kept& kept = *oldest;
  kept.text = Decompress(block);
  kept.line_starts.clear();
  for (size_t at = kept.text.find('\n'); at != std::string::npos; at = kept.text.find('\n', at + 1)) {
    kept.line_starts.push_back(static_cast<uint32_t>(at + 1));
  }
  kept.block = block;
  kept.used = questions_;
  return kept;
}

CompactText::LinePlace CompactText::LineAt(uint32_t offset) const {
  if (blocks_.empty()) return {};
  offset = std::min(offset, size_);
  size_t block = std::min<size_t>(offset / block_bytes_, blocks_.size() - 1);
  std::lock_guard<std::mutex> lock(kept_lock_);
  const Kept& kept = Keep(block);
  uint32_t within = offset - BlockBegin(block);
  // The line breaks of this block before `offset`; the line starts after the last of them.
  auto after = std::upper_bound(kept.line_starts.begin(), kept.line_starts.end(), within);
  uint32_t breaks = static_cast<uint32_t>(after - kept.line_starts.begin());
  if (breaks == 0) return {blocks_[block].breaks_before, blocks_[block].line_start};
  return {blocks_[block].breaks_before + breaks, BlockBegin(block) + kept.line_starts[breaks - 1]};
}

std::string CompactText::Line(uint32_t index) const {
  if (index >= line_count_) return {};
  std::lock_guard<std::mutex> lock(kept_lock_);
  size_t block = 0;
  uint32_t within = 0;
  if (index > 0) {
    // The block holding the '\n' that ends line index - 1.
    auto after = std::upper_bound(blocks_.begin(), blocks_.end(), index - 1,
                                  [](uint32_t value, const Block& b) { return value < b.breaks_before; });
    block = static_cast<size_t>(after - blocks_.begin()) - 1;
    within = Keep(block).line_starts[index - 1 - blocks_[block].breaks_before];
  }
  // The line runs to the next '\n', in this block or a later one.
  std::string line;
  for (; block < blocks_.size(); ++block, within = 0) {
    const std::string& text = Keep(block).text;
    size_t end = text.find('\n', within);
    line.append(text, within, end == std::string::npos ? std::string::npos : end - within);
    if (end != std::string::npos) break;
  }
  return line;
}

std::string CompactText::Expand() const {
  std::string text;
  text.reserve(size_);
  for (size_t block = 0; block < blocks_.size(); ++block) text += Decompress(block);
  return text;
}

}  // namespace specc
