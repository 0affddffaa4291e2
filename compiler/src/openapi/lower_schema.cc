// Lowering of Schema Objects. Each schema node becomes one ir::Schema, found again by the
// node's address, so every `$ref` to it shares one SchemaId and cycles close on
// themselves. Referenced schemas are lowered from a work queue rather than by recursion,
// so a long chain of references costs heap, not stack.
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "base/path.h"
#include "ir/enum_value.h"
#include "openapi/lowerer.h"
#include "spec/to_json.h"

namespace specc::openapi {
namespace {

using spec::Member;
using spec::MembersOf;
using spec::Node;
using spec::ItemsOf;

std::string_view Str(const Node* node) {
  return node != nullptr && node->is_string() ? node->text() : std::string_view();
}

// The name a referenced schema gets from where it lives: the last pointer token
// ("#/components/schemas/Pet" -> "Pet") or, for a whole file, its stem ("pet.yaml" -> "pet").
std::string NameFromTarget(const RefTarget& target) {
  if (!target.pointer.empty()) {
    std::vector<std::string> tokens;
    if (DecodeJsonPointer(target.pointer, &tokens) && !tokens.empty()) return tokens.back();
  }
  std::string_view path = target.doc->path;
  size_t slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.find('.');
  return std::string(base.substr(0, dot));
}

}  // namespace

std::string Lowerer::UniqueSchemaName(const std::string& name) {
  // Names are unique by construction (the first free one of name, name2, name3, ...);
  // emitters may still re-case them. Suffixes already tried for `name` stay taken (names
  // are never released), so the search resumes where the last one stopped: n schemas
  // named alike cost n steps in all.
  std::string unique = name;
  int& n = next_suffix_[name];
  if (n == 0) n = 2;
  while (true) {
    ++name_probes_;
    if (schema_names_.count(unique) == 0) break;
    unique = name + std::to_string(n++);
  }
  schema_names_.insert(unique);
  return unique;
}

std::string Lowerer::RootFileName() const {
  std::string_view path = ws_.documents().front()->path;
  return std::string(path.substr(path.rfind('/') + 1));
}

namespace {

// Whether `schema`'s `type` (nullable included) lets value `v` through.
bool TypeAccepts(const ir::Schema& schema, const Node& v) {
  auto integral = [](std::string_view text) {
    size_t dot = text.find('.');
    return dot != std::string_view::npos && text.find_first_not_of('0', dot + 1) == std::string_view::npos &&
           text.find_first_of("eE") == std::string_view::npos;
  };
  for (std::string_view t : schema.types) {
    if ((t == "string" && v.is_string()) || (t == "number" && v.is_number()) ||
        (t == "integer" && (v.kind == spec::NodeKind::kInt || (v.kind == spec::NodeKind::kFloat && integral(v.text())))) ||
        (t == "boolean" && v.kind == spec::NodeKind::kBool) || (t == "object" && v.is_map()) ||
        (t == "array" && v.is_seq()) || (t == "null" && v.kind == spec::NodeKind::kNull)) {
      return true;
    }
  }
  return v.kind == spec::NodeKind::kNull && schema.nullable;
}

std::string TypeList(const ir::Schema& schema) {
  std::string types;
  for (std::string_view t : schema.types) {
    types += types.empty() ? "" : " or ";
    types += t;
  }
  return types;
}

// "a string", "an integer or null": the type list with its article.
std::string WithArticle(const std::string& types) {
  return (types[0] == 'a' || types[0] == 'i' || types[0] == 'o' ? "an " : "a ") + types;
}

}  // namespace

// One warning per enum, at its first value of another type.
void Lowerer::CheckEnumAgainstType(const Node* values, const ir::Schema& schema) {
  if (values == nullptr || schema.types.empty()) return;
  std::vector<const Node*> others;
  bool all_read = true;  // every such value has a reading of the type (a quoted number)
  for (const Node& v : ItemsOf(*values)) {
    if (TypeAccepts(schema, v)) continue;
    others.push_back(&v);
    std::string written = spec::ToJson(v);
    all_read = all_read && ir::TypedEnumValue(schema.types, written) != written;
  }
  if (others.empty()) return;
  const Node& first = *others.front();
  std::string types = TypeList(schema);
  std::string message = others.size() == 1
                            ? "`enum` lists " + DescribeNode(first) + ", but the schema's `type` is " + types
                            : "`enum` lists " + std::to_string(others.size()) + " values that the schema's `type` (" +
                                  types + ") rejects, the first here";
  if (all_read) {
    message += others.size() == 1 ? "; specc reads it as " + ir::TypedEnumValue(schema.types, spec::ToJson(first))
                                  : "; specc reads each as the number or boolean it quotes";
  } else {
    message += others.size() == 1 ? "; no value can equal it" : "; no value can equal those";
  }
  sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecValueType, .loc = first.loc(),
                          .message = message,
                          .hint = all_read                                   ? "write the values unquoted"
                                  : first.kind == spec::NodeKind::kNull && others.size() == 1
                                      ? "to let null through add `nullable: true` (3.0) or `null` to `type` (3.1)"
                                      : "make each value " + WithArticle(types) + ", or fix `type`",
                          .notes = {}});
}

