// CompactText: a file's text kept for diagnostics once nothing parses it any more,
// compressed with zstd in blocks of 64 KiB, beside the place of each line break. Once the
// front end is done with a file its text serves only line:col and the caret line of
// diagnostics, and a description compresses well: GitHub's 13 MB JSON keeps 1.4 MB, and
// 0.7 MB of line breaks (it kept 7.9 MB with only its indentation taken out, the largest
// block of the front end's memory after the IR and the meanings). Offsets stay those of the
// original text, so every Loc made before the compaction still means the same byte; the
// original comes back whole from Expand().
//
// A line:col needs no decompression: `specc ir` and `specc diff` ask for tens of thousands
// of them, all over the file. A caret line decompresses the block it starts in, which is
// kept for the next one (diagnostics are printed in the order of their places). Safe for
// threads (the kept block is locked).
#ifndef SPECC_BASE_COMPACT_TEXT_H_
#define SPECC_BASE_COMPACT_TEXT_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace specc {

class CompactText {
 public:
  static constexpr uint32_t kBlockBytes = 64 * 1024;

  // Takes `text` and compresses it, freeing it before the line breaks' table is made (from
  // the compressed blocks), so that the two are never held together. `block_bytes` (at
  // most 64 KiB: a line break's place in its block is 16 bits) is for tests, which cross
  // block edges with tiny blocks.
  explicit CompactText(std::string text, uint32_t block_bytes = kBlockBytes);
  // Compresses a text its owner keeps (and must not change meanwhile), reading the line
  // breaks from the text itself: for a compression that runs while the text is still in
  // use (SourceMap::StartCompressing).
  explicit CompactText(std::string_view text, uint32_t block_bytes = kBlockBytes);

  // The length of the original text.
  uint32_t size() const { return size_; }
  // The bytes it keeps for that text (the block kept for caret lines aside).
  size_t held_bytes() const {
    return compressed_.capacity() + blocks_.capacity() * sizeof(Block) + breaks_.capacity() * sizeof(uint16_t);
  }

  struct LinePlace {
    uint32_t index = 0;  // 0-based line number
    uint32_t start = 0;  // offset of the line's first byte in the original text
  };
  // The line holding byte `offset` of the original text (clamped to size()): the lines are
  // split after each '\n', as SourceMap's line table splits them.
  LinePlace LineAt(uint32_t offset) const;
  // The original text of line `index` (0-based), without its '\n'.
  std::string Line(uint32_t index) const;
  // The original text, byte for byte.
  std::string Expand() const;

 private:
  struct Block {
    uint32_t compressed = 0;     // where its compressed bytes start in compressed_
    uint32_t breaks_before = 0;  // the '\n's of the text before the block: its first in breaks_
    uint32_t line_start = 0;     // where the line holding the block's first byte starts
  };

  uint32_t BlockBegin(size_t block) const { return static_cast<uint32_t>(block) * block_bytes_; }
  // Where the line after line break `n` (0-based, in text order) starts.
  uint32_t StartAfterBreak(size_t block, uint32_t n) const { return BlockBegin(block) + breaks_[n] + 1; }
  std::string Decompress(size_t block) const;
  // The constructors' parts: the blocks, then the line breaks' table from the text or,
  // once the text is gone, from the blocks.
  void CompressBlocks(std::string_view text);
  void IndexBreaks(std::string_view text, size_t breaks);
  void IndexBreaksFromBlocks(size_t breaks);
  // Adds the line breaks of `block`'s text to the table.
  void IndexBlock(size_t block, std::string_view text, uint32_t& line_start);

  std::string compressed_;
  std::vector<Block> blocks_;
  // Each '\n' of the text, in order, as its offset in its block.
  std::vector<uint16_t> breaks_;
  uint32_t size_ = 0;
  uint32_t block_bytes_ = kBlockBytes;
  // The block decompressed last, for the next caret line.
  mutable std::mutex kept_lock_;
  mutable size_t kept_block_ = SIZE_MAX;
  mutable std::string kept_text_;
};

}  // namespace specc

#endif  // SPECC_BASE_COMPACT_TEXT_H_
