// YAML 1.2 through libfyaml's event API (the only file that includes libfyaml).
// Measured on GitHub's 9 MB YAML description on this machine: libfyaml events 0.099 s,
// libyaml events 0.107 s, yaml-cpp 1.06 s; and libyaml 0.2.5 rejects real documents that
// YAML 1.2 allows (a tab inside a block scalar, as in Adyen's description). Scalars are
// typed by the YAML 1.2 core schema, so `2024-01-01` or `0000-00-00T00:00:00+00:00`
// stay strings and `1.0` is a number.
#include <libfyaml.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "spec/yaml_scalar.h"
#include "base/utf8.h"
#include "spec/parse.h"

namespace specc::spec {
namespace {

bool IsDigits(std::string_view s, bool (*ok)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}
bool IsDec(char c) { return c >= '0' && c <= '9'; }
bool IsOct(char c) { return c >= '0' && c <= '7'; }
bool IsHex(char c) { return IsDec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The YAML 1.2 core schema's float: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool IsCoreFloat(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && IsDec(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && IsDec(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && IsDec(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

// Resolves a plain scalar by the core schema. Numbers are rewritten in JSON's syntax
// (`0x1F` -> `31`, `+5` -> `5`, `.5` -> `0.5`) so every later stage can print them as is.
NodeKind ResolvePlain(std::string_view s, std::string* json_number) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return NodeKind::kNull;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return NodeKind::kBool;
  }
  char first = s[0];
  if (!IsDec(first) && first != '-' && first != '+' && first != '.') return NodeKind::kString;
  std::string_view unsigned_part = (first == '-' || first == '+') ? s.substr(1) : s;
  if (IsDigits(unsigned_part, IsDec)) {
    bool canonical = first != '+' && (unsigned_part.size() == 1 || unsigned_part[0] != '0');
    if (!canonical) {
      *json_number = first == '-' ? "-" : "";
      size_t nz = unsigned_part.find_first_not_of('0');
      *json_number += nz == std::string_view::npos ? "0" : std::string(unsigned_part.substr(nz));
      if (*json_number == "-0") *json_number = "0";
    }
    return NodeKind::kInt;
  }
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    bool hex = s[1] == 'x';
    std::string_view digits = s.substr(2);
    if (IsDigits(digits, hex ? IsHex : IsOct)) {
      uint64_t value = 0;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value,
                                       hex ? 16 : 8);
      if (ec == std::errc()) {
        *json_number = std::to_string(value);
        return NodeKind::kInt;
      }
    }
    return NodeKind::kString;
  }
  if (IsCoreFloat(s)) {
    // Rewrite forms JSON lacks: a leading `+` or `.`, a trailing `.`.
    std::string text(s);
    if (text[0] == '+') text.erase(0, 1);
    size_t lead = (text[0] == '-') ? 1 : 0;
    if (text[lead] == '.') text.insert(lead, "0");
    size_t dot = text.find('.');
    if (dot != std::string::npos && (dot + 1 == text.size() || !IsDec(text[dot + 1]))) {
      text.insert(dot + 1, "0");
    }
    if (text != s) *json_number = text;
    return NodeKind::kFloat;
  }
  // .inf and .nan are floats in YAML but have no JSON form; keep them as strings.
  return NodeKind::kString;
}

class YamlParser {
 public:
  YamlParser(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
             ParseLimits limits)
      : file_(file), text_(text), arena_(arena), sink_(sink), builder_(arena, file, sink, limits) {}
  ~YamlParser() {
    if (parser_ != nullptr) fy_parser_destroy(parser_);
    if (diag_ != nullptr) fy_diag_destroy(diag_);
  }

  const Node* Parse();

 private:
  struct Container {
    bool is_map;
    bool expect_key;
  };

  uint32_t OffsetOf(fy_token* token, fy_event* event) {
    const fy_mark* mark = token != nullptr ? fy_token_start_mark(token) : nullptr;
    if (mark == nullptr) mark = fy_event_start_mark(event);
    return mark == nullptr ? 0 : static_cast<uint32_t>(mark->input_pos);
  }
  bool SliceOfSource(fy_token* token, std::string_view* text) const;
  static bool FormatText(fy_token* token, std::string* text);
  bool DecodeFromSource(fy_token* token, std::string* value) const;
  bool HandleEvent(fy_event* event);
  bool HandleScalar(fy_event* event);
  void ValueAdded();
  void ReportParserErrors();
  uint32_t OffsetOfLineColumn(int line, int column) const;

