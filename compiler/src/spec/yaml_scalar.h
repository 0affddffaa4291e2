// Decoding YAML 1.2 scalar values from their source text: flow folding of multi-line
// plain and quoted scalars, `''` and backslash escapes, literal and folded block scalars
// with chomping. libfyaml tokenises the document; specc turns each scalar's source into
// its value here, because libfyaml 0.7.12's own text formatting is wrong on real inputs
// (GitHub's description: a folded scalar loses a line break and gains a NUL; AWS
// MediaConvert's: `''''` in a single-quoted scalar becomes three quotes).
#ifndef SPECC_SPEC_YAML_SCALAR_H_
#define SPECC_SPEC_YAML_SCALAR_H_

#include <optional>
#include <string>
#include <string_view>

namespace specc::spec {

enum class ScalarStyle { kPlain, kSingleQuoted, kDoubleQuoted, kLiteral, kFolded };

// `source` is the scalar's text as written: for quoted styles including the quotes, for
// plain scalars the text itself, for block scalars the content lines after the header.
// `header` is the line holding a block scalar's `|` or `>` indicator (unused otherwise).
// Returns the value, or std::nullopt for the forms this does not decode (block scalars
// with an explicit indentation indicator, malformed escapes).
std::optional<std::string> DecodeScalar(ScalarStyle style, std::string_view source,
                                        std::string_view header = {});

}  // namespace specc::spec

#endif  // SPECC_SPEC_YAML_SCALAR_H_
