#include "emit/render.h"

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <charconv>
#include <kainjow/mustache.hpp>

#include "base/check.h"
#include "base/json_writer.h"
#include "base/utf8.h"

namespace specc::emit {

namespace mustache = kainjow::mustache;

View& View::Set(std::string key, View value) {
  SPECC_CHECK(kind_ == Kind::kObject) << "Set on a non-object view";
  members_.emplace_back(std::move(key), std::move(value));
  return *this;
}

View& View::Add(View item) {
  SPECC_CHECK(kind_ == Kind::kList) << "Add on a non-list view";
  items_.push_back(std::move(item));
  return *this;
}

View& View::MarkLast() {
  for (size_t i = 0; i < items_.size(); ++i) items_[i].Set("last", i + 1 == items_.size());
  return *this;
}

std::string JsonQuote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  AppendJsonString(out, text);
  return out;
}

namespace {

mustache::data ToData(const View& view) {
  switch (view.kind()) {
    case View::Kind::kString:
      // An empty string is false, as in JavaScript mustache: `{{#x}}...{{/x}}` renders only
      // for a non-empty x, and a missing value never falls through to an outer one.
      if (view.text().empty()) return mustache::data(false);
      return mustache::data(view.text());
    case View::Kind::kBool:
      return mustache::data(view.flag());
    case View::Kind::kList: {
      mustache::data list(mustache::data::type::list);
      for (const View& item : view.items()) list.push_back(ToData(item));
      return list;
    }
    case View::Kind::kObject: {
      mustache::data object;
      for (const auto& [key, value] : view.members()) object.set(key, ToData(value));
      return object;
    }
  }
  return mustache::data();
}

// kainjow reports "Unclosed section \"x\" at 42": returns the message without the offset
// (lowercased, as diagnostics are) and the offset.
std::pair<std::string, uint32_t> SplitKainjowError(const std::string& message) {
  std::string text = message;
  uint32_t offset = 0;
  size_t at = text.rfind(" at ");
  if (at != std::string::npos) {
    uint32_t value = 0;
    const char* begin = text.data() + at + 4;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc() && ptr == end) {
      offset = value;
      text.resize(at);
    }
  }
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return {text, offset};
}

constexpr char kBlankMarker = '\x01';

// The mustache spec's standalone rule: a line holding only a section, inverted-section,
// closing or comment tag (and whitespace) leaves no trace in the output. kainjow applies
// it only to sections that render, so a skipped `{{#x}}` line would leave a blank line;
// removing such lines' whitespace and line break before parsing gives the spec's output.
// `origin` maps each offset of the result back to the template text, for diagnostics.
std::string StripStandaloneTags(std::string_view text, std::vector<uint32_t>* origin) {
  std::string out;
  out.reserve(text.size());
  origin->clear();
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, next - pos);
    size_t first = line.find_first_not_of(" \t");
    size_t last = line.find_last_not_of(" \t\r\n");
    bool standalone = false;
    if (first != std::string_view::npos && last != std::string_view::npos && last > first + 4) {
      std::string_view tag = line.substr(first, last - first + 1);
      standalone = tag.substr(0, 2) == "{{" && tag.substr(tag.size() - 2) == "}}" &&
                   tag.find("{{", 2) == std::string_view::npos &&
                   (tag[2] == '#' || tag[2] == '^' || tag[2] == '/' || tag[2] == '!');
      if (standalone) {
        for (size_t i = 0; i < tag.size(); ++i) origin->push_back(static_cast<uint32_t>(pos + first + i));
        out.append(tag);
        // kainjow drops a line that holds a section tag and only whitespace, which the
        // tag now shares with the next line: keep a blank next line with a marker that
        // Render() removes from the output.
        size_t next_end = text.find('\n', next);
        std::string_view next_line = text.substr(next, next_end == std::string_view::npos ? std::string_view::npos : next_end - next);
        if (next < text.size() && next_line.find_first_not_of(" \t\r") == std::string_view::npos) {
          origin->push_back(static_cast<uint32_t>(next));
          out.push_back(kBlankMarker);
        }
      }
    }
    if (!standalone) {
      for (size_t i = 0; i < line.size(); ++i) origin->push_back(static_cast<uint32_t>(pos + i));
      out.append(line);
    }
    pos = next;
  }
  origin->push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Templates by their text, stripped of standalone tags and parsed once. A run renders the
