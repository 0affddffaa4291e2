#include "sema/schema_meaning.h"

#include <algorithm>
#include <iterator>

#include "base/check.h"
#include "ir/enum_value.h"

namespace specc::sema {
namespace {

bool Contains(const ThinVector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Keywords that constrain a value, beside the object and composition keywords read apart.
bool HasScalarConstraints(const ir::Schema& s) {
  return !s.format.empty() || !s.pattern().empty() || !s.minimum().empty() || !s.maximum().empty() ||
         !s.exclusive_minimum().empty() || !s.exclusive_maximum().empty() || !s.multiple_of().empty() ||
         s.min_length() || s.max_length() || s.min_items() || s.max_items() || s.unique_items() ||
         s.items != ir::kNoSchema || !s.prefix_items().empty();
}

bool HasObjectKeywords(const ir::Schema& s) {
  return !s.properties.empty() || !s.required.empty() || !s.pattern_properties().empty() ||
         s.additional_properties != ir::AdditionalProperties::kUnspecified || s.min_properties() ||
         s.max_properties();
}

// A schema that says nothing but `required` (and annotations): as a oneOf/anyOf branch it
// constrains the object around it.
bool IsRequiredOnly(const ir::Schema& s) {
  return !s.required.empty() && s.properties.empty() && s.types.empty() && !s.nullable &&
         !s.boolean_schema && s.pattern_properties().empty() &&
         s.additional_properties == ir::AdditionalProperties::kUnspecified && !s.min_properties() &&
         !s.max_properties() && s.all_of().empty() && s.one_of().empty() && s.any_of().empty() &&
         s.not_schema() == ir::kNoSchema && s.enum_values.empty() && s.const_value().empty() &&
         !HasScalarConstraints(s);
}

// `type: null` or `enum: [null]` and nothing else that validates: 3.1's null branch.
bool IsNullOnly(const ir::Schema& s) {
  bool null_type = s.types == ir::TypeList{"null"};
  bool null_enum = s.enum_values == std::vector<std::string>{"null"};
  return (null_type || null_enum) && (null_type || s.types.empty()) &&
         (null_enum || s.enum_values.empty()) && !HasObjectKeywords(s) && s.all_of().empty() &&
         s.one_of().empty() && s.any_of().empty() && s.not_schema() == ir::kNoSchema && !HasScalarConstraints(s);
}

// A schema that is another one with annotations (and nullability) added: `allOf` of one
// branch (3.0's way to put `nullable` or a description on a `$ref`; 3.1's `$ref` with
// siblings lowers to the same).
bool IsAliasWrapper(const ir::Schema& s) {
  return s.all_of().size() == 1 && s.types.empty() && !s.boolean_schema && !HasObjectKeywords(s) &&
         s.one_of().empty() && s.any_of().empty() && s.not_schema() == ir::kNoSchema && s.enum_values.empty() &&
         s.const_value().empty() && s.default_value.empty() && !s.discriminator() && !HasScalarConstraints(s);
}

// Formats the generated validators check; any other format is an annotation.
bool IsCheckedFormat(std::string_view format) {
  static const char* const kChecked[] = {"uuid", "email", "uri", "url", "date-time", "date", "time",
                                         "ipv4", "ipv6", "byte", "int32", "int64", "float", "double"};
  return std::find(std::begin(kChecked), std::end(kChecked), format) != std::end(kChecked);
}

// What a plain schema (no composition, negation or discriminator) checks, as text: two
// schemas with the same text accept the same values, so as oneOf branches no value can
// match exactly one of them. Properties are compared by name, required-ness and what their
// (scalar) schemas check. Empty for schemas this does not compare.
std::string PlainSignature(const ir::Api& api, const ir::Schema& s) {
  if (!s.all_of().empty() || !s.one_of().empty() || !s.any_of().empty() || s.not_schema() != ir::kNoSchema ||
      s.discriminator() || s.boolean_schema || !s.pattern_properties().empty() || !s.prefix_items().empty()) {
    return {};
  }
  auto join = [](const auto& list) {
    std::string out;
    for (std::string_view x : list) {
      out += x;
      out += ",";
    }
    return out;
  };
  auto opt = [](const std::optional<uint64_t>& v) { return v ? std::to_string(*v) : std::string("-"); };
  std::vector<std::string> required(s.required.begin(), s.required.end());
  std::sort(required.begin(), required.end());
  std::vector<std::string> props;
  for (const ir::Property& p : s.properties) {
    std::string type = "?";
    if (p.schema != ir::kNoSchema) {
      const ir::Schema& ps = api.schemas[p.schema];
      if (!ps.all_of().empty() || !ps.one_of().empty() || !ps.any_of().empty() || !ps.enum_values.empty() ||
          !ps.const_value().empty() || !ps.properties.empty() || ps.items != ir::kNoSchema) {
        return {};
      }
      // Everything a scalar property checks (nullable, bounds, lengths), not only its type.
      type = PlainSignature(api, ps);
      if (type.empty()) return {};
    }
    props.push_back(p.name + ":" + type);
  }
  std::sort(props.begin(), props.end());
  return join(s.types) + (s.nullable ? "?" : "") + "|" + (IsCheckedFormat(s.format) ? s.format.str() : std::string()) + "|" +
         s.pattern() + "|" + join(s.enum_values) + "|" + s.const_value() + "|" + s.minimum() + "|" + s.maximum() + "|" +
         s.exclusive_minimum() + "|" + s.exclusive_maximum() + "|" + s.multiple_of() + "|" + opt(s.min_length()) + "|" +
         opt(s.max_length()) + "|" + opt(s.min_items()) + "|" + opt(s.max_items()) + "|" + opt(s.min_properties()) + "|" +
         opt(s.max_properties()) + "|" + (s.unique_items() ? "u" : "") + "|" + std::to_string(s.items) + "|" +
         join(props) + "|" + join(required) + "|" +
         std::to_string(static_cast<int>(s.additional_properties)) + "|" +
         std::to_string(s.additional_properties_schema);
}

}  // namespace

class SchemaMeanings::Builder {
 public:
  Builder(const SchemaMeanings& owner, ir::SchemaId id)
      : owner_(owner), api_(owner.api_), id_(id), s_(owner.api_.schemas[id]) {}

