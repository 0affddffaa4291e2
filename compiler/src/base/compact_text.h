// CompactText: a file's text kept for diagnostics once nothing parses it any more, with
// each line's leading spaces stored as one count. Pretty-printed descriptions spend much
// of their bytes on indentation (5.5 of the 13 MB of GitHub's JSON, 3.6 of its 10 MB
// YAML), and once the front end is done with a file its text serves only line:col and
// the caret line of diagnostics. Offsets stay those of the original text, so every Loc
// made before the compaction still means the same byte; the original comes back whole
// from Expand().
#ifndef SPECC_BASE_COMPACT_TEXT_H_
#define SPECC_BASE_COMPACT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace specc {

class CompactText {
 public:
  // Takes `text` and compacts it in place (the lines only ever move towards its start).
  explicit CompactText(std::string text);

  // The length of the original text.
  uint32_t size() const { return size_; }
  // The bytes it keeps for that text.
  size_t held_bytes() const {
    return lines_.capacity() + indents_.capacity() + checkpoints_.capacity() * sizeof(Checkpoint);
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
  // A line's place in both texts, every kLinesPerCheckpoint lines, so that LineAt walks
  // at most that many lines: 8 bytes per 64 lines instead of a table of every line.
  struct Checkpoint {
    uint32_t original = 0;
    uint32_t compact = 0;
  };
  static constexpr uint32_t kLinesPerCheckpoint = 64;
  // The most spaces one line's count holds; the rest of a deeper indentation stays in
  // the line's text.
  static constexpr uint32_t kMaxIndent = 255;

  // Where line `index`'s text (after its indentation) starts in lines_.
  uint32_t CompactStart(uint32_t index) const;

  std::string lines_;              // each line without its leading spaces, '\n' after all but the last
  std::vector<uint8_t> indents_;   // per line: how many leading spaces were taken off
  std::vector<Checkpoint> checkpoints_;
  uint32_t size_ = 0;
};

}  // namespace specc

#endif  // SPECC_BASE_COMPACT_TEXT_H_