void Lowerer::CheckValuesAgainstType(const std::vector<const Member*>& values, const ir::Schema& schema) {
  if (schema.types.empty()) return;
  for (const Member* m : values) {
    if (TypeAccepts(schema, m->value)) continue;
    std::string types = TypeList(schema);
    std::string hint = "make the value " + WithArticle(types) + ", or fix `type`";
    if (m->value.is_number() && schema.types.size() == 1 && schema.types[0] == "string") {
      hint = "quote it: `\"" + std::string(m->value.text()) + "\"`";
    }
    sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecValueType, .loc = m->value.loc(),
                            .message = "`" + std::string(m->key()) + "` is " + DescribeNode(m->value) +
                                       ", but the schema's `type` is " + types,
                            .hint = hint, .notes = {}});
  }
}

void Lowerer::AddComponentSchema(ir::SchemaId id) {
  api_.component_schemas.push_back(id);
  // A later schema of the same name wins, as the former scan over every component did.
  component_ids_[api_.schemas[id].name.str()] = id;
}

void Lowerer::RegisterComponentSchemas(const Document& doc, const Node& schemas) {
  for (const Member& m : MembersOf(schemas)) {
    ir::SchemaId id = static_cast<ir::SchemaId>(api_.schemas.size());
    api_.schemas.emplace_back();
    api_.schemas[id].name = m.key();
    api_.schemas[id].loc = m.value.loc();
    schema_names_.insert(api_.schemas[id].name.str());
    AddComponentSchema(id);
    if (Workspace::RefOf(m.value) != nullptr) {
      std::optional<RefTarget> target = ws_.Deref(doc, m.value);
      if (target && target->doc != &doc && !schema_ids_.Contains(target->node)) {
        // A component kept in a file of its own takes the component's name.
        schema_ids_.Set(target->node, id);
        api_.schemas[id].loc = target->node->loc();
        pending_schemas_.push_back({target->doc, target->node, id});
        continue;
      }
    }
    schema_ids_.Set(&m.value, id);
    pending_schemas_.push_back({&doc, &m.value, id});
  }
}

