#include "compare/effective_schema.h"

#include <algorithm>

#include "base/check.h"

namespace specc::compare {
namespace {

// allOf trees in real descriptions are a few levels deep; past this the parts are left out
// rather than followed (a cycle through allOf is caught before this).
constexpr int kMaxDepth = 32;

template <typename T>
void FillIfEmpty(T& field, const T& from) {
  if (field.empty()) field = from;
}

}  // namespace

const ir::Schema& EffectiveSchemas::Get(ir::SchemaId id) {
  SPECC_CHECK(id < api_.schemas.size()) << "schema id " << id << " out of range";
  return Merge(id, 0);
}

const ir::Schema& EffectiveSchemas::Merge(ir::SchemaId id, int depth) {
  const ir::Schema& own = api_.schemas[id];
  if (own.all_of().empty()) return own;
  auto found = merged_.find(id);
  if (found != merged_.end()) return *found->second;
  // A cycle through allOf (A allOf B allOf A) or a runaway depth: use the schema as it is.
  if (depth > kMaxDepth || std::find(in_progress_.begin(), in_progress_.end(), id) != in_progress_.end()) {
    return own;
  }
  in_progress_.push_back(id);
  auto out = std::make_unique<ir::Schema>(own);
  ir::Schema& m = *out;
  // `own` has allOf branches, so its copy has extras already.
  ir::SchemaExtras& mx = m.mutable_extras();
  mx.all_of.clear();
  std::vector<std::string> own_types;
  for (std::string_view t : own.types) {
    if (t != "null") own_types.emplace_back(t);
  }
  bool typed_part = false;
  std::vector<std::string> part_types;  // intersection over the parts that have types
  for (ir::SchemaId part_id : own.all_of()) {
    if (part_id == ir::kNoSchema || part_id >= api_.schemas.size()) continue;
    const ir::Schema& part = Merge(part_id, depth + 1);
    std::vector<std::string> types;
    for (std::string_view t : part.types) {
      if (t != "null") types.emplace_back(t);
    }
    if (!types.empty()) {
      if (!typed_part) {
        part_types = types;
      } else {
        std::erase_if(part_types, [&](const std::string& t) {
          return std::find(types.begin(), types.end(), t) == types.end() &&
                 !(t == "integer" && std::find(types.begin(), types.end(), "number") != types.end());
        });
      }
      typed_part = true;
    }
    for (const ir::Property& p : part.properties) {
      auto same = std::find_if(m.properties.begin(), m.properties.end(),
                               [&](const ir::Property& q) { return q.name == p.name; });
      if (same == m.properties.end()) {
        m.properties.push_back(p);
      } else {
        same->required = same->required || p.required;
        if (same->schema == ir::kNoSchema) same->schema = p.schema;
      }
    }
    FillIfEmpty(m.format, part.format);
    FillIfEmpty(mx.pattern, part.pattern());
    FillIfEmpty(mx.minimum, part.minimum());
    FillIfEmpty(mx.maximum, part.maximum());
    FillIfEmpty(mx.exclusive_minimum, part.exclusive_minimum());
    FillIfEmpty(mx.exclusive_maximum, part.exclusive_maximum());
    FillIfEmpty(mx.multiple_of, part.multiple_of());
    FillIfEmpty(m.enum_values, part.enum_values);
    FillIfEmpty(mx.const_value, part.const_value());
    FillIfEmpty(mx.prefix_items, part.prefix_items());
    FillIfEmpty(mx.one_of, part.one_of());
    FillIfEmpty(mx.any_of, part.any_of());
    for (auto field : {&ir::SchemaExtras::min_length, &ir::SchemaExtras::max_length, &ir::SchemaExtras::min_items,
                       &ir::SchemaExtras::max_items, &ir::SchemaExtras::min_properties,
                       &ir::SchemaExtras::max_properties}) {
      if (!(mx.*field).has_value()) mx.*field = part.extras().*field;
    }
    if (m.items == ir::kNoSchema) m.items = part.items;
    if (m.additional_properties == ir::AdditionalProperties::kUnspecified) {
      m.additional_properties = part.additional_properties;
      m.additional_properties_schema = part.additional_properties_schema;
    }
    if (!mx.discriminator) mx.discriminator = part.discriminator();
    mx.unique_items = mx.unique_items || part.unique_items();
    m.read_only = m.read_only || part.read_only;
    m.write_only = m.write_only || part.write_only;
    m.deprecated = m.deprecated || part.deprecated;
  }
  // Types (without null: nullability is sema's reading, see SchemaComparer): its own when
  // it has some, otherwise what every typed part allows.
  m.types.clear();
  for (const std::string& t : own_types.empty() ? part_types : own_types) m.types.push_back(t);
  in_progress_.pop_back();
  const ir::Schema& result = *out;
  merged_.emplace(id, std::move(out));
  return result;
}

}  // namespace specc::compare
