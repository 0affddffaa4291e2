// Which request body an operation's requests carry, as every emitter reads it (issue #11).
// A body on GET or HEAD is not sent: the Fetch API refuses to build such a request, so
// neither fetch-based clients nor Hono (whose Node adapter hands GET and HEAD requests on
// without their body) ever see it, and OpenAPI 3.0 says consumers SHALL ignore it. The
// generated server does not require it, the collections do not send it, and a warning
// says so. DELETE keeps its body: Fetch sends it, and real APIs rely on it.
//
// Of the media types a body declares, one is what the collections send and the server
// validates (`SentBodyMedia`), read as its media type says (`BodyReading`): JSON for JSON
// types, a form for forms, the text itself for a string under `text/*`. A media range
// (`*/*`, `application/*`) says nothing about the encoding, so its schema does: a string
// is the body's text (id4i's `*/*` byte string), anything else JSON.
#ifndef SPECC_SEMA_REQUEST_BODY_H_
#define SPECC_SEMA_REQUEST_BODY_H_

#include <cstddef>
#include <optional>
#include <string>

#include "base/diag_sink.h"
#include "ir/api.h"
#include "sema/schema_meaning.h"

namespace specc::sema {

// The body `op`'s requests carry, or nullptr when they carry none.
const ir::RequestBody* SentRequestBody(const ir::Operation& op);

// How the generated server reads a body of one media type.
enum class BodyReading : uint8_t {
  kJson,        // parsed as JSON and validated by the schema
  kUrlEncoded,  // application/x-www-form-urlencoded, fields read as sema/wire.h says
  kMultipart,   // multipart/form-data, likewise
  kText,        // the body's text, validated as the string the schema describes
  kUnread,      // not read: binary (`format: binary`), XML, octet streams, no schema
};

BodyReading ReadingOf(const SchemaMeanings& meanings, const ir::MediaType& media);

struct SentBody {
  size_t index = 0;  // into RequestBody::content
  BodyReading reading = BodyReading::kUnread;
};

// The media type of `body` that requests carry: the first read as JSON, else the first
// form, else the first text, each only with a schema; else the first JSON type, else the
// first declared. Nothing
// when `body` declares no media type.
std::optional<SentBody> SentBodyMedia(const SchemaMeanings& meanings, const ir::RequestBody& body);

// The Content-Type a request of `media` read as `reading` is sent with: the declared type,
// or for a media range a type inside it (application/json for JSON, text/plain for text).
std::string SentContentType(const ir::MediaType& media, BodyReading reading);

// Warns (SPEC_BODY_IGNORED) about each operation of `api` whose request body is not sent.
void CheckRequestBodies(const ir::Api& api, DiagSink& sink);

}  // namespace specc::sema

#endif  // SPECC_SEMA_REQUEST_BODY_H_