  SchemaMeaning Run() {
    if (IsAliasWrapper(s_) && s_.all_of()[0] != ir::kNoSchema && owner_.Resolve(id_) != id_) {
      m_.alias_of = s_.all_of()[0];
      m_.nullable = s_.nullable;
      return std::move(m_);
    }
    m_.boolean_schema = s_.boolean_schema;
    Types();
    Enum();
    Object();
    AllOf();
    NoteStrictBranches();
    m_.one_of = ChoiceOf(s_.one_of(), true);
    m_.any_of = ChoiceOf(s_.any_of(), false);
    Discriminator();
    // Held for the whole run, one per schema: without the room push_back grew it by.
    m_.properties.shrink_to_fit();
    return std::move(m_);
  }

 private:
  // The readings left to the reader, made on the first one found.
  LeftToReader& LeftToReaderOf() {
    if (!m_.left_to_reader) m_.left_to_reader = LeftToReader{};
    return *m_.left_to_reader;
  }

  void Types() {
    bool null_type = false;
    for (std::string_view t : s_.types) {
      if (t == "null") {
        null_type = true;
      } else if (!Contains(m_.types, t)) {
        m_.types.emplace_back(t);
      }
    }
    m_.nullable = s_.nullable || (null_type && !m_.types.empty());
    m_.null_only = null_type && m_.types.empty() && s_.types.size() == 1 && !s_.nullable;
    if (m_.types.empty() && !null_type) {
      // No `type`: what the keywords describe (properties: object; items: array; pattern or
      // a length: string; a bound or multipleOf: number). JSON Schema would accept other
      // types too; every reader of an API description (and every generator) takes the
      // author's meaning, and so does specc.
      if (HasObjectKeywords(s_)) {
        m_.types.push_back("object");
      } else if (s_.items != ir::kNoSchema || !s_.prefix_items().empty()) {
        m_.types.push_back("array");
      } else if (!s_.all_of().empty() || !s_.one_of().empty() || !s_.any_of().empty()) {
        // The branches say what the value is; a string or number keyword beside them
        // constrains only values of that type (`allOf: [array], minLength: 1` is an array).
      } else if (!s_.pattern().empty() || s_.min_length() || s_.max_length()) {
        m_.types.push_back("string");
      } else if (!s_.minimum().empty() || !s_.maximum().empty() || !s_.exclusive_minimum().empty() ||
                 !s_.exclusive_maximum().empty() || !s_.multiple_of().empty()) {
        m_.types.push_back("number");
      }
    }
  }

