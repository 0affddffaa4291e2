#include "spec/yaml_scalar.h"

#include <vector>

#include "base/utf8.h"

namespace specc::spec {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Flow scalars (plain, single- and double-quoted) fold line breaks: a single break
// between text becomes a space, each empty line a '\n'; whitespace around breaks goes.
// `escapes` selects double-quoted escape processing, `single` the `''` escape.
std::optional<std::string> DecodeFlow(std::string_view s, bool escapes, bool single) {
  std::string out;
  // How many characters at the end of `out` are literal blanks (escaped ones count as
  // text and survive a following line break).
  size_t literal_blanks = 0;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n' || (escapes && c == '\\' && i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == '\r'))) {
      bool escaped_break = c == '\\';
      out.resize(out.size() - literal_blanks);
      literal_blanks = 0;
      if (escaped_break) i = s.find('\n', i);
      ++i;  // past the break
      size_t empty_lines = 0;
      while (true) {
        while (i < s.size() && (IsBlank(s[i]) || s[i] == '\r')) ++i;
        if (i < s.size() && s[i] == '\n') {
          ++empty_lines;
          ++i;
          continue;
        }
        break;
      }
      if (empty_lines > 0) {
        out.append(empty_lines, '\n');
      } else if (!escaped_break) {
        out += ' ';
      }
      continue;
    }
    if (single && c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
      out += '\'';
      literal_blanks = 0;
      i += 2;
      continue;
    }
    if (escapes && c == '\\') {
      if (i + 1 >= s.size()) return std::nullopt;
      char e = s[i + 1];
      i += 2;
      literal_blanks = 0;
      auto hex = [&](size_t digits) -> bool {
        if (i + digits > s.size()) return false;
        uint32_t code = 0;
        for (size_t k = 0; k < digits; ++k) {
          char h = s[i + k];
          code <<= 4;
          if (h >= '0' && h <= '9') code |= h - '0';
          else if (h >= 'a' && h <= 'f') code |= h - 'a' + 10;
          else if (h >= 'A' && h <= 'F') code |= h - 'A' + 10;
          else return false;
        }
        i += digits;
        if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
        AppendUtf8(out, code);
        return true;
      };
      switch (e) {
        case '0': out += '\0'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 't': case '\t': out += '\t'; break;
        case 'n': out += '\n'; break;
        case 'v': out += '\v'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'e': out += '\x1b'; break;
        case ' ': out += ' '; break;
        case '"': out += '"'; break;
        case '/': out += '/'; break;
        case '\\': out += '\\'; break;
        case 'N': AppendUtf8(out, 0x85); break;
        case '_': AppendUtf8(out, 0xA0); break;
        case 'L': AppendUtf8(out, 0x2028); break;
        case 'P': AppendUtf8(out, 0x2029); break;
        case 'x': if (!hex(2)) return std::nullopt; break;
        case 'u': if (!hex(4)) return std::nullopt; break;
        case 'U': if (!hex(8)) return std::nullopt; break;
        default: return std::nullopt;
      }
      continue;
    }
    out += c;
    literal_blanks = IsBlank(c) ? literal_blanks + 1 : 0;
    ++i;
  }
  return out;
}

// Block scalars: `|` keeps line breaks, `>` folds them like DecodeFolded below.
std::optional<std::string> DecodeBlock(std::string_view header, std::string_view content, bool folded) {
  size_t comment = header.find(" #");
  if (comment != std::string_view::npos) header = header.substr(0, comment);
  size_t indicator = header.rfind(folded ? '>' : '|');
  if (indicator == std::string_view::npos) return std::nullopt;
  bool strip = false, keep = false;
  for (char c : header.substr(indicator + 1)) {
    if (c == '-') {
      strip = true;
    } else if (c == '+') {
      keep = true;
    } else if (c >= '1' && c <= '9') {
      return std::nullopt;  // an explicit indentation indicator: left to libfyaml
    } else if (!IsBlank(c) && c != '\r') {
      return std::nullopt;
    }
  }
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < content.size();) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // The source may run into the indentation of the next line; that partial line of
    // blanks is not part of the scalar.
    bool partial = end == content.size();
    if (partial && line.find_first_not_of(" \t") == std::string_view::npos) break;
    lines.push_back(line);
    pos = end + 1;
  }
  size_t indent = std::string_view::npos;
  for (std::string_view line : lines) {
    size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos) {
      indent = first;
      break;
    }
  }
  std::string out;
  if (indent == std::string_view::npos) {
    // No text: only `+` keeps the empty lines.
    if (keep) out.append(lines.size(), '\n');
    return out;
  }
  bool have_text = false, previous_spaced = false;
  size_t empties = 0;
  for (std::string_view line : lines) {
    if (line.find_first_not_of(' ') == std::string_view::npos && line.size() <= indent) {
      ++empties;  // an empty line: nothing beyond the indentation
      continue;
    }
    if (line.find_first_not_of(' ') < indent) return std::nullopt;  // not this scalar's line
    std::string_view text = line.substr(indent);
    bool spaced = !text.empty() && IsBlank(text.front());
    if (!have_text) {
      out.append(empties, '\n');
    } else if (!folded) {
      out.append(empties + 1, '\n');
    } else if (!spaced && !previous_spaced && empties == 0) {
      // Between two normal lines one break folds to a space.
      out += ' ';
    } else if (!spaced && !previous_spaced) {
      // ... and the empty lines between them stay line breaks.
      out.append(empties, '\n');
    } else {
      // Next to a more-indented line the break is kept, and each empty line too.
      out.append(empties + 1, '\n');
    }
    out += text;
    have_text = true;
    previous_spaced = spaced;
    empties = 0;
  }
  // Chomping: strip drops the final break, clip keeps one, keep keeps every trailing one.
  if (!strip) out += '\n';
  if (keep) out.append(empties, '\n');
  return out;
}

}  // namespace

std::optional<std::string> DecodeScalar(ScalarStyle style, std::string_view source,
                                        std::string_view header) {
  switch (style) {
    case ScalarStyle::kPlain:
      return DecodeFlow(source, false, false);
    case ScalarStyle::kSingleQuoted:
    case ScalarStyle::kDoubleQuoted: {
      char quote = style == ScalarStyle::kSingleQuoted ? '\'' : '"';
      if (source.size() < 2 || source.front() != quote || source.back() != quote) return std::nullopt;
      return DecodeFlow(source.substr(1, source.size() - 2), quote == '"', quote == '\'');
    }
    case ScalarStyle::kLiteral:
      return DecodeBlock(header, source, false);
    case ScalarStyle::kFolded:
      return DecodeBlock(header, source, true);
  }
  return std::nullopt;
}

}  // namespace specc::spec