  FileId file_;
  std::string_view text_;
  NodeArena& arena_;
  DiagSink& sink_;
  TreeBuilder builder_;
  fy_parser* parser_ = nullptr;
  fy_diag* diag_ = nullptr;
  std::vector<Container> containers_;
  int documents_ = 0;
};

void YamlParser::ValueAdded() {
  if (!containers_.empty() && containers_.back().is_map) containers_.back().expect_key = true;
}

// Most scalars are one line with nothing to unescape; their value is then exactly a slice
// of the input, which the SourceMap keeps alive. Taking it directly skips libfyaml's
// text formatting, measured at 16% of all instructions on GitHub's YAML description.
bool YamlParser::SliceOfSource(fy_token* token, std::string_view* text) const {
  const fy_mark* start = fy_token_start_mark(token);
  const fy_mark* end = fy_token_end_mark(token);
  if (start == nullptr || end == nullptr || start->line != end->line ||
      end->input_pos < start->input_pos || end->input_pos > text_.size()) {
    return false;
  }
  std::string_view raw = text_.substr(start->input_pos, end->input_pos - start->input_pos);
  switch (fy_token_scalar_style(token)) {
    case FYSS_PLAIN:
      *text = raw;
      return !raw.empty();
    case FYSS_SINGLE_QUOTED:
      if (raw.size() < 2 || raw.front() != '\'' || raw.back() != '\'') return false;
      raw = raw.substr(1, raw.size() - 2);
      if (raw.find('\'') != std::string_view::npos) return false;
      *text = raw;
      return true;
    case FYSS_DOUBLE_QUOTED:
      if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return false;
      raw = raw.substr(1, raw.size() - 2);
      if (raw.find('\\') != std::string_view::npos) return false;
      *text = raw;
      return true;
    default:
      return false;
  }
}

// The fallback for the few scalars DecodeFromSource leaves alone (block scalars with an
// explicit indentation indicator). libfyaml's formatting is wrong in
// other cases (see yaml_scalar.h) and leaks its buffer for some scalars; the fuzzer's
// suppressions name that leak (tests/fuzz/lsan.supp).
bool YamlParser::FormatText(fy_token* token, std::string* text) {
  size_t length = 0;
  const char* raw = fy_token_get_text(token, &length);
  if (raw == nullptr) return false;
  text->assign(raw, length);
  return true;
}

// Decodes a scalar from its source text (spec/yaml_scalar.h); false for the forms that
// module leaves to libfyaml.
bool YamlParser::DecodeFromSource(fy_token* token, std::string* value) const {
  const fy_mark* start = fy_token_start_mark(token);
  const fy_mark* end = fy_token_end_mark(token);
  if (start == nullptr || end == nullptr || end->input_pos < start->input_pos ||
      end->input_pos > text_.size()) {
    return false;
  }
  std::string_view source = text_.substr(start->input_pos, end->input_pos - start->input_pos);
  std::string_view header;
  ScalarStyle style;
  switch (fy_token_scalar_style(token)) {
    case FYSS_PLAIN: style = ScalarStyle::kPlain; break;
    case FYSS_SINGLE_QUOTED: style = ScalarStyle::kSingleQuoted; break;
    case FYSS_DOUBLE_QUOTED: style = ScalarStyle::kDoubleQuoted; break;
    case FYSS_LITERAL: style = ScalarStyle::kLiteral; break;
    case FYSS_FOLDED: style = ScalarStyle::kFolded; break;
    default: return false;
  }
  if (style == ScalarStyle::kLiteral || style == ScalarStyle::kFolded) {
    // A block scalar's content starts on the line after its header.
    size_t content = start->input_pos;
    if (content == 0 || text_[content - 1] != '\n') return false;
    size_t header_start = content >= 2 ? text_.rfind('\n', content - 2) : std::string_view::npos;
    header_start = header_start == std::string_view::npos ? 0 : header_start + 1;
    header = text_.substr(header_start, content - 1 - header_start);
  }
  std::optional<std::string> decoded = DecodeScalar(style, source, header);
  if (!decoded) return false;
  *value = std::move(*decoded);
  return true;
}