  void Enum() {
    bool null_value = false;
    for (const std::string& written : s_.enum_values) {
      // Quoted numbers of a numeric enum are numbers (ir/enum_value.h).
      std::string v = ir::TypedEnumValue(s_.types, written);
      if (v == "null") {
        null_value = true;
      } else if (!Contains(m_.enum_values, v)) {
        m_.enum_values.push_back(v);
      }
    }
    if (!null_value) return;
    // `null` among the values counts where the type lets it through: with nullable, a
    // null type, or no type at all. In 3.0 `enum: [a, null]` without `nullable` rejects
    // null (OpenAPI 3.0.3, "nullable").
    bool typed = !s_.types.empty();
    if (m_.nullable || !typed || s_.types.contains("null")) {
      if (m_.enum_values.empty()) {
        m_.null_only = !m_.nullable;
      } else {
        m_.nullable = true;
      }
    }
  }

  void Object() {
    m_.has_object_keywords = HasObjectKeywords(s_);
    m_.properties.reserve(s_.properties.size());
    for (const ir::Property& p : s_.properties) AddProperty(p.name, p.schema, p.required);
    for (const std::string& name : s_.required) AddProperty(name, ir::kNoSchema, true);
    m_.pattern_properties.assign(s_.pattern_properties().begin(), s_.pattern_properties().end());
    m_.additional_properties = s_.additional_properties;
    m_.additional_properties_schema = s_.additional_properties_schema;
    m_.min_properties = s_.min_properties();
    m_.max_properties = s_.max_properties();
  }

  // Adds a property, or completes one already there: a schema where it had none, required
  // when either says so. A name declared twice (the schema's own property, then the allOf
  // branches' in order) keeps the first schema and must also satisfy each later one that
  // checks something else.
  void AddProperty(std::string_view name, ir::SchemaId schema, bool required,
                   const ThinVector<ir::SchemaId>& also = {}) {
    for (ObjectProperty& p : m_.properties) {
      if (p.name != name) continue;
      if (p.schema == ir::kNoSchema && schema != ir::kNoSchema) {
        p.schema = schema;
        SetAccess(p);
      } else {
        AddAlso(p, schema);
      }
      for (ir::SchemaId a : also) AddAlso(p, a);
      p.required = p.required || required;
      return;
    }
    ObjectProperty p;
    p.name = name;
    p.schema = schema;
    p.required = required;
    p.also = also;
    SetAccess(p);
    m_.properties.push_back(std::move(p));
  }

  // Records that `p` must also satisfy `schema`, unless it adds no check: the same schema,
  // one whose plain checks are the same text, or one that checks nothing.
  void AddAlso(ObjectProperty& p, ir::SchemaId schema) const {
    if (schema == ir::kNoSchema || p.schema == ir::kNoSchema) return;
    ir::SchemaId target = owner_.Resolve(schema);
    if (target == owner_.Resolve(p.schema)) return;
    for (ir::SchemaId a : p.also) {
      if (owner_.Resolve(a) == target) return;
    }
    const ir::Schema& s = api_.schemas[target];
    std::string signature = PlainSignature(api_, s);
    if (signature == EmptySignature() || (!signature.empty() &&
                                          signature == PlainSignature(api_, api_.schemas[owner_.Resolve(p.schema)]))) {
      return;
    }
    p.also.push_back(schema);
  }

  static const std::string& EmptySignature() {
    static const std::string empty = PlainSignature(ir::Api{}, ir::Schema{});
    return empty;
  }

