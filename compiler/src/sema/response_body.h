// Which of a response's media types its body is checked as JSON in, as every emitter
// reads it: the generated server types and validates that body, the collections' tests
// check a response's JSON against its schema, chaining reads ids from it, and saved
// examples show it. A JSON type (application/json, any `+json`) comes first; a response
// declared for any type (`*/*`) is JSON too, since the generated stubs answer it with
// JSON. A type that merely contains "json" is not JSON: `application/x-ndjson` and
// `application/json-seq` are streams of JSON texts, not one.
#ifndef SPECC_SEMA_RESPONSE_BODY_H_
#define SPECC_SEMA_RESPONSE_BODY_H_

#include <cstddef>
#include <optional>

#include "ir/api.h"

namespace specc::sema {

// The index into `response.content` of the media type whose body is JSON, or nothing.
std::optional<size_t> JsonResponseMedia(const ir::Response& response);

}  // namespace specc::sema

#endif  // SPECC_SEMA_RESPONSE_BODY_H_
