#include "emit/escape.h"

#include "base/utf8.h"

namespace specc::emit {
namespace {

// Calls `on_break()` at every line break of `text` (LF, CR, CR LF, U+2028, U+2029), writes
// other unsafe characters as `\uXXXX`, and every other byte through `on_byte(i)`.
template <typename OnBreak, typename OnByte>
void Walk(std::string_view text, std::string& out, OnBreak on_break, OnByte on_byte) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      on_break();
      continue;
    }
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      on_break();
      continue;
    }
    size_t unsafe = UnsafeCharLength(text, i);
    if (unsafe == 0) {
      on_byte(i);
      continue;
    }
    uint32_t code_point = DecodeUtf8(text, i, unsafe);
    if (code_point == 0x2028 || code_point == 0x2029) {
      on_break();
    } else {
      AppendUnicodeEscape(out, code_point);
    }
    i += unsafe - 1;
  }
}

bool IsPlainDotenvChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_-.,:/@+=%").find(c) != std::string_view::npos;
}

}  // namespace

std::string LineComment(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  Walk(text, out, [&] { out += ' '; }, [&](size_t i) { out += text[i]; });
  return out;
}

std::string BlockComment(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  Walk(text, out, [&] { out += '\n'; },
       [&](size_t i) {
         out += text[i];
         if (text[i] == '/' && i > 0 && text[i - 1] == '*') out.insert(out.size() - 1, 1, '\\');
       });
  return out;
}

std::string DotenvComment(std::string_view text) {
  std::string out = "# ";
  Walk(text, out, [&] { out += "\n# "; }, [&](size_t i) { out += text[i]; });
  return out;
}

std::string DotenvValue(std::string_view text) {
  bool plain = true;
  for (char c : text) plain = plain && IsPlainDotenvChar(c);
  if (plain) return std::string(text);
  // The first quote the value does not hold; inside it, nothing is expanded or unescaped
  // (dotenv turns `\n` into a line break in double quotes only, which is how a line
  // break, refused by the DSL checker, would still be written on one line).
  char quote = '"';
  for (char q : {'\'', '"', '`'}) {
    if (text.find(q) == std::string_view::npos) {
      quote = q;
      break;
    }
  }
  std::string out(1, quote);
  Walk(text, out, [&] { out += "\\n"; },
       [&](size_t i) {
         if (text[i] == quote) out += '\\';
         out += text[i];
       });
  return out + quote;
}

std::string MarkdownText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  Walk(text, out, [&] { out += ' '; },
       [&](size_t i) {
         if (text[i] == '<') {
           out += "&lt;";
         } else if (text[i] == '>' && out.size() >= 2 && out.compare(out.size() - 2, 2, "--") == 0) {
           out += "&gt;";
         } else {
           out += text[i];
         }
       });
  return out;
}

}  // namespace specc::emit
