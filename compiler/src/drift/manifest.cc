#include "drift/manifest.h"

#include <charconv>
#include <memory>
#include <vector>

#include "base/json_writer.h"
#include "base/utf8.h"
#include "base/path.h"
#include "base/sha256.h"

namespace specc::drift {
namespace {

// A minimal JSON reader: the manifest is small and specc writes it, so a tree of values
// is enough. Depth is bounded so that a hostile file cannot exhaust the stack.
struct Value {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject } kind = Kind::kNull;
  bool boolean = false;
  std::string text;  // a string's value, or a number's digits
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  const Value* Get(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Result<Value> Document() {
    Value value;
    if (!ParseValue(value, 0)) return Error{error_};
    SkipSpace();
    if (pos_ != text_.size()) return Error{At("trailing characters after the JSON value")};
    return value;
  }

 private:
  static constexpr int kMaxDepth = 64;

  std::string At(const std::string& message) const {
    return message + " at byte " + std::to_string(pos_);
  }
  bool Fail(const std::string& message) {
    if (error_.empty()) error_ = At(message);
    return false;
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool ParseValue(Value& out, int depth) {
    if (depth > kMaxDepth) return Fail("nesting too deep");
    SkipSpace();
    if (pos_ >= text_.size()) return Fail("unexpected end of input");
    char c = text_[pos_];
    if (c == '{') return ParseObject(out, depth);
    if (c == '[') return ParseArray(out, depth);
    if (c == '"') {
      out.kind = Value::Kind::kString;
      return ParseString(out.text);
    }
    if (c == 't' || c == 'f') {
      out.kind = Value::Kind::kBool;
      out.boolean = c == 't';
      return Literal(c == 't' ? "true" : "false");
    }
    if (c == 'n') return Literal("null");
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t start = pos_;
      ++pos_;
      while (pos_ < text_.size() &&
             std::string_view("0123456789.eE+-").find(text_[pos_]) != std::string_view::npos) {
        ++pos_;
      }
      out.kind = Value::Kind::kNumber;
      out.text = std::string(text_.substr(start, pos_ - start));
      return true;
    }
    return Fail("unexpected character");
  }

  bool ParseObject(Value& out, int depth) {
    out.kind = Value::Kind::kObject;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a key");
      std::string key;
      if (!ParseString(key)) return false;
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("expected ':'");
      ++pos_;
      Value value;
      if (!ParseValue(value, depth + 1)) return false;
      out.members.emplace_back(std::move(key), std::move(value));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or '}'");
    }
  }

  bool ParseArray(Value& out, int depth) {
    out.kind = Value::Kind::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      Value value;
      if (!ParseValue(value, depth + 1)) return false;
      out.items.push_back(std::move(value));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      return Fail("expected ',' or ']'");
    }
  }



  bool Hex4(uint32_t& out) {
    if (pos_ + 4 > text_.size()) return Fail("truncated \\u escape");
    auto [end, ec] = std::from_chars(text_.data() + pos_, text_.data() + pos_ + 4, out, 16);
    if (ec != std::errc() || end != text_.data() + pos_ + 4) return Fail("bad \\u escape");
    pos_ += 4;
    return true;
  }

  bool ParseString(std::string& out) {
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return Fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) break;
      char e = text_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(cp)) return false;
          if (cp >= 0xd800 && cp < 0xdc00 && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            uint32_t low = 0;
            if (!Hex4(low)) return false;
            cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
          }
          AppendUtf8(out, cp);
          break;
        }
        default:
          return Fail("bad escape");
      }
    }
    return Fail("unterminated string");
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

// Splits "1.2.3" into numbers; anything unparsable counts as 0 so that garbage never
// looks newer than a real version.
std::vector<int64_t> VersionParts(const std::string& version) {
  std::vector<int64_t> parts;
  size_t i = 0;
  while (i <= version.size()) {
    size_t j = version.find('.', i);
    if (j == std::string::npos) j = version.size();
    int64_t n = 0;
    std::from_chars(version.data() + i, version.data() + j, n);
    parts.push_back(n);
    i = j + 1;
  }
  while (parts.size() < 3) parts.push_back(0);
  return parts;
}

bool IsSha256Hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

Manifest BuildManifest(const OutputSet& outputs, const GeneratorInfo& generator) {
  Manifest manifest;
  manifest.generator = generator;
  for (const auto& [path, contents] : outputs.files()) {
    // Scaffolds belong to the user once written: specc neither hashes nor removes them,
    // and only remembers that they exist, so that deleting one is the user's choice.
    if (outputs.IsScaffold(path)) {
      manifest.scaffolds.insert(path);
    } else {
      manifest.files[path] = Sha256Hex(contents);
    }
  }
  for (const auto& [path, sha256] : outputs.settled()) {
    if (outputs.IsScaffold(path)) {
      manifest.scaffolds.insert(path);
    } else {
      manifest.files[path] = sha256;
    }
  }
  return manifest;
}