ir::SchemaId Lowerer::SchemaFor(const Document& doc, const Node& node) {
  if (const ir::SchemaId* known = schema_ids_.Find(&node)) return *known;
  const Node* ref = Workspace::RefOf(node);
  bool pure_ref = ref != nullptr && (version_ == Version::k30 || node.size == 1 ||
                                     std::all_of(node.members, node.members + node.size, [](const Member& m) {
                                       return m.key() == "$ref" || m.key() == "description" || m.key() == "summary";
                                     }));
  if (pure_ref) {
    std::optional<RefTarget> target = ws_.Deref(doc, node);
    if (!target) return ir::kNoSchema;
    if (const ir::SchemaId* known = schema_ids_.Find(target->node)) return *known;
    ir::SchemaId id = static_cast<ir::SchemaId>(api_.schemas.size());
    api_.schemas.emplace_back();
    api_.schemas[id].loc = target->node->loc();
    // Only schemas in other files get a name here; the root's components were named.
    if (target->doc != &doc || target->pointer.rfind("/components/schemas/", 0) == 0 ||
        target->pointer.rfind("/definitions/", 0) == 0 || target->pointer.rfind("/$defs/", 0) == 0) {
      api_.schemas[id].name = UniqueSchemaName(NameFromTarget(*target));
      AddComponentSchema(id);
    }
    schema_ids_.Set(target->node, id);
    pending_schemas_.push_back({target->doc, target->node, id});
    return id;
  }
  ir::SchemaId id = static_cast<ir::SchemaId>(api_.schemas.size());
  api_.schemas.emplace_back();
  api_.schemas[id].loc = node.loc();
  schema_ids_.Set(&node, id);
  LowerSchemaInto(doc, node, id);
  return id;
}

void Lowerer::DrainSchemas() {
  while (!pending_schemas_.empty()) {
    PendingSchema next = pending_schemas_.front();
    pending_schemas_.pop_front();
    LowerSchemaInto(*next.doc, *next.node, next.id);
  }
}

