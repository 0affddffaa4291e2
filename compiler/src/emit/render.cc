#include "emit/render.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <deque>
#include <memory>
#include <type_traits>
#include <unordered_map>

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

// Builds the kainjow data for `view`. kainjow's `set` and `push_back` copy their argument,
// subtree and all, so members and items are moved in instead: the collection view holds
// megabytes of already-rendered requests, and copying them once per level of nesting
// dominated rendering. Adds the bytes of text to `*text_bytes`, a lower bound on the
// rendered size. `V` is `const View` (the view is read) or `View` (its texts are moved
// into the data, and each member and item is emptied once read).
template <typename V>
mustache::data ToData(V& view, size_t* text_bytes) {
  constexpr bool kConsume = !std::is_const_v<V>;
  switch (view.kind()) {
    case View::Kind::kString:
      // An empty string is false, as in JavaScript mustache: `{{#x}}...{{/x}}` renders only
      // for a non-empty x, and a missing value never falls through to an outer one.
      if (view.text().empty()) return mustache::data(false);
      *text_bytes += view.text().size();
      if constexpr (kConsume) {
        // kainjow 4.1 constructs a string datum by copying; the string behind
        // string_value() is the datum's own, not a const object, so it may be moved into.
        mustache::data text{std::string()};
        const_cast<std::string&>(text.string_value()) = std::move(view.mutable_text());
        return text;
      } else {
        return mustache::data(view.text());
      }
    case View::Kind::kBool:
      return mustache::data(view.flag());
    case View::Kind::kList: {
      mustache::data list(mustache::data::type::list);
      // kainjow 4.1 has no push_back that moves, and its list constructor copies too. The
      // vector behind list_value() is the data's own, not a const object, so moving the
      // items into it is well-defined and saves a deep copy per level of nesting.
      auto& items = const_cast<mustache::list&>(list.list_value());
      items.reserve(view.size());
      if constexpr (kConsume) {
        for (View& item : view.mutable_items()) {
          items.push_back(ToData(item, text_bytes));
          item = View();
        }
        view.mutable_items() = {};
      } else {
        for (const View& item : view.items()) items.push_back(ToData(item, text_bytes));
      }
      return list;
    }
    case View::Kind::kObject: {
      mustache::data object;
      if constexpr (kConsume) {
        for (auto& [key, value] : view.mutable_members()) {
          object[key] = ToData(value, text_bytes);
          value = View();
        }
        view.mutable_members() = {};
      } else {
        for (const auto& [key, value] : view.members()) object[key] = ToData(value, text_bytes);
      }
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
// process can never see a stale entry. One cache per thread: emitters run in parallel
// (driver/parallel.h), and a parsed template is not shared between renders that run at once.
struct Prepared {
  std::string stripped;
  std::unique_ptr<mustache::mustache> parsed;
};
const Prepared& Prepare(std::string_view text) {
  static thread_local std::unordered_map<std::string, Prepared> cache;
  auto [it, inserted] = cache.try_emplace(std::string(text));
  if (inserted) {
    std::vector<uint32_t> origin;
    it->second.stripped = StripStandaloneTags(text, &origin);
    it->second.parsed = std::make_unique<mustache::mustache>(it->second.stripped);
    it->second.parsed->set_custom_escape([](const std::string& s) { return s; });
  }
  return it->second;
}

// Returns whether template `t` (prepared as `prepared`) parses; otherwise reports
// TEMPLATE_SYNTAX at its line:col.
bool Parses(const Template& t, const Prepared& prepared, DiagSink& sink) {
  if (prepared.parsed->is_valid()) return true;
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

// Appends a chunk of kainjow's output to `out` without the blank-line markers that
// StripStandaloneTags leaves. Most chunks have none: memchr finds that out fast.
void AppendOutput(std::string& out, const std::string& chunk) {
  const char* p = chunk.data();
  const char* end = p + chunk.size();
  while (const void* marker = std::memchr(p, kBlankMarker, static_cast<size_t>(end - p))) {
    const char* at = static_cast<const char*>(marker);
    out.append(p, at);
    p = at + 1;
  }
  out.append(p, end);
}

bool IsJsonTemplate(std::string_view name) {
  constexpr std::string_view kSuffix = ".json.mustache";
  return name.size() >= kSuffix.size() && name.substr(name.size() - kSuffix.size()) == kSuffix;
}

std::string CodePointName(std::string_view text, size_t offset) {
  std::string name = "U+";
  uint32_t code_point = DecodeUtf8(text, offset, UnsafeCharLength(text, offset));
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) name += kHex[(code_point >> shift) & 0xF];
  return name;
}

// Reports TEMPLATE_OUTPUT_UNSAFE for the unsafe character at `offset` of `out`, rendered
// from `t`: at the template or partial that holds it, or, when none does, as specc's bug.
void ReportUnsafeOutput(const TemplateSet& templates, std::string_view emitter_id, const Template& t,
                        const std::string& out, size_t offset, DiagSink& sink) {
  std::string what = CodePointName(out, offset);
  std::vector<const Template*> sources{&t};
  for (const auto& [partial_name, partial] : templates.Partials(emitter_id)) sources.push_back(partial);
  for (const Template* source : sources) {
    size_t at = FindUnsafeChar(source->text);
    if (at == std::string::npos) continue;
    sink.Report(DiagCode::kTemplateOutputUnsafe, Loc{source->file, static_cast<uint32_t>(at)},
                "template `" + source->name + "` holds " + CodePointName(source->text, at) +
                    ", which generated code must never hold raw",
                "a control character, U+2028/U+2029 or a bidi control reads differently to people "
                "and to compilers; write it escaped (`\\u2028` inside a string literal)");
    return;
  }
  size_t line = 1 + static_cast<size_t>(std::count(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  sink.Report(DiagCode::kTemplateOutputUnsafe, Loc{t.file, 0},
              "rendering `" + t.name + "` put unescaped spec text holding " + what + " on line " +
                  std::to_string(line) + " of its output; nothing was written",
              "this is a bug in specc: please report it with the spec text");
}

// Render() with the view made the template's data; `text_bytes` is the view's text, for
// reserving the output.
std::optional<std::string> RenderData(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, mustache::data data, size_t text_bytes,
                                      DiagSink& sink) {
  const Template* t = templates.Find(name);
  SPECC_CHECK(t != nullptr) << "no built-in template " << name;
  const Prepared& prepared = Prepare(t->text);
  bool ok = Parses(*t, prepared, sink);
  for (const auto& [partial_name, partial] : templates.Partials(emitter_id)) {
    // A partial is checked on its own, so its errors point into the partial's file.
    const Prepared& prepared_partial = Prepare(partial->text);
    ok = Parses(*partial, prepared_partial, sink) && ok;
    const std::string* text = &prepared_partial.stripped;
    data.set(partial_name, mustache::partial([text] { return *text; }));
  }
  if (!ok) return std::nullopt;
  mustache::mustache& tmpl = *prepared.parsed;
  // Straight into one string (the view's text plus the template's is close to the final
  // size) rather than through kainjow's ostringstream and a copy out of it.
  std::string out;
  out.reserve(text_bytes + prepared.stripped.size() + 1);
  tmpl.render(data, [&out](const std::string& chunk) { AppendOutput(out, chunk); });
  if (!tmpl.is_valid()) {
    auto [message, offset] = SplitKainjowError(tmpl.error_message());
    (void)offset;
    sink.Report(DiagCode::kTemplateSyntax, Loc{t->file, 0},
                "template `" + t->name + "` does not render: " + message);
    return std::nullopt;
  }
  if (out.empty() || out.back() != '\n') out.push_back('\n');
  // JSON templates are re-written by FormatJson, which escapes what strings hold; other
  // output is checked here. Spec text arrives escaped for its context (emit/escape.h), so an
  // unsafe character comes from a template, or from an escape an emitter forgot.
  if (!IsJsonTemplate(name)) {
    size_t unsafe = FindUnsafeChar(out);
    if (unsafe != std::string::npos) {
      ReportUnsafeOutput(templates, emitter_id, *t, out, unsafe, sink);
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> Render(const TemplateSet& templates, std::string_view emitter_id,
                                  std::string_view name, const View& view, DiagSink& sink) {
  size_t text_bytes = 0;
  mustache::data data = ToData(view, &text_bytes);
  return RenderData(templates, emitter_id, name, std::move(data), text_bytes, sink);
}

std::optional<std::string> Render(const TemplateSet& templates, std::string_view emitter_id,
                                  std::string_view name, View&& view, DiagSink& sink) {
  size_t text_bytes = 0;
  mustache::data data = ToData(view, &text_bytes);
  view = View();
  return RenderData(templates, emitter_id, name, std::move(data), text_bytes, sink);
}


namespace {

// A strict RFC 8259 reader that writes what it reads in the canonical layout. It runs over
// every JSON artifact (25 MB for GitHub's Postman collections), so it copies what is
// already canonical (a string without escapes, most of them) in whole runs and allocates
// nothing per value.
class JsonFormatter {
 public:
  // Formats `text` as the value at nesting `depth` (its lines after the first indented for
  // that depth), appending to `out`. With `hole`, a hole (JsonHole()) where a value may
  // stand is handed to it with its depth, to append what stands there; without, a hole is
  // an error like any other stray byte.
  JsonFormatter(std::string_view text, std::string& out, int depth = 0, const JsonHoleFn* hole = nullptr)
      : text_(text), depth_(depth), hole_(hole), out_(out) {}

  // Formats the text, ending it with a line break when `final_newline`. Into an empty
  // output, reserves `size_hint` bytes or more up front.
  bool Run(bool final_newline = true, size_t size_hint = 0) {
    // Re-indenting nested items grows a Postman collection by about half; room for that up
    // front saves copying megabytes as the string grows (pages never touched cost nothing).
    // Text appended to a longer output leaves the growing to the string: reserving exactly
    // what each piece needs would copy the whole output once per piece.
    if (out_.empty()) out_.reserve(std::max(size_hint, text_.size() + text_.size() / 2 + 16));
    SkipSpace();
    if (!Value(depth_)) return false;
    SkipSpace();
    if (pos_ != text_.size()) return Fail("text after the JSON value");
    if (final_newline) out_.push_back('\n');
    return true;
  }
  const std::string& error() const { return error_; }
  size_t offset() const { return pos_; }

 private:
  static constexpr int kMaxDepth = 2000;

  // What a byte means inside a string: most need nothing and are copied in runs.
  enum ByteClass : uint8_t { kPlain, kQuote, kBackslash, kControl, kNonAscii };
  static constexpr std::array<uint8_t, 256> kStringBytes = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 0x20; ++c) table[c] = kControl;
    for (int c = 0x80; c < 0x100; ++c) table[c] = kNonAscii;
    table['"'] = kQuote;
    table['\\'] = kBackslash;
    return table;
  }();

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
      case '"':
        return String(nullptr);
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      case kHoleMark:
        if (hole_ != nullptr) return Hole(depth);
        return Number();
      default:
        return Number();
    }
  }

  bool Hole(int depth) {
    size_t end = text_.find(kHoleMark, pos_ + 1);
    if (end == std::string_view::npos) return Fail("unterminated hole");
    std::string_view token = text_.substr(pos_ + 1, end - pos_ - 1);
    if (!(*hole_)(token, depth, out_)) return Fail("a hole nothing fills");
    pos_ = end + 1;
    return true;
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
    // The keys of the objects open on the way here stay below `first_key`.
    size_t first_key = keys_.size();
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a string key");
      Newline(depth + 1);
      std::string_view key;
      if (!String(&key)) return false;
      keys_.push_back(key);
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Fail("expected `:` after a key");
      ++pos_;
      out_ += ": ";
      SkipSpace();
      if (!Value(depth + 1)) return false;
      bool closed = false;
      if (!Separator('}', "expected `,` or `}` in an object", &closed)) return false;
      if (closed) break;
    }
    if (!UniqueKeys(first_key)) return false;
    keys_.resize(first_key);
    Newline(depth);
    out_.push_back('}');
    return true;
  }

  // After a member or an item: reads `,` (writing it) or `close` (setting `*closed`), and
  // fails with `error` on anything else.
  bool Separator(char close, const char* error, bool* closed) {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ',') {
      ++pos_;
      out_.push_back(',');
      return true;
    }
    if (pos_ < text_.size() && text_[pos_] == close) {
      ++pos_;
      *closed = true;
      return true;
    }
    return Fail(error);
  }

  // Fails, naming the first duplicate in byte order, when keys_[first..] repeat a key.
  bool UniqueKeys(size_t first) {
    sorted_keys_.assign(keys_.begin() + static_cast<std::ptrdiff_t>(first), keys_.end());
    std::sort(sorted_keys_.begin(), sorted_keys_.end());
    auto dup = std::adjacent_find(sorted_keys_.begin(), sorted_keys_.end());
    if (dup != sorted_keys_.end()) return Fail("duplicate key " + JsonQuote(*dup) + " in an object");
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
      bool closed = false;
      if (!Separator(']', "expected `,` or `]` in an array", &closed)) return false;
      if (closed) break;
    }
    Newline(depth);
    out_.push_back(']');
    return true;
  }

  // Reads the string at pos_ and writes it escaped as AppendJsonString escapes: bytes and
  // the escapes that writer also uses (`\"`, `\\`, `\n`, ...) are copied in runs; `\/`
  // and `\u` escapes are decoded and written again. When `value` is given, sets it to the
  // string's value, for the duplicate-key check.
  bool String(std::string_view* value) {
    size_t start = ++pos_;
    size_t run = start;  // the first byte not yet written
    bool non_ascii = false, escaped = false;
    out_.push_back('"');
    while (true) {
      while (pos_ < text_.size() && kStringBytes[static_cast<unsigned char>(text_[pos_])] == kPlain) ++pos_;
      if (pos_ >= text_.size()) return Fail("unterminated string");
      uint8_t kind = kStringBytes[static_cast<unsigned char>(text_[pos_])];
      if (kind == kQuote) break;
      if (kind == kNonAscii) {
        non_ascii = true;
        size_t unsafe = UnsafeCharLength(text_, pos_);
        if (unsafe > 0) {
          // A raw U+2028 or bidi control from a template: written escaped, as
          // AppendJsonString writes it.
          out_.append(text_.substr(run, pos_ - run));
          AppendUnicodeEscape(out_, DecodeUtf8(text_, pos_, unsafe));
          run = pos_ + unsafe;
        }
        pos_ += unsafe > 0 ? unsafe : 1;
        continue;
      }
      if (kind == kControl) return Fail("control character in a string");
      escaped = true;
      size_t escape = pos_;
      uint32_t code_point = 0;
      if (!Escape(&code_point)) return false;
      if (pos_ - escape == 2 && text_[escape + 1] != '/') continue;
      out_.append(text_.substr(run, escape - run));
      AppendCanonical(code_point);
      run = pos_;
    }
    out_.append(text_.substr(run, pos_ - run));
    out_.push_back('"');
    size_t end = pos_++;
    // Escapes are ASCII and decode to whole UTF-8 sequences, so the text between the
    // quotes is valid UTF-8 exactly when the string's value is.
    if (non_ascii && FindInvalidUtf8(text_.substr(start, end - start)) != std::string_view::npos) {
      return Fail("a string is not valid UTF-8");
    }
    if (value != nullptr) *value = escaped ? Decode(start, end) : text_.substr(start, end - start);
    return true;
  }

  // Reads the escape at pos_ (a backslash) into `*code_point`.
  bool Escape(uint32_t* code_point) {
    if (pos_ + 1 >= text_.size()) return Fail("unterminated string");
    char e = text_[pos_ + 1];
    pos_ += 2;
    switch (e) {
      case '"': *code_point = '"'; return true;
      case '\\': *code_point = '\\'; return true;
      case '/': *code_point = '/'; return true;
      case 'b': *code_point = '\b'; return true;
      case 'f': *code_point = '\f'; return true;
      case 'n': *code_point = '\n'; return true;
      case 'r': *code_point = '\r'; return true;
      case 't': *code_point = '\t'; return true;
      case 'u': {
        uint32_t cp = 0;
        if (!ParseHex4(text_.substr(pos_), &cp)) return Fail("bad `\\u` escape");
        pos_ += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t low = 0;
          if (text_.substr(pos_, 2) != "\\u" || !ParseHex4(text_.substr(pos_ + 2), &low) || low < 0xDC00 ||
              low > 0xDFFF) {
            return Fail("unpaired surrogate in a `\\u` escape");
          }
          pos_ += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return Fail("unpaired surrogate in a `\\u` escape");
        }
        *code_point = cp;
        return true;
      }
      default:
        pos_ -= 1;
        return Fail("bad escape in a string");
    }
  }

  // Appends `code_point` to the output as AppendJsonString spells it.
  void AppendCanonical(uint32_t code_point) {
    if (code_point >= 0x20 && code_point != '"' && code_point != '\\') {
      std::string utf8;
      AppendUtf8(utf8, code_point);
      if (UnsafeCharLength(utf8, 0) > 0) {
        AppendUnicodeEscape(out_, code_point);
      } else {
        out_ += utf8;
      }
      return;
    }
    char c = static_cast<char>(code_point);
    std::string quoted = JsonQuote(std::string_view(&c, 1));
    out_.append(quoted, 1, quoted.size() - 2);
  }

  // Returns the value of the string text_[start, end), whose escapes String() has already
  // read. It lives as long as the formatter: a key with escapes is rare, so each gets a
  // string of its own.
  std::string_view Decode(size_t start, size_t end) {
    size_t resume = pos_;
    std::string& value = decoded_keys_.emplace_back();
    for (pos_ = start; pos_ < end;) {
      if (text_[pos_] != '\\') {
        value.push_back(text_[pos_++]);
        continue;
      }
      uint32_t code_point = 0;
      bool ok = Escape(&code_point);
      SPECC_CHECK(ok) << "an escape read twice gave two answers";
      AppendUtf8(value, code_point);
    }
    pos_ = resume;
    return value;
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
  int depth_ = 0;
  const JsonHoleFn* hole_ = nullptr;
  size_t pos_ = 0;
  std::string& out_;
  std::string error_;
  // The keys of the objects being read, innermost last; views of text_ or decoded_keys_.
  std::vector<std::string_view> keys_;
  std::vector<std::string_view> sorted_keys_;
  std::deque<std::string> decoded_keys_;
};

}  // namespace

bool FormatJson(std::string_view text, std::string* out, std::string* error, size_t* error_offset) {
  std::string formatted;
  JsonFormatter formatter(text, formatted);
  if (formatter.Run()) {
    *out = std::move(formatted);
    return true;
  }
  *error = formatter.error();
  *error_offset = formatter.offset();
  return false;
}

namespace {

// RenderJson()'s second half: `text` (a render of template `name`) formatted, or
// TEMPLATE_OUTPUT_INVALID.
std::optional<std::string> FormatRendered(const TemplateSet& templates, std::string_view name,
                                          const std::optional<std::string>& text, DiagSink& sink) {
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

}  // namespace

std::optional<std::string> RenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, const View& view, DiagSink& sink) {
  return FormatRendered(templates, name, Render(templates, emitter_id, name, view, sink), sink);
}

std::optional<std::string> RenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                      std::string_view name, View&& view, DiagSink& sink) {
  return FormatRendered(templates, name, Render(templates, emitter_id, name, std::move(view), sink), sink);
}


