#include "sema/request_body.h"

#include <string>
#include <vector>

#include "sema/media_type.h"

namespace specc::sema {

const ir::RequestBody* SentRequestBody(const ir::Operation& op) {
  if (!op.request_body || op.method == "get" || op.method == "head") return nullptr;
  return &*op.request_body;
}

BodyReading ReadingOf(const SchemaMeanings& meanings, const ir::MediaType& media) {
  if (media.schema == ir::kNoSchema) return BodyReading::kUnread;
  if (IsJsonMediaType(media.media_type)) return BodyReading::kJson;
  if (IsMultipartMedia(media.media_type)) return BodyReading::kMultipart;
  if (IsFormMedia(media.media_type)) return BodyReading::kUrlEncoded;
  bool range = IsMediaRange(media.media_type);
  if (!range && !IsTextMediaType(media.media_type)) return BodyReading::kUnread;
  ir::SchemaId resolved = meanings.Resolve(media.schema);
  const SchemaMeaning& m = meanings.Of(resolved);
  bool string = m.types.size() == 1 && m.types[0] == "string";
  if (string) return meanings.api().schemas[resolved].format == "binary" ? BodyReading::kUnread : BodyReading::kText;
  return range ? BodyReading::kJson : BodyReading::kUnread;
}

std::optional<SentBody> SentBodyMedia(const SchemaMeanings& meanings, const ir::RequestBody& body) {
  if (body.content.empty()) return std::nullopt;
  std::vector<BodyReading> readings;
  for (const ir::MediaType& media : body.content) readings.push_back(ReadingOf(meanings, media));
  auto first = [&](auto accepts) -> std::optional<SentBody> {
    for (size_t i = 0; i < readings.size(); ++i) {
      if (accepts(readings[i])) return SentBody{.index = i, .reading = readings[i]};
    }
    return std::nullopt;
  };
  if (auto json = first([](BodyReading r) { return r == BodyReading::kJson; })) return json;
  auto form = first([](BodyReading r) { return r == BodyReading::kUrlEncoded || r == BodyReading::kMultipart; });
  if (form) return form;
  if (auto text = first([](BodyReading r) { return r == BodyReading::kText; })) return text;
  // Nothing validated: a JSON type is still what most clients send.
  for (size_t i = 0; i < body.content.size(); ++i) {
    if (IsJsonMediaType(body.content[i].media_type)) return SentBody{.index = i, .reading = readings[i]};
  }
  return SentBody{.index = 0, .reading = readings[0]};
}

std::string SentContentType(const ir::MediaType& media, BodyReading reading) {
  if (!IsMediaRange(media.media_type)) return media.media_type;
  std::string range = MediaEssence(media.media_type);
  if (reading == BodyReading::kJson && (range == "*/*" || range == "application/*")) return "application/json";
  if (reading == BodyReading::kText && (range == "*/*" || range == "text/*")) return "text/plain";
  if (range == "*/*" || range == "application/*") return "application/octet-stream";
  return media.media_type;
}

void CheckRequestBodies(const ir::Api& api, DiagSink& sink) {
  for (const ir::Operation& op : api.operations) {
    if (!op.request_body || SentRequestBody(op) != nullptr) continue;
    std::string method = op.method == "get" ? "GET" : "HEAD";
    sink.Report(Diagnostic{
        .severity = Severity::kWarning, .code = DiagCode::kSpecBodyIgnored, .loc = op.request_body->loc,
        .message = "`" + method + " " + op.path + "` has a request body, which no fetch-based client can send: " +
                   "the generated server does not read it and the collections do not send it",
        .hint = "send the input as query parameters, or make the operation a POST (OpenAPI 3.0 says a body on " +
                method + " SHALL be ignored)",
        .notes = {}});
  }
}

}  // namespace specc::sema
