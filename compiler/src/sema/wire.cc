#include "sema/wire.h"

#include <algorithm>

#include "sema/media_type.h"

namespace specc::sema {

WireScalar TextScalar(const SchemaMeanings& meanings, ir::SchemaId id) {
  if (id == ir::kNoSchema) return WireScalar::kString;
  const SchemaMeaning& m = meanings.Of(meanings.Resolve(id));
  // `type: boolean` with `enum: ["false", "true"]` (Oxford Dictionaries): validated by its
  // string values, which are what the text is.
  bool string_enum = !m.enum_values.empty() &&
                     std::all_of(m.enum_values.begin(), m.enum_values.end(),
                                 [](const std::string& v) { return !v.empty() && v[0] == '"'; });
  if (string_enum || m.types.size() != 1) return WireScalar::kString;
  if (m.types[0] == "integer") return WireScalar::kInteger;
  if (m.types[0] == "number") return WireScalar::kNumber;
  if (m.types[0] == "boolean") return WireScalar::kBoolean;
  return WireScalar::kString;
}

namespace {

// Adds the scalar types schema `id` accepts to `out` (through aliases and oneOf/anyOf
// branches, `depth` levels deep); "string" stands for every type it does not name.
void CollectScalarTypes(const SchemaMeanings& meanings, ir::SchemaId id, int depth, std::vector<std::string>& out) {
  const SchemaMeaning& m = meanings.Of(meanings.Resolve(id));
  auto add = [&](const std::string& t) {
    if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
  };
  for (const std::string& v : m.enum_values) {
    if (v.empty()) continue;
    add(v[0] == '"' ? "string" : v == "true" || v == "false" ? "boolean" : "number");
  }
  if (m.enum_values.empty()) {
    for (const std::string& t : m.types) add(t);
  }
  if (depth == 0) return;
  for (const auto* choice : {&m.one_of, &m.any_of}) {
    if (!choice->has_value()) continue;
    for (ir::SchemaId branch : (*choice)->branches) {
      if (branch != ir::kNoSchema) CollectScalarTypes(meanings, branch, depth - 1, out);
    }
  }
}

}  // namespace

std::vector<WireScalar> TextAlternatives(const SchemaMeanings& meanings, ir::SchemaId id) {
  if (id == ir::kNoSchema || TextScalar(meanings, id) != WireScalar::kString) return {};
  std::vector<std::string> types;
  CollectScalarTypes(meanings, id, 4, types);
  auto has = [&](const char* t) { return std::find(types.begin(), types.end(), t) != types.end(); };
  std::vector<WireScalar> out;
  // An integer reads as a number too: one numeric reading covers both.
  if (has("integer") || has("number")) out.push_back(WireScalar::kNumber);
  if (has("boolean")) out.push_back(WireScalar::kBoolean);
  return out;
}

namespace {

// The single non-null type of schema `id`, or "" (several, or any).
std::string TypeOf(const SchemaMeanings& meanings, ir::SchemaId id) {
  if (id == ir::kNoSchema) return {};
  const SchemaMeaning& m = meanings.Of(meanings.Resolve(id));
  return m.types.size() == 1 ? m.types[0] : std::string();
}

// Fills `form` with the array or scalar reading of schema `id`.
void ReadValue(const SchemaMeanings& meanings, ir::SchemaId id, WireForm& form) {
  std::string type = TypeOf(meanings, id);
  if (type == "array") {
    form.shape = WireShape::kArray;
    const ir::Schema& s = meanings.api().schemas[meanings.Resolve(id)];
    form.scalar = TextScalar(meanings, s.items);
  } else if (type == "object") {
    form.shape = WireShape::kObject;
  } else {
    form.shape = WireShape::kScalar;
    form.scalar = TextScalar(meanings, id);
  }
  form.nullable = id != ir::kNoSchema && meanings.Nullable(id) && form.shape == WireShape::kScalar &&
                  form.scalar != WireScalar::kString;
  if (form.shape == WireShape::kScalar) form.alternatives = TextAlternatives(meanings, id);
}

const ir::Encoding* FindEncoding(const ir::MediaType& media, std::string_view name) {
  for (const ir::Encoding& e : media.encoding) {
    if (e.property == name) return &e;
  }
  return nullptr;
}

}  // namespace

WireForm ParameterWire(const SchemaMeanings& meanings, const ir::Parameter& p) {
  WireForm form;
  form.allow_reserved = p.allow_reserved;
  if (!p.content_type.empty()) {
    // A `content`-typed parameter is the media type's text: JSON for JSON.
    form.shape = IsJsonMediaType(p.content_type) ? WireShape::kJson : WireShape::kScalar;
    return form;
  }
  ReadValue(meanings, p.schema, form);
  bool explode = p.explode;
  switch (p.in) {
    case ir::ParamIn::kQuery:
      if (p.style == "deepObject") {
        form.object_form = ObjectForm::kDeep;
        form.array_form = ArrayForm::kRepeated;
      } else if (p.style == "spaceDelimited" || p.style == "pipeDelimited") {
        form.array_form = ArrayForm::kDelimited;
        form.delimiter = p.style == "spaceDelimited" ? ' ' : '|';
        form.object_form = ObjectForm::kPairs;
      } else {
        form.array_form = explode ? ArrayForm::kRepeated : ArrayForm::kDelimited;
        form.object_form = explode ? ObjectForm::kSpread : ObjectForm::kPairs;
      }
      break;
    case ir::ParamIn::kCookie:
      // One cookie holds one value: arrays and objects are comma lists.
      form.array_form = ArrayForm::kDelimited;
      form.object_form = ObjectForm::kPairs;
      break;
    case ir::ParamIn::kPath:
      form.path_style = p.style.empty() ? "simple" : p.style;
      form.array_form = ArrayForm::kDelimited;
      // label + explode: `.a.b.c`; matrix + explode: `;id=a;id=b`; otherwise commas.
      form.delimiter = form.path_style == "label" && explode ? '.' : form.path_style == "matrix" && explode ? ';' : ',';
      form.object_form = explode ? ObjectForm::kPairsExploded : ObjectForm::kPairs;
      break;
    case ir::ParamIn::kHeader:
      form.array_form = ArrayForm::kDelimited;
      form.object_form = explode ? ObjectForm::kPairsExploded : ObjectForm::kPairs;
      break;
  }
  return form;
}

WireForm FormFieldWire(const SchemaMeanings& meanings, const ir::MediaType& media, std::string_view name,
                       ir::SchemaId schema) {
  WireForm form;
  const ir::Encoding* enc = FindEncoding(media, name);
  bool multipart = IsMultipartMedia(media.media_type);
  ReadValue(meanings, schema, form);
  if (enc != nullptr && !enc->content_type.empty() && IsJsonMediaType(enc->content_type)) {
    form.shape = WireShape::kJson;
    return form;
  }
  if (multipart) {
    const ir::Schema* s = schema == ir::kNoSchema ? nullptr : &meanings.api().schemas[meanings.Resolve(schema)];
    if (s != nullptr && form.shape == WireShape::kScalar && (s->format == "binary" || s->format == "base64")) {
      form.shape = WireShape::kBinary;
    }
    // OpenAPI's default part type for an object is application/json; an array is one part
    // per item.
    if (form.shape == WireShape::kObject) form.shape = WireShape::kJson;
    if (form.shape == WireShape::kArray) {
      form.array_form = ArrayForm::kRepeated;
      std::string item_type = TypeOf(meanings, s != nullptr ? s->items : ir::kNoSchema);
      if (item_type == "object" || item_type == "array") form.shape = WireShape::kJson;
    }
    return form;
  }
  std::string style = enc != nullptr && !enc->style.empty() ? enc->style : "form";
  bool explode = enc != nullptr && enc->explode ? *enc->explode : style == "form";
  form.allow_reserved = enc != nullptr && enc->allow_reserved;
  if (style == "spaceDelimited" || style == "pipeDelimited") {
    form.array_form = ArrayForm::kDelimited;
    form.delimiter = style == "spaceDelimited" ? ' ' : '|';
  } else {
    form.array_form = explode ? ArrayForm::kRepeated : ArrayForm::kDelimited;
  }
  // Objects in a urlencoded body: `name[key]=value`, unless the encoding asks for another
  // style explicitly.
  bool explicit_style = enc != nullptr && !enc->style.empty();
  if (!explicit_style || style == "deepObject") {
    form.object_form = ObjectForm::kDeep;
  } else {
    form.object_form = explode ? ObjectForm::kSpread : ObjectForm::kPairs;
  }
  return form;
}

}  // namespace specc::sema
