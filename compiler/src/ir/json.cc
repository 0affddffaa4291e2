#include "ir/json.h"

namespace specc::ir {
namespace {

class ApiJson {
 public:
  ApiJson(const Api& api, const LocFormatter& format_loc, JsonWriter& out)
      : api_(api), format_loc_(format_loc), out_(out) {}

  void Write();

 private:
  void Str(const char* key, std::string_view value) {
    if (!value.empty()) out_.Key(key).String(value);
  }
  void Flag(const char* key, bool value) {
    if (value) out_.Key(key).Bool(true);
  }
  void Raw(const char* key, std::string_view json) {
    if (!json.empty()) out_.Key(key).Raw(json);
  }
  void Location(Loc loc) { out_.Key("loc").String(format_loc_(loc)); }
  void SchemaRef(const char* key, SchemaId id) {
    if (id != kNoSchema) out_.Key(key).Int(id);
  }
  void SchemaList(const char* key, const std::vector<SchemaId>& ids) {
    if (ids.empty()) return;
    out_.Key(key).BeginArray();
    for (SchemaId id : ids) out_.Int(id);
    out_.EndArray();
  }
  void Examples(const std::vector<Example>& examples);
  void Content(const std::vector<MediaType>& content);
  void Servers(const std::vector<Server>& servers);
  void Security(const std::vector<SecurityRequirement>& security);
  void Operation(const ir::Operation& op);
  void Schema(SchemaId id, const ir::Schema& s);

