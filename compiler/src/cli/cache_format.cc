#include "cli/cache_format.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "base/sha256.h"

namespace specc::cli {
namespace {

constexpr size_t kTrailerSize = 64 + 1;  // SHA-256 hex and a newline

}  // namespace

bool CacheTraceOn() {
  const char* trace = std::getenv("SPECC_CACHE_TRACE");
  return trace != nullptr && std::string_view(trace) != "" && std::string_view(trace) != "0";
}

std::optional<std::string> ReadCacheFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st;
  std::string bytes;
  bool ok = ::fstat(fd, &st) == 0 && st.st_size >= 0;
  if (ok) bytes.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (ok && done < bytes.size()) {
    ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    ok = got > 0;
    if (ok) done += static_cast<size_t>(got);
  }
  ::close(fd);
  if (!ok) return std::nullopt;
  return bytes;
}

void PutField(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '\n';
}

void PutNumber(std::string& out, int64_t number) { PutField(out, std::to_string(number)); }

void Seal(std::string& out) {
  out += Sha256Hex(out);
  out += '\n';
}

Result<std::string_view> Unseal(std::string_view bytes, std::string_view magic) {
  if (bytes.size() < magic.size() + kTrailerSize || bytes.substr(0, magic.size()) != magic) {
    return Error{"not a cache entry (or truncated)"};
  }
  std::string_view body = bytes.substr(0, bytes.size() - kTrailerSize);
  std::string_view trailer = bytes.substr(bytes.size() - kTrailerSize);
  if (trailer.back() != '\n' || trailer.substr(0, 64) != Sha256Hex(body)) {
    return Error{"checksum mismatch (truncated or damaged)"};
  }
  return body.substr(magic.size());
}

bool FieldReader::Next(std::string* field) {
  size_t colon = text_.find(':', pos_);
  if (colon == std::string_view::npos || colon == pos_ || colon - pos_ > 12) return false;
  size_t size = 0;
  for (size_t i = pos_; i < colon; ++i) {
    if (text_[i] < '0' || text_[i] > '9') return false;
    size = size * 10 + static_cast<size_t>(text_[i] - '0');
  }
  if (size > text_.size() - colon - 1 || colon + 1 + size >= text_.size() || text_[colon + 1 + size] != '\n') {
    return false;
  }
  field->assign(text_.substr(colon + 1, size));
  pos_ = colon + 2 + size;
  return true;
}

bool FieldReader::NextNumber(int64_t* number) {
  std::string field;
  if (!Next(&field) || field.empty() || field.size() > 19) return false;
  size_t start = field[0] == '-' ? 1 : 0;
  if (start == field.size()) return false;
  int64_t value = 0;
  for (size_t i = start; i < field.size(); ++i) {
    if (field[i] < '0' || field[i] > '9') return false;
    value = value * 10 + (field[i] - '0');
  }
  *number = start == 1 ? -value : value;
  return true;
}

void PutObservations(std::string& out, const std::vector<Observation>& observations) {
  PutNumber(out, static_cast<int64_t>(observations.size()));
  for (const Observation& seen : observations) {
    PutField(out, std::string(1, static_cast<char>(seen.kind)));
    PutNumber(out, seen.version);
    PutField(out, seen.path);
    PutField(out, seen.answer);
    PutField(out, seen.witness);
  }
}

bool ReadObservations(FieldReader& in, std::vector<Observation>* observations) {
  int64_t count = 0;
  if (!in.NextNumber(&count) || count < 0) return false;
  const std::string kinds = "RCLTSFIE";
  for (int64_t i = 0; i < count; ++i) {
    Observation seen;
    std::string kind;
    int64_t version = 0;
    if (!in.Next(&kind) || kind.size() != 1 || kinds.find(kind[0]) == std::string::npos ||
        !in.NextNumber(&version) || version < 0 || version > 2 || !in.Next(&seen.path) || !in.Next(&seen.answer) ||
        !in.Next(&seen.witness)) {
      return false;
    }
    seen.kind = static_cast<Observation::Kind>(kind[0]);
    seen.version = static_cast<int>(version);
    observations->push_back(std::move(seen));
  }
  return true;
}

}  // namespace specc::cli
