// The output directory of `specc emit`, written as the files are rendered: each file goes
// to a temporary file beside its place the moment an emitter puts it (so a large run does
// not hold every rendered file in memory; a streamed file is written piece by piece as it
// is rendered), after the secret guard has looked at it. A file whose bytes the directory
// holds already is left as it is (its mtime, its inode), as `apply` leaves it. Only
// when the whole run succeeded does Commit rename every temporary into place; otherwise
// Discard (or the destructor) removes them, and the directories made for them, so that the
// directory never holds a half-written file or a partial set of new ones.
#ifndef SPECC_CLI_STAGED_OUTPUT_DIR_H_
#define SPECC_CLI_STAGED_OUTPUT_DIR_H_

#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "base/output_set.h"
#include "base/result.h"

namespace specc::cli {

class StagedOutputDir final : public OutputConsumer {
 public:
  // Files go under `root`; `shown` is the directory as messages name it. A file holding a
  // secret-shaped string whose fingerprint is not in `accepted` is not written (cli/guard.h).
  // A file streamed to it (OutputSet::Stream) comes in pieces of `piece_bytes` or more.
  StagedOutputDir(std::filesystem::path root, std::string shown, std::set<std::string> accepted,
                  size_t piece_bytes = kPieceBytes);
  ~StagedOutputDir() override;
  StagedOutputDir(const StagedOutputDir&) = delete;
  StagedOutputDir& operator=(const StagedOutputDir&) = delete;

  // Guards the file, and writes it to a temporary file unless it is a scaffold whose file
  // exists (the user's once written) or the directory holds its bytes already. Always
  // takes it: the set keeps no bytes.
  std::optional<std::string> Take(const std::string& path, const std::string& bytes, bool scaffold) override;
  // Takes a generated file in pieces: each is guarded, compared with the file it would
  // replace, and from the first that differs on written to the temporary file as it comes;
  // a file with a secret-shaped string is not kept, as in Take.
  std::unique_ptr<PieceSink> Open(const std::string& path) override;
  size_t piece_bytes() const override { return piece_bytes_; }

  // The files taken, whether written or not.
  size_t taken() const { return taken_.size(); }
  // The files taken that are left as they are: their bytes are there already, or they are
  // scaffolds that exist.
  size_t unchanged() const { return unchanged_.size(); }
  // Prints the guard's SECRET_IN_OUTPUT lines (in path order) and its hint to `err`;
  // returns false when there were any.
  bool PrintSecretProblems(std::ostream& err) const;
  // The first file (in path order) that could not be written, and why: "`DIR/PATH`: why".
  std::optional<std::string> WriteProblem() const;
  // Renames every temporary file into place, in path order. On an Error (naming the file)
  // the temporaries not yet renamed are removed.
  Status Commit();
  // Removes every temporary file and every directory made for them.
  void Discard();

 private:
  class Sink;
  // Makes the directories the file at `path` goes in; false (the problem noted) when they
  // could not be made. REQUIRES: mutex_ is held.
  bool MakeDirsLocked(const std::string& path, const std::string& shown);
  // Notes the temporary file `temp` holding the file at `path`, or why it could not be written.
  void Keep(const std::string& path, const std::string& shown, Result<std::string> temp);
  // Notes that the file at `path` holds the new bytes already.
  void KeepUnchanged(const std::string& path);

  std::filesystem::path root_;
  std::string shown_;
  std::set<std::string> accepted_;
  size_t piece_bytes_;
  std::mutex mutex_;  // guards what follows: Take runs on the emitters' threads
  std::set<std::string> taken_;
  std::set<std::string> unchanged_;                     // taken, and already on disk
  std::map<std::string, std::string> secret_lines_;    // path -> the guard's lines
  std::map<std::string, std::string> write_problems_;  // path -> why it could not be written
  std::map<std::string, std::string> temps_;           // path -> its temporary file
  std::set<std::string> made_dirs_;                    // directories made for temporaries
};

}  // namespace specc::cli

#endif  // SPECC_CLI_STAGED_OUTPUT_DIR_H_
