#include "emit/json_schema.h"

#include <algorithm>
#include <set>

#include "emit/namer.h"
#include "emit/render.h"
#include "ir/enum_value.h"

namespace specc::emit {
namespace {

class SchemaWriter {
 public:
  SchemaWriter(const ir::Api& api, const SchemaWriterOptions& options, JsonWriter& out)
      : api_(api), options_(options), out_(out) {}

  // False once a value of the spec was written verbatim (WriteJsonText).
  bool ok() const { return ok_; }

  void Write(ir::SchemaId id, bool expand, const std::string& description = {}) {
    if (id == ir::kNoSchema) {
      out_.BeginObject();
      Str("description", description);
      out_.EndObject();
      return;
    }
    const ir::Schema& s = api_.schemas[id];
    if (!expand && !(*options_.names)[id].empty()) {
      out_.BeginObject().Key("$ref").String(options_.ref_prefix + JsonPointerToken((*options_.names)[id]));
      Str("description", description);
      out_.EndObject();
      return;
    }
    description_ = description;
    if (s.boolean_schema && options_.dialect != SchemaDialect::kOpenApi30) {
      out_.Bool(*s.boolean_schema);
      return;
    }
    // An inline schema that contains itself: write the repeat as the empty schema.
    if (!expanding_.insert(id).second) {
      out_.BeginObject().EndObject();
      return;
    }
    // 3.0's `nullable` where there is no `type` to add "null" to (beside `$ref`, allOf,
    // oneOf, anyOf) means the schema or null (sema::Nullable): JSON Schema says it with
    // anyOf. The OpenAPI dialects write the keywords as the document has them.
    bool wrap_null = options_.dialect == SchemaDialect::kJsonSchema2020 && s.nullable && s.types.empty();
    if (wrap_null) out_.BeginObject().Key("anyOf").BeginArray();
    Body(s);
    if (wrap_null) out_.BeginObject().Key("type").String("null").EndObject().EndArray().EndObject();
    expanding_.erase(id);
  }

 private:
  void Str(const char* key, std::string_view value) {
    if (!value.empty()) out_.Key(key).String(value);
  }
  void Num(const char* key, const std::string& value) {
    if (!value.empty()) Json(out_.Key(key), value);
  }
  // A value the spec wrote (an example, a default, an enum value), as JSON text.
  void Json(JsonWriter& w, std::string_view json) { ok_ = WriteJsonText(w, json) && ok_; }
  void Count(const char* key, const std::optional<uint64_t>& value) {
    if (value) out_.Key(key).Int(static_cast<int64_t>(*value));
  }
  void List(const char* key, const std::vector<ir::SchemaId>& ids) {
    if (ids.empty()) return;
    out_.Key(key).BeginArray();
    for (ir::SchemaId id : ids) Write(id, false);
    out_.EndArray();
  }