std::string WriteManifest(const Manifest& manifest) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("generator").BeginObject();
  w.Key("name").String(manifest.generator.name);
  w.Key("version").String(manifest.generator.version);
  w.EndObject();
  w.Key("artifactSchemaVersion").Int(manifest.generator.artifact_schema_version);
  w.Key("files").BeginArray();
  for (const auto& [path, sha256] : manifest.files) {
    w.BeginObject();
    w.Key("path").String(path);
    w.Key("sha256").String(sha256);
    w.EndObject();
  }
  w.EndArray();
  // Only when there are any, so that a manifest without scaffolds reads as before.
  if (!manifest.scaffolds.empty()) {
    w.Key("scaffolds").BeginArray();
    for (const std::string& path : manifest.scaffolds) w.String(path);
    w.EndArray();
  }
  w.EndObject();
  return w.Finish();
}

Result<Manifest> ParseManifest(std::string_view json) {
  Result<Value> parsed = Reader(json).Document();
  if (!parsed.ok()) return Error{"not valid JSON: " + parsed.error().message};
  const Value& root = parsed.value();
  if (root.kind != Value::Kind::kObject) return Error{"the top level is not an object"};
  Manifest manifest;
  const Value* generator = root.Get("generator");
  if (generator == nullptr || generator->kind != Value::Kind::kObject) {
    return Error{"`generator` is missing or not an object"};
  }
  const Value* name = generator->Get("name");
  const Value* version = generator->Get("version");
  if (name == nullptr || name->kind != Value::Kind::kString || version == nullptr ||
      version->kind != Value::Kind::kString) {
    return Error{"`generator` needs string fields `name` and `version`"};
  }
  manifest.generator.name = name->text;
  manifest.generator.version = version->text;
  const Value* schema = root.Get("artifactSchemaVersion");
  if (schema == nullptr || schema->kind != Value::Kind::kNumber) {
    return Error{"`artifactSchemaVersion` is missing or not a number"};
  }
  auto [end, ec] = std::from_chars(schema->text.data(), schema->text.data() + schema->text.size(),
                                   manifest.generator.artifact_schema_version);
  if (ec != std::errc() || end != schema->text.data() + schema->text.size()) {
    return Error{"`artifactSchemaVersion` is not an integer"};
  }
  const Value* files = root.Get("files");
  if (files == nullptr || files->kind != Value::Kind::kArray) {
    return Error{"`files` is missing or not an array"};
  }
  for (const Value& file : files->items) {
    const Value* path = file.Get("path");
    const Value* sha256 = file.Get("sha256");
    if (file.kind != Value::Kind::kObject || path == nullptr ||
        path->kind != Value::Kind::kString || sha256 == nullptr ||
        sha256->kind != Value::Kind::kString) {
      return Error{"each entry of `files` needs string fields `path` and `sha256`"};
    }
    // A path that leaves the repository must never reach Remove(), and one with control
    // characters must not reach a report either: it is quoted as JSON here.
    const std::string& p = path->text;
    if (!IsNormalRelativePath(p)) {
      std::string quoted;
      AppendJsonString(quoted, p);
      return Error{quoted + " in `files` is not a normalised path relative to the root"};
    }
    if (!IsSha256Hex(sha256->text)) return Error{"`" + p + "` has a malformed sha256"};
    manifest.files[p] = sha256->text;
  }
  if (const Value* scaffolds = root.Get("scaffolds")) {
    if (scaffolds->kind != Value::Kind::kArray) return Error{"`scaffolds` is not an array"};
    for (const Value& item : scaffolds->items) {
      if (item.kind != Value::Kind::kString || !IsNormalRelativePath(item.text)) {
        return Error{"each entry of `scaffolds` must be a normalised path relative to the root"};
      }
      manifest.scaffolds.insert(item.text);
    }
  }
  return manifest;
}

std::optional<std::string> Incompatibility(const GeneratorInfo& found, const GeneratorInfo& self) {
  if (found.name != self.name) {
    return "the manifest was written by `" + found.name + "`, not `" + self.name + "`";
  }
  // An older schema is fine: regenerating is exactly how artifacts move to the new one.
  if (found.artifact_schema_version > self.artifact_schema_version) {
    return "the manifest uses artifact schema " + std::to_string(found.artifact_schema_version) +
           "; this " + self.name + " " + self.version + " writes schema " +
           std::to_string(self.artifact_schema_version);
  }
  if (VersionParts(found.version) > VersionParts(self.version)) {
    return "the manifest was written by " + found.name + " " + found.version +
           ", newer than this " + self.name + " " + self.version;
  }
  return std::nullopt;
}

}  // namespace specc::drift
