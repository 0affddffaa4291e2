// The file a generated file would replace, read alongside the new bytes as they come, so
// that `specc emit` leaves a file whose bytes do not change as it is (its mtime, its inode,
// its hard links), as `apply` does, without holding the new bytes whole.
#ifndef SPECC_CLI_EXISTING_FILE_H_
#define SPECC_CLI_EXISTING_FILE_H_

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/atomic_file.h"
#include "base/result.h"

namespace specc::cli {

class ExistingFile {
 public:
  // Opens the regular file at `path`, not following a symbolic link there. Where there is
  // none (or something else), nothing matches.
  explicit ExistingFile(const std::string& path);
  ~ExistingFile();
  ExistingFile(const ExistingFile&) = delete;
  ExistingFile& operator=(const ExistingFile&) = delete;

  // Compares `piece` with the file's next bytes. True while every byte given so far is the
  // file's; once false, it stays false.
  bool Matches(std::string_view piece);
  // True when the bytes given so far are the whole file.
  bool Holds() const { return matching_ && matched_ == static_cast<uint64_t>(opened_.st_size); }
  // Appends the bytes matched so far to `out`, for a new file that goes on differently.
  // An Error when the file could not be read, or changed since it was opened (the bytes
  // matched may then not be the file's any more).
  Status CopyMatched(TempFileWriter& out) const;

 private:
  int fd_ = -1;
  struct stat opened_ {};
  uint64_t matched_ = 0;
  bool matching_ = false;
};

}  // namespace specc::cli

#endif  // SPECC_CLI_EXISTING_FILE_H_