  const Api& api_;
  const LocFormatter& format_loc_;
  JsonWriter& out_;
};

void ApiJson::Examples(const std::vector<Example>& examples) {
  if (examples.empty()) return;
  out_.Key("examples").BeginArray();
  for (const Example& e : examples) {
    out_.BeginObject();
    Str("name", e.name);
    Str("summary", e.summary);
    Raw("value", e.value);
    out_.EndObject();
  }
  out_.EndArray();
}

void ApiJson::Content(const std::vector<MediaType>& content) {
  out_.Key("content").BeginArray();
  for (const MediaType& m : content) {
    out_.BeginObject();
    out_.Key("mediaType").String(m.media_type);
    SchemaRef("schema", m.schema);
    Examples(m.examples);
    if (!m.encoding.empty()) {
      out_.Key("encoding").BeginArray();
      for (const Encoding& e : m.encoding) {
        out_.BeginObject();
        out_.Key("property").String(e.property);
        Str("contentType", e.content_type);
        Str("style", e.style);
        if (e.explode) out_.Key("explode").Bool(*e.explode);
        Flag("allowReserved", e.allow_reserved);
        out_.EndObject();
      }
      out_.EndArray();
    }
    out_.EndObject();
  }
  out_.EndArray();
}

void ApiJson::Servers(const std::vector<Server>& servers) {
  out_.Key("servers").BeginArray();
  for (const Server& s : servers) {
    out_.BeginObject();
    out_.Key("url").String(s.url);
    Str("description", s.description);
    if (!s.variables.empty()) {
      out_.Key("variables").BeginArray();
      for (const ServerVariable& v : s.variables) {
        out_.BeginObject();
        out_.Key("name").String(v.name);
        out_.Key("default").String(v.default_value);
        if (!v.enum_values.empty()) {
          out_.Key("enum").BeginArray();
          for (const std::string& e : v.enum_values) out_.String(e);
          out_.EndArray();
        }
        Str("description", v.description);
        out_.EndObject();
      }
      out_.EndArray();
    }
    out_.EndObject();
  }
  out_.EndArray();
}

void ApiJson::Security(const std::vector<SecurityRequirement>& security) {
  out_.BeginArray();
  for (const SecurityRequirement& r : security) {
    out_.BeginObject();
    for (const auto& [scheme, scopes] : r.schemes) {
      out_.Key(scheme).BeginArray();
      for (const std::string& scope : scopes) out_.String(scope);
      out_.EndArray();
    }
    out_.EndObject();
  }
  out_.EndArray();
}

void ApiJson::Operation(const ir::Operation& op) {
  out_.BeginObject();
  out_.Key("operationId").String(op.operation_id);
  Flag("operationIdSynthesized", op.operation_id_synthesized);
  out_.Key("method").String(op.method);
  out_.Key("path").String(op.path);
  if (op.kind == OperationKind::kCallback) {
    out_.Key("callback").String(op.callback_name);
    if (op.parent >= 0) out_.Key("parentOperationId").String(api_.operations[op.parent].operation_id);
  }
  if (!op.tags.empty()) {
    out_.Key("tags").BeginArray();
    for (const std::string& t : op.tags) out_.String(t);
    out_.EndArray();
  }
  Str("summary", op.summary);
  Flag("deprecated", op.deprecated);
  if (!op.parameters.empty()) {
    out_.Key("parameters").BeginArray();
    for (const Parameter& p : op.parameters) {
      out_.BeginObject();
      out_.Key("name").String(p.name);
      out_.Key("in").String(ParamInName(p.in));
      out_.Key("required").Bool(p.required);
      out_.Key("style").String(p.style);
      out_.Key("explode").Bool(p.explode);
      Flag("deprecated", p.deprecated);
      Flag("allowReserved", p.allow_reserved);
      Flag("allowEmptyValue", p.allow_empty_value);
      SchemaRef("schema", p.schema);
      Str("contentType", p.content_type);
      Examples(p.examples);
      out_.EndObject();
    }
    out_.EndArray();
  }
  if (op.request_body) {
    out_.Key("requestBody").BeginObject();
    out_.Key("required").Bool(op.request_body->required);
    Content(op.request_body->content);
    out_.EndObject();
  }
  out_.Key("responses").BeginArray();
  for (const Response& r : op.responses) {
    out_.BeginObject();
    out_.Key("status").String(r.status);
    Str("description", r.description);
    if (!r.headers.empty()) {
      out_.Key("headers").BeginArray();
      for (const Header& h : r.headers) {
        out_.BeginObject();
        out_.Key("name").String(h.name);
        out_.Key("required").Bool(h.required);
        SchemaRef("schema", h.schema);
        out_.EndObject();
      }
      out_.EndArray();
    }
    if (!r.content.empty()) Content(r.content);
    out_.EndObject();
  }
  out_.EndArray();
  if (op.security) {
    out_.Key("security");
    Security(*op.security);
  }
  if (!op.servers.empty()) Servers(op.servers);
  if (!op.extensions.empty()) {
    out_.Key("extensions").BeginObject();
    for (const auto& [key, json] : op.extensions) out_.Key(key).Raw(json);
    out_.EndObject();
  }
  Location(op.loc);
  out_.EndObject();
}

void ApiJson::Schema(SchemaId id, const ir::Schema& s) {
  out_.BeginObject();
  out_.Key("id").Int(id);
  Str("name", s.name);
  if (s.boolean_schema) out_.Key("booleanSchema").Bool(*s.boolean_schema);
  if (!s.types.empty()) {
    out_.Key("type").BeginArray();
    for (std::string_view t : s.types) out_.String(t);
    out_.EndArray();
  }
  Flag("nullable", s.nullable);
  Str("format", s.format);
  Str("pattern", s.pattern());
  Str("title", s.title);
  Raw("minimum", s.minimum());
  Raw("maximum", s.maximum());
  Raw("exclusiveMinimum", s.exclusive_minimum());
  Raw("exclusiveMaximum", s.exclusive_maximum());
  Raw("multipleOf", s.multiple_of());
  auto count = [&](const char* key, const std::optional<uint64_t>& v) {
    if (v) out_.Key(key).Int(static_cast<int64_t>(*v));
  };
  count("minLength", s.min_length());
  count("maxLength", s.max_length());
  count("minItems", s.min_items());
  count("maxItems", s.max_items());
  count("minProperties", s.min_properties());
  count("maxProperties", s.max_properties());
  Flag("uniqueItems", s.unique_items());
  if (!s.properties.empty()) {
    out_.Key("properties").BeginArray();
    for (const Property& p : s.properties) {
      out_.BeginObject();
      out_.Key("name").String(p.name);
      SchemaRef("schema", p.schema);
      out_.Key("required").Bool(p.required);
      out_.EndObject();
    }
    out_.EndArray();
  }
  if (!s.required.empty()) {
    out_.Key("requiredNames").BeginArray();
    for (const std::string& name : s.required) out_.String(name);
    out_.EndArray();
  }
  if (!s.pattern_properties().empty()) {
    out_.Key("patternProperties").BeginObject();
    for (const auto& [pattern, schema] : s.pattern_properties()) out_.Key(pattern).Int(schema);
    out_.EndObject();
  }
  switch (s.additional_properties) {
    case AdditionalProperties::kUnspecified:
      break;
    case AdditionalProperties::kAllowed:
      out_.Key("additionalProperties").Bool(true);
      break;
    case AdditionalProperties::kForbidden:
      out_.Key("additionalProperties").Bool(false);
      break;
    case AdditionalProperties::kSchema:
      out_.Key("additionalProperties").Int(s.additional_properties_schema);
      break;
  }
  SchemaRef("items", s.items);
  SchemaList("prefixItems", s.prefix_items());
  SchemaList("allOf", s.all_of());
  SchemaList("oneOf", s.one_of());
  SchemaList("anyOf", s.any_of());
  SchemaRef("not", s.not_schema());
  if (s.discriminator()) {
    out_.Key("discriminator").BeginObject();
    out_.Key("propertyName").String(s.discriminator()->property_name);
    if (!s.discriminator()->mapping.empty()) {
      out_.Key("mapping").BeginObject();
      for (const auto& [value, target] : s.discriminator()->mapping) {
        out_.Key(value);
        if (target == kNoSchema) {
          out_.Null();
        } else {
          out_.Int(target);
        }
      }
      out_.EndObject();
    }
    out_.EndObject();
  }
  if (!s.enum_values.empty()) {
    out_.Key("enum").BeginArray();
    for (const std::string& v : s.enum_values) out_.Raw(v);
    out_.EndArray();
  }
  Raw("const", s.const_value());
  Raw("default", s.default_value);
  Flag("readOnly", s.read_only);
  Flag("writeOnly", s.write_only);
  Flag("deprecated", s.deprecated);
  Location(s.loc);
  out_.EndObject();
}

void ApiJson::Write() {
  out_.Key("openapi").String(api_.openapi_version);
  out_.Key("info").BeginObject();
  out_.Key("title").String(api_.title);
  out_.Key("version").String(api_.version);
  out_.EndObject();
  Servers(api_.servers);
  out_.Key("tags").BeginArray();
  for (const Tag& t : api_.tags) out_.String(t.name);
  out_.EndArray();
  if (!api_.tag_groups.empty()) {
    out_.Key("tagGroups").BeginArray();
    for (const TagGroup& g : api_.tag_groups) {
      out_.BeginObject().Key("name").String(g.name).Key("tags").BeginArray();
      for (const std::string& t : g.tags) out_.String(t);
      out_.EndArray().EndObject();
    }
    out_.EndArray();
  }
  out_.Key("securitySchemes").BeginArray();
  for (const SecurityScheme& s : api_.security_schemes) {
    out_.BeginObject();
    out_.Key("name").String(s.name);
    out_.Key("type").String(s.type);
    Str("scheme", s.scheme);
    Str("in", s.in);
    Str("paramName", s.param_name);
    if (!s.flows.empty()) {
      out_.Key("flows").BeginArray();
      for (const OAuthFlow& f : s.flows) {
        out_.BeginObject();
        out_.Key("type").String(f.type);
        Str("authorizationUrl", f.authorization_url);
        Str("tokenUrl", f.token_url);
        out_.Key("scopes").BeginArray();
        for (const auto& scope : f.scopes) out_.String(scope.first);
        out_.EndArray();
        out_.EndObject();
      }
      out_.EndArray();
    }
    out_.EndObject();
  }
  out_.EndArray();
  out_.Key("security");
  Security(api_.security);
  out_.Key("operations").BeginArray();
  for (const ir::Operation& op : api_.operations) Operation(op);
  out_.EndArray();
  out_.Key("webhooks").BeginArray();
  for (const ir::Operation& op : api_.webhooks) Operation(op);
  out_.EndArray();
  out_.Key("callbacks").BeginArray();
  for (const ir::Operation& op : api_.callbacks) Operation(op);
  out_.EndArray();
  out_.Key("schemas").BeginArray();
  for (size_t i = 0; i < api_.schemas.size(); ++i) Schema(static_cast<SchemaId>(i), api_.schemas[i]);
  out_.EndArray();
}

}  // namespace

void WriteApiMembers(const Api& api, const LocFormatter& format_loc, JsonWriter& out) {
  ApiJson(api, format_loc, out).Write();
}

}  // namespace specc::ir
