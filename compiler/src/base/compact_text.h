// CompactText: a file's text kept for diagnostics once nothing parses it any more,
// compressed with zstd in blocks of 64 KiB. Once the front end is done with a file its
// text serves only line:col and the caret line of diagnostics, and a description compresses
// well: GitHub's 13 MB JSON keeps 1.4 MB (it kept 7.9 MB with only its indentation taken
// out, the largest block of the front end's memory after the IR and the meanings).
// Offsets stay those of the original text, so every Loc made before the compaction still
// means the same byte; the original comes back whole from Expand().
//
// A question decompresses the block it needs and keeps it, with its line starts, for the
// next questions: diagnostics are printed in the order of their places, and `specc ir` asks
// for the places of a whole IR. Safe for threads (the kept blocks are locked).
#ifndef SPECC_BASE_COMPACT_TEXT_H_
#define SPECC_BASE_COMPACT_TEXT_H_

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace specc {

class CompactText {
 public:
  static constexpr uint32_t kBlockBytes = 64 * 1024;

  // Takes `text` and compresses it. `block_bytes` is for tests, which cross block edges
  // with tiny blocks.
  explicit CompactText(std::string text, uint32_t block_bytes = kBlockBytes);

  // The length of the original text.
  uint32_t size() const { return size_; }
  // The bytes it keeps for that text (the block kept for questions aside).
  size_t held_bytes() const { return compressed_.capacity() + blocks_.capacity() * sizeof(Block); }

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
    uint32_t compressed = 0;    // where its compressed bytes start in compressed_
    uint32_t breaks_before = 0;  // the '\n's of the text before the block
    uint32_t line_start = 0;    // where the line holding the block's first byte starts
  };
  // A block decompressed, with the offsets just past each of its '\n's (relative to the
  // block's start).
  struct Kept {
    size_t block = SIZE_MAX;
    uint64_t used = 0;  // when it was last asked for
    std::string text;
    std::vector<uint32_t> line_starts;
  };
  // `specc ir` asks for the places of operations and of the schemas they use by turns: with
  // one block kept it decompressed GitHub's description three times over, with four once
  // and a half.
  static constexpr size_t kKeptBlocks = 4;

  uint32_t BlockBegin(size_t block) const { return static_cast<uint32_t>(block) * block_bytes_; }
  std::string Decompress(size_t block) const;
  // Keeps `block`, in place of the one asked for least recently; the caller holds kept_lock_.
  const Kept& Keep(size_t block) const;

  std::string compressed_;
  std::vector<Block> blocks_;
  uint32_t size_ = 0;
  uint32_t block_bytes_ = kBlockBytes;
  uint32_t line_count_ = 1;
  mutable std::mutex kept_lock_;
  mutable std::array<Kept, kKeptBlocks> kept_;
  mutable uint64_t questions_ = 0;
};

}  // namespace specc

#endif  // SPECC_BASE_COMPACT_TEXT_H_