  void SetAccess(ObjectProperty& p) const {
    if (p.schema == ir::kNoSchema) return;
    for (ir::SchemaId at = p.schema; at != ir::kNoSchema; at = Alias(at)) {
      p.read_only = p.read_only || api_.schemas[at].read_only;
      p.write_only = p.write_only || api_.schemas[at].write_only;
      if (!IsAliasWrapper(api_.schemas[at])) break;
    }
  }

  ir::SchemaId Alias(ir::SchemaId at) const {
    const ir::Schema& s = api_.schemas[at];
    return IsAliasWrapper(s) ? s.all_of()[0] : ir::kNoSchema;
  }

  // allOf: a branch that is an object (no other type, enum, composition or negation) is
  // merged into this schema's properties, so that `required` beside the allOf, required
  // names declared in another branch, and `additionalProperties` apply to the whole
  // object, as the author means; intersecting branch by branch would make a strict branch
  // reject the properties of the others. A branch that is a polymorphic base whose
  // oneOf/anyOf lists this very schema (`Pet: oneOf [Cat, Dog]`, `Cat: allOf [Pet, ...]`)
  // is inherited for its own properties: its oneOf would otherwise require a Cat to be a
  // Cat or a Dog again, forever. Other branches are intersected.
  void AllOf() {
    for (ir::SchemaId branch : s_.all_of()) {
      if (branch == ir::kNoSchema) continue;
      ir::SchemaId target = owner_.Resolve(branch);
      if (target == id_ || !owner_.Ready(target)) {
        m_.intersect.push_back(branch);
        continue;
      }
      const SchemaMeaning& b = owner_.Of(target);
      bool base_of_this = ListsThis(b);
      bool object = (b.types.empty() || (b.types.size() == 1 && b.types[0] == "object")) && !b.null_only &&
                    b.enum_values.empty() && b.boolean_schema != false && api_.schemas[target].not_schema() == ir::kNoSchema &&
                    api_.schemas[target].const_value().empty() && (base_of_this || (!b.one_of && !b.any_of));
      if (!object || (b.types.empty() && !b.has_object_keywords && b.intersect.empty() && !base_of_this)) {
        // Not an object, or nothing to merge (`{}`, or a bare constraint such as a format):
        // intersected.
        m_.intersect.push_back(branch);
        continue;
      }
      if (base_of_this) LeftToReaderOf().inherited_bases.push_back(branch);
      if (b.additional_properties == ir::AdditionalProperties::kForbidden) strict_.push_back(branch);
      if (!b.types.empty() && m_.types.empty()) m_.types = b.types;
      m_.has_object_keywords = m_.has_object_keywords || b.has_object_keywords;
      for (const ObjectProperty& p : b.properties) AddProperty(p.name, p.schema, p.required, p.also);
      m_.pattern_properties.append(b.pattern_properties.begin(), b.pattern_properties.end());
      if (m_.additional_properties == ir::AdditionalProperties::kUnspecified) {
        m_.additional_properties = b.additional_properties;
        m_.additional_properties_schema = b.additional_properties_schema;
      }
      if (!m_.min_properties) m_.min_properties = b.min_properties;
      if (!m_.max_properties) m_.max_properties = b.max_properties;
      m_.intersect.append(b.intersect.begin(), b.intersect.end());
      if (!base_of_this) {
        // A merged branch's own choices still apply.
        if (b.one_of && !m_.one_of) inherited_one_of_ = b.one_of;
        if (b.any_of && !m_.any_of) inherited_any_of_ = b.any_of;
      }
    }
  }

  // A strict branch is worth a note when the merged object has properties it does not
  // declare.
  void NoteStrictBranches() {
    for (ir::SchemaId branch : strict_) {
      const SchemaMeaning& b = owner_.Of(owner_.Resolve(branch));
      bool adds = std::any_of(m_.properties.begin(), m_.properties.end(), [&](const ObjectProperty& p) {
        return std::none_of(b.properties.begin(), b.properties.end(),
                            [&](const ObjectProperty& q) { return q.name == p.name; });
      });
      if (adds) LeftToReaderOf().strict_merged_branches.push_back(branch);
    }
  }