  void Body(const ir::Schema& s) {
    bool v30 = options_.dialect == SchemaDialect::kOpenApi30;
    out_.BeginObject();
    std::vector<std::string> types(s.types.begin(), s.types.end());
    if (options_.dialect == SchemaDialect::kJsonSchema2020 && s.nullable && !types.empty() &&
        std::find(types.begin(), types.end(), "null") == types.end()) {
      types.push_back("null");
    }
    if (v30) {
      if (!types.empty()) out_.Key("type").String(types[0]);
      if (s.nullable) out_.Key("nullable").Bool(true);
    } else if (types.size() == 1) {
      out_.Key("type").String(types[0]);
    } else if (!types.empty()) {
      out_.Key("type").BeginArray();
      for (const std::string& t : types) out_.String(t);
      out_.EndArray();
    }
    Str("format", s.format);
    Str("title", s.title);
    Str("description", description_.empty() ? s.description.view() : std::string_view(description_));
    description_.clear();
    if (!s.enum_values.empty()) {
      out_.Key("enum").BeginArray();
      for (const std::string& v : s.enum_values) Json(out_, ir::TypedEnumValue(s.types, v));
      out_.EndArray();
    }
    if (!s.const_value().empty()) {
      if (v30) {
        Json(out_.Key("enum").BeginArray(), s.const_value());
        out_.EndArray();
      } else {
        Json(out_.Key("const"), s.const_value());
      }
    }
    if (!s.default_value.empty()) Json(out_.Key("default"), s.default_value);
    if (v30) {
      bool ex_min = !s.exclusive_minimum().empty(), ex_max = !s.exclusive_maximum().empty();
      Num("minimum", ex_min ? s.exclusive_minimum() : s.minimum());
      if (ex_min) out_.Key("exclusiveMinimum").Bool(true);
      Num("maximum", ex_max ? s.exclusive_maximum() : s.maximum());
      if (ex_max) out_.Key("exclusiveMaximum").Bool(true);
    } else {
      Num("minimum", s.minimum());
      Num("exclusiveMinimum", s.exclusive_minimum());
      Num("maximum", s.maximum());
      Num("exclusiveMaximum", s.exclusive_maximum());
    }
    Num("multipleOf", s.multiple_of());
    Count("minLength", s.min_length());
    Count("maxLength", s.max_length());
    Str("pattern", s.pattern());
    Count("minItems", s.min_items());
    Count("maxItems", s.max_items());
    if (s.unique_items()) out_.Key("uniqueItems").Bool(true);
    if (!s.prefix_items().empty() && !v30) List("prefixItems", s.prefix_items());
    if (s.items != ir::kNoSchema) {
      out_.Key("items");
      Write(s.items, false);
    }
    Count("minProperties", s.min_properties());
    Count("maxProperties", s.max_properties());
    if (!s.properties.empty()) {
      out_.Key("properties").BeginObject();
      for (const ir::Property& p : s.properties) {
        out_.Key(p.name);
        Write(p.schema, false);
      }
      out_.EndObject();
    }
    if (!s.required.empty()) {
      out_.Key("required").BeginArray();
      for (const std::string& name : s.required) out_.String(name);
      out_.EndArray();
    }
    if (!s.pattern_properties().empty()) {
      out_.Key("patternProperties").BeginObject();
      for (const auto& [pattern, schema] : s.pattern_properties()) {
        out_.Key(pattern);
        Write(schema, false);
      }
      out_.EndObject();
    }
    switch (s.additional_properties) {
      case ir::AdditionalProperties::kUnspecified: break;
      case ir::AdditionalProperties::kAllowed: out_.Key("additionalProperties").Bool(true); break;
      case ir::AdditionalProperties::kForbidden: out_.Key("additionalProperties").Bool(false); break;
      case ir::AdditionalProperties::kSchema:
        out_.Key("additionalProperties");
        Write(s.additional_properties_schema, false);
        break;
    }
    List("allOf", s.all_of());
    List("oneOf", s.one_of());
    List("anyOf", s.any_of());
    if (s.not_schema() != ir::kNoSchema) {
      out_.Key("not");
      Write(s.not_schema(), false);
    }
    if (s.discriminator() && options_.dialect != SchemaDialect::kJsonSchema2020) {
      out_.Key("discriminator").BeginObject().Key("propertyName").String(s.discriminator()->property_name);
      bool any = std::any_of(s.discriminator()->mapping.begin(), s.discriminator()->mapping.end(),
                             [&](const auto& m) { return m.second != ir::kNoSchema && !(*options_.names)[m.second].empty(); });
      if (any) {
        out_.Key("mapping").BeginObject();
        for (const auto& [value, target] : s.discriminator()->mapping) {
          if (target == ir::kNoSchema || (*options_.names)[target].empty()) continue;
          out_.Key(value).String(options_.ref_prefix + JsonPointerToken((*options_.names)[target]));
        }
        out_.EndObject();
      }
      out_.EndObject();
    }
    if (s.read_only) out_.Key("readOnly").Bool(true);
    if (s.write_only) out_.Key("writeOnly").Bool(true);
    if (s.deprecated) out_.Key("deprecated").Bool(true);
    if (!s.examples.empty()) {
      if (v30) {
        Json(out_.Key("example"), s.examples.front());
      } else {
        out_.Key("examples").BeginArray();
        for (const std::string& e : s.examples) Json(out_, e);
        out_.EndArray();
      }
    }
    out_.EndObject();
  }

  const ir::Api& api_;
  const SchemaWriterOptions& options_;
  JsonWriter& out_;
  std::set<ir::SchemaId> expanding_;
  std::string description_;  // replaces the next schema body's description when set
  bool ok_ = true;
};

}  // namespace

std::string JsonPointerToken(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool WriteJsonSchema(const ir::Api& api, ir::SchemaId id, const SchemaWriterOptions& options,
                     bool expand, JsonWriter& out, const std::string& description) {
  SchemaWriter writer(api, options, out);
  writer.Write(id, expand, description);
  return writer.ok();
}

void CollectNamedSchemas(const ir::Api& api, ir::SchemaId root, std::vector<ir::SchemaId>* found,
                         std::vector<bool>* reached) {
  if (reached->size() < api.schemas.size()) reached->resize(api.schemas.size());
  std::vector<ir::SchemaId> stack{root};
  std::vector<ir::SchemaId> children;
  // Depth-first in declaration order; `stack` holds children reversed so the first child
  // is visited first.
  while (!stack.empty()) {
    ir::SchemaId id = stack.back();
    stack.pop_back();
    if (id == ir::kNoSchema || (*reached)[id]) continue;
    (*reached)[id] = true;
    const ir::Schema& s = api.schemas[id];
    if (!s.name.empty()) found->push_back(id);
    children.clear();
    for (const ir::Property& p : s.properties) children.push_back(p.schema);
    for (const auto& [pattern, schema] : s.pattern_properties()) children.push_back(schema);
    children.push_back(s.additional_properties_schema);
    children.push_back(s.items);
    for (ir::SchemaId c : s.prefix_items()) children.push_back(c);
    for (ir::SchemaId c : s.all_of()) children.push_back(c);
    for (ir::SchemaId c : s.one_of()) children.push_back(c);
    for (ir::SchemaId c : s.any_of()) children.push_back(c);
    children.push_back(s.not_schema());
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
}

std::vector<std::string> ComponentKeys(const ir::Api& api) {
  std::vector<std::string> keys(api.schemas.size());
  NameTable table;
  for (ir::SchemaId id : api.component_schemas) keys[id] = table.Take(api.schemas[id].name.str());
  return keys;
}

}  // namespace specc::emit