std::string JsonHole(std::string_view token) {
  std::string hole(1, kHoleMark);
  hole.append(token);
  hole.push_back(kHoleMark);
  return hole;
}

std::optional<std::string> TryRenderJson(const TemplateSet& templates, std::string_view emitter_id,
                                         std::string_view name, const View& view, int depth,
                                         const JsonHoleFn& hole, size_t size_hint) {
  // A template that holds the mark could forge a hole: such templates render the slow way.
  const Template* t = templates.Find(name);
  if (t == nullptr || t->text.find(kHoleMark) != std::string_view::npos) return std::nullopt;
  for (const auto& [partial_name, partial] : templates.Partials(emitter_id)) {
    if (partial->text.find(kHoleMark) != std::string_view::npos) return std::nullopt;
  }
  DiagSink scratch;
  std::optional<std::string> text = Render(templates, emitter_id, name, view, scratch);
  if (!text || scratch.has_errors()) return std::nullopt;
  std::string out;
  JsonFormatter formatter(*text, out, depth, &hole);
  if (!formatter.Run(false, size_hint)) return std::nullopt;
  return out;
}

bool AppendFormattedJson(std::string_view text, int depth, std::string& out) {
  JsonFormatter formatter(text, out, depth);
  return formatter.Run(false);
}

bool WriteJsonText(JsonWriter& out, std::string_view json) {
  if (out.indent() == 0) {
    out.Raw(json);
    return true;
  }
  SPECC_CHECK(out.indent() == 2) << "RenderJson's layout indents by 2";
  std::string formatted;
  if (!AppendFormattedJson(json, 0, formatted)) {
    out.Raw(json);
    return false;
  }
  out.Nested(formatted);
  return true;
}

bool FillJsonHoles(std::string_view text, const std::function<bool(std::string_view token, std::string& out)>& fill,
                   std::string& out) {
  size_t pos = 0;
  while (true) {
    size_t open = text.find(kHoleMark, pos);
    if (open == std::string_view::npos) break;
    size_t close = text.find(kHoleMark, open + 1);
    SPECC_CHECK(close != std::string_view::npos) << "an unterminated hole in formatted JSON";
    out.append(text.substr(pos, open - pos));
    if (!fill(text.substr(open + 1, close - open - 1), out)) return false;
    pos = close + 1;
  }
  out.append(text.substr(pos));
  return true;
}

}  // namespace specc::emit