  // True when `b`'s oneOf or anyOf lists the schema being built.
  bool ListsThis(const SchemaMeaning& b) const {
    for (const Boxed<Choice>* choice : {&b.one_of, &b.any_of}) {
      if (!*choice) continue;
      for (ir::SchemaId branch : (*choice)->branches) {
        if (branch == id_ || owner_.Resolve(branch) == id_) return true;
      }
    }
    return false;
  }

  Boxed<Choice> ChoiceOf(const std::vector<ir::SchemaId>& list, bool exactly_one) {
    Boxed<Choice>& inherited = exactly_one ? inherited_one_of_ : inherited_any_of_;
    if (list.empty()) return inherited;
    Choice choice;
    choice.exactly_one = exactly_one;
    for (ir::SchemaId branch : list) {
      if (branch == ir::kNoSchema) {
        choice.branches.push_back(branch);
        continue;
      }
      const ir::Schema& t = api_.schemas[owner_.Resolve(branch)];
      if (IsRequiredOnly(t)) {
        choice.required_sets.emplace_back(t.required.begin(), t.required.end());
        continue;
      }
      if (IsNullOnly(t)) {
        // `oneOf: [X, {type: 'null'}]`: X or null.
        m_.nullable = true;
        continue;
      }
      choice.branches.push_back(branch);
    }
    if (exactly_one && !s_.discriminator() && HasTwinBranches(choice.branches)) {
      // Read literally, no value matches exactly one of two branches that accept the same
      // values; the author means "one of these kinds" (sema::LintSchemas reports it).
      choice.exactly_one = false;
      LeftToReaderOf().one_of_twins = true;
    } else if (exactly_one && !s_.discriminator()) {
      // Likewise a branch that accepts every value of its type: every value of another
      // branch of that type matches both.
      ir::SchemaId catch_all = CatchAllBranch(choice.branches);
      if (catch_all != ir::kNoSchema) {
        LeftToReaderOf().one_of_catch_all = catch_all;
        choice.exactly_one = false;
      }
    }
    return choice;
  }

  // A branch of `branches` that checks nothing but its type (or nothing at all) while
  // another branch accepts values of that type; kNoSchema when there is none.
  ir::SchemaId CatchAllBranch(const std::vector<ir::SchemaId>& branches) const {
    for (ir::SchemaId branch : branches) {
      if (branch == ir::kNoSchema) continue;
      const ir::Schema& t = api_.schemas[owner_.Resolve(branch)];
      ir::Schema bare;
      bare.types = t.types;
      bare.nullable = t.nullable;
      if (t.additional_properties == ir::AdditionalProperties::kAllowed) bare.additional_properties = t.additional_properties;
      std::string signature = PlainSignature(api_, t);
      if (signature.empty() || signature != PlainSignature(api_, bare)) continue;
      for (ir::SchemaId other : branches) {
        if (other == branch || other == ir::kNoSchema) continue;
        const ir::Schema& o = api_.schemas[owner_.Resolve(other)];
        // A number branch also takes every integer.
        bool shares = t.types.empty() || o.types.empty() ||
                      std::any_of(t.types.begin(), t.types.end(), [&](std::string_view x) {
                        return o.types.contains(x) || (x == "number" && o.types.contains("integer"));
                      });
        if (shares) return branch;
      }
    }
    return ir::kNoSchema;
  }

  // Whether two of `branches` check the same things (PlainSignature).
  bool HasTwinBranches(const std::vector<ir::SchemaId>& branches) const {
    std::vector<std::string> seen;
    for (ir::SchemaId branch : branches) {
      if (branch == ir::kNoSchema) continue;
      std::string signature = PlainSignature(api_, api_.schemas[owner_.Resolve(branch)]);
      if (signature.empty()) continue;
      if (std::find(seen.begin(), seen.end(), signature) != seen.end()) return true;
      seen.push_back(std::move(signature));
    }
    return false;
  }

