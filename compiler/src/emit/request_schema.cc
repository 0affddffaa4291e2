#include "emit/request_schema.h"

#include <algorithm>

#include "emit/json_schema.h"

namespace specc::emit {
namespace {

void Str(JsonWriter& out, const char* key, std::string_view value) {
  if (!value.empty()) out.Key(key).String(value);
}
void Num(JsonWriter& out, const char* key, const std::string& value) {
  if (!value.empty()) out.Key(key).Raw(value);
}
void Count(JsonWriter& out, const char* key, const std::optional<uint64_t>& value) {
  if (value) out.Key(key).Int(static_cast<int64_t>(*value));
}

}  // namespace

void RequestSchemaWriter::Write(ir::SchemaId id, bool expand, JsonWriter& out, const std::string& description) {
  if (id == ir::kNoSchema) {
    out.BeginObject();
    Str(out, "description", description);
    out.EndObject();
    return;
  }
  if (!expand && !keys_[id].empty()) {
    if (std::find(referenced_.begin(), referenced_.end(), id) == referenced_.end()) referenced_.push_back(id);
    out.BeginObject().Key("$ref").String("#/$defs/" + JsonPointerToken(keys_[id]));
    Str(out, "description", description);
    out.EndObject();
    return;
  }
  // An inline schema that contains itself: the repeat is any value.
  if (std::find(expanding_.begin(), expanding_.end(), id) != expanding_.end()) {
    out.BeginObject().EndObject();
    return;
  }
  expanding_.push_back(id);
  Body(id, out, description);
  expanding_.pop_back();
}

void RequestSchemaWriter::Body(ir::SchemaId id, JsonWriter& out, const std::string& description) {
  const ir::Schema& s = api_.schemas[id];
  const sema::SchemaMeaning& m = meanings_.Of(id);
  std::string text = description.empty() ? s.description.str() : description;
  if (m.alias_of != ir::kNoSchema) {
    if (!m.nullable) {
      Write(m.alias_of, false, out, text);
      return;
    }
    out.BeginObject();
    Str(out, "description", text);
    out.Key("anyOf").BeginArray();
    Write(m.alias_of, false, out);
    out.BeginObject().Key("type").String("null").EndObject();
    out.EndArray().EndObject();
    return;
  }
  if (m.boolean_schema) {
    out.Bool(*m.boolean_schema);
    return;
  }
  // Null beside a type goes in the type array; beside compositions only, in anyOf.
  bool wrap_null = m.nullable && m.types.empty();
  if (wrap_null) out.BeginObject().Key("anyOf").BeginArray();
  out.BeginObject();
  if (m.null_only) {
    out.Key("type").String("null");
  } else if (m.types.size() == 1 && !m.nullable) {
    out.Key("type").String(m.types[0]);
  } else if (!m.types.empty()) {
    out.Key("type").BeginArray();
    for (const std::string& t : m.types) out.String(t);
    if (m.nullable) out.String("null");
    out.EndArray();
  }
  Str(out, "title", s.title);
  Str(out, "description", text);
  Str(out, "format", s.format);
  if (!s.const_value().empty()) out.Key("const").Raw(s.const_value());
  if (!m.enum_values.empty()) {
    out.Key("enum").BeginArray();
    for (const std::string& v : m.enum_values) out.Raw(v);
    if (m.nullable) out.Null();
    out.EndArray();
  }
  if (!s.default_value.empty()) out.Key("default").Raw(s.default_value);
  Num(out, "minimum", s.minimum());
  Num(out, "exclusiveMinimum", s.exclusive_minimum());
  Num(out, "maximum", s.maximum());
  Num(out, "exclusiveMaximum", s.exclusive_maximum());
  Num(out, "multipleOf", s.multiple_of());
  Count(out, "minLength", s.min_length());
  Count(out, "maxLength", s.max_length());
  Str(out, "pattern", s.pattern());
  if (!s.prefix_items().empty()) {
    out.Key("prefixItems").BeginArray();
    for (ir::SchemaId item : s.prefix_items()) Write(item, false, out);
    out.EndArray();
  }
  if (s.items != ir::kNoSchema) {
    out.Key("items");
    Write(s.items, false, out);
  }
  Count(out, "minItems", s.min_items());
  Count(out, "maxItems", s.max_items());
  if (s.unique_items()) out.Key("uniqueItems").Bool(true);
  if (m.has_object_keywords) Object(m, out);
  if (!m.intersect.empty()) {
    out.Key("allOf").BeginArray();
    for (ir::SchemaId b : m.intersect) Write(b, false, out);
    out.EndArray();
  }
  if (m.one_of) Choice(*m.one_of, out);
  if (m.any_of) Choice(*m.any_of, out);
  if (s.not_schema() != ir::kNoSchema) {
    out.Key("not");
    Write(s.not_schema(), false, out);
  }
  if (s.deprecated) out.Key("deprecated").Bool(true);
  out.EndObject();
  if (wrap_null) out.BeginObject().Key("type").String("null").EndObject().EndArray().EndObject();
}

void RequestSchemaWriter::Object(const sema::SchemaMeaning& m, JsonWriter& out) {
  std::vector<std::string> required;
  bool any = false;
  for (const sema::ObjectProperty& p : m.properties) {
    // A request never carries a readOnly property.
    if (p.read_only) continue;
    if (!any) out.Key("properties").BeginObject();
    any = true;
    out.Key(p.name);
    if (p.also.empty()) {
      Write(p.schema, false, out);
    } else {
      out.BeginObject().Key("allOf").BeginArray();
      Write(p.schema, false, out);
      for (ir::SchemaId also : p.also) Write(also, false, out);
      out.EndArray().EndObject();
    }
    if (p.required) required.emplace_back(p.name);
  }
  if (any) out.EndObject();
  if (!required.empty()) {
    out.Key("required").BeginArray();
    for (const std::string& name : required) out.String(name);
    out.EndArray();
  }
  if (!m.pattern_properties.empty()) {
    out.Key("patternProperties").BeginObject();
    for (const auto& [pattern, schema] : m.pattern_properties) {
      out.Key(pattern);
      Write(schema, false, out);
    }
    out.EndObject();
  }
  switch (m.additional_properties) {
    case ir::AdditionalProperties::kUnspecified: break;
    case ir::AdditionalProperties::kAllowed: out.Key("additionalProperties").Bool(true); break;
    case ir::AdditionalProperties::kForbidden: out.Key("additionalProperties").Bool(false); break;
    case ir::AdditionalProperties::kSchema:
      out.Key("additionalProperties");
      Write(m.additional_properties_schema, false, out);
      break;
  }
  Count(out, "minProperties", m.min_properties);
  Count(out, "maxProperties", m.max_properties);
}

void RequestSchemaWriter::Choice(const sema::Choice& choice, JsonWriter& out) {
  if (choice.branches.empty() && choice.required_sets.empty()) return;
  // The server accepts a oneOf value that matches several schema branches (sema reads
  // overlapping branches as the alternatives their author meant), so those say anyOf; a
  // list of required sets alone is checked as written.
  out.Key(choice.branches.empty() && choice.exactly_one ? "oneOf" : "anyOf").BeginArray();
  for (ir::SchemaId b : choice.branches) Write(b, false, out);
  for (const std::vector<std::string>& set : choice.required_sets) {
    out.BeginObject().Key("required").BeginArray();
    for (const std::string& name : set) out.String(name);
    out.EndArray().EndObject();
  }
  out.EndArray();
}

}  // namespace specc::emit
