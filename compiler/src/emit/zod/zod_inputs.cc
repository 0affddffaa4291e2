#include "emit/zod/zod_inputs.h"

#include "emit/namer.h"
#include "emit/render.h"
#include "sema/wire.h"

namespace specc::emit {
namespace {

const char* ScalarName(sema::WireScalar scalar) {
  switch (scalar) {
    case sema::WireScalar::kString: return "\"string\"";
    case sema::WireScalar::kInteger: return "\"integer\"";
    case sema::WireScalar::kNumber: return "\"number\"";
    case sema::WireScalar::kBoolean: return "\"boolean\"";
  }
  return "\"string\"";
}

// `{ role: "string", age: "integer" }`: how each property of object schema `id` reads.
std::string PropertyScalars(const sema::SchemaMeanings& meanings, ir::SchemaId id) {
  std::string out;
  if (id != ir::kNoSchema) {
    for (const sema::ObjectProperty& p : meanings.Of(meanings.Resolve(id)).properties) {
      out += (out.empty() ? "" : ", ") + TsPropertyKey(p.name) + ": " + ScalarName(sema::TextScalar(meanings, p.schema));
    }
  }
  return "{" + (out.empty() ? std::string() : " " + out + " ") + "}";
}

// The `fields()` descriptor of a field read by `form` with schema `schema`; "" for plain
// text, which needs no reading.
std::string Descriptor(const sema::SchemaMeanings& meanings, const sema::WireForm& form, ir::SchemaId schema) {
  std::vector<std::string> parts;
  if (form.path_style == "label" || form.path_style == "matrix") parts.push_back("path: \"" + form.path_style + "\"");
  switch (form.shape) {
    case sema::WireShape::kScalar:
      if (form.scalar != sema::WireScalar::kString) parts.push_back(std::string("scalar: ") + ScalarName(form.scalar));
      if (form.nullable) parts.push_back("nullable: true");
      break;
    case sema::WireShape::kArray:
      parts.push_back(std::string("items: ") + ScalarName(form.scalar));
      parts.push_back(form.array_form == sema::ArrayForm::kRepeated ? std::string("sep: null")
                                                                     : "sep: " + JsonQuote(std::string(1, form.delimiter)));
      break;
    case sema::WireShape::kObject:
      switch (form.object_form) {
        case sema::ObjectForm::kDeep: parts.push_back("deep: " + PropertyScalars(meanings, schema)); break;
        case sema::ObjectForm::kSpread: parts.push_back("spread: " + PropertyScalars(meanings, schema)); break;
        case sema::ObjectForm::kPairs: parts.push_back("pairs: " + PropertyScalars(meanings, schema)); break;
        case sema::ObjectForm::kPairsExploded:
          parts.push_back("pairs: " + PropertyScalars(meanings, schema));
          parts.push_back("exploded: true");
          break;
      }
      break;
    case sema::WireShape::kJson:
      parts.push_back("json: true");
      break;
    case sema::WireShape::kBinary:
      break;
  }
  if (parts.empty()) return {};
  std::string out = "{ ";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out + " }";
}

}  // namespace

std::string ZodInputs::Read(const std::string& descriptors, const std::string& object) {
  if (descriptors.empty()) return object;
  uses_fields_ = true;
  return "z.preprocess(fields({\n" + descriptors + "}), " + object + ")";
}

std::string ZodInputs::Parameters(const ir::Operation& op, const OperationNames& names, ir::ParamIn in) {
  std::string object = "z.object({\n";
  std::string descriptors;
  for (size_t i = 0; i < op.parameters.size(); ++i) {
    const ir::Parameter& p = op.parameters[i];
    if (p.in != in) continue;
    std::string key = p.name;
    if (in == ir::ParamIn::kPath) {
      key = names.param_keys[i];
    } else if (in == ir::ParamIn::kHeader) {
      // Hono hands the validator header names lowercased.
      for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    std::string value = writer_.Ref(p.schema, 1);
    if (p.schema == ir::kNoSchema) value = "z.string()";
    sema::WireForm form = sema::ParameterWire(meanings_, p);
    if (!form.alternatives.empty()) {
      std::string kinds;
      for (sema::WireScalar kind : form.alternatives) kinds += (kinds.empty() ? "" : ", ") + std::string(ScalarName(kind));
      value = "textReadings(" + value + ", [" + kinds + "])";
      uses_fields_ = uses_text_readings_ = true;
    }
    std::string d = Descriptor(meanings_, form, p.schema);
    if (!d.empty() && in == ir::ParamIn::kHeader) {
      // @hono/zod-validator matches header names through the part schema's `shape`, so
      // headers are read field by field, inside the object.
      value = "z.preprocess(field(" + d + "), " + value + ")";
      uses_fields_ = true;
      d.clear();
    }
    if (!p.required && in != ir::ParamIn::kPath) value = writer_.Optional(p.schema, value);
    object += JsDoc(p.description, 1) + "  " + TsPropertyKey(key) + ": " + value + ",\n";
    if (!d.empty()) descriptors += "  " + TsPropertyKey(key) + ": " + d + ",\n";
  }
  return Read(descriptors, object + "})");
}

std::string ZodInputs::Body(const ir::Operation& op, const OperationNames& names) {
  const ir::MediaType& media = op.request_body->content[names.body_media];
  std::string expr = writer_.Ref(media.schema, 0);
  if (names.body_target == "form" && media.schema != ir::kNoSchema) {
    std::string descriptors;
    for (const sema::ObjectProperty& p : meanings_.Of(meanings_.Resolve(media.schema)).properties) {
      std::string d = Descriptor(meanings_, sema::FormFieldWire(meanings_, media, p.name, p.schema), p.schema);
      if (!d.empty()) descriptors += "  " + TsPropertyKey(p.name) + ": " + d + ",\n";
    }
    expr = Read(descriptors, expr);
  }
  if (!op.request_body->required) expr += ".optional()";
  return expr;
}

}  // namespace specc::emit
