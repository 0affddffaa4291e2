// SourceMap: owns the text of every file specc reads and turns a Loc (file id + byte
// offset) into a 1-based line and column. Line starts are computed lazily, per file, the
// first time a diagnostic in that file is printed.
#ifndef SPECC_BASE_SOURCE_MAP_H_
#define SPECC_BASE_SOURCE_MAP_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"
#include "base/secret_finding.h"

namespace specc {

struct LineCol {
  uint32_t line = 0;    // 1-based; 0 when unknown
  uint32_t column = 0;  // 1-based byte column; 0 when unknown
};

class SourceMap {
 public:
  // Takes ownership of `contents` and returns the id of the new file. `display_path` is
  // the path printed in diagnostics (relative to the project root where there is one).
  // The contents' address is stable for the SourceMap's lifetime: parsers point into it.
  FileId Add(std::string display_path, std::string contents);

  const std::string& path(FileId file) const;
  std::string_view contents(FileId file) const;
  size_t file_count() const { return files_.size(); }

  // Returns the line and column of `loc`; {0, 0} when the location is unknown.
  LineCol Position(Loc loc) const;
  // Returns the text of the line holding `loc`, without its line break.
  std::string_view LineText(Loc loc) const;

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
    std::string contents;
    mutable std::vector<uint32_t> line_starts;  // filled on first use
    std::optional<std::vector<SecretFinding>> secrets;
  };
  const File& file(FileId id) const;
  const std::vector<uint32_t>& LineStarts(const File& file) const;

  std::vector<std::unique_ptr<File>> files_;
  bool secrets_wanted_ = true;
};

}  // namespace specc

#endif  // SPECC_BASE_SOURCE_MAP_H_
