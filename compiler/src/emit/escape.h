// Escaping, once: every piece of spec text that reaches a generated file goes through
// exactly one of these functions, chosen by where in the file it lands. Specs come from
// pull requests, so their text is hostile until escaped: JavaScript ends a `//` comment at
// U+2028 and U+2029 (code after one runs when the module is imported), a `*/` ends a
// block comment, a line break in a dotenv comment starts a variable, `-->` ends an HTML
// comment. The characters no generated file may hold raw are base/utf8.h's
// UnsafeCharLength(); the generate stage checks every file for them afterwards.
//
// Contexts and their functions:
//   string literal (TS, JS) or JSON string .. JsonQuote (emit/render.h)
//   identifier ............................. TsTypeName / TsValueName (emit/namer.h)
//   `//` line comment ...................... LineComment
//   `/** */` block comment ................. BlockComment
//   dotenv comment / value ................. DotenvComment / DotenvValue
//   Markdown text, HTML comment ............ MarkdownText
#ifndef SPECC_EMIT_ESCAPE_H_
#define SPECC_EMIT_ESCAPE_H_

#include <string>
#include <string_view>

namespace specc::emit {

// Text for one `//` comment line: line breaks of every kind (LF, CR, U+2028, U+2029)
// become spaces, other unsafe characters are written as visible `\uXXXX`.
std::string LineComment(std::string_view text);

// The body of a `/* */` or `/** */` comment, lines separated by '\n': CR LF, CR, U+2028 and
// U+2029 become '\n', `*/` is written `*\/`, other unsafe characters `\uXXXX`.
std::string BlockComment(std::string_view text);

// A dotenv comment: every line of `text` (split at any line break) prefixed with "# ", so
// no line of it can be read as a variable; other unsafe characters as `\uXXXX`.
std::string DotenvComment(std::string_view text);

// A dotenv value on one line that reads back as `text` in Node's dotenv: bare when it is
// made of plain characters, otherwise in the first of ', " and ` it does not contain
// (dotenv expands nothing inside them). A line break is written `\n` in double quotes;
// other unsafe characters as visible `\uXXXX` (the DSL checker refuses both in env values,
// so neither reaches here from a valid project spec).
std::string DotenvValue(std::string_view text);

// Text for one line of Markdown, also safe inside an HTML comment: line breaks become
// spaces (no injected headings or steps), `<` becomes `&lt;` (no raw HTML) and the `>` of
// `-->` becomes `&gt;` (the generated-file header is an HTML comment), unsafe characters
// `\uXXXX`. Other `>` and `&` stay as they are, so "Settings > General" reads as written.
std::string MarkdownText(std::string_view text);

}  // namespace specc::emit

#endif  // SPECC_EMIT_ESCAPE_H_
