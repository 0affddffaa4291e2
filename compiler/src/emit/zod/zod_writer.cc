#include "emit/zod/zod_writer.h"

#include <algorithm>
#include <span>

#include "emit/escape.h"
#include "emit/namer.h"
#include "emit/render.h"

namespace specc::emit {
namespace {

bool Has(std::span<const std::string> v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string Pad(int indent) { return std::string(static_cast<size_t>(indent) * 2, ' '); }

// The zod-4 schema of a string format; empty for formats validated as plain strings. The
// formats JSON Schema defines by an RFC are checked as the RFC says, by schemas.ts's own
// functions where zod reads them otherwise: a uuid is any 8-4-4-4-12 hex string (zod's
// uuid() also wants RFC 9562's version digit), a date-time and a time are RFC 3339's
// (lowercase letters and a space separator allowed, an offset required), a uri is any
// absolute URI (zod's url() wants what WHATWG's parser accepts).
std::string_view FormatCtor(std::string_view format) {
  if (format == "uuid") return "z.guid()";
  if (format == "email") return "z.email()";
  if (format == "uri") return "z.string().refine(isUri, \"not a URI\")";
  if (format == "url") return "z.url()";
  if (format == "date-time") return "z.string().refine(isDateTime, \"not an RFC 3339 date-time\")";
  if (format == "date") return "z.string().refine(isDate, \"not an RFC 3339 date\")";
  if (format == "time") return "z.string().refine(isTime, \"not an RFC 3339 time\")";
  if (format == "ipv4") return "z.ipv4()";
  if (format == "ipv6") return "z.ipv6()";
  if (format == "byte") return "z.base64()";
  return {};
}

bool UsesFormatHelpers(std::string_view format) {
  return format == "uri" || format == "date-time" || format == "date" || format == "time";
}

bool IsScalarJson(std::string_view json) { return !json.empty() && json[0] != '{' && json[0] != '['; }

bool IsIntegerText(std::string_view json) { return json.find_first_of(".eE") == std::string_view::npos; }

std::string Literal(const std::string& json) { return json == "null" ? "z.null()" : "z.literal(" + json + ")"; }

std::string EnumExpr(std::span<const std::string> values) {
  bool strings = std::all_of(values.begin(), values.end(), [](const std::string& v) { return !v.empty() && v[0] == '"'; });
  if (strings) {
    std::string out = "z.enum([";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
    return out + "])";
  }
  if (!std::all_of(values.begin(), values.end(), IsScalarJson)) return "z.unknown()";
  if (values.size() == 1) return Literal(values[0]);
  std::string out = "z.union([";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + Literal(values[i]);
  return out + "])";
}

// A JSON array of strings, for the helpers' arguments.
std::string StringArray(std::span<const std::string> values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + JsonQuote(values[i]);
  return out + "]";
}

}  // namespace

std::string JsDoc(std::string_view text, int indent, std::string_view extra) {
  std::string body = BlockComment(text);
  if (!extra.empty()) body += (body.empty() ? "" : "\n") + std::string(extra);
  if (body.empty()) return {};
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return {};
  std::string pad = Pad(indent);
  if (lines.size() == 1) return pad + "/** " + lines[0] + " */\n";
  std::string out = pad + "/**\n";
  for (const std::string& l : lines) out += pad + (l.empty() ? " *" : " * " + l) + "\n";
  return out + pad + " */\n";
}

std::string ZodWriter::Ref(ir::SchemaId id, int indent) {
  if (id == ir::kNoSchema) return "z.unknown()";
  if (!names_.schemas[id].empty()) return names_.schemas[id];
  return Inline(id, indent);
}

std::string ZodWriter::Inline(ir::SchemaId id, int indent) {
  if (id == ir::kNoSchema) return "z.unknown()";
  // An inline schema that reaches itself without passing a named component cannot be
  // written out; it validates anything.
  if (!expanding_.insert(id).second) return "z.unknown()";
  const sema::SchemaMeaning& m = meanings_.Of(id);
  std::string out;
  if (m.alias_of != ir::kNoSchema) {
    out = Ref(m.alias_of, indent);
    if (m.nullable && !meanings_.Nullable(m.alias_of)) out += ".nullable()";
  } else {
    out = Expr(id, indent);
  }
  expanding_.erase(id);
  return out;
}

std::string ZodWriter::Optional(ir::SchemaId id, std::string expr) const {
  if (DefaultFits(id)) return expr + ".default(" + api_.schemas[id].default_value + ")";
  return expr + ".optional()";
}

bool ZodWriter::DefaultFits(ir::SchemaId id) const {
  if (id == ir::kNoSchema) return false;
  const ir::Schema& s = api_.schemas[id];
  const sema::SchemaMeaning& m = meanings_.Of(id);
  std::string_view d = s.default_value;
  if (d.empty() || !s.const_value().empty() || m.alias_of != ir::kNoSchema) return false;
  if (d == "null") return m.nullable || m.null_only;
  if (!m.enum_values.empty()) return Has(m.enum_values, d) && IsScalarJson(d);
  if (m.alias_of != ir::kNoSchema) return false;
  if (m.one_of || m.any_of || !m.intersect.empty() || s.not_schema() != ir::kNoSchema) return false;
  char c = d[0];
  if (c == '"') return m.types == std::vector<std::string>{"string"} && FormatCtor(s.format).empty();
  if (c == '-' || (c >= '0' && c <= '9')) {
    return Has(m.types, "number") || (Has(m.types, "integer") && IsIntegerText(d));
  }
  if (d == "true" || d == "false") return Has(m.types, "boolean");
  if (d == "[]") return Has(m.types, "array") && s.prefix_items().empty();
  return false;
}

bool ZodWriter::Optional(ir::SchemaId object, const sema::ObjectProperty& p) const {
  // A readOnly property is never required where the object travels in requests, a
  // writeOnly one where it travels in responses (sema decides which way it travels).
  return !p.required || (p.read_only && meanings_.InRequests(object)) || (p.write_only && meanings_.InResponses(object));
}

std::string ZodWriter::TypeExpr(ir::SchemaId id, const std::string& type, int indent) {
  const ir::Schema& s = api_.schemas[id];
  if (type == "string") {
    std::string_view ctor = FormatCtor(s.format);
    std::string out = ctor.empty() ? "z.string()" : std::string(ctor);
    uses_formats_ = uses_formats_ || UsesFormatHelpers(s.format);
    if (s.min_length()) out += ".min(" + std::to_string(*s.min_length()) + ")";
    if (s.max_length()) out += ".max(" + std::to_string(*s.max_length()) + ")";
    if (!s.pattern().empty()) out += ".regex(pattern(" + JsonQuote(s.pattern()) + "))";
    return out;
  }
  if (type == "integer" || type == "number") {
    // int32 has its range checked (on a number too: the format says it is an integer);
    // other integers are JavaScript's safe integers.
    std::string out = s.format == "int32" ? "z.int32()" : type == "integer" || s.format == "int64" ? "z.int()" : "z.number()";
    if (!s.minimum().empty()) out += ".gte(" + s.minimum() + ")";
    if (!s.exclusive_minimum().empty()) out += ".gt(" + s.exclusive_minimum() + ")";
    if (!s.maximum().empty()) out += ".lte(" + s.maximum() + ")";
    if (!s.exclusive_maximum().empty()) out += ".lt(" + s.exclusive_maximum() + ")";
    if (!s.multiple_of().empty()) out += ".multipleOf(" + s.multiple_of() + ")";
    return out;
  }
  if (type == "boolean") return "z.boolean()";
  if (type == "array") {
    std::string out;
    if (!s.prefix_items().empty()) {
      out = "z.tuple([";
      for (size_t i = 0; i < s.prefix_items().size(); ++i) out += (i ? ", " : "") + Ref(s.prefix_items()[i], indent);
      out += "]";
      if (s.items != ir::kNoSchema) out += ", " + Ref(s.items, indent);
      return out + ")";
    }
    out = "z.array(" + Ref(s.items, indent) + ")";
    if (s.min_items()) out += ".min(" + std::to_string(*s.min_items()) + ")";
    if (s.max_items()) out += ".max(" + std::to_string(*s.max_items()) + ")";
    if (s.unique_items()) out += ".refine(uniqueItems, \"items must be unique\")";
    return out;
  }
  if (type == "object") return ObjectExpr(id, indent);
  return "z.unknown()";
}

std::string ZodWriter::ObjectExpr(ir::SchemaId id, int indent) {
  using AP = ir::AdditionalProperties;
  const sema::SchemaMeaning& m = meanings_.Of(id);
  std::string out;
  bool patterns = !m.pattern_properties.empty();
  if (m.properties.empty() && !patterns) {
    if (m.additional_properties == AP::kSchema) {
      out = "z.record(z.string(), " + Ref(m.additional_properties_schema, indent) + ")";
    } else if (m.additional_properties == AP::kForbidden) {
      out = "z.strictObject({})";
    } else {
      out = "z.record(z.string(), z.unknown())";
    }
  } else {
    // Keys outside `properties` are judged by objectKeys() when patternProperties apply;
    // otherwise by the constructor and `.catchall()`.
    // z.object() drops unknown keys from its output; where minProperties/maxProperties
    // count them afterwards, they are kept.
    bool counted = m.min_properties || m.max_properties;
    std::string ctor = patterns ? "z.looseObject"
                       : m.additional_properties == AP::kForbidden           ? "z.strictObject"
                       : m.additional_properties == AP::kAllowed || counted ? "z.looseObject"
                                                                            : "z.object";
    out = ctor + "({\n";
    for (const sema::ObjectProperty& p : m.properties) {
      bool inline_schema = p.schema != ir::kNoSchema && names_.schemas[p.schema].empty();
      if (inline_schema) {
        const ir::Schema& ps = api_.schemas[p.schema];
        std::string note = ps.read_only ? "@readonly (optional in requests)" : ps.write_only ? "@writeonly" : "";
        if (ps.deprecated) note += (note.empty() ? "" : "\n") + std::string("@deprecated");
        out += JsDoc(ps.description, indent + 1, note);
      }
      std::string key = TsPropertyKey(p.name);
      std::string value = Ref(p.schema, indent + 1);
      for (ir::SchemaId also : p.also) value += ".and(" + Ref(also, indent + 1) + ")";
      if (Optional(id, p)) value = Optional(p.schema, value);
      out += Pad(indent + 1) + key + ": " + value + ",\n";
    }
    out += Pad(indent) + "})";
    if (patterns) {
      std::vector<std::string> declared;
      for (const sema::ObjectProperty& p : m.properties) declared.emplace_back(p.name);
      std::string list = "[";
      for (size_t i = 0; i < m.pattern_properties.size(); ++i) {
        list += (i ? ", " : "") + std::string("[pattern(") + JsonQuote(m.pattern_properties[i].first) + "), " +
                Ref(m.pattern_properties[i].second, indent + 1) + "]";
      }
      list += "]";
      std::string rest = m.additional_properties == AP::kSchema      ? Ref(m.additional_properties_schema, indent + 1)
                         : m.additional_properties == AP::kForbidden ? "false"
                                                                     : "null";
      out += ".superRefine(objectKeys(" + StringArray(declared) + ", " + list + ", " + rest + "))";
      uses_object_keys_ = true;
    } else if (m.additional_properties == AP::kSchema) {
      out += ".catchall(" + Ref(m.additional_properties_schema, indent) + ")";
    }
  }
  if (m.min_properties) {
    out += ".refine((o) => Object.keys(o).length >= " + std::to_string(*m.min_properties) + ", \"too few properties\")";
  }
  if (m.max_properties) {
    out += ".refine((o) => Object.keys(o).length <= " + std::to_string(*m.max_properties) + ", \"too many properties\")";
  }
  return out;
}

// z.discriminatedUnion needs every option to be an object schema whose discriminator is a
// literal: written when every case is a named, non-recursive plain object component (each
// is extended with its values); otherwise the caller falls back to z.union.
std::string ZodWriter::Discriminated(const sema::Discriminated& d, int indent) {
  std::string out = "z.discriminatedUnion(" + JsonQuote(d.property) + ", [\n";
  for (const sema::DiscriminatorCase& c : d.cases) {
    ir::SchemaId id = meanings_.Resolve(c.branch);
    if (names_.schemas[id].empty() || cyclic_[id]) return {};
    const sema::SchemaMeaning& o = meanings_.Of(id);
    const ir::Schema& s = api_.schemas[id];
    if (o.properties.empty() || o.types != std::vector<std::string>{"object"} || !o.enum_values.empty() ||
        o.one_of || o.any_of || !o.intersect.empty() || o.min_properties || o.max_properties ||
        !o.pattern_properties.empty() || s.not_schema() != ir::kNoSchema || o.nullable || !s.default_value.empty()) {
      return {};
    }
    std::string literal;
    if (c.values.size() == 1) {
      literal = "z.literal(" + JsonQuote(c.values[0]) + ")";
    } else {
      literal = "z.enum(" + StringArray(c.values) + ")";
    }
    out += Pad(indent + 1) + names_.schemas[id] + ".extend({ " + JsonQuote(d.property) + ": " + literal + " }),\n";
  }
  return out + Pad(indent) + "])";
}

std::string ZodWriter::ChoiceExpr(const sema::Choice& choice, const sema::SchemaMeaning& m, int indent) {
  if (choice.branches.empty()) return {};
  if (m.discriminator && (m.one_of ? &*m.one_of : &*m.any_of) == &choice) {
    std::string d = Discriminated(*m.discriminator, indent);
    if (!d.empty()) return d;
  }
  std::vector<std::string> options;
  for (ir::SchemaId id : choice.branches) options.push_back(Ref(id, indent + 1));
  // Beside branches of their own, a branch that only requires names is one more option:
  // an object that has them.
  for (const std::vector<std::string>& set : choice.required_sets) {
    std::string shape;
    for (const std::string& name : set) shape += (shape.empty() ? "" : ", ") + JsonQuote(name) + ": z.unknown()";
    options.push_back("z.looseObject({ " + shape + " })");
  }
  if (options.size() == 1) return options[0];
  // oneOf: exactly one branch (z.xor); anyOf: at least one.
  std::string out = choice.exactly_one ? "z.xor([\n" : "z.union([\n";
  for (const std::string& o : options) out += Pad(indent + 1) + o + ",\n";
  return out + Pad(indent) + "])";
}

std::string ZodWriter::RequiredSets(const sema::SchemaMeaning& m) const {
  std::string out;
  for (const auto* choice : {&m.one_of, &m.any_of}) {
    // A list with branches of their own is written as a union (ChoiceExpr); a list of
    // required sets alone constrains the object around it.
    if (!*choice || (*choice)->required_sets.empty() || !(*choice)->branches.empty()) continue;
    std::string sets = "[";
    for (size_t i = 0; i < (*choice)->required_sets.size(); ++i) {
      sets += (i ? ", " : "") + StringArray((*choice)->required_sets[i]);
    }
    sets += "]";
    out += ".superRefine(requiredSets(" + sets + ", " + ((*choice)->exactly_one ? "true" : "false") + "))";
    uses_required_sets_ = true;
  }
  return out;
}

std::string ZodWriter::Expr(ir::SchemaId id, int indent) {
  const ir::Schema& s = api_.schemas[id];
  const sema::SchemaMeaning& m = meanings_.Of(id);
  if (m.boolean_schema) return *m.boolean_schema ? "z.unknown()" : "z.never()";
  std::string base;
  if (!s.const_value().empty()) {
    base = IsScalarJson(s.const_value()) ? Literal(s.const_value()) : "z.unknown()";
  } else if (m.null_only) {
    base = "z.null()";
  } else if (!m.enum_values.empty()) {
    base = EnumExpr(m.enum_values);
  } else if (m.types.size() == 1) {
    base = TypeExpr(id, m.types[0], indent);
  } else if (m.types.size() > 1) {
    base = "z.union([";
    for (size_t i = 0; i < m.types.size(); ++i) base += (i ? ", " : "") + TypeExpr(id, m.types[i], indent);
    base += "])";
  }
  std::vector<std::string> parts;
  if (!base.empty() && base != "z.unknown()") parts.push_back(base);
  for (ir::SchemaId b : m.intersect) parts.push_back(Ref(b, indent));
  for (const auto* choice : {&m.one_of, &m.any_of}) {
    if (!*choice) continue;
    std::string c = ChoiceExpr(**choice, m, indent);
    if (!c.empty()) parts.push_back(c);
  }
  std::string out;
  for (const std::string& p : parts) out = out.empty() ? p : "z.intersection(" + out + ", " + p + ")";
  if (out.empty()) out = base.empty() ? "z.unknown()" : base;
  out += RequiredSets(m);
  if (s.not_schema() != ir::kNoSchema) {
    out += ".refine((v) => !" + Ref(s.not_schema(), indent) + ".safeParse(v).success, \"matches a schema it must not\")";
  }
  if (m.nullable && out != "z.null()" && out != "z.unknown()") out += ".nullable()";
  return out;
}

// ---- TypeScript types (recursive schemas only) ----

std::string ZodWriter::TypeRef(ir::SchemaId id, int indent) {
  if (id == ir::kNoSchema) return "unknown";
  if (!names_.schemas[id].empty()) {
    if (cyclic_[id]) return names_.schemas[id];
    return "z.output<typeof " + names_.schemas[id] + ">";
  }
  return TypeInline(id, indent);
}

std::string ZodWriter::TypeInline(ir::SchemaId id, int indent) {
  if (id == ir::kNoSchema) return "unknown";
  if (!expanding_.insert(id).second) return "unknown";
  const sema::SchemaMeaning& m = meanings_.Of(id);
  std::string out;
  if (m.alias_of != ir::kNoSchema) {
    out = TypeRef(m.alias_of, indent);
    if (m.nullable) out = "(" + out + ") | null";
  } else {
    out = Type(id, indent);
  }
  expanding_.erase(id);
  return out;
}

std::string ZodWriter::ObjectType(ir::SchemaId id, int indent) {
  using AP = ir::AdditionalProperties;
  const sema::SchemaMeaning& m = meanings_.Of(id);
  if (m.properties.empty()) {
    if (m.additional_properties == AP::kSchema && m.pattern_properties.empty()) {
      return "{ [key: string]: " + TypeRef(m.additional_properties_schema, indent) + " }";
    }
    if (m.additional_properties == AP::kForbidden && m.pattern_properties.empty()) return "{}";
    return "{ [key: string]: unknown }";
  }
  std::string out = "{\n";
  for (const sema::ObjectProperty& p : m.properties) {
    bool optional = Optional(id, p);
    std::string key = TsPropertyKey(p.name);
    std::string type = TypeRef(p.schema, indent + 1);
    for (ir::SchemaId also : p.also) type = "(" + type + ") & (" + TypeRef(also, indent + 1) + ")";
    out += Pad(indent + 1) + key + (optional ? "?: " : ": ") + type + (optional ? " | undefined" : "") + ";\n";
  }
  if (m.additional_properties == AP::kAllowed || m.additional_properties == AP::kSchema || !m.pattern_properties.empty()) {
    out += Pad(indent + 1) + "[key: string]: unknown;\n";
  }
  return out + Pad(indent) + "}";
}

std::string ZodWriter::TypeOf(ir::SchemaId id, const std::string& type, int indent) {
  const ir::Schema& s = api_.schemas[id];
  if (type == "string") return "string";
  if (type == "integer" || type == "number") return "number";
  if (type == "boolean") return "boolean";
  if (type == "array") {
    if (!s.prefix_items().empty()) {
      std::string out = "[";
      for (size_t i = 0; i < s.prefix_items().size(); ++i) out += (i ? ", " : "") + TypeRef(s.prefix_items()[i], indent);
      if (s.items != ir::kNoSchema) out += ", ...(" + TypeRef(s.items, indent) + ")[]";
      return out + "]";
    }
    return "(" + TypeRef(s.items, indent) + ")[]";
  }
  if (type == "object") return ObjectType(id, indent);
  return "unknown";
}

std::string ZodWriter::Type(ir::SchemaId id, int indent) {
  const ir::Schema& s = api_.schemas[id];
  const sema::SchemaMeaning& m = meanings_.Of(id);
  if (m.boolean_schema) return *m.boolean_schema ? "unknown" : "never";
  std::string base;
  if (!s.const_value().empty()) {
    base = IsScalarJson(s.const_value()) ? s.const_value() : "unknown";
  } else if (m.null_only) {
    base = "null";
  } else if (!m.enum_values.empty()) {
    if (!std::all_of(m.enum_values.begin(), m.enum_values.end(), IsScalarJson)) {
      base = "unknown";
    } else {
      for (const std::string& v : m.enum_values) base += (base.empty() ? "" : " | ") + v;
    }
  } else {
    for (const std::string& t : m.types) base += (base.empty() ? "" : " | ") + TypeOf(id, t, indent);
    if (m.types.size() > 1) base = "(" + base + ")";
  }
  std::vector<std::string> parts;
  if (!base.empty() && base != "unknown") parts.push_back(base);
  for (ir::SchemaId b : m.intersect) parts.push_back(TypeRef(b, indent));
  for (const auto* choice : {&m.one_of, &m.any_of}) {
    if (!*choice || (*choice)->branches.empty()) continue;
    std::string u;
    for (ir::SchemaId b : (*choice)->branches) u += (u.empty() ? "" : " | ") + TypeRef(b, indent);
    parts.push_back(u);
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : " & ") + (parts.size() > 1 ? "(" + p + ")" : p);
  if (out.empty()) out = base.empty() ? "unknown" : base;
  if (m.nullable && out != "unknown" && out != "null") out = "(" + out + ") | null";
  return out;
}

}  // namespace specc::emit
