// Reading JSON texts (the spec's examples and defaults, as the front end wrote them) into
// nlohmann values for the example builder (emit/postman/example_value.h), and writing the
// values it settles on.
#ifndef SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
#define SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace specc::emit {

// Returns what nlohmann::ordered_json::parse(text, nullptr, false) returns: the value, or a
// discarded value when `text` is not JSON. The texts the front end writes (compact, short
// escapes, well-formed UTF-8) are read by a reader of specc's own, several times faster
// than nlohmann's lexer, which copies every byte twice and tracks lines and columns for
// its error messages; whatever that reader leaves (errors, `\u` escapes, a BOM, numbers
// beyond 18 digits or out of a double's range, deep nesting) is read by nlohmann's parser.
nlohmann::ordered_json ParseJsonValue(std::string_view text);

// Returns what value.dump(indent) returns (compact when `indent` is negative), written by
// a writer of specc's own: nlohmann's serializer decodes every byte of every string as
// UTF-8 to find the few it escapes. Numbers with a fraction or an exponent are written by
// nlohmann's own code; a value holding a string that is not UTF-8 is dumped by nlohmann
// (which throws, as it always did).
std::string DumpJsonValue(const nlohmann::ordered_json& value, int indent);

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