void Lowerer::LowerSchemaInto(const Document& doc, const Node& node, ir::SchemaId id) {
  // `api_.schemas` grows while children are lowered, so never hold a reference into it
  // across a call that may add schemas; write through `at()` instead.
  auto at = [&]() -> ir::Schema& { return api_.schemas[id]; };
  if (node.kind == spec::NodeKind::kBool) {
    if (version_ == Version::k30) {
      sink_.Report(DiagCode::kSpecSchemaInvalid, node.loc(),
                   "a Schema Object must be an object in OpenAPI 3.0, not a boolean",
                   "boolean schemas exist from OpenAPI 3.1 on; use `{}` for any value");
    }
    at().boolean_schema = node.is_true();
    return;
  }
  if (!node.is_map()) {
    sink_.Report(DiagCode::kSpecSchemaInvalid, node.loc(),
                 std::string("a Schema Object must be an object") +
                     (version_ == Version::k31 ? " or a boolean" : "") + ", not " +
                     DescribeNode(node));
    return;
  }
  const Node* ref = Workspace::RefOf(node);
  if (ref != nullptr) {
    // 3.1: a $ref beside other keywords applies alongside them.
    Node only_ref = node;
    const Member* ref_member = node.FindMember("$ref");
    only_ref.members = ref_member;
    only_ref.size = 1;
    ir::SchemaId target = SchemaFor(doc, only_ref);
    if (target != ir::kNoSchema) at().mutable_extras().all_of.push_back(target);
  }
  auto child = [&](const Node& n) { return SchemaFor(doc, n); };
  auto schema_list = [&](const Member& m, std::vector<ir::SchemaId> ir::SchemaExtras::*field) {
    if (!m.value.is_seq()) {
      sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(),
                   "`" + std::string(m.key()) + "` must be an array of schemas");
      return;
    }
    if (m.value.size == 0) {
      // JSON Schema requires a non-empty array; real descriptions (Vercel's) have empty
      // ones, whose reading is clear, so this is a warning.
      sink_.Report(Diagnostic{.severity = Severity::kWarning, .code = DiagCode::kSpecSchemaInvalid,
                              .loc = m.value.loc(),
                              .message = "`" + std::string(m.key()) + "` is empty" +
                                         (m.key() == "allOf" ? "" : " and matches no value"),
                              .hint = "JSON Schema requires at least one schema here", .notes = {}});
      return;
    }
    for (const Node& item : ItemsOf(m.value)) {
      ir::SchemaId s = child(item);
      (at().mutable_extras().*field).push_back(s);
    }
  };
  auto count = [&](const Member& m, std::optional<uint64_t> ir::SchemaExtras::*field) {
    if (m.value.kind != spec::NodeKind::kInt || m.value.text()[0] == '-') {
      sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(),
                   "`" + std::string(m.key()) + "` must be a non-negative integer");
      return;
    }
    at().mutable_extras().*field = std::strtoull(std::string(m.value.text()).c_str(), nullptr, 10);
  };
  auto number = [&](const Member& m, std::string ir::SchemaExtras::*field) {
    if (!m.value.is_number()) {
      sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`" + std::string(m.key()) + "` must be a number");
      return;
    }
    at().mutable_extras().*field = std::string(m.value.text());
  };
  std::vector<std::string> required;
  std::vector<const Member*> values;  // `default` and `example`, checked against `type` below
  const Node* enum_values = nullptr;  // and `enum`'s values
  for (const Member& m : MembersOf(node)) {
    std::string_view k = m.key();
    if (k == "default" || k == "example") values.push_back(&m);
    if (k == "type") {
      auto add_type = [&](const Node& t) {
        if (!t.is_string() || !ir::JsonTypeNamed(t.text()) || (version_ == Version::k30 && t.text() == "null")) {
          sink_.Report(DiagCode::kSpecSchemaInvalid, t.loc(),
                       "`" + (t.is_string() ? std::string(t.text()) : spec::ToJson(t)) + "` is not a schema type",
                       version_ == Version::k30 ? "use object, array, string, integer, number or boolean (and `nullable: true` for null)"
                                                : "use object, array, string, integer, number, boolean or null");
          return;
        }
        at().types.push_back(t.text());
      };
      if (m.value.is_seq() && version_ == Version::k31) {
        for (const Node& t : ItemsOf(m.value)) add_type(t);
      } else if (m.value.is_seq()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`type` must be a single string in OpenAPI 3.0",
                     "type arrays exist from OpenAPI 3.1 on; use `nullable: true` for null");
      } else {
        add_type(m.value);
      }
    } else if (k == "nullable") {
      at().nullable = version_ == Version::k30 && m.value.is_true();
    } else if (k == "properties") {
      if (!m.value.is_map()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`properties` must be an object");
        continue;
      }
      // Sized once: grown by doubling, the property lists of GitHub's 40,230 schemas kept
      // about a megabyte of spare room in the IR.
      at().properties.reserve(at().properties.size() + m.value.size);
      for (const Member& p : MembersOf(m.value)) {
        ir::SchemaId s = child(p.value);
        at().properties.push_back(ir::Property{p.key(), s, false, p.key_loc()});
      }
    } else if (k == "required") {
      if (!m.value.is_seq()) {
        if (m.value.kind != spec::NodeKind::kBool) {
          sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`required` must be an array of property names");
        }
        continue;
      }
      required.reserve(required.size() + m.value.size);
      for (const Node& r : ItemsOf(m.value)) {
        if (!r.is_string()) {
          sink_.Report(DiagCode::kSpecSchemaInvalid, r.loc(), "`required` must list property names (strings)");
          continue;
        }
        if (std::find(required.begin(), required.end(), r.text()) == required.end()) required.emplace_back(Str(&r));
      }
    } else if (k == "items") {
      if (m.value.is_seq()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`items` must be a schema, not an array",
                     version_ == Version::k31 ? "for tuples use `prefixItems`" : "");
        continue;
      }
      ir::SchemaId s = child(m.value);
      at().items = s;
    } else if (k == "prefixItems" && version_ == Version::k31) {
      schema_list(m, &ir::SchemaExtras::prefix_items);
    } else if (k == "patternProperties") {
      if (!m.value.is_map()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`patternProperties` must be an object");
        continue;
      }
      // Sized once: grown by doubling, the property lists of GitHub's 40,230 schemas kept
      // about a megabyte of spare room in the IR.
      at().properties.reserve(at().properties.size() + m.value.size);
      for (const Member& p : MembersOf(m.value)) {
        ir::SchemaId s = child(p.value);
        at().mutable_extras().pattern_properties.emplace_back(std::string(p.key()), s);
      }
    } else if (k == "additionalProperties") {
      if (m.value.kind == spec::NodeKind::kBool) {
        at().additional_properties = m.value.is_true() ? ir::AdditionalProperties::kAllowed
                                                       : ir::AdditionalProperties::kForbidden;
      } else {
        ir::SchemaId s = child(m.value);
        at().additional_properties = ir::AdditionalProperties::kSchema;
        at().additional_properties_schema = s;
      }
    } else if (k == "allOf") {
      schema_list(m, &ir::SchemaExtras::all_of);
    } else if (k == "oneOf") {
      schema_list(m, &ir::SchemaExtras::one_of);
    } else if (k == "anyOf") {
      schema_list(m, &ir::SchemaExtras::any_of);
    } else if (k == "not") {
      ir::SchemaId s = child(m.value);
      at().mutable_extras().not_schema = s;
    } else if (k == "discriminator") {
      const Node* property = m.value.Find("propertyName");
      if (property == nullptr || !property->is_string()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "a discriminator needs a `propertyName` string");
        continue;
      }
      ir::Discriminator d{std::string(property->text()), {}};
      if (const Node* mapping = m.value.Find("mapping"); mapping != nullptr && mapping->is_map()) {
        for (const Member& entry : MembersOf(*mapping)) {
          if (!entry.value.is_string()) continue;
          std::string_view target = entry.value.text();
          ir::SchemaId s = ir::kNoSchema;
          if (target.find('/') == std::string_view::npos && target.find('#') == std::string_view::npos &&
              target.find('.') == std::string_view::npos) {
            // A bare name means a schema under components/schemas.
            if (auto named = component_ids_.find(std::string(target)); named != component_ids_.end()) {
              s = named->second;
            }
            if (s != ir::kNoSchema && &doc != ws_.documents().front().get()) {
              // Which document's components a name means is left open by 3.0.0-3.0.3;
              // 3.0.4 (and 3.1.1) recommend the entry document's, which specc follows.
              sink_.Report(Diagnostic{
                  .severity = Severity::kWarning, .code = DiagCode::kSpecDiscriminatorImplicit,
                  .loc = entry.value.loc(),
                  .message = "discriminator mapping names schema `" + std::string(target) +
                             "` by name in a file other than the root document; specc reads it as the root's "
                             "`#/components/schemas/" + std::string(target) + "`, as OpenAPI 3.0.4 recommends",
                  .hint = "write it as a reference, relative to this file, so that every tool reads the same "
                          "schema: e.g. `" + RootFileName() +
                          "#/components/schemas/" + std::string(target) + "` for the root's",
                  .notes = {}});
            }
            if (s == ir::kNoSchema) {
              sink_.Report(DiagCode::kSpecRefUnresolved, entry.value.loc(),
                           "discriminator mapping names schema `" + std::string(target) + "`, which does not exist");
            }
          } else {
            Member synthetic{"$ref", entry.value.offset, entry.value};
            Node ref_node = entry.value;
            ref_node.kind = spec::NodeKind::kMap;
            ref_node.members = &synthetic;
            ref_node.size = 1;
            if (auto t = ws_.Deref(doc, ref_node)) {
              const ir::SchemaId* known = schema_ids_.Find(t->node);
              s = known != nullptr ? *known : SchemaFor(doc, ref_node);
            }
          }
          d.mapping.emplace_back(std::string(entry.key()), s);
        }
      }
      at().mutable_extras().discriminator = std::move(d);
    } else if (k == "enum") {
      if (!m.value.is_seq()) {
        sink_.Report(DiagCode::kSpecSchemaInvalid, m.value.loc(), "`enum` must be an array");
        continue;
      }
      for (const Node& v : ItemsOf(m.value)) at().enum_values.push_back(spec::ToJson(v));
      enum_values = &m.value;
    } else if (k == "const") {
      at().mutable_extras().const_value = spec::ToJson(m.value);
    } else if (k == "default") {
      at().default_value = spec::ToJson(m.value);
    } else if (k == "example") {
      at().examples.push_back(spec::ToJson(m.value));
    } else if (k == "examples" && m.value.is_seq()) {
      for (const Node& v : ItemsOf(m.value)) at().examples.push_back(spec::ToJson(v));
    } else if (k == "format") {
      at().format = Str(&m.value);
    } else if (k == "pattern") {
      at().mutable_extras().pattern = std::string(Str(&m.value));
    } else if (k == "title") {
      at().title = Str(&m.value);
    } else if (k == "description") {
      at().description = Str(&m.value);
    } else if (k == "minimum") {
      number(m, &ir::SchemaExtras::minimum);
    } else if (k == "maximum") {
      number(m, &ir::SchemaExtras::maximum);
    } else if (k == "multipleOf") {
      number(m, &ir::SchemaExtras::multiple_of);
    } else if (k == "exclusiveMinimum" || k == "exclusiveMaximum") {
      bool is_min = k == "exclusiveMinimum";
      if (m.value.kind == spec::NodeKind::kBool) {
        // 3.0: a flag that makes minimum/maximum exclusive; resolved after the loop.
        if (m.value.is_true()) (is_min ? at().mutable_extras().exclusive_minimum : at().mutable_extras().exclusive_maximum) = "true";
      } else {
        number(m, is_min ? &ir::SchemaExtras::exclusive_minimum : &ir::SchemaExtras::exclusive_maximum);
      }
    } else if (k == "minLength") {
      count(m, &ir::SchemaExtras::min_length);
    } else if (k == "maxLength") {
      count(m, &ir::SchemaExtras::max_length);
    } else if (k == "minItems") {
      count(m, &ir::SchemaExtras::min_items);
    } else if (k == "maxItems") {
      count(m, &ir::SchemaExtras::max_items);
    } else if (k == "minProperties") {
      count(m, &ir::SchemaExtras::min_properties);
    } else if (k == "maxProperties") {
      count(m, &ir::SchemaExtras::max_properties);
    } else if (k == "uniqueItems") {
      if (m.value.is_true()) at().mutable_extras().unique_items = true;
    } else if (k == "readOnly") {
      at().read_only = m.value.is_true();
    } else if (k == "writeOnly") {
      at().write_only = m.value.is_true();
    } else if (k == "deprecated") {
      at().deprecated = m.value.is_true();
    }
  }
  ir::Schema& s = at();
  CheckValuesAgainstType(values, s);
  CheckEnumAgainstType(enum_values, s);
  // 3.0's boolean exclusiveMinimum/Maximum become the 3.1 form: the bound itself.
  if (s.exclusive_minimum() == "true") {
    ir::SchemaExtras& e = s.mutable_extras();
    e.exclusive_minimum = e.minimum;
    e.minimum.clear();
  }
  if (s.exclusive_maximum() == "true") {
    ir::SchemaExtras& e = s.mutable_extras();
    e.exclusive_maximum = e.maximum;
    e.maximum.clear();
  }
  // A set, not a scan: an object with thousands of properties, all required, is legal.
  std::unordered_set<std::string_view> required_names(required.begin(), required.end());
  for (ir::Property& p : s.properties) {
    p.required = required_names.count(p.name) > 0;
  }
  s.required.clear();
  s.required.reserve(required.size());
  for (std::string& name : required) s.required.push_back(std::move(name));
}

}  // namespace specc::openapi
