#include "base/compact_text.h"

#include <zstd.h>

#include <algorithm>
#include <memory>

#include "base/check.h"
#include "base/count_bytes.h"

namespace specc {
namespace {

// zstd's fastest standard level: 630 MB/s on GitHub's JSON in 64 KiB blocks, which
// it takes to a ninth (negative levels and smaller hash tables were no faster on it). The
// text is compressed once, on the second core where the run has one
// (SourceMap::StartCompressing), and read back only for the caret lines a run prints.
constexpr int kLevel = 1;

struct FreeCompressor {
  void operator()(ZSTD_CCtx* ctx) const { ZSTD_freeCCtx(ctx); }
};

}  // namespace

CompactText::CompactText(std::string text, uint32_t block_bytes)
    : size_(static_cast<uint32_t>(text.size())), block_bytes_(block_bytes) {
  size_t breaks = CountByte(text, '\n');
  CompressBlocks(text);
  // The text goes before the compressed copy is trimmed and the line breaks' table is made
  // from the blocks: with the table collected as the text was compressed, the lint of
  // GitHub's JSON peaked 2.5 MiB higher.
  std::string().swap(text);
  IndexBreaksFromBlocks(breaks);
}

CompactText::CompactText(std::string_view text, uint32_t block_bytes)
    : size_(static_cast<uint32_t>(text.size())), block_bytes_(block_bytes) {
  size_t breaks = CountByte(text, '\n');
  CompressBlocks(text);
  IndexBreaks(text, breaks);
}

void CompactText::CompressBlocks(std::string_view text) {
  SPECC_CHECK(block_bytes_ > 0 && block_bytes_ <= 64 * 1024) << "blocks of 1 byte to 64 KiB";
  std::unique_ptr<ZSTD_CCtx, FreeCompressor> ctx(ZSTD_createCCtx());
  SPECC_CHECK(ctx != nullptr) << "out of memory for zstd's compression context";
  std::string scratch(ZSTD_compressBound(std::min<size_t>(block_bytes_, text.size())), '\0');
  // Room for what a description compresses to, so that the text is not copied as it grows
  // (a ninth for GitHub's JSON; pages never written cost nothing).
  compressed_.reserve(text.size() / 4);
  for (size_t begin = 0; begin < text.size(); begin += block_bytes_) {
    std::string_view block = text.substr(begin, block_bytes_);
    blocks_.push_back(Block{static_cast<uint32_t>(compressed_.size()), 0, 0});
    size_t written = ZSTD_compressCCtx(ctx.get(), scratch.data(), scratch.size(), block.data(), block.size(), kLevel);
    SPECC_CHECK(!ZSTD_isError(written)) << "zstd: " << ZSTD_getErrorName(written);
    compressed_.append(scratch, 0, written);
  }
  compressed_.shrink_to_fit();
  blocks_.shrink_to_fit();
}

void CompactText::IndexBreaks(std::string_view text, size_t breaks) {
  breaks_.reserve(breaks);
  uint32_t line_start = 0;
  for (size_t block = 0; block < blocks_.size(); ++block) {
    IndexBlock(block, text.substr(BlockBegin(block), block_bytes_), line_start);
  }
}

void CompactText::IndexBreaksFromBlocks(size_t breaks) {
  breaks_.reserve(breaks);
  uint32_t line_start = 0;
  for (size_t block = 0; block < blocks_.size(); ++block) IndexBlock(block, Decompress(block), line_start);
}

void CompactText::IndexBlock(size_t block, std::string_view text, uint32_t& line_start) {
  blocks_[block].breaks_before = static_cast<uint32_t>(breaks_.size());
  blocks_[block].line_start = line_start;
  for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    breaks_.push_back(static_cast<uint16_t>(at));
  }
  if (breaks_.size() > blocks_[block].breaks_before) {
    line_start = StartAfterBreak(block, static_cast<uint32_t>(breaks_.size() - 1));
  }
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

CompactText::LinePlace CompactText::LineAt(uint32_t offset) const {
  if (blocks_.empty()) return {};
  offset = std::min(offset, size_);
  size_t block = std::min<size_t>(offset / block_bytes_, blocks_.size() - 1);
  // The block's line breaks before `offset`; the line starts after the last of them.
  auto first = breaks_.begin() + blocks_[block].breaks_before;
  auto last = block + 1 < blocks_.size() ? breaks_.begin() + blocks_[block + 1].breaks_before : breaks_.end();
  uint32_t within = offset - BlockBegin(block);
  auto after = std::lower_bound(first, last, within);  // breaks at or past `offset` end a later line
  uint32_t index = static_cast<uint32_t>(after - breaks_.begin());
  if (after == first) return {index, blocks_[block].line_start};
  return {index, StartAfterBreak(block, index - 1)};
}

std::string CompactText::Line(uint32_t index) const {
  if (index > breaks_.size()) return {};
  size_t block = 0;
  uint32_t within = 0;
  if (index > 0) {
    // The block holding the '\n' that ends line index - 1.
    auto after = std::upper_bound(blocks_.begin(), blocks_.end(), index - 1,
                                  [](uint32_t value, const Block& b) { return value < b.breaks_before; });
    block = static_cast<size_t>(after - blocks_.begin()) - 1;
    within = breaks_[index - 1] + 1u;
  }
  // The line runs to the next '\n', in this block or a later one.
  std::lock_guard<std::mutex> lock(kept_lock_);
  std::string line;
  for (; block < blocks_.size(); ++block, within = 0) {
    if (kept_block_ != block) {
      kept_text_ = Decompress(block);
      kept_block_ = block;
    }
    size_t end = kept_text_.find('\n', within);
    line.append(kept_text_, std::min<size_t>(within, kept_text_.size()),
                end == std::string::npos ? std::string::npos : end - within);
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
