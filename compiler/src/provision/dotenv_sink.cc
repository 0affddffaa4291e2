// The local hand-off file `.env.<env>`: provisioned values for the steps a person does by
// hand. Written only when git would never commit it; the user's own lines stay as they are.
#include <cctype>
#include <string_view>
#include <vector>

#include "provision/local_files.h"
#include "provision/sink.h"

namespace specc::provision {
namespace {

constexpr char kHeader[] =
    "# Values `specc provision` handed over for the steps you do by hand. Git ignores this\n"
    "# file; keep it that way: it holds secrets.\n";

// The key of a `KEY=value` (or `export KEY=value`) line; empty for others.
std::string KeyOf(const std::string& line) {
  std::string rest = line.rfind("export ", 0) == 0 ? line.substr(7) : line;
  size_t eq = rest.find('=');
  if (eq == std::string::npos || eq == 0) return "";
  std::string key = rest.substr(0, eq);
  for (char c : key) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return "";
  }
  return key;
}

// The value of a `KEY=value` line, unquoted.
std::string ValueOf(const std::string& line) {
  std::string value = line.substr(line.find('=') + 1);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    std::string out;
    for (size_t i = 1; i + 1 < value.size(); ++i) {
      if (value[i] == '\\' && i + 2 < value.size()) {
        char next = value[++i];
        out += next == 'n' ? '\n' : next;
      } else {
        out += value[i];
      }
    }
    return out;
  }
  if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') return value.substr(1, value.size() - 2);
  return value;
}

// `value` as a dotenv value: bare when that is unambiguous, else double-quoted.
std::string Quote(const std::string& value) {
  bool bare = !value.empty();
  for (char c : value) {
    bare = bare && (std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./:@+=,%").find(c) != std::string_view::npos);
  }
  if (bare) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out + "\"";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

class DotenvSink final : public Sink {
 public:
  DotenvSink(LocalFiles& files, std::string path) : files_(files), path_(std::move(path)) {}

  std::string Describe() const override { return "`" + path_ + "`"; }

  ApiResult<Held> Look(const std::string& key, bool /*secret*/) override {
    ApiResult<std::vector<std::string>> lines = Load();
    SPECC_RETURN_IF_ERROR(lines);
    for (const std::string& line : lines.value()) {
      // A local file: comparing a secret in memory reveals nothing.
      if (KeyOf(line) == key) return Held{true, ValueOf(line)};
    }
    return Held{};
  }

  ApiResult<Done> Put(const std::string& key, const std::string& value, bool /*secret*/) override {
    Result<bool> safe = NeverCommitted(files_, path_);
    if (!safe.ok()) return ApiError{path_, 0, safe.error().message};
    if (!safe.value()) return ApiError{path_, 0, "git does not ignore `" + path_ + "` (or tracks it): specc writes no value there"};
    ApiResult<std::vector<std::string>> loaded = Load();
    SPECC_RETURN_IF_ERROR(loaded);
    std::vector<std::string> lines = std::move(loaded).value();
    std::string entry = key + "=" + Quote(value);
    bool replaced = false;
    for (std::string& line : lines) {
      if (KeyOf(line) == key) {
        line = entry;
        replaced = true;
      }
    }
    std::string text;
    if (lines.empty()) text = kHeader;
    for (const std::string& line : lines) text += line + "\n";
    if (!replaced) text += entry + "\n";
    Status written = files_.Write(path_, text, /*owner_only=*/true);
    if (!written.ok()) return ApiError{path_, 0, written.error().message};
    return Done{};
  }

 private:
  ApiResult<std::vector<std::string>> Load() {
    Result<std::optional<std::string>> text = files_.Read(path_);
    if (!text.ok()) return ApiError{path_, 0, text.error().message};
    return Lines(text.value().value_or(""));
  }

  LocalFiles& files_;
  std::string path_;
};

}  // namespace

Result<bool> NeverCommitted(LocalFiles& files, const std::string& path) {
  for (const std::string& p : {path, path + kTempSuffix + "XXXXXX"}) {
    Result<bool> safe = files.NeverCommitted(p);
    if (!safe.ok() || !safe.value()) return safe;
  }
  return true;
}

std::unique_ptr<Sink> NewDotenvSink(LocalFiles& files, std::string path) {
  return std::make_unique<DotenvSink>(files, std::move(path));
}

}  // namespace specc::provision
