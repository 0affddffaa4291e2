#include "base/utf8.h"

namespace specc {

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    uint32_t code = c & (0x7F >> length);
    for (size_t k = 1; k < length; ++k) {
      unsigned char cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      code = (code << 6) | (cc & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

void AppendUtf8(std::string& out, uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

bool ParseHex4(std::string_view text, uint32_t* value) {
  if (text.size() < 4) return false;
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) {
    char c = text[i];
    v <<= 4;
    if (c >= '0' && c <= '9') {
      v |= c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v |= c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v |= c - 'A' + 10;
    } else {
      return false;
    }
  }
  *value = v;
  return true;
}

size_t UnsafeCharLength(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x20) return c == '\t' || c == '\n' ? 0 : 1;
  if (c != 0xE2 || i + 2 >= text.size()) return 0;
  unsigned char b1 = static_cast<unsigned char>(text[i + 1]);
  unsigned char b2 = static_cast<unsigned char>(text[i + 2]);
  // U+2028..U+202E is E2 80 A8..AE; U+2066..U+2069 is E2 81 A6..A9.
  if (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) return 3;
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  return 0;
}

size_t FindUnsafeChar(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 || c == 0xE2) && UnsafeCharLength(text, i) > 0) return i;
  }
  return std::string_view::npos;
}

uint32_t DecodeUtf8(std::string_view text, size_t i, size_t length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (length == 1) return c;
  uint32_t code = c & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return code;
}

std::string VisibleText(std::string_view text) {
  if (FindUnsafeChar(text) == std::string_view::npos) return std::string(text);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t unsafe = UnsafeCharLength(text, i);
    if (unsafe == 0) {
      out += text[i];
      continue;
    }
    AppendUnicodeEscape(out, DecodeUtf8(text, i, unsafe));
    i += unsafe - 1;
  }
  return out;
}

void AppendUnicodeEscape(std::string& out, uint32_t code_point) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code_point >> shift) & 0xF];
}

}  // namespace specc
