// Atomic file replacement: the one way specc writes a file on disk (generated files, the
// manifest, the pre-commit hook, `specc init`'s scaffold). The bytes go to a temporary
// file next to the target, created under a fresh random name with O_CREAT|O_EXCL
// (mkstemp), so a file or a symbolic link planted at a predictable name can neither be
// followed nor truncated; the temporary is synced and renamed over the target, so a
// reader or a crash sees the old bytes or the new ones, never a mix.
#ifndef SPECC_BASE_ATOMIC_FILE_H_
#define SPECC_BASE_ATOMIC_FILE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/result.h"

namespace specc {

// Replaces the file at `path` with `contents` as described above. The new file gets the
// permission bits `mode` (the umask applies) when given; otherwise those of the regular
// file it replaces, or 0666 less the umask. Set-id and sticky bits are never copied.
// The directory must exist. Returns an Error naming the file and the reason; the
// temporary file is removed then.
//
// `durability` says whether the new bytes are synced to the disk before the rename:
// kSynced for a file a reader takes as it is (generated files, the hook, the manifest);
// kUnsynced for one whose reader detects damage by itself (the cache's sealed records,
// cli/cache_format.h), where a crash may lose the new bytes, which costs only computing them
// again, and each write saves an fsync (a cold check of a 50-service monorepo writes about
// a hundred records).
enum class Durability { kSynced, kUnsynced };
Status ReplaceFile(const std::string& path, std::string_view contents,
                   std::optional<unsigned> mode = std::nullopt, Durability durability = Durability::kSynced);

// ReplaceFile in two steps, for a caller that replaces many files at once only when all
// of them could be written (`specc emit`): WriteTempFile writes `contents` to a fresh
// temporary file beside `path` (whose directory must exist), with the permission bits
// ReplaceFile gives, synced to the disk when `sync`, and returns the temporary's path
// (removed again on an Error); CommitTempFile renames it over `path`, removing it when the
// rename fails. Safe to call from several threads.
Result<std::string> WriteTempFile(const std::string& path, std::string_view contents, bool sync);
Status CommitTempFile(const std::string& temp, const std::string& path);

// WriteTempFile in pieces, for a file written as it is rendered: Create makes the
// temporary beside `path` (the permission bits as ReplaceFile gives them), Append adds to
// it, Finish closes it (synced to the disk when `sync`) and returns its path for
// CommitTempFile. An Error names the temporary and the reason, and removes it; so does
// destroying a writer not finished.
class TempFileWriter {
 public:
  static Result<TempFileWriter> Create(const std::string& path, std::optional<unsigned> mode = std::nullopt);
  TempFileWriter(TempFileWriter&& other) noexcept;
  TempFileWriter& operator=(TempFileWriter&&) = delete;
  ~TempFileWriter();

  // REQUIRES: neither Finish nor an Append that failed was called.
  Status Append(std::string_view piece);
  Result<std::string> Finish(bool sync);

 private:
  TempFileWriter(int fd, std::string temp) : fd_(fd), temp_(std::move(temp)) {}
  int fd_;
  std::string temp_;
};

// True when `filename` (no directory) is a temporary file of ReplaceFile, or of the
// specc versions that named them after their process id: "." + target name +
// ".specc-tmp." + letters and digits. An interrupted run leaves them behind; `apply`
// removes them from its directories.
bool IsSpeccTempFile(std::string_view filename);

}  // namespace specc

#endif  // SPECC_BASE_ATOMIC_FILE_H_
