// Reading JSON texts (the spec's examples and defaults, as the front end wrote them) into
// nlohmann values for the example builder (emit/postman/example_value.h).
#ifndef SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
#define SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_

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

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_EXAMPLE_JSON_H_
