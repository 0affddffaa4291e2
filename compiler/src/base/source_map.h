// SourceMap: owns the text of every file specc reads and turns a Loc (file id + byte
// offset) into a 1-based line and column. Line starts are computed lazily, per file, the
// first time a diagnostic in that file is printed. A file whose text nothing parses any
// more can be compacted (base/compact_text.h): it is then kept compressed, a ninth of its
// bytes for a description, and still gives every position and line.
#ifndef SPECC_BASE_SOURCE_MAP_H_
#define SPECC_BASE_SOURCE_MAP_H_

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/compact_text.h"
#include "base/loc.h"
#include "base/secret_finding.h"

namespace specc {

struct LineCol {
  uint32_t line = 0;    // 1-based; 0 when unknown
  uint32_t column = 0;  // 1-based byte column; 0 when unknown
};

class SourceMap {
 public:
  SourceMap() = default;
  SourceMap(const SourceMap&) = delete;
  SourceMap& operator=(const SourceMap&) = delete;
  // Waits for the compressions still under way: they read the texts, and one writes into
  // the files.
  ~SourceMap();
  // Takes ownership of `contents` and returns the id of the new file. `display_path` is
  // the path printed in diagnostics (relative to the project root where there is one).
  // The contents' address is stable for the SourceMap's lifetime: parsers point into it.
  FileId Add(std::string display_path, std::string contents);

  const std::string& path(FileId file) const;
  // The whole text. A compacted file is expanded again first (and stays so): whoever
  // needs only positions, lines or the length asks for those instead.
  std::string_view contents(FileId file) const;
  // The length of the text, compacted or not.
  size_t size(FileId file) const;
  size_t file_count() const { return files_.size(); }

  // Returns the line and column of `loc`; {0, 0} when the location is unknown.
  LineCol Position(Loc loc) const;
  // Returns the text of the line holding `loc`, without its line break.
  std::string LineText(Loc loc) const;

  // Keeps `file`'s text in compact form from now on. Call it once no parse tree or other
  // view points into the text (the OpenAPI load does, after lowering). Positions, lines
  // and sizes stay exactly what they were. Like the lazy line table, not for threads.
  void Compact(FileId file);
  // Compact() for every file from `first` on. With background work on, a file whose
  // compression was started early is only waited for; one thread compresses the others
  // while the caller goes on, and whoever next asks about one of them waits for it (the
  // front end's meanings and checks need none of the texts).
  void CompactFrom(FileId first);
  // With background work on, starts compressing a large `file` on a thread of its own
  // while its text is still parsed and lowered (the text is read, never changed, until
  // Compact or CompactFrom frees it): GitHub's 13 MB description is then compressed by the
  // time its lowering ends, on the core the parser leaves idle. Does nothing otherwise.
  void StartCompressing(FileId file);
  // Whether work on the texts (the compression, a parser's secret scan) may run on threads
  // of its own: off unless the run may use more than one core (`-j`).
  void set_background_work(bool background) { background_work_ = background; }
  // Whether work on `file`'s text goes to a thread of its own: background work is on and
  // the file is a megabyte or more. A smaller file is done in less time than a thread
  // takes to start, and a description of a thousand small files must not be a thousand
  // threads.
  bool WorthAThread(FileId file) const;

  // The secrets of `file`'s text, judged by whoever parsed it while its tree was alive (the
  // OpenAPI load), so that the secret review need not parse the file a second time.
  void RecordSecrets(FileId file, std::vector<SecretFinding> findings);
  // What RecordSecrets recorded for `file`; nullptr when nothing did (a file read as text
  // only, or added without being parsed, as the run cache does).
  const std::vector<SecretFinding>* RecordedSecrets(FileId file) const;
  // Whether the run reviews the secrets of its specs, so that a parser should record them
  // (scanning a 13 MB description costs a fifth of loading it). On unless a command that
  // never reviews (diff, plan) turns it off.
  bool secrets_wanted() const { return secrets_wanted_; }
  void set_secrets_wanted(bool wanted) { secrets_wanted_ = wanted; }

 private:
  struct File {
    std::string path;
    mutable std::string contents;  // empty while `compact` holds the text, or is being made
    mutable std::unique_ptr<CompactText> compact;
    // Valid while a background thread makes `compact`; that thread touches nothing else.
    mutable std::shared_future<void> compacting;
    // Valid while StartCompressing's thread compresses `contents`, which it only reads;
    // Compact() takes what it made.
    std::future<std::unique_ptr<CompactText>> compressing;
    mutable std::vector<uint32_t> line_starts;  // filled on first use; never for a compact file
    std::optional<std::vector<SecretFinding>> secrets;
  };
  // The file, its compaction finished when one was under way.
  const File& file(FileId id) const;
  // Waits for `f`'s compaction when one is under way.
  static void Settle(const File& f);
  const std::vector<uint32_t>& LineStarts(const File& file) const;

  std::vector<std::unique_ptr<File>> files_;
  bool secrets_wanted_ = true;
  bool background_work_ = false;
};

}  // namespace specc

#endif  // SPECC_BASE_SOURCE_MAP_H_
