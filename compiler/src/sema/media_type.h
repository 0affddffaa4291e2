// What a media type names, as every layer reads it: JSON, a form, a text type or a range
// (`*/*`, `text/*`). Parameters (`; charset=utf-8`) and case do not count.
#ifndef SPECC_SEMA_MEDIA_TYPE_H_
#define SPECC_SEMA_MEDIA_TYPE_H_

#include <string>
#include <string_view>

namespace specc::sema {

// The media type without its parameters, lowercase: "application/json".
std::string MediaEssence(std::string_view media_type);

// application/json and every `+json` type (application/problem+json).
bool IsJsonMediaType(std::string_view media_type);

// application/x-www-form-urlencoded and multipart/form-data.
bool IsFormMedia(std::string_view media_type);
bool IsMultipartMedia(std::string_view media_type);

// A media range rather than a type: `*/*`, `application/*`.
bool IsMediaRange(std::string_view media_type);

// text/plain, text/csv and every other `text/` type.
bool IsTextMediaType(std::string_view media_type);

}  // namespace specc::sema

#endif  // SPECC_SEMA_MEDIA_TYPE_H_
