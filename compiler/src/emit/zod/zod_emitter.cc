#include "emit/zod/zod_emitter.h"

#include <algorithm>
#include <functional>
#include <set>

#include "emit/escape.h"
#include "emit/namer.h"
#include "emit/render.h"
#include "emit/template_set.h"
#include "emit/ts_names.h"

namespace specc::emit {
namespace {

constexpr std::string_view kId = "zod";

bool Has(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string Pad(int indent) { return std::string(static_cast<size_t>(indent) * 2, ' '); }

// A JSDoc block for `text` at `indent` (BlockComment: "*/" cannot end it early).
std::string JsDoc(std::string_view text, int indent, std::string_view extra = {}) {
  std::string body = BlockComment(text);
  if (!extra.empty()) body += (body.empty() ? "" : "\n") + std::string(extra);
  if (body.empty()) return {};
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    std::string line = body.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.pop_back();
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

// The zod-4 constructor of a string format; empty for formats validated as plain strings.
std::string_view FormatCtor(std::string_view format) {
  if (format == "uuid") return "z.uuid()";
  if (format == "email") return "z.email()";
  if (format == "uri" || format == "url") return "z.url()";
  if (format == "date-time") return "z.iso.datetime({ offset: true })";
  if (format == "date") return "z.iso.date()";
  if (format == "time") return "z.iso.time()";
  if (format == "ipv4") return "z.ipv4()";
  if (format == "ipv6") return "z.ipv6()";
  if (format == "byte") return "z.base64()";
  return {};
}

bool IsScalarJson(const std::string& json) {
  return !json.empty() && json[0] != '{' && json[0] != '[';
}

bool IsIntegerText(const std::string& json) {
  return json.find_first_of(".eE") == std::string::npos;
}

class ZodWriter {
 public:
  ZodWriter(const ir::Api& api, const TsNames& names) : api_(api), names_(names) {}

  // The zod expression of schema `id` as used inside another schema: a named component is
  // referenced by name, an inline schema is written out.
  std::string Ref(ir::SchemaId id, int indent) {
    if (id == ir::kNoSchema) return "z.unknown()";
    if (!names_.schemas[id].empty()) return names_.schemas[id];
    return Inline(id, indent);
  }
  // The zod expression of schema `id` itself (the right-hand side of its declaration).
  std::string Inline(ir::SchemaId id, int indent) {
    if (id == ir::kNoSchema) return "z.unknown()";
    // An inline schema that reaches itself without passing a named component cannot be
    // written out; it validates anything.
    if (!expanding_.insert(id).second) return "z.unknown()";
    std::string out = Expr(api_.schemas[id], indent);
    expanding_.erase(id);
    return out;
  }
  // The TypeScript type of schema `id`'s output, for the declarations of recursive
  // schemas. It may be wider than zod's inferred type (z.ZodType is covariant), never
  // narrower.
  std::string TypeRef(ir::SchemaId id, int indent) {
    if (id == ir::kNoSchema) return "unknown";
    if (!names_.schemas[id].empty()) {
      if (cyclic_ != nullptr && (*cyclic_)[id]) return names_.schemas[id];
      return "z.output<typeof " + names_.schemas[id] + ">";
    }
    return TypeInline(id, indent);
  }
  std::string TypeInline(ir::SchemaId id, int indent) {
    if (id == ir::kNoSchema) return "unknown";
    if (!expanding_.insert(id).second) return "unknown";
    std::string out = Type(api_.schemas[id], indent);
    expanding_.erase(id);
    return out;
  }

  // Whether a default can be written for `s`: it must type-check against the schema's
  // zod type (a default outside an enum would not compile), so only scalars and empty
  // arrays of the right type are written.
  bool DefaultFits(const ir::Schema& s) const {
    const std::string& d = s.default_value;
    if (d.empty() || !s.const_value.empty()) return false;
    if (!s.enum_values.empty()) return Has(s.enum_values, d) && IsScalarJson(d);
    if (s.one_of.size() + s.any_of.size() + s.all_of.size() > 0 || s.not_schema != ir::kNoSchema) return false;
    char c = d[0];
    if (c == '"') return Has(s.types, "string") && s.types.size() <= 2 && FormatCtor(s.format).empty();
    if (c == '-' || (c >= '0' && c <= '9')) {
      return Has(s.types, "number") || (Has(s.types, "integer") && IsIntegerText(d));
    }
    if (d == "true" || d == "false") return Has(s.types, "boolean");
    if (d == "null") return Has(s.types, "null");
    if (d == "[]") return Has(s.types, "array") && s.prefix_items.empty();
    return false;
  }

  void set_cyclic(const std::vector<bool>* cyclic) { cyclic_ = cyclic; }

  // Schema `id` written out without its own default: a coerced parameter pipes into it, and
  // a pipe's target must not accept undefined; the parameter applies the default itself.
  std::string InlineWithoutDefault(ir::SchemaId id, int indent) {
    skip_default_ = true;
    std::string out = Inline(id, indent);
    skip_default_ = false;
    return out;
  }

 private:
  std::string Expr(const ir::Schema& s, int indent);
  std::string Base(const ir::Schema& s, int indent);
  std::string TypeExpr(const ir::Schema& s, const std::string& type, int indent);
  std::string ObjectExpr(const ir::Schema& s, int indent);
  std::string Literal(const std::string& json) {
    if (json == "null") return "z.null()";
    return "z.literal(" + json + ")";
  }
  std::string EnumExpr(const std::vector<std::string>& values);
  std::string Composition(const ir::Schema& s, int indent);
  std::string Discriminated(const ir::Schema& s, int indent);

  std::string Type(const ir::Schema& s, int indent);
  std::string TypeBase(const ir::Schema& s, int indent);
  std::string TypeOf(const ir::Schema& s, const std::string& type, int indent);
  std::string ObjectType(const ir::Schema& s, int indent);

  const ir::Api& api_;
  const TsNames& names_;
  const std::vector<bool>* cyclic_ = nullptr;
  std::set<ir::SchemaId> expanding_;
  bool skip_default_ = false;
};

std::vector<std::string> NonNullTypes(const ir::Schema& s) {
  std::vector<std::string> out;
  for (const std::string& t : s.types) {
    if (t != "null") out.push_back(t);
  }
  if (out.empty() && s.types.empty()) {
    // No `type`: infer it from the keywords present, as validators effectively do.
    if (!s.properties.empty() || s.additional_properties != ir::AdditionalProperties::kUnspecified) {
      out.push_back("object");
    } else if (s.items != ir::kNoSchema || !s.prefix_items.empty()) {
      out.push_back("array");
    }
  }
  return out;
}

bool HasComposition(const ir::Schema& s) {
  return !s.all_of.empty() || !s.one_of.empty() || !s.any_of.empty();
}

std::string ZodWriter::EnumExpr(const std::vector<std::string>& values) {
  bool strings = std::all_of(values.begin(), values.end(), [](const std::string& v) { return !v.empty() && v[0] == '"'; });
  std::vector<std::string> unique;
  for (const std::string& v : values) {
    if (!Has(unique, v)) unique.push_back(v);
  }
  if (strings) {
    std::string out = "z.enum([";
    for (size_t i = 0; i < unique.size(); ++i) out += (i ? ", " : "") + unique[i];
    return out + "])";
  }
  if (!std::all_of(unique.begin(), unique.end(), IsScalarJson)) return "z.unknown()";
  if (unique.size() == 1) return Literal(unique[0]);
  std::string out = "z.union([";
  for (size_t i = 0; i < unique.size(); ++i) out += (i ? ", " : "") + Literal(unique[i]);
  return out + "])";
}

std::string ZodWriter::ObjectExpr(const ir::Schema& s, int indent) {
  using AP = ir::AdditionalProperties;
  if (s.properties.empty()) {
    if (s.additional_properties == AP::kSchema) {
      return "z.record(z.string(), " + Ref(s.additional_properties_schema, indent) + ")";
    }
    if (s.additional_properties == AP::kForbidden) return "z.strictObject({})";
    return "z.record(z.string(), z.unknown())";
  }
  std::string ctor = s.additional_properties == AP::kForbidden ? "z.strictObject"
                     : s.additional_properties == AP::kAllowed ? "z.looseObject"
                                                               : "z.object";
  std::string out = ctor + "({\n";
  for (const ir::Property& p : s.properties) {
    const ir::Schema* ps = p.schema == ir::kNoSchema ? nullptr : &api_.schemas[p.schema];
    bool inline_schema = ps != nullptr && names_.schemas[p.schema].empty();
    if (inline_schema) {
      std::string note = ps->read_only ? "@readonly (optional in requests)" : ps->write_only ? "@writeonly" : "";
      if (ps->deprecated) note += (note.empty() ? "" : "\n") + std::string("@deprecated");
      out += JsDoc(ps->description, indent + 1, note);
    }
    std::string key = IsTsIdentifier(p.name) ? p.name : JsonQuote(p.name);
    std::string value = Ref(p.schema, indent + 1);
    bool has_default = inline_schema && DefaultFits(*ps);
    // readOnly/writeOnly properties are optional: the same schema validates requests,
    // which never carry readOnly ones, and responses, which never carry writeOnly ones.
    bool optional = !p.required || (ps != nullptr && (ps->read_only || ps->write_only));
    if (optional && !has_default) value += ".optional()";
    out += Pad(indent + 1) + key + ": " + value + ",\n";
  }
  out += Pad(indent) + "})";
  if (s.additional_properties == AP::kSchema) {
    out += ".catchall(" + Ref(s.additional_properties_schema, indent) + ")";
  }
  return out;
}

std::string ZodWriter::TypeExpr(const ir::Schema& s, const std::string& type, int indent) {
  if (type == "string") {
    std::string_view ctor = FormatCtor(s.format);
    std::string out = ctor.empty() ? "z.string()" : std::string(ctor);
    if (s.min_length) out += ".min(" + std::to_string(*s.min_length) + ")";
    if (s.max_length) out += ".max(" + std::to_string(*s.max_length) + ")";
    if (!s.pattern.empty()) out += ".regex(pattern(" + JsonQuote(s.pattern) + "))";
    return out;
  }
  if (type == "integer" || type == "number") {
    std::string out = type == "integer" ? "z.int()" : "z.number()";
    if (!s.minimum.empty()) out += ".gte(" + s.minimum + ")";
    if (!s.exclusive_minimum.empty()) out += ".gt(" + s.exclusive_minimum + ")";
    if (!s.maximum.empty()) out += ".lte(" + s.maximum + ")";
    if (!s.exclusive_maximum.empty()) out += ".lt(" + s.exclusive_maximum + ")";
    if (!s.multiple_of.empty()) out += ".multipleOf(" + s.multiple_of + ")";
    return out;
  }
  if (type == "boolean") return "z.boolean()";
  if (type == "array") {
    std::string out;
    if (!s.prefix_items.empty()) {
      out = "z.tuple([";
      for (size_t i = 0; i < s.prefix_items.size(); ++i) out += (i ? ", " : "") + Ref(s.prefix_items[i], indent);
      out += "]";
      if (s.items != ir::kNoSchema) out += ", " + Ref(s.items, indent);
      out += ")";
      return out;
    }
    out = "z.array(" + Ref(s.items, indent) + ")";
    if (s.min_items) out += ".min(" + std::to_string(*s.min_items) + ")";
    if (s.max_items) out += ".max(" + std::to_string(*s.max_items) + ")";
    if (s.unique_items) out += ".refine(uniqueItems, \"items must be unique\")";
    return out;
  }
  if (type == "object") {
    std::string out = ObjectExpr(s, indent);
    if (s.min_properties) {
      out += ".refine((o) => Object.keys(o).length >= " + std::to_string(*s.min_properties) +
             ", \"too few properties\")";
    }
    if (s.max_properties) {
      out += ".refine((o) => Object.keys(o).length <= " + std::to_string(*s.max_properties) +
             ", \"too many properties\")";
    }
    return out;
  }
  if (type == "null") return "z.null()";
  return "z.unknown()";
}

std::string ZodWriter::Base(const ir::Schema& s, int indent) {
  if (s.boolean_schema) return *s.boolean_schema ? "z.unknown()" : "z.never()";
  if (!s.const_value.empty()) return IsScalarJson(s.const_value) ? Literal(s.const_value) : "z.unknown()";
  std::vector<std::string> values;
  for (const std::string& v : s.enum_values) {
    // `null` among the values is the schema's nullability, written as .nullable().
    if (v != "null" || !Has(s.types, "null")) values.push_back(v);
  }
  if (!values.empty()) return EnumExpr(values);
  if (!s.enum_values.empty()) return "z.null()";
  std::vector<std::string> types = NonNullTypes(s);
  if (types.empty()) {
    if (Has(s.types, "null")) return "z.null()";
    return HasComposition(s) ? "" : "z.unknown()";
  }
  if (types.size() == 1) return TypeExpr(s, types[0], indent);
  std::string out = "z.union([";
  for (size_t i = 0; i < types.size(); ++i) out += (i ? ", " : "") + TypeExpr(s, types[i], indent);
  return out + "])";
}

// z.discriminatedUnion needs every option to be an object schema whose discriminator is a
// literal: written when every option is a named, non-recursive object component (each is
// extended with its mapping value); otherwise the caller falls back to z.union.
std::string ZodWriter::Discriminated(const ir::Schema& s, int indent) {
  const std::vector<ir::SchemaId>& options = s.one_of.empty() ? s.any_of : s.one_of;
  if (!s.discriminator || options.empty()) return {};
  const std::string& prop = s.discriminator->property_name;
  std::string out = "z.discriminatedUnion(" + JsonQuote(prop) + ", [\n";
  for (ir::SchemaId id : options) {
    if (id == ir::kNoSchema || names_.schemas[id].empty()) return {};
    if (cyclic_ != nullptr && (*cyclic_)[id]) return {};
    const ir::Schema& o = api_.schemas[id];
    if (o.properties.empty() || HasComposition(o) || !o.enum_values.empty() ||
        o.min_properties || o.max_properties || o.not_schema != ir::kNoSchema ||
        Has(o.types, "null") || NonNullTypes(o) != std::vector<std::string>{"object"} ||
        !o.default_value.empty()) {
      return {};
    }
    std::vector<std::string> values;
    for (const auto& [value, target] : s.discriminator->mapping) {
      if (target == id) values.push_back(value);
    }
    if (values.empty()) values.push_back(api_.schemas[id].name);
    std::string literal = values.size() == 1 ? "z.literal(" + JsonQuote(values[0]) + ")" : "z.enum([";
    if (values.size() > 1) {
      for (size_t i = 0; i < values.size(); ++i) literal += (i ? ", " : "") + JsonQuote(values[i]);
      literal += "])";
    }
    out += Pad(indent + 1) + names_.schemas[id] + ".extend({ " + JsonQuote(prop) + ": " + literal + " }),\n";
  }
  return out + Pad(indent) + "])";
}

std::string ZodWriter::Composition(const ir::Schema& s, int indent) {
  std::vector<std::string> parts;
  for (ir::SchemaId id : s.all_of) parts.push_back(Ref(id, indent));
  auto union_of = [&](const std::vector<ir::SchemaId>& ids) {
    if (ids.size() == 1) return Ref(ids[0], indent);
    std::string out = "z.union([\n";
    for (ir::SchemaId id : ids) out += Pad(indent + 1) + Ref(id, indent + 1) + ",\n";
    return out + Pad(indent) + "])";
  };
  std::string discriminated = Discriminated(s, indent);
  if (!discriminated.empty()) {
    parts.push_back(discriminated);
  } else {
    if (!s.one_of.empty()) parts.push_back(union_of(s.one_of));
    if (!s.any_of.empty()) parts.push_back(union_of(s.any_of));
  }
  std::string out;
  for (const std::string& p : parts) out = out.empty() ? p : "z.intersection(" + out + ", " + p + ")";
  return out;
}

std::string ZodWriter::Expr(const ir::Schema& s, int indent) {
  bool skip_default = skip_default_;
  skip_default_ = false;
  std::string base = Base(s, indent);
  std::string out = base;
  if (HasComposition(s) && !s.boolean_schema) {
    std::string comp = Composition(s, indent);
    if (base.empty() || base == "z.unknown()") {
      out = comp;
    } else {
      out = "z.intersection(" + base + ", " + comp + ")";
    }
  }
  if (out.empty()) out = "z.unknown()";
  if (s.not_schema != ir::kNoSchema) {
    out += ".refine((v) => !" + Ref(s.not_schema, indent) + ".safeParse(v).success, \"matches a schema it must not\")";
  }
  if (Has(s.types, "null") && out != "z.null()" && out != "z.unknown()") out += ".nullable()";
  if (DefaultFits(s) && !skip_default) out += ".default(" + s.default_value + ")";
  return out;
}

// ---- TypeScript types (recursive schemas only) ----

std::string ZodWriter::ObjectType(const ir::Schema& s, int indent) {
  using AP = ir::AdditionalProperties;
  if (s.properties.empty()) {
    if (s.additional_properties == AP::kSchema) {
      return "{ [key: string]: " + TypeRef(s.additional_properties_schema, indent) + " }";
    }
    if (s.additional_properties == AP::kForbidden) return "{}";
    return "{ [key: string]: unknown }";
  }
  std::string out = "{\n";
  for (const ir::Property& p : s.properties) {
    const ir::Schema* ps = p.schema == ir::kNoSchema ? nullptr : &api_.schemas[p.schema];
    bool optional = !p.required || (ps != nullptr && (ps->read_only || ps->write_only || !ps->default_value.empty()));
    std::string key = IsTsIdentifier(p.name) ? p.name : JsonQuote(p.name);
    out += Pad(indent + 1) + key + (optional ? "?: " : ": ") + TypeRef(p.schema, indent + 1) +
           (optional ? " | undefined" : "") + ";\n";
  }
  if (s.additional_properties == AP::kAllowed || s.additional_properties == AP::kSchema) {
    out += Pad(indent + 1) + "[key: string]: unknown;\n";
  }
  return out + Pad(indent) + "}";
}

std::string ZodWriter::TypeOf(const ir::Schema& s, const std::string& type, int indent) {
  if (type == "string") return "string";
  if (type == "integer" || type == "number") return "number";
  if (type == "boolean") return "boolean";
  if (type == "null") return "null";
  if (type == "array") {
    if (!s.prefix_items.empty()) {
      std::string out = "[";
      for (size_t i = 0; i < s.prefix_items.size(); ++i) out += (i ? ", " : "") + TypeRef(s.prefix_items[i], indent);
      if (s.items != ir::kNoSchema) out += ", ...(" + TypeRef(s.items, indent) + ")[]";
      return out + "]";
    }
    return "(" + TypeRef(s.items, indent) + ")[]";
  }
  if (type == "object") return ObjectType(s, indent);
  return "unknown";
}

std::string ZodWriter::TypeBase(const ir::Schema& s, int indent) {
  if (s.boolean_schema) return *s.boolean_schema ? "unknown" : "never";
  if (!s.const_value.empty()) return IsScalarJson(s.const_value) ? s.const_value : "unknown";
  if (!s.enum_values.empty()) {
    if (!std::all_of(s.enum_values.begin(), s.enum_values.end(), IsScalarJson)) return "unknown";
    std::string out;
    for (const std::string& v : s.enum_values) out += (out.empty() ? "" : " | ") + v;
    return out;
  }
  std::vector<std::string> types = NonNullTypes(s);
  if (types.empty() && Has(s.types, "null")) return "null";
  if (types.empty()) return HasComposition(s) ? "" : "unknown";
  std::string out;
  for (const std::string& t : types) out += (out.empty() ? "" : " | ") + TypeOf(s, t, indent);
  return types.size() > 1 ? "(" + out + ")" : out;
}

std::string ZodWriter::Type(const ir::Schema& s, int indent) {
  std::string out = TypeBase(s, indent);
  if (HasComposition(s) && !s.boolean_schema) {
    std::vector<std::string> parts;
    if (!out.empty() && out != "unknown") parts.push_back("(" + out + ")");
    for (ir::SchemaId id : s.all_of) parts.push_back("(" + TypeRef(id, indent) + ")");
    for (const std::vector<ir::SchemaId>* ids : {&s.one_of, &s.any_of}) {
      if (ids->empty()) continue;
      std::string u;
      for (ir::SchemaId id : *ids) u += (u.empty() ? "" : " | ") + TypeRef(id, indent);
      parts.push_back("(" + u + ")");
    }
    out.clear();
    for (const std::string& p : parts) out += (out.empty() ? "" : " & ") + p;
  }
  if (out.empty()) out = "unknown";
  if (Has(s.types, "null") && out != "unknown" && out != "null") out = "(" + out + ") | null";
  return out;
}

// ---- The module ----

// Calls `visit` with every named component schema `id`'s expression references directly
// (through inline schemas, not through other named ones).
void ForEachNamedRef(const ir::Api& api, ir::SchemaId id, const std::function<void(ir::SchemaId)>& visit) {
  std::vector<ir::SchemaId> stack;
  std::set<ir::SchemaId> seen{id};
  auto push = [&](ir::SchemaId child) {
    if (child == ir::kNoSchema) return;
    if (!api.schemas[child].name.empty()) {
      visit(child);
      return;
    }
    if (seen.insert(child).second) stack.push_back(child);
  };
  auto children = [&](const ir::Schema& s) {
    for (const ir::Property& p : s.properties) push(p.schema);
    push(s.additional_properties_schema);
    push(s.items);
    for (ir::SchemaId c : s.prefix_items) push(c);
    for (ir::SchemaId c : s.all_of) push(c);
    for (ir::SchemaId c : s.one_of) push(c);
    for (ir::SchemaId c : s.any_of) push(c);
    push(s.not_schema);
  };
  children(api.schemas[id]);
  while (!stack.empty()) {
    ir::SchemaId next = stack.back();
    stack.pop_back();
    children(api.schemas[next]);
  }
}

// Orders the named components so each comes after the ones it references (a `const`
// cannot be used before its declaration runs) and marks the members of reference cycles,
// which are declared with explicit types and z.lazy. Tarjan's algorithm, iterative, started
// from components in document order, so the order is deterministic.
void OrderComponents(const ir::Api& api, std::vector<ir::SchemaId>* order, std::vector<bool>* cyclic) {
  size_t n = api.schemas.size();
  std::vector<std::vector<ir::SchemaId>> edges(n);
  std::vector<bool> self_loop(n, false);
  for (ir::SchemaId id : api.component_schemas) {
    ForEachNamedRef(api, id, [&](ir::SchemaId to) {
      if (to == id) self_loop[id] = true;
      if (std::find(edges[id].begin(), edges[id].end(), to) == edges[id].end()) {
        edges[id].push_back(to);
      }
    });
  }
  cyclic->assign(n, false);
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<ir::SchemaId> stack;
  int counter = 0;
  struct Frame {
    ir::SchemaId id;
    size_t next;
  };
  for (ir::SchemaId root : api.component_schemas) {
    if (index[root] >= 0) continue;
    std::vector<Frame> frames{{root, 0}};
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!frames.empty()) {
      Frame& f = frames.back();
      if (f.next < edges[f.id].size()) {
        ir::SchemaId to = edges[f.id][f.next++];
        if (index[to] < 0) {
          index[to] = low[to] = counter++;
          stack.push_back(to);
          on_stack[to] = true;
          frames.push_back({to, 0});
        } else if (on_stack[to]) {
          low[f.id] = std::min(low[f.id], index[to]);
        }
        continue;
      }
      ir::SchemaId id = f.id;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().id] = std::min(low[frames.back().id], low[id]);
      if (low[id] != index[id]) continue;
      std::vector<ir::SchemaId> component;
      while (true) {
        ir::SchemaId member = stack.back();
        stack.pop_back();
        on_stack[member] = false;
        component.push_back(member);
        if (member == id) break;
      }
      std::sort(component.begin(), component.end());
      for (ir::SchemaId member : component) {
        (*cyclic)[member] = component.size() > 1 || self_loop[member];
        order->push_back(member);
      }
    }
  }
}

const char* ParamSeparator(const ir::Parameter& p) {
  if (p.explode && (p.in == ir::ParamIn::kQuery || p.in == ir::ParamIn::kCookie)) return "null";
  if (p.style == "spaceDelimited") return "\" \"";
  if (p.style == "pipeDelimited") return "\"|\"";
  return "\",\"";
}

class ZodEmitter final : public Emitter {
 public:
  std::string_view id() const override { return kId; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override;

 private:
  // The wire form of a parameter: path, query, header and cookie values arrive as
  // strings, so numbers and booleans are coerced and arrays split before the schema runs.
  static std::string ParamExpr(const ir::Api& api, ZodWriter& w, const ir::Parameter& p);
};

std::string ZodEmitter::ParamExpr(const ir::Api& api, ZodWriter& w, const ir::Parameter& p) {
  if (p.schema == ir::kNoSchema) return p.required ? "z.string()" : "z.string().optional()";
  const ir::Schema& s = api.schemas[p.schema];
  std::vector<std::string> types = NonNullTypes(s);
  std::string type = types.size() == 1 ? types[0] : "";
  // `type: boolean` with `enum: ["false", "true"]` (Oxford Dictionaries): the schema is
  // validated by its string values, which are what a parameter arrives as, so no coercion.
  if (!s.enum_values.empty() && std::all_of(s.enum_values.begin(), s.enum_values.end(),
                                            [](const std::string& v) { return !v.empty() && v[0] == '"'; })) {
    type = "string";
  }
  bool scalar = type == "integer" || type == "number" || type == "boolean";
  std::string expr = scalar && w.DefaultFits(s) ? w.InlineWithoutDefault(p.schema, 2) : w.Ref(p.schema, 2);
  bool coerced = false;
  if (type == "integer" || type == "number") {
    expr = "z.coerce.number().pipe(" + expr + ")";
    coerced = true;
  } else if (type == "boolean") {
    expr = "z.stringbool().pipe(" + expr + ")";
    coerced = true;
  } else if (type == "array" && s.prefix_items.empty()) {
    std::string item = "z.string()";
    if (s.items != ir::kNoSchema) {
      std::vector<std::string> item_types = NonNullTypes(api.schemas[s.items]);
      std::string it = item_types.size() == 1 ? item_types[0] : "";
      bool item_scalar = it == "integer" || it == "number" || it == "boolean";
      item = item_scalar && w.DefaultFits(api.schemas[s.items]) ? w.InlineWithoutDefault(s.items, 2) : w.Ref(s.items, 2);
      if (it == "integer" || it == "number") item = "z.coerce.number().pipe(" + item + ")";
      if (it == "boolean") item = "z.stringbool().pipe(" + item + ")";
    }
    std::string array = "z.array(" + item + ")";
    if (s.min_items) array += ".min(" + std::to_string(*s.min_items) + ")";
    if (s.max_items) array += ".max(" + std::to_string(*s.max_items) + ")";
    expr = "z.preprocess(toArray(" + std::string(ParamSeparator(p)) + "), " + array + ")";
    coerced = true;
  }
  if (!p.required && p.in != ir::ParamIn::kPath) {
    if (coerced && w.DefaultFits(s)) {
      expr += ".default(" + s.default_value + ")";
    } else {
      expr += ".optional()";
    }
  }
  return expr;
}

void ZodEmitter::Emit(const EmitContext& ctx, OutputSet& out) const {
  for (const ApiInput& input : ctx.apis) {
    const ir::Api& api = *input.api;
    TsNames names = NameTsSymbols(api);
    ZodWriter w(api, names);
    std::vector<ir::SchemaId> order;
    std::vector<bool> cyclic;
    OrderComponents(api, &order, &cyclic);
    w.set_cyclic(&cyclic);
    View view;
    view.Set("source", LineComment(input.source));
    view.Set("title", LineComment(api.title));
    View schemas = View::List();
    for (ir::SchemaId id : order) {
      const ir::Schema& s = api.schemas[id];
      View item;
      item.Set("name", names.schemas[id]);
      std::string note = s.read_only ? "@readonly" : s.write_only ? "@writeonly" : "";
      if (s.deprecated) note += (note.empty() ? "" : "\n") + std::string("@deprecated");
      std::string doc = JsDoc(s.description.empty() ? s.title : s.description, 0, note);
      if (!doc.empty()) doc.pop_back();
      item.Set("doc", doc);
      item.Set("recursive", static_cast<bool>(cyclic[id]));
      item.Set("zod", w.Inline(id, 0));
      if (cyclic[id]) item.Set("ts_type", w.TypeInline(id, 0));
      schemas.Add(std::move(item));
    }
    view.Set("schemas", std::move(schemas));
    View operations = View::List();
    for (size_t i = 0; i < api.operations.size(); ++i) {
      const ir::Operation& op = api.operations[i];
      const OperationNames& n = names.operations[i];
      View o;
      std::string upper = op.method;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      o.Set("comment", LineComment(upper + " " + op.path));
      View parts = View::List();
      for (InputPart part : kInputParts) {
        const std::string& name = n.parts[static_cast<int>(part)];
        if (name.empty()) continue;
        std::string expr;
        if (part == InputPart::kBody) {
          expr = w.Ref(op.request_body->content[n.body_media].schema, 0);
          if (!op.request_body->required) expr += ".optional()";
        } else {
          ir::ParamIn in = part == InputPart::kParams ? ir::ParamIn::kPath
                           : part == InputPart::kQuery ? ir::ParamIn::kQuery
                           : part == InputPart::kHeaders ? ir::ParamIn::kHeader
                                                         : ir::ParamIn::kCookie;
          expr = "z.object({\n";
          for (const ir::Parameter& p : op.parameters) {
            if (p.in != in) continue;
            std::string key = p.name;
            if (in == ir::ParamIn::kPath) {
              key = n.param_keys[static_cast<size_t>(&p - op.parameters.data())];
            } else if (in == ir::ParamIn::kHeader) {
              // Hono hands the validator header names lowercased.
              for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            expr += JsDoc(p.description, 1);
            expr += "  " + (IsTsIdentifier(key) ? key : JsonQuote(key)) + ": " + ParamExpr(api, w, p) + ",\n";
          }
          expr += "})";
        }
        View pv;
        pv.Set("name", name);
        pv.Set("zod", expr);
        parts.Add(std::move(pv));
      }
      for (size_t r = 0; r < op.responses.size(); ++r) {
        const ResponseNames& rn = n.responses[r];
        if (!rn.declared) continue;
        View pv;
        pv.Set("name", rn.schema);
        pv.Set("zod", w.Inline(op.responses[r].content[*rn.json_media].schema, 0));
        parts.Add(std::move(pv));
      }
      if (parts.size() == 0) continue;
      o.Set("parts", std::move(parts));
      operations.Add(std::move(o));
    }
    view.Set("operations", std::move(operations));
    View sent = View::List();
    auto add_sent = [&](const std::vector<ir::Operation>& ops, const std::vector<std::string>& bodies) {
      for (size_t i = 0; i < ops.size(); ++i) {
        if (bodies[i].empty()) continue;
        const ir::Operation& op = ops[i];
        size_t media = 0;
        std::string target;
        PickBodyMedia(*op.request_body, &media, &target);
        std::string upper = op.method;
        for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
        View item;
        std::string comment = op.kind == ir::OperationKind::kWebhook ? "webhook " + op.path + ": " + upper
                                                                     : "callback " + op.callback_name;
        if (op.kind == ir::OperationKind::kCallback) {
          if (op.parent >= 0) comment += " of " + api.operations[static_cast<size_t>(op.parent)].operation_id;
          comment += ": " + upper + " " + op.path;
        }
        item.Set("comment", LineComment(comment));
        item.Set("name", bodies[i]);
        item.Set("zod", w.Ref(op.request_body->content[media].schema, 0));
        sent.Add(std::move(item));
      }
    };
    add_sent(api.webhooks, names.webhook_bodies);
    add_sent(api.callbacks, names.callback_bodies);
    view.Set("sent", std::move(sent));
    std::optional<std::string> text = Render(ctx.templates, kId, "zod/schemas.ts.mustache", view, ctx.diags);
    if (!text) return;
    out.Put(input.service + "/schemas.ts", std::move(*text));
  }
}

}  // namespace

std::unique_ptr<Emitter> NewZodEmitter() { return std::make_unique<ZodEmitter>(); }

}  // namespace specc::emit