// same small templates thousands of times (one Postman request each, four collections),
// and parsing dominated. Keyed by the text itself, so overrides and separate runs in one
// process can never see a stale entry.
struct Prepared {
  std::string stripped;
  std::unique_ptr<mustache::mustache> parsed;
};
const Prepared& Prepare(std::string_view text) {
  static std::unordered_map<std::string, Prepared> cache;
  auto [it, inserted] = cache.try_emplace(std::string(text));
  if (inserted) {
    std::vector<uint32_t> origin;
    it->second.stripped = StripStandaloneTags(text, &origin);
    it->second.parsed = std::make_unique<mustache::mustache>(it->second.stripped);
    it->second.parsed->set_custom_escape([](const std::string& s) { return s; });
  }
  return it->second;
}

bool Parses(const Template& t, DiagSink& sink) {
  if (Prepare(t.text).parsed->is_valid()) return true;
  std::vector<uint32_t> origin;
  mustache::mustache parsed{StripStandaloneTags(t.text, &origin)};
  auto [message, stripped_offset] = SplitKainjowError(parsed.error_message());
  uint32_t offset = origin[std::min<size_t>(stripped_offset, origin.size() - 1)];
  sink.Report(DiagCode::kTemplateSyntax, Loc{t.file, offset},
              "template `" + t.name + "` does not parse: " + message,
              t.overridden ? "the built-in template shows the expected shape: `templates/" + t.name + "`"
                           : "");
  return false;
}

}  // namespace

std::optional<std::string> Render(const TemplateSet& templates, std::string_view emitter_id,
                                  std::string_view name, const View& view, DiagSink& sink) {
  const Template* t = templates.Find(name);
  SPECC_CHECK(t != nullptr) << "no built-in template " << name;
  bool ok = Parses(*t, sink);
  mustache::data data = ToData(view);
  for (const auto& [partial_name, partial] : templates.Partials(emitter_id)) {
    // A partial is checked on its own, so its errors point into the partial's file.
    ok = Parses(*partial, sink) && ok;
    const std::string* text = &Prepare(partial->text).stripped;
    data.set(partial_name, mustache::partial([text] { return *text; }));
  }
  if (!ok) return std::nullopt;
  mustache::mustache& tmpl = *Prepare(t->text).parsed;
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    auto [message, offset] = SplitKainjowError(tmpl.error_message());
    (void)offset;
    sink.Report(DiagCode::kTemplateSyntax, Loc{t->file, 0},
                "template `" + t->name + "` does not render: " + message);
    return std::nullopt;
  }
  out.erase(std::remove(out.begin(), out.end(), kBlankMarker), out.end());
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  return out;
}

namespace {

// A strict RFC 8259 reader that writes what it reads in the canonical layout.
class JsonFormatter {
 public:
  explicit JsonFormatter(std::string_view text) : text_(text) {}

  bool Run(std::string* out) {
    SkipSpace();
    if (!Value(0)) return false;
    SkipSpace();
    if (pos_ != text_.size()) return Fail("text after the JSON value");
    out_.push_back('\n');
    *out = std::move(out_);
    return true;
  }
  const std::string& error() const { return error_; }
  size_t offset() const { return pos_; }

 private:
  static constexpr int kMaxDepth = 2000;

