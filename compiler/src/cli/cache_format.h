// The byte format of the cache's files (cli/run_cache.h, cli/service_cache.h): a magic
// line, length-prefixed fields ("<n>:<n bytes>\n"), and a SHA-256 of everything before it
// as the last line, so that a truncated, flipped or foreign file is told from a good one.
#ifndef SPECC_CLI_CACHE_FORMAT_H_
#define SPECC_CLI_CACHE_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "cli/run_record.h"

namespace specc::cli {

// True when SPECC_CACHE_TRACE is set to anything but "" or "0": the cache then says on
// stderr what it found and why.
bool CacheTraceOn();

// The bytes of the file at `path`, read in one piece; nullopt when it cannot be read.
std::optional<std::string> ReadCacheFile(const std::string& path);

// Appends `field` to `out`.
void PutField(std::string& out, std::string_view field);
void PutNumber(std::string& out, int64_t number);

// Appends the seal (the SHA-256 line) to `out`, which starts with the magic line.
void Seal(std::string& out);
// Returns the fields of `bytes` (after `magic`, before the seal), or an Error saying why
// `bytes` is not a sealed file of that kind.
Result<std::string_view> Unseal(std::string_view bytes, std::string_view magic);

// Reads the fields PutField wrote, refusing anything else.
class FieldReader {
 public:
  explicit FieldReader(std::string_view text) : text_(text) {}
  bool Next(std::string* field);
  bool NextNumber(int64_t* number);
  bool AtEnd() const { return pos_ == text_.size(); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// A run's observations (cli/run_record.h), as fields.
void PutObservations(std::string& out, const std::vector<Observation>& observations);
bool ReadObservations(FieldReader& in, std::vector<Observation>* observations);

}  // namespace specc::cli

#endif  // SPECC_CLI_CACHE_FORMAT_H_