  // The cases of a discriminator, read from the IR only (building the branches' meanings
  // here would enter them while this schema is being built). A branch is selected by the
  // mapping's values for it, else by the values its own discriminator property allows (an
  // enum or const: what the data carries), else by its name (OpenAPI's implicit mapping).
  // A branch that does not require the property cannot be told apart by it: no
  // discriminated reading then.
  void Discriminator() {
    if (!s_.discriminator()) return;
    const Boxed<Choice>& choice = m_.one_of ? m_.one_of : m_.any_of;
    if (!choice || choice->branches.empty()) return;
    Discriminated d;
    d.property = s_.discriminator()->property_name;
    for (ir::SchemaId branch : choice->branches) {
      if (branch == ir::kNoSchema) return;
      ir::SchemaId target = owner_.Resolve(branch);
      if (!RequiresInIr(target, d.property, 0)) return;
      DiscriminatorCase c{branch, {}};
      for (const auto& [value, mapped] : s_.discriminator()->mapping) {
        if (mapped != ir::kNoSchema && (mapped == branch || owner_.Resolve(mapped) == target)) {
          c.values.push_back(value);
        }
      }
      if (c.values.empty()) c.values = OwnValuesInIr(target, d.property, 0);
      if (c.values.empty() && !api_.schemas[target].name.empty()) c.values.push_back(api_.schemas[target].name.str());
      if (c.values.empty()) return;
      d.cases.push_back(std::move(c));
    }
    m_.discriminator = std::move(d);
  }

  // Whether schema `id` (with its allOf branches) requires property `name`.
  bool RequiresInIr(ir::SchemaId id, const std::string& name, int depth) const {
    if (id == ir::kNoSchema || depth > 16) return false;
    const ir::Schema& s = api_.schemas[owner_.Resolve(id)];
    if (std::find(s.required.begin(), s.required.end(), name) != s.required.end()) return true;
    for (ir::SchemaId b : s.all_of()) {
      if (RequiresInIr(b, name, depth + 1)) return true;
    }
    return false;
  }

  // The string values property `name` of schema `id` (or of its allOf branches) allows
  // by an enum or const; empty when it allows any.
  std::vector<std::string> OwnValuesInIr(ir::SchemaId id, const std::string& name, int depth) const {
    if (id == ir::kNoSchema || depth > 16) return {};
    const ir::Schema& s = api_.schemas[owner_.Resolve(id)];
    for (const ir::Property& p : s.properties) {
      if (p.name != name || p.schema == ir::kNoSchema) continue;
      const ir::Schema& ps = api_.schemas[owner_.Resolve(p.schema)];
      std::vector<std::string> texts(ps.enum_values.begin(), ps.enum_values.end());
      if (!ps.const_value().empty()) texts = {ps.const_value()};
      std::vector<std::string> values;
      for (const std::string& t : texts) {
        // JSON string text: the quotes off, and only simple strings (no escapes).
        if (t.size() >= 2 && t.front() == '"' && t.find('\\') == std::string::npos) values.push_back(t.substr(1, t.size() - 2));
      }
      return values;
    }
    for (ir::SchemaId b : s.all_of()) {
      std::vector<std::string> values = OwnValuesInIr(b, name, depth + 1);
      if (!values.empty()) return values;
    }
    return {};
  }