  bool Fail(std::string message) {
    error_ = std::move(message);
    return false;
  }
  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) {
      ++pos_;
    }
  }
  void Newline(int depth) {
    out_.push_back('\n');
    out_.append(static_cast<size_t>(depth) * 2, ' ');
  }
  bool Literal(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Fail("expected a JSON value");
    out_.append(word);
    pos_ += word.size();
    return true;
  }

  bool Value(int depth) {
    if (depth > kMaxDepth) return Fail("nesting deeper than " + std::to_string(kMaxDepth));
    if (pos_ >= text_.size()) return Fail("unexpected end of the text");
    char c = text_[pos_];
    switch (c) {
      case '{':
        return Object(depth);
      case '[':
        return Array(depth);
      case '"': {
        std::string value;
        if (!String(&value)) return false;
        AppendJsonString(out_, value);
        return true;
      }
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return Number();
    }
  }

  bool Object(int depth) {
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      out_ += "{}";
      return true;
    }
    out_.push_back('{');
    std::vector<std::string> keys;
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a string key");
      size_t key_start = pos_;
      std::string key;
      if (!String(&key)) return false;
      keys.push_back(key);
      Newline(depth + 1);
      AppendJsonString(out_, key);
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("expected `:` after a key");
      ++pos_;
      out_ += ": ";
      SkipSpace();
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        out_.push_back(',');
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        break;
      }
      (void)key_start;
      return Fail("expected `,` or `}` in an object");
    }
    std::sort(keys.begin(), keys.end());
    auto dup = std::adjacent_find(keys.begin(), keys.end());
    if (dup != keys.end()) return Fail("duplicate key " + JsonQuote(*dup) + " in an object");
    Newline(depth);
    out_.push_back('}');
    return true;
  }

  bool Array(int depth) {
    ++pos_;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      out_ += "[]";
      return true;
    }
    out_.push_back('[');
    while (true) {
      Newline(depth + 1);
      SkipSpace();
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        out_.push_back(',');
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        break;
      }
      return Fail("expected `,` or `]` in an array");
    }
    Newline(depth);
    out_.push_back(']');
    return true;
  }

  bool String(std::string* value) {
    ++pos_;
    size_t run = pos_;
    while (true) {
      if (pos_ >= text_.size()) return Fail("unterminated string");
      char c = text_[pos_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) return Fail("control character in a string");
      if (c != '\\') {
        ++pos_;
        continue;
      }
      value->append(text_.substr(run, pos_ - run));
      if (pos_ + 1 >= text_.size()) return Fail("unterminated string");
      char e = text_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case '"': value->push_back('"'); break;
        case '\\': value->push_back('\\'); break;
        case '/': value->push_back('/'); break;
        case 'b': value->push_back('\b'); break;
        case 'f': value->push_back('\f'); break;
        case 'n': value->push_back('\n'); break;
        case 'r': value->push_back('\r'); break;
        case 't': value->push_back('\t'); break;
        case 'u': {
          uint32_t cp = 0;
          if (!ParseHex4(text_.substr(pos_), &cp)) return Fail("bad `\\u` escape");
          pos_ += 4;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low = 0;
            if (text_.substr(pos_, 2) != "\\u" || !ParseHex4(text_.substr(pos_ + 2), &low) ||
                low < 0xDC00 || low > 0xDFFF) {
              return Fail("unpaired surrogate in a `\\u` escape");
            }
            pos_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Fail("unpaired surrogate in a `\\u` escape");
          }
          AppendUtf8(*value, cp);
          break;
        }
        default:
          pos_ -= 1;
          return Fail("bad escape in a string");
      }
      run = pos_;
    }
    value->append(text_.substr(run, pos_ - run));
    ++pos_;
    if (FindInvalidUtf8(*value) != std::string_view::npos) return Fail("a string is not valid UTF-8");
    return true;
  }

  bool Number() {
    size_t start = pos_;
    auto digit = [&] { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; };
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    if (!digit()) return Fail("expected a JSON value");
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (digit()) ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digit()) return Fail("expected a digit after `.`");
      while (digit()) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digit()) return Fail("expected a digit in the exponent");
      while (digit()) ++pos_;
    }
    out_.append(text_.substr(start, pos_ - start));
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string out_;
  std::string error_;
};

}  // namespace

bool FormatJson(std::string_view text, std::string* out, std::string* error, size_t* error_offset) {
  JsonFormatter formatter(text);
  if (formatter.Run(out)) return true;
  *error = formatter.error();
  *error_offset = formatter.offset();
  return false;
}

std::optional<std::string> RenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, const View& view, DiagSink& sink) {
  std::optional<std::string> text = Render(templates, emitter_id, name, view, sink);
  if (!text) return std::nullopt;
  std::string out, error;
  size_t offset = 0;
  if (FormatJson(*text, &out, &error, &offset)) return out;
  // The error is in the rendered text, not the template: name its line and column there.
  uint32_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text->size(); ++i) {
    if ((*text)[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  const Template* t = templates.Find(name);
  sink.Report(DiagCode::kTemplateOutputInvalid, Loc{t->file, 0},
              "template `" + t->name + "` rendered invalid JSON: " + error + " at line " +
                  std::to_string(line) + ", column " + std::to_string(column) + " of its output",
              "a JSON template must render one JSON value; values the emitter computes come "
              "already quoted (`..._json` fields)");
  return std::nullopt;
}

}  // namespace specc::emit