bool YamlParser::HandleScalar(fy_event* event) {
  fy_token* value = event->scalar.value;
  uint32_t offset = OffsetOf(value, event);
  std::string_view text;
  std::string decoded;
  bool in_source = SliceOfSource(value, &text);
  if (!in_source) {
    if (!DecodeFromSource(value, &decoded) && !FormatText(value, &decoded)) {
      sink_.Report(DiagCode::kSpecYamlSyntax, Loc{file_, offset}, "malformed scalar");
      return false;
    }
    text = decoded;
  }

  bool is_key = !containers_.empty() && containers_.back().is_map && containers_.back().expect_key;
  if (is_key) {
    if (event->scalar.anchor != nullptr) {
      sink_.Report(DiagCode::kSpecYamlUnsupported, Loc{file_, offset},
                   "anchors on mapping keys are not supported");
      return false;
    }
    builder_.Key(in_source ? text : arena_.Intern(text), offset);
    containers_.back().expect_key = false;
    return true;
  }
  if (event->scalar.anchor != nullptr) {
    size_t n = 0;
    const char* anchor = fy_token_get_text(event->scalar.anchor, &n);
    builder_.Anchor(std::string_view(anchor, n));
  }
  NodeKind kind = NodeKind::kString;
  std::string json_number;
  bool plain = fy_token_scalar_style(value) == FYSS_PLAIN;
  std::string_view tag;
  if (event->scalar.tag != nullptr) {
    size_t n = 0;
    const char* suffix = fy_tag_token_suffix(event->scalar.tag, &n);
    if (suffix != nullptr) tag = std::string_view(suffix, n);
  }
  if (!tag.empty()) {
    // Explicit core tags win over the style; `!` and unknown tags keep the text a string.
    if (tag == "str" || tag == "tag:yaml.org,2002:str") {
      kind = NodeKind::kString;
    } else if (tag == "int" || tag == "float" || tag == "bool" || tag == "null" ||
               tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float" ||
               tag == "tag:yaml.org,2002:bool" || tag == "tag:yaml.org,2002:null") {
      kind = ResolvePlain(text, &json_number);
    }
  } else if (plain) {
    kind = ResolvePlain(text, &json_number);
  }
  std::string_view stored;
  if (!json_number.empty()) {
    stored = arena_.Intern(json_number);
  } else if (kind == NodeKind::kBool) {
    stored = (text[0] == 't' || text[0] == 'T') ? "true" : "false";
  } else if (kind == NodeKind::kNull) {
    stored = "null";
  } else {
    stored = in_source ? text : arena_.Intern(text);
  }
  builder_.Scalar(kind, stored, offset);
  ValueAdded();
  return true;
}

bool YamlParser::HandleEvent(fy_event* event) {
  switch (event->type) {
    case FYET_DOCUMENT_START:
      if (++documents_ > 1) {
        sink_.Report(DiagCode::kSpecYamlUnsupported, Loc{file_, OffsetOf(nullptr, event)},
                     "a second YAML document in one file",
                     "an API description is one document; split it into files joined by `$ref`");
        return false;
      }
      return true;
    case FYET_MAPPING_START:
    case FYET_SEQUENCE_START: {
      bool is_map = event->type == FYET_MAPPING_START;
      fy_token* start = is_map ? event->mapping_start.mapping_start
                               : event->sequence_start.sequence_start;
      uint32_t offset = OffsetOf(start, event);
      if (!containers_.empty() && containers_.back().is_map && containers_.back().expect_key) {
        sink_.Report(DiagCode::kSpecYamlUnsupported, Loc{file_, offset},
                     "a mapping key that is itself a mapping or sequence",
                     "OpenAPI keys are strings");
        return false;
      }
      fy_token* anchor = is_map ? event->mapping_start.anchor : event->sequence_start.anchor;
      if (anchor != nullptr) {
        size_t n = 0;
        const char* name = fy_token_get_text(anchor, &n);
        builder_.Anchor(std::string_view(name, n));
      }
      containers_.push_back({is_map, true});
      return is_map ? builder_.BeginMap(offset) : builder_.BeginSeq(offset);
    }
    case FYET_MAPPING_END:
    case FYET_SEQUENCE_END:
      containers_.pop_back();
      builder_.End();
      ValueAdded();
      return true;
    case FYET_SCALAR:
      return HandleScalar(event);
    case FYET_ALIAS: {
      uint32_t offset = OffsetOf(event->alias.anchor, event);
      if (!containers_.empty() && containers_.back().is_map && containers_.back().expect_key) {
        sink_.Report(DiagCode::kSpecYamlUnsupported, Loc{file_, offset},
                     "an alias used as a mapping key", "write the key out");
        return false;
      }
      size_t n = 0;
      const char* name = fy_token_get_text(event->alias.anchor, &n);
      if (!builder_.Alias(std::string_view(name, n), offset)) return false;
      ValueAdded();
      return true;
    }
    default:
      return true;
  }
}

