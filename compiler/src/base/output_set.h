// OutputSet: the files a run would write, computed in memory before anything touches the
// disk (protoc's rule). Emitters add to it; the drift engine compares it with the
// repository and writes it. Paths are normalised relative paths with '/'; the map keeps
// them sorted, so every iteration over it is deterministic.
//
// A file is either generated (specc owns it: rewritten whenever its bytes change, removed
// when no longer generated) or a scaffold (the user owns it: written once, only where no
// file exists yet, then never compared, changed or removed, and kept out of the manifest).
#ifndef SPECC_BASE_OUTPUT_SET_H_
#define SPECC_BASE_OUTPUT_SET_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace specc {

// The fewest bytes of a piece of a streamed file (OutputStream::Drain), unless the
// consumer asks for other: large enough that a piece costs one write, small enough that a
// 15 MB file is never whole in memory.
inline constexpr size_t kPieceBytes = size_t{1} << 20;

// Takes each file's bytes the moment an emitter puts it, so that a large run need not hold
// every rendered file until its end (`specc emit` writes each one to a temporary file; the
// drift check keeps only the files that may differ). Called from the putting emitter's
// thread, concurrently for different emitters: an implementation is thread-safe.
class OutputConsumer {
 public:
  // A generated file taken in pieces, in order (OutputSet::Stream). Destroyed without
  // Close(), it drops what it was given: the file was never put.
  class PieceSink {
   public:
    virtual ~PieceSink() = default;
    virtual void Write(std::string_view piece) = 0;
    // Takes the file the pieces make: returns the Sha256Hex to settle it with (empty when
    // no one needs it). A streamed file is always taken; it cannot stay in the set.
    virtual std::string Close() = 0;
  };

  virtual ~OutputConsumer() = default;
  // Returns the Sha256Hex to settle the file with when the consumer took `bytes` (empty
  // when no one needs it), or std::nullopt to leave the bytes in the set.
  virtual std::optional<std::string> Take(const std::string& path, const std::string& bytes, bool scaffold) = 0;
  // A sink for the generated file at `path`, or null when this consumer takes whole files
  // only (the bytes then stay in the set until they are whole, and go to Take()).
  virtual std::unique_ptr<PieceSink> Open(const std::string& path) {
    (void)path;
    return nullptr;
  }
  // The fewest bytes worth a piece: OutputStream::Drain hands over no less.
  virtual size_t piece_bytes() const { return kPieceBytes; }
};

class OutputSet;

// A generated file an emitter writes in pieces as it renders it (a Postman collection,
// the OpenAPI bundle: each more than 10 MB on GitHub's description), so that a consumer
// writing files never needs the whole text in memory. Without such a consumer the text
// is kept whole and put when closed, exactly as OutputSet::Put would.
class OutputStream {
 public:
  OutputStream(OutputStream&&) = default;
  OutputStream& operator=(OutputStream&&) = delete;
  ~OutputStream() = default;  // unclosed: the file is not put, and the pieces are dropped

  // When `text` (the file's text since the last Drain) holds the consumer's piece_bytes()
  // or more, hands its complete lines to the consumer and erases them from `text`.
  // Otherwise, or without a consumer that takes pieces, leaves `text` as it is.
  // REQUIRES: no line break of the file is inside a string the secret guard reads as one
  // (true of JSON, whose strings escape their line breaks): the guard scans piece by piece.
  void Drain(std::string& text);
  // Puts the file: the pieces drained so far, then `rest`.
  void Close(std::string rest);
  // Drops what was drained and drains no more: Close() then puts the whole text it is
  // given, as without a consumer that takes pieces (for an emitter whose fast render
  // failed halfway and that renders the file again the plain way).
  void Discard() { sink_.reset(); }
  // Bytes handed to the consumer so far.
  size_t drained() const { return drained_; }
  // True when Drain can hand pieces over.
  bool streams() const { return sink_ != nullptr; }

 private:
  friend class OutputSet;
  OutputStream(OutputSet& set, std::string path, std::unique_ptr<OutputConsumer::PieceSink> sink, size_t piece_bytes)
      : set_(set), path_(std::move(path)), sink_(std::move(sink)), piece_bytes_(piece_bytes) {}

  OutputSet& set_;
  std::string path_;
  std::unique_ptr<OutputConsumer::PieceSink> sink_;
  size_t piece_bytes_;
  size_t drained_ = 0;
};

class OutputSet {
 public:
  // Adds or replaces the generated file at `path`. REQUIRES: `path` is relative,
  // normalised, and does not leave the output root ("a/b.ts", never "../x" or "/x").
  // With a consumer, the file is offered to it first, and settled when it takes it.
  void Put(const std::string& path, std::string contents);
  // Opens the generated file at `path` for writing in pieces; see OutputStream.
  OutputStream Stream(const std::string& path);
  // Adds a scaffold: a starting point for code the user owns (see above).
  void PutScaffold(const std::string& path, std::string contents);
  bool IsScaffold(const std::string& path) const { return scaffolds_.count(path) > 0; }
  // Adds a file known to be unchanged in the repository, without its bytes: a service
  // whose outputs a run of the drift check found unchanged, and whose inputs and files
  // have not changed since (cli/service_cache.h). `sha256` is Sha256Hex of its bytes
  // (empty for a scaffold, which is never hashed). The drift check takes it as unchanged.
  void PutSettled(const std::string& path, std::string sha256, bool scaffold);
  const std::map<std::string, std::string>& settled() const { return settled_; }
  std::map<std::string, std::string> TakeSettled() { return std::exchange(settled_, {}); }

  // True when a file at `path` is in the set, with its bytes or settled.
  bool Has(const std::string& path) const { return files_.count(path) > 0 || settled_.count(path) > 0; }
  const std::string* Find(const std::string& path) const;

  const std::map<std::string, std::string>& files() const { return files_; }
  // Moves every file out (path -> bytes) and leaves none; IsScaffold still answers for
  // them. For a caller that files the outputs under other paths: a large run's bytes
  // are moved, not copied.
  std::map<std::string, std::string> TakeFiles() { return std::exchange(files_, {}); }
  size_t size() const { return files_.size(); }

  // Offers every file put from now on to `consumer` (not owned; null for none).
  void set_consumer(OutputConsumer* consumer) { consumer_ = consumer; }

 private:
  friend class OutputStream;
  void Add(const std::string& path, std::string contents, bool scaffold);

  OutputConsumer* consumer_ = nullptr;
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> settled_;  // path -> sha256
  std::set<std::string> scaffolds_;
};

}  // namespace specc

#endif  // SPECC_BASE_OUTPUT_SET_H_
