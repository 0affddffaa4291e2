// Small UTF-8 helpers shared by the parsers (spec/ and dsl/).
#ifndef SPECC_BASE_UTF8_H_
#define SPECC_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace specc {

// Returns the offset of the first byte of `text` that is not part of valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view text);
// Appends the UTF-8 encoding of `code_point` to `out`.
void AppendUtf8(std::string& out, uint32_t code_point);
// Parses four hex digits at the start of `text`; false when they are not there.
bool ParseHex4(std::string_view text, uint32_t* value);

// Returns the length in bytes of the character at `text[i]` when generated text must never
// hold it raw, otherwise 0. Those are: C0 controls other than tab and line feed (a NUL makes
// git treat the file as binary; a carriage return ends a line for some readers and not
// others), U+2028 and U+2029 (JavaScript ends a `//` comment there, editors and reviewers
// do not), and the bidirectional embedding, override and isolate controls U+202A..U+202E
// and U+2066..U+2069 ("Trojan Source": code that displays differently from how it runs).
// Every emitter escapes these in spec text; the generate stage checks its output for them.
size_t UnsafeCharLength(std::string_view text, size_t i);
// Returns the offset of the first character UnsafeCharLength() flags, or npos.
size_t FindUnsafeChar(std::string_view text);
// Returns the code point of the UTF-8 sequence of `length` bytes at `text[i]`.
// REQUIRES: the sequence is valid UTF-8.
uint32_t DecodeUtf8(std::string_view text, size_t i, size_t length);
// Returns `text` for a terminal or a CI log: every character UnsafeCharLength() flags is
// written as a visible `\uXXXX` (an ESC sequence from a spec could otherwise rewrite what a
// terminal shows; a bidi control, the order it shows it in).
std::string VisibleText(std::string_view text);
// Appends `\uXXXX` (four lowercase hex digits) for a code point of the Basic Multilingual Plane.
void AppendUnicodeEscape(std::string& out, uint32_t code_point);

}  // namespace specc

#endif  // SPECC_BASE_UTF8_H_