uint32_t YamlParser::OffsetOfLineColumn(int line, int column) const {
  // libfyaml reports 0-based lines and columns counted in characters.
  size_t offset = 0;
  for (int l = 0; l < line && offset < text_.size(); ++l) {
    size_t nl = text_.find('\n', offset);
    if (nl == std::string_view::npos) return static_cast<uint32_t>(text_.size());
    offset = nl + 1;
  }
  for (int c = 0; c < column && offset < text_.size() && text_[offset] != '\n'; ++c) {
    ++offset;
    while (offset < text_.size() && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) {
      ++offset;
    }
  }
  return static_cast<uint32_t>(offset);
}

void YamlParser::ReportParserErrors() {
  bool reported = false;
  void* iter = nullptr;
  while (fy_diag_error* error = fy_diag_errors_iterate(diag_, &iter)) {
    if (error->type < FYET_ERROR) continue;
    uint32_t offset = OffsetOfLineColumn(error->line, error->column);
    if (error->fyt != nullptr) {
      if (const fy_mark* mark = fy_token_start_mark(error->fyt)) {
        offset = static_cast<uint32_t>(mark->input_pos);
      }
    }
    std::string message = error->msg != nullptr ? error->msg : "malformed YAML";
    std::string hint;
    if (message.find("tab") != std::string::npos) hint = "indent YAML with spaces, not tabs";
    sink_.Report(DiagCode::kSpecYamlSyntax, Loc{file_, offset}, message, hint);
    reported = true;
    // The first error is precise; the parser's follow-on errors are rarely useful.
    break;
  }
  if (!reported) {
    sink_.Report(DiagCode::kSpecYamlSyntax, Loc{file_, static_cast<uint32_t>(text_.size())},
                 "malformed YAML");
  }
}

const Node* YamlParser::Parse() {
  // YAML streams are Unicode. libfyaml 0.7.12 loops forever on a directive line holding
  // invalid UTF-8 (found by tests/fuzz), so the encoding is checked before it sees a byte.
  if (size_t bad = FindInvalidUtf8(text_); bad != std::string_view::npos) {
    sink_.Report(DiagCode::kSpecEncodingInvalid, Loc{file_, static_cast<uint32_t>(bad)},
                 "the file is not valid UTF-8", "save it as UTF-8");
    return nullptr;
  }
  fy_diag_cfg diag_cfg;
  fy_diag_cfg_default(&diag_cfg);
  diag_cfg.fp = nullptr;
  diag_ = fy_diag_create(&diag_cfg);
  if (diag_ == nullptr) return nullptr;
  fy_diag_set_collect_errors(diag_, true);
  fy_parse_cfg cfg{};
  cfg.flags = static_cast<fy_parse_cfg_flags>(FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 |
                                              FYPCF_JSON_NONE | FYPCF_DISABLE_DEPTH_LIMIT |
                                              // Upstash's description closes a flow sequence
                                              // at its key's indentation, as libyaml allows.
                                              FYPCF_SLOPPY_FLOW_INDENTATION);
  cfg.diag = diag_;
  parser_ = fy_parser_create(&cfg);
  if (parser_ == nullptr) return nullptr;
  std::string_view input = text_;
  if (fy_parser_set_string(parser_, input.data(), input.size()) != 0) return nullptr;
  bool ok = true;
  while (fy_event* event = fy_parser_parse(parser_)) {
    if (ok) ok = HandleEvent(event);
    fy_parser_event_free(parser_, event);
    if (!ok) break;
  }
  if (ok && fy_parser_get_stream_error(parser_)) {
    ReportParserErrors();
    return nullptr;
  }
  if (!ok) return nullptr;
  if (!builder_.done()) {
    // An empty file (or one with only comments) is an empty document.
    builder_.Scalar(NodeKind::kNull, "null", 0);
  }
  return builder_.root();
}

}  // namespace

const Node* ParseYaml(FileId file, std::string_view text, NodeArena& arena, DiagSink& sink,
                      ParseLimits limits) {
  YamlParser parser(file, text, arena, sink, limits);
  return parser.Parse();
}

}  // namespace specc::spec