  const SchemaMeanings& owner_;
  const ir::Api& api_;
  ir::SchemaId id_;
  const ir::Schema& s_;
  SchemaMeaning m_;
  Boxed<Choice> inherited_one_of_, inherited_any_of_;
  std::vector<ir::SchemaId> strict_;  // merged branches with additionalProperties: false
};

SchemaMeanings::SchemaMeanings(const ir::Api& api)
    : api_(api), built_(api.schemas.size(), false), building_(api.schemas.size(), false) {
  for (size_t made = 0; made < api.schemas.size(); made += kChunk) {
    meanings_.push_back(std::make_unique<SchemaMeaning[]>(kChunk));
  }
  // Every meaning up front, in one fixed order, so that the rare schema whose reading
  // depends on where a cycle is entered reads the same for every emitter. Inline schemas
  // are lowered after their parents, so descending ids build children first and keep the
  // recursion shallow.
  for (size_t id = api.schemas.size(); id-- > 0;) Of(static_cast<ir::SchemaId>(id));
  FindDirections();
}

void SchemaMeanings::FindDirections() {
  directions_.assign(api_.schemas.size(), 0);
  std::vector<std::pair<ir::SchemaId, uint8_t>> stack;
  auto push = [&](ir::SchemaId id, uint8_t direction) {
    if (id != ir::kNoSchema && (directions_[id] & direction) == 0) stack.push_back({id, direction});
  };
  auto operations = [&](const std::vector<ir::Operation>& ops, uint8_t sent, uint8_t answered) {
    for (const ir::Operation& op : ops) {
      for (const ir::Parameter& p : op.parameters) push(p.schema, sent);
      if (op.request_body) {
        for (const ir::MediaType& m : op.request_body->content) push(m.schema, sent);
      }
      for (const ir::Response& r : op.responses) {
        for (const ir::MediaType& m : r.content) push(m.schema, answered);
        for (const ir::Header& h : r.headers) push(h.schema, answered);
      }
    }
  };
  // A component is one exported constant that serves both directions, and so is every
  // inline schema written inside it: its nested readOnly properties cannot be required
  // where the constant travels in requests.
  for (ir::SchemaId id = 0; id < api_.schemas.size(); ++id) {
    if (api_.schemas[id].name.empty()) continue;
    push(id, kRequest);
    push(id, kResponse);
  }
  operations(api_.operations, kRequest, kResponse);
  // Webhooks and callbacks are requests the API sends and responses it receives; their
  // payloads are still requests of that exchange.
  operations(api_.webhooks, kRequest, kResponse);
  operations(api_.callbacks, kRequest, kResponse);
  while (!stack.empty()) {
    auto [id, direction] = stack.back();
    stack.pop_back();
    if ((directions_[id] & direction) != 0) continue;
    directions_[id] |= direction;
    const ir::Schema& s = api_.schemas[id];
    for (const ir::Property& p : s.properties) push(p.schema, direction);
    for (const auto& [pattern, schema] : s.pattern_properties()) push(schema, direction);
    push(s.additional_properties_schema, direction);
    push(s.items, direction);
    for (ir::SchemaId c : s.prefix_items()) push(c, direction);
    for (ir::SchemaId c : s.all_of()) push(c, direction);
    for (ir::SchemaId c : s.one_of()) push(c, direction);
    for (ir::SchemaId c : s.any_of()) push(c, direction);
    push(s.not_schema(), direction);
  }
  for (ir::SchemaId id = 0; id < directions_.size(); ++id) {
    if (directions_[id] == 0) directions_[id] = kRequest | kResponse;
  }
}

SchemaMeanings::~SchemaMeanings() = default;

const SchemaMeaning& SchemaMeanings::Of(ir::SchemaId id) const {
  SPECC_CHECK(id < built_.size()) << "no schema " << id;
  if (!built_[id]) {
    SPECC_CHECK(!building_[id]) << "schema " << id << " reached while its meaning is built";
    building_[id] = true;
    ++depth_;
    SchemaMeaning meaning = Builder(*this, id).Run();
    --depth_;
    building_[id] = false;
    Slot(id) = std::move(meaning);
    built_[id] = true;
  }
  return Slot(id);
}

ir::SchemaId SchemaMeanings::Resolve(ir::SchemaId id) const {
  // Read from the IR alone, never by building meanings, so it can be asked at any time.
  // A chain of wrappers that comes back to where it started aliases nothing.
  ir::SchemaId at = id;
  for (int hops = 0; at != ir::kNoSchema && hops < 64; ++hops) {
    const ir::Schema& s = api_.schemas[at];
    if (!IsAliasWrapper(s) || s.all_of()[0] == ir::kNoSchema) return at;
    at = s.all_of()[0];
    if (at == id) return id;
  }
  return id;
}

bool SchemaMeanings::Ready(ir::SchemaId id) const {
  return built_[id] || (!building_[id] && depth_ < kMaxDepth);
}

bool SchemaMeanings::Nullable(ir::SchemaId id) const {
  // The wrappers on the way to what `id` aliases may each add nullability.
  ir::SchemaId target = Resolve(id);
  for (ir::SchemaId at = id;; at = api_.schemas[at].all_of()[0]) {
    if (Of(at).nullable) return true;
    if (at == target) return false;
  }
}

}  // namespace specc::sema
