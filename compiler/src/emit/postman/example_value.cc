#include "emit/postman/example_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "emit/postman/check_memo.h"
#include "emit/postman/example_json.h"
#include "emit/postman/schema_cycles.h"
#include "ir/enum_value.h"
#include "sema/pattern.h"

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Past this many generated values, optional properties are left out: GitHub's schemas nest
// objects with dozens of optional properties several levels deep.
constexpr int kValueBudget = 400;
// Optional properties are filled in down to this depth only.
constexpr int kOptionalDepth = 3;
constexpr int kMaxDepth = 24;
// Generation recursing deeper than this (branches of branches do not count as depth) cuts
// off as a cycle does: a chain of ten thousand `oneOf`s must not exhaust the stack.
constexpr int kMaxNesting = 200;
// The work one value (or one validity check) may cost, in steps: a schema visited, a value
// checked, a node copied, a character matched against a pattern state. Past it the value
// is finished cheaply (smallest values, checks passed). The largest value of the corpus
// (GitHub's dereferenced description) costs 372,000 steps.
constexpr uint64_t kStepBudget = 4'000'000;
// A generated value stops growing past this many nodes (values, members and items), and
// finishes as when the budget is spent: a schema whose required properties form a binary
// tree doubles with each level. GitHub's largest generated value has under 2,000.
constexpr uint64_t kMaxValueNodes = 20'000;
// And all values of one API together: kStepBudget plus this much per schema, so that the
// work stays linear in the size of the API however many values it asks for. The corpus
// needs at most 460 steps per schema (Twilio's TaskRouter), GitHub's 75.
constexpr uint64_t kStepsPerSchema = 500;

// Builds a value from nlohmann's SAX events exactly as Json::parse does (a repeated key
// keeps its first place and its last value), but moves each object's members in once,
// counted. ordered_json keeps members in a vector of pair<const string, json>: the const
// key rules out moves, so every time that vector grows it deep-copies the members before,
// and parsing GitHub's large nested examples spent most of its time copying.
class OrderedJsonBuilder final : public JsonEvents {
 public:
  Json Take() { return std::move(root_); }

  // The events of specc's own reader (emit/postman/example_json.h).
  void Null() override { null(); }
  void Boolean(bool value) override { boolean(value); }
  void Integer(int64_t value) override { number_integer(value); }
  void Unsigned(uint64_t value) override { number_unsigned(value); }
  void Float(double value) override { Add(Json(value)); }
  void String(std::string&& value) override { Add(Json(std::move(value))); }
  void StartObject() override { start_object(0); }
  void Key(std::string&& key) override { frames_.back().keys.push_back(std::move(key)); }
  void EndObject() override { end_object(); }
  void StartArray() override { start_array(0); }
  void EndArray() override { end_array(); }

  // nlohmann's SAX events.

  bool null() { return Add(Json(nullptr)); }
  bool boolean(bool value) { return Add(Json(value)); }
  bool number_integer(Json::number_integer_t value) { return Add(Json(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return Add(Json(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return Add(Json(value)); }
  bool string(Json::string_t& value) { return Add(Json(std::move(value))); }
  bool binary(Json::binary_t& value) { return Add(Json::binary(std::move(value))); }
  bool start_object(std::size_t) {
    frames_.emplace_back();
    return true;
  }
  bool key(Json::string_t& key) {
    frames_.back().keys.push_back(std::move(key));
    return true;
  }
  bool end_object() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    Json object = Json::object();
    Json::object_t& members = object.get_ref<Json::object_t&>();
    members.reserve(frame.values.size());
    for (size_t i = 0; i < frame.values.size(); ++i) {
      auto [it, inserted] = members.emplace(std::move(frame.keys[i]), std::move(frame.values[i]));
      if (!inserted) it->second = std::move(frame.values[i]);
    }
    return Add(std::move(object));
  }
  bool start_array(std::size_t) {
    frames_.emplace_back();
    return true;
  }
  bool end_array() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    Json array = Json::array();
    array.get_ref<Json::array_t&>() = std::move(frame.values);
    return Add(std::move(array));
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  // An object or array being read: its values so far, and an object's keys beside them.
  struct Frame {
    std::vector<std::string> keys;
    std::vector<Json> values;
  };

  bool Add(Json value) {
    if (frames_.empty()) {
      root_ = std::move(value);
    } else {
      frames_.back().values.push_back(std::move(value));
    }
    return true;
  }

  std::vector<Frame> frames_;
  Json root_;
};

// What Json::parse(text, nullptr, false) returns: the value, or a discarded value when
// `text` is not JSON. Read by specc's own reader when it can (example_json.h).
Json ParseJsonValue(std::string_view text) {
  {
    OrderedJsonBuilder builder;
    if (ReadJsonFast(text, builder)) return builder.Take();
  }
  OrderedJsonBuilder builder;
  if (!Json::sax_parse(text, &builder)) return Json(Json::value_t::discarded);
  return builder.Take();
}

// Writes `j` to `out`; false when a string in it is not UTF-8.
bool Dump(const Json& j, DumpWriter& out) {
  switch (j.type()) {
    case Json::value_t::object:
      out.StartObject();
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (!out.Key(it.key()) || !Dump(it.value(), out)) return false;
      }
      out.EndObject();
      return true;
    case Json::value_t::array:
      out.StartArray();
      for (const Json& item : j) {
        if (!Dump(item, out)) return false;
      }
      out.EndArray();
      return true;
    case Json::value_t::string:
      return out.String(j.get_ref<const Json::string_t&>());
    case Json::value_t::boolean:
      out.Scalar(j.get<bool>() ? "true" : "false");
      return true;
    case Json::value_t::null:
      out.Scalar("null");
      return true;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: {
      char digits[24];
      auto [end, ec] = j.is_number_unsigned()
                           ? std::to_chars(digits, digits + sizeof digits, j.get<Json::number_unsigned_t>())
                           : std::to_chars(digits, digits + sizeof digits, j.get<Json::number_integer_t>());
      out.Scalar(std::string_view(digits, static_cast<size_t>(end - digits)));
      return true;
    }
    default:  // floats: nlohmann's shortest round trip
      out.Scalar(j.dump());
      return true;
  }
}

// What j.dump(indent) returns, written by specc's own writer (example_json.h); a value
// with a string that is not UTF-8 is dumped by nlohmann, which throws as it always did.
std::string DumpJsonValue(const Json& j, int indent) {
  std::string out;
  DumpWriter writer(indent, &out);
  if (!Dump(j, writer)) return j.dump(indent);
  return out;
}

std::optional<double> Number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

// A value for a string format, or empty for a format specc has no value for.
std::string FormatValue(std::string_view format) {
  if (format == "date-time") return "2024-01-01T00:00:00Z";
  if (format == "date") return "2024-01-01";
  if (format == "time") return "12:00:00Z";
  if (format == "uuid") return "3f1c2a9e-5b7d-4c1e-9a2f-8d6e4b3c2a10";
  if (format == "email" || format == "idn-email") return "user@example.com";
  if (format == "uri" || format == "url" || format == "iri") return "https://example.com";
  if (format == "uri-reference" || format == "iri-reference") return "https://example.com";
  if (format == "hostname" || format == "idn-hostname") return "example.com";
  if (format == "ipv4") return "192.0.2.1";
  if (format == "ipv6") return "2001:db8::1";
  if (format == "byte") return "c3BlY2M=";
  if (format == "duration") return "P1D";
  if (format == "regex") return ".*";
  if (format == "json-pointer") return "/a";
  return "";
}

std::string FormatNumber(double v, bool integer) {
  char buf[64];
  if (integer || (v == std::floor(v) && std::fabs(v) < 1e15)) {
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
    return std::string(buf, ptr);
  }
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, ptr);
}

// The number of values in `j`, itself included.
uint64_t Nodes(const Json& j) {
  uint64_t n = 1;
  if (j.is_structured()) {
    for (const Json& child : j) n += Nodes(child);
  }
  return n;
}

// Adds to object `into` each member of object `from` it lacks, in `from`'s order. A set of
// the keys present keeps this linear: ordered_json finds a key by scanning.
void MergeMissing(Json& into, const Json& from) {
  Json::object_t& members = into.get_ref<Json::object_t&>();
  std::unordered_set<std::string_view> present;
  for (const auto& [key, value] : members) present.insert(key);
  std::vector<std::pair<std::string, Json>> added;
  for (auto it = from.begin(); it != from.end(); ++it) {
    if (present.insert(it.key()).second) added.emplace_back(it.key(), it.value());
  }
  members.reserve(members.size() + added.size());
  for (auto& [key, value] : added) members.Container::emplace_back(std::move(key), std::move(value));
}

// Where a value of an object is kept: a generated value's member set by name. ordered_json
// finds a key by scanning its members, so an object with thousands of properties is
// written through the member vector (each schema's property names are distinct).
void AppendMember(Json& obj, std::string_view key, Json value) {
  obj.get_ref<Json::object_t&>().Container::emplace_back(std::string(key), std::move(value));
}

// Completes `into` with what `from` has: members it lacks, and, member by member and item
// by item, what nested objects and arrays of both hold. For a value that must satisfy two
// declarations of one property: each contributes what the other leaves out.
void MergeDeep(Json& into, const Json& from) {
  if (into.is_object() && from.is_object()) {
    for (auto it = from.begin(); it != from.end(); ++it) {
      auto mine = into.find(it.key());
      if (mine == into.end()) {
        AppendMember(into, it.key(), it.value());
      } else {
        MergeDeep(*mine, it.value());
      }
    }
  } else if (into.is_array() && from.is_array()) {
    for (size_t i = 0; i < into.size() && i < from.size(); ++i) MergeDeep(into[i], from[i]);
  }
}

// A hash that agrees with Json's operator==: numbers hash by value (1 == 1.0, 0.0 == -0.0),
// objects by their members in order (ordered_json compares them in order).
size_t ValueHash(const Json& j) {
  auto mix = [](size_t h, size_t v) { return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)); };
  size_t h = static_cast<size_t>(j.is_number() ? Json::value_t::number_float : j.type());
  if (j.is_number()) {
    double d = j.get<double>();
    return mix(h, d == 0 ? 0 : std::hash<double>{}(d));
  }
  if (j.is_string()) return mix(h, std::hash<std::string>{}(j.get_ref<const std::string&>()));
  if (j.is_boolean()) return mix(h, j.get<bool>() ? 1 : 2);
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) h = mix(mix(h, std::hash<std::string>{}(it.key())), ValueHash(*it));
  } else if (j.is_array()) {
    for (const Json& item : j) h = mix(h, ValueHash(item));
  }
  return h;
}

// Whether two items of array `a` are equal, in O(n log n) rather than by comparing every
// pair: items are sorted by hash and only items with equal hashes are compared.
bool HasDuplicates(const Json& a) {
  std::vector<std::pair<size_t, size_t>> hashed;  // (hash, index)
  hashed.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) hashed.emplace_back(ValueHash(a[i]), i);
  std::sort(hashed.begin(), hashed.end());
  for (size_t i = 0; i < hashed.size(); ++i) {
    for (size_t k = i + 1; k < hashed.size() && hashed[k].first == hashed[i].first; ++k) {
      if (a[hashed[i].second] == a[hashed[k].second]) return true;
    }
  }
  return false;
}

}  // namespace

class ExampleBuilder::Impl {
 public:
  explicit Impl(const sema::SchemaMeanings& meanings)
      : api_(meanings.api()),
        meanings_(meanings),
        total_budget_(kStepBudget + kStepsPerSchema * meanings.api().schemas.size()),
        on_cycle_(SchemasOnCycles(meanings.api())) {}

  // Values depend on their arguments only, and one API asks for the same ones again and
  // again (GitHub's shared error responses and `owner`/`repo`/`per_page` parameters: four
  // calls in five repeat an earlier one), so each is built once.
  const std::string& Value(ir::SchemaId id, const std::vector<std::string_view>& candidates, ExampleUse use,
                           int indent) {
    std::string key = ValueKey(id, candidates, use, indent);
    auto [it, inserted] = values_.try_emplace(std::move(key));
    if (inserted) it->second = BuildValue(id, candidates, use, indent);
    return it->second;
  }

  bool Valid(ir::SchemaId id, std::string_view text, ExampleUse use) {
    BeginCall(use);
    Charge(text.size() / 16);
    Json j = ParseJsonValue(text);
    return !j.is_discarded() && Check(j, id, 0);
  }

  uint64_t steps() const { return steps_; }

 private:
  // The arguments of Value() as one string: the candidates' texts themselves, not their
  // addresses, since the front end copies a shared example into each operation.
  static std::string ValueKey(ir::SchemaId id, const std::vector<std::string_view>& candidates, ExampleUse use,
                              int indent) {
    std::string key = std::to_string(id) + ":" + std::to_string(static_cast<int>(use)) + ":" + std::to_string(indent);
    for (std::string_view text : candidates) key.append(":" + std::to_string(text.size()) + ":").append(text);
    return key;
  }

  std::string BuildValue(ir::SchemaId id, const std::vector<std::string_view>& candidates, ExampleUse use,
                         int indent) {
    BeginCall(use);
    for (std::string_view text : candidates) {
      Charge(text.size() / 16);
      Json j = ParseJsonValue(text);
      if (!j.is_discarded() && Check(j, id, 0)) return DumpJsonValue(j, indent);
    }
    budget_ = 0;
    value_nodes_ = 0;
    stack_.clear();
    nesting_ = 0;
    return DumpJsonValue(Generate(id, 0), indent);
  }

  // ---- work ----

  // Starts a Value() or Valid() call: its own step budget, within what is left of the
  // API's.
  void BeginCall(ExampleUse use) {
    use_ = use;
    call_steps_ = 0;
    exhausted_ = steps_ > total_budget_;
  }

  // Counts `n` steps; returns false once the call or the API has spent its budget.
  bool Charge(uint64_t n) {
    steps_ += n;
    call_steps_ += n;
    if (call_steps_ > kStepBudget || steps_ > total_budget_) exhausted_ = true;
    return !exhausted_;
  }

  // ---- validation ----

  // A check's result depends on the value, the schema, the depth (past kMaxDepth all is
  // accepted) and use_; within one top-level check the value's nodes stay where they are,
  // so their addresses name them. A schema reached through many paths (a DAG of oneOfs)
  // is then checked once per node, not once per path (checked_).

  // Judges `j` by schema `id`'s meaning (sema/), as the generated zod schemas do, except
  // that a oneOf must match exactly one branch (a mock server that validates by JSON
  // Schema, Prism, rejects a value matching two, so examples never do).
  bool Check(const Json& j, ir::SchemaId id, int depth) {
    if (check_nesting_ == 0) {
      checked_.Clear();
      coerced_.clear();
    }
    if (!Charge(1)) return true;
    if (id == ir::kNoSchema || depth > kMaxDepth) return true;
    if (const bool* known = checked_.Find(&j, id, depth)) return *known;
    ++check_nesting_;
    bool ok = CheckUncached(j, id, depth);
    --check_nesting_;
    // Past the budget every check passes: not a result to keep.
    if (!exhausted_) checked_.Put(&j, id, depth, ok);
    return ok;
  }

  bool CheckUncached(const Json& j, ir::SchemaId id, int depth) {
    if (use_ == ExampleUse::kParameter && (j.is_number() || j.is_boolean())) {
      // Kept until the top-level check ends: checks below are remembered by address.
      coerced_.push_back(Json(j.is_boolean() ? (j.get<bool>() ? "true" : "false") : j.dump()));
      return Check(coerced_.back(), id, depth);
    }
    const sema::SchemaMeaning& m = meanings_.Of(id);
    if (j.is_null() && (m.nullable || m.null_only)) return true;
    if (m.alias_of != ir::kNoSchema) return Check(j, m.alias_of, depth + 1);
    const ir::Schema& s = api_.schemas[id];
    if (m.boolean_schema) return *m.boolean_schema;
    if (m.null_only) return j.is_null();
    // A parameter's text counts as the number or boolean it spells.
    std::optional<Json> coerced;
    if (use_ == ExampleUse::kParameter && j.is_string()) {
      const std::string& text = j.get_ref<const std::string&>();
      bool numeric = std::any_of(m.types.begin(), m.types.end(),
                                 [](const std::string& t) { return t == "integer" || t == "number"; });
      Charge(text.size() / 16);
      Json parsed = ParseJsonValue(text);
      if (numeric && !parsed.is_discarded() && parsed.is_number()) coerced = parsed;
      if (!coerced && (text == "true" || text == "false") &&
          std::find(m.types.begin(), m.types.end(), "boolean") != m.types.end()) {
        coerced = Json(text == "true");
      }
    }
    if (!m.types.empty()) {
      bool ok = false;
      for (const std::string& t : m.types) ok = ok || TypeMatches(j, t) || (coerced && TypeMatches(*coerced, t));
      if (!ok) return false;
    }
    if (!m.enum_values.empty()) {
      Charge(m.enum_values.size());
      bool ok = false;
      for (const Json& v : Enum(id)) ok = ok || v == j || (coerced && v == *coerced);
      if (!ok) return false;
    }
    if (coerced && coerced->is_number()) {
      if (auto n = Number(s.minimum()); n && coerced->get<double>() < *n) return false;
      if (auto n = Number(s.maximum()); n && coerced->get<double>() > *n) return false;
    }
    if (!s.const_value().empty() && Const(id) != j) return false;
    if (j.is_string()) {
      const std::string& text = j.get_ref<const std::string&>();
      Charge(text.size() / 16);
      size_t n = sema::CodePoints(text);
      if (s.min_length() && n < *s.min_length()) return false;
      if (s.max_length() && n > *s.max_length()) return false;
      if (!s.pattern().empty() && !Matches(s.pattern(), text)) return false;
      if (std::string_view format = sema::FormatPattern(s.format); !format.empty() && !Matches(std::string(format), text)) {
        return false;
      }
    }
    if (j.is_number()) {
      double v = j.get<double>();
      if (auto n = Number(s.minimum()); n && v < *n) return false;
      if (auto n = Number(s.maximum()); n && v > *n) return false;
      if (auto n = Number(s.exclusive_minimum()); n && v <= *n) return false;
      if (auto n = Number(s.exclusive_maximum()); n && v >= *n) return false;
      if (auto n = Number(s.multiple_of()); n && *n > 0) {
        double q = v / *n;
        if (std::fabs(q - std::round(q)) > 1e-9) return false;
      }
    }
    if (j.is_array()) {
      if (s.min_items() && j.size() < *s.min_items()) return false;
      if (s.max_items() && j.size() > *s.max_items()) return false;
      for (size_t i = 0; i < j.size(); ++i) {
        ir::SchemaId item = i < s.prefix_items().size() ? s.prefix_items()[i] : s.items;
        if (!Check(j[i], item, depth + 1)) return false;
      }
      if (s.unique_items()) {
        Charge(j.size());
        if (HasDuplicates(j)) return false;
      }
    }
    if (j.is_object() && !CheckObject(j, id, m, depth)) return false;
    for (ir::SchemaId b : m.intersect) {
      if (!Check(j, b, depth + 1)) return false;
    }
    for (const auto* choice : {&m.one_of, &m.any_of}) {
      if (*choice && !CheckChoice(j, **choice, depth)) return false;
    }
    if (s.not_schema() != ir::kNoSchema && Check(j, s.not_schema(), depth + 1)) return false;
    return true;
  }

  // The object keywords of `m` for object `j`. Members and properties are found through
  // indexes, not by scans, so that thousands of properties cost linear time.
  bool CheckObject(const Json& j, ir::SchemaId id, const sema::SchemaMeaning& m, int depth) {
    if (m.min_properties && j.size() < *m.min_properties) return false;
    if (m.max_properties && j.size() > *m.max_properties) return false;
    Charge(j.size() + m.properties.size());
    std::unordered_map<std::string_view, const Json*> members;
    members.reserve(j.size());
    for (auto it = j.begin(); it != j.end(); ++it) members.emplace(it.key(), &it.value());
    for (const sema::ObjectProperty& p : m.properties) {
      auto it = members.find(p.name);
      if (it == members.end()) {
        if (p.required && !Skipped(p)) return false;
        continue;
      }
      if (!Check(*it->second, p.schema, depth + 1)) return false;
      for (ir::SchemaId also : p.also) {
        if (!Check(*it->second, also, depth + 1)) return false;
      }
    }
    if (m.pattern_properties.empty() && m.additional_properties != ir::AdditionalProperties::kForbidden &&
        m.additional_properties != ir::AdditionalProperties::kSchema) {
      return true;
    }
    const PropertyIndex& declared = PropertiesOf(id, m);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (declared.count(it.key()) > 0) continue;
      bool matched = false;
      for (const auto& [pattern, schema] : m.pattern_properties) {
        if (!Matches(pattern, it.key())) continue;
        matched = true;
        if (!Check(it.value(), schema, depth + 1)) return false;
      }
      if (matched) continue;
      if (m.additional_properties == ir::AdditionalProperties::kForbidden) return false;
      if (m.additional_properties == ir::AdditionalProperties::kSchema &&
          !Check(it.value(), m.additional_properties_schema, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  // A oneOf (exactly one) or anyOf (at least one): schema branches and required sets
  // count alike. Branches that are `{}` cannot tell values apart, so a oneOf of two or
  // more of them is not judged.
  bool CheckChoice(const Json& j, const sema::Choice& choice, int depth) {
    size_t opaque = 0, matched = 0;
    Charge(choice.branches.size() + choice.required_sets.size());
    for (ir::SchemaId b : choice.branches) {
      opaque += Opaque(b) ? 1 : 0;
      matched += Check(j, b, depth + 1) ? 1 : 0;
    }
    for (const std::vector<std::string>& set : choice.required_sets) {
      Charge(set.size());
      bool has = j.is_object() && std::all_of(set.begin(), set.end(), [&](const std::string& n) { return j.contains(n); });
      matched += has ? 1 : 0;
    }
    if (!choice.exactly_one) return matched > 0;
    return matched == 1 || (opaque > 1 && opaque == choice.branches.size());
  }

  // Whether schema `id` accepts every value (`{}`).
  bool Opaque(ir::SchemaId id) const {
    if (id == ir::kNoSchema) return true;
    const ir::Schema& s = api_.schemas[meanings_.Resolve(id)];
    const sema::SchemaMeaning& m = meanings_.Of(meanings_.Resolve(id));
    return m.types.empty() && !m.boolean_schema && !m.null_only && m.properties.empty() && m.enum_values.empty() &&
           s.const_value().empty() && m.intersect.empty() && !m.one_of && !m.any_of && s.items == ir::kNoSchema &&
           s.not_schema() == ir::kNoSchema && s.format.empty() && s.pattern().empty() && s.minimum().empty() &&
           s.maximum().empty() && !s.min_length() && !s.max_length() &&
           m.additional_properties == ir::AdditionalProperties::kUnspecified;
  }

  static bool TypeMatches(const Json& j, const std::string& type) {
    if (type == "string") return j.is_string();
    if (type == "integer") {
      return j.is_number_integer() || (j.is_number_float() && std::floor(j.get<double>()) == j.get<double>());
    }
    if (type == "number") return j.is_number();
    if (type == "boolean") return j.is_boolean();
    if (type == "null") return j.is_null();
    if (type == "array") return j.is_array();
    if (type == "object") return j.is_object();
    return true;
  }

  // Whether a property is left out of this kind of value: readOnly ones of requests,
  // writeOnly ones of responses.
  bool Skipped(const sema::ObjectProperty& p) const {
    return use_ == ExampleUse::kRequest ? p.read_only : use_ == ExampleUse::kResponse && p.write_only;
  }

  const std::vector<Json>& Enum(ir::SchemaId id) {
    auto it = enums_.find(id);
    if (it != enums_.end()) return it->second;
    std::vector<Json>& values = enums_[id];
    // Quoted numbers of a numeric enum read as numbers, as sema reads them.
    const ir::Schema& s = api_.schemas[id];
    for (const std::string& v : s.enum_values) values.push_back(ParseJsonValue(ir::TypedEnumValue(s.types, v)));
    return values;
  }

  const Json& Const(ir::SchemaId id) {
    auto it = consts_.find(id);
    if (it == consts_.end()) it = consts_.emplace(id, ParseJsonValue(api_.schemas[id].const_value())).first;
    return it->second;
  }

  // The properties of schema `id`'s meaning `m` by name, built once per schema: a scan per
  // name costs quadratic time on an object with thousands of properties.
  using PropertyIndex = std::unordered_map<std::string_view, const sema::ObjectProperty*>;
  const PropertyIndex& PropertiesOf(ir::SchemaId id, const sema::SchemaMeaning& m) {
    auto it = property_index_.find(id);
    if (it == property_index_.end()) {
      Charge(m.properties.size());
      it = property_index_.emplace(id, PropertyIndex()).first;
      for (const sema::ObjectProperty& p : m.properties) it->second.emplace(p.name, &p);
    }
    return it->second;
  }

  // Unanchored ECMAScript search, as JSON Schema's `pattern`. A pattern specc cannot judge
  // (PatternMatcher::Search) counts as matching, and so does every pattern once the
  // budget is spent.
  // Searches are remembered for short texts: a large API's examples repeat the same URLs,
  // dates and ids against the same formats thousands of times. A remembered search charges
  // what it cost the first time, so the budget, and with it every value, is as without.
  bool Matches(const std::string& pattern, const std::string& text) {
    if (exhausted_) return true;
    bool remember = text.size() <= kMaxRememberedMatch;
    std::string key;
    if (remember) {
      key.reserve(pattern.size() + 1 + text.size());
      key.append(pattern).push_back('\0');
      key.append(text);
      if (auto it = matches_.find(key); it != matches_.end()) {
        Charge(it->second.work);
        return it->second.found.value_or(true);
      }
    }
    uint64_t work = 0;
    std::optional<bool> found = patterns_.Search(pattern, text, &work);
    Charge(work);
    if (remember) matches_.emplace(std::move(key), Match{found, (text.size() + 1) * SearchUnit(pattern)});
    return found.value_or(true);
  }

  // What searching with `pattern` (compiled by now) costs per character of text: the first
  // search also pays for compiling it, which a remembered search must not charge again.
  uint64_t SearchUnit(const std::string& pattern) {
    auto [it, added] = search_units_.try_emplace(pattern, 0);
    if (added) (void)patterns_.Search(pattern, "", &it->second);
    return it->second;
  }

  // ---- generation ----

  Json Generate(ir::SchemaId id, int depth) {
    ++budget_;
    if (!Charge(1) || ++value_nodes_ > kMaxValueNodes) {
      exhausted_ = true;
      return Cheapest(id);
    }
    if (id == ir::kNoSchema) return "string";
    bool cycle = stack_.count(id) > 0 || depth > kMaxDepth;
    if (!cycle && nesting_ >= kMaxNesting) {
      cycle = true;
      ++cuts_;
    }
    // Past kValueBudget no optional property is added, so a value depends only on the
    // schema, the depth, the kind of value and required_only_; and for a schema on no
    // cycle, not on the schemas around it either. Such values are built once.
    bool reusable = !cycle && budget_ >= kValueBudget && !on_cycle_[id];
    uint64_t key = (static_cast<uint64_t>(id) << 16) | (static_cast<uint64_t>(depth) << 8) |
                   (static_cast<uint64_t>(required_only_) << 4) | static_cast<uint64_t>(use_);
    if (reusable) {
      if (auto it = generated_.find(key); it != generated_.end()) {
        value_nodes_ += it->second.nodes;
        if (!Charge(it->second.nodes) || value_nodes_ > kMaxValueNodes) {
          exhausted_ = true;
          return Cheapest(id);
        }
        return it->second.value;
      }
    }
    uint64_t cuts = cuts_;
    Json result = GenerateUncached(id, depth, cycle);
    if (reusable && !exhausted_ && cuts_ == cuts) {
      uint64_t nodes = Nodes(result);
      Charge(nodes);
      generated_.emplace(key, Generated{result, nodes});
    }
    return result;
  }

  Json GenerateUncached(ir::SchemaId id, int depth, bool cycle) {
    const ir::Schema& s = api_.schemas[id];
    const sema::SchemaMeaning& m = meanings_.Of(id);
    if (!cycle) {
      if (const Json* own = OwnExample(id)) return *own;
    }
    if (m.alias_of != ir::kNoSchema) {
      // A nullable reference back to a schema being built (`parent: {allOf: [Project],
      // nullable: true}`) ends the recursion with null.
      bool back = cycle || stack_.count(meanings_.Resolve(id)) > 0;
      if (back && meanings_.Nullable(id)) return Json(nullptr);
      if (cycle) return Minimal(meanings_.Resolve(id));
      stack_.insert(id);
      ++nesting_;
      Json value = Generate(m.alias_of, depth + 1);
      --nesting_;
      stack_.erase(id);
      return value;
    }
    if (m.boolean_schema) return *m.boolean_schema ? Json("string") : Json(nullptr);
    if (m.null_only) return nullptr;
    if (!s.const_value().empty()) return Const(id);
    if (!s.enum_values.empty()) {
      for (const Json& v : Enum(id)) {
        if (!v.is_null() && !v.is_discarded()) return v;
      }
      return Enum(id).front();
    }
    if (cycle) return Minimal(id);
    stack_.insert(id);
    ++nesting_;
    Json result = Compose(id, depth);
    --nesting_;
    stack_.erase(id);
    return result;
  }

  // The schema's own first valid example, else its default when valid, else nullptr.
  // Validity depends on the schema and the kind of value only, so it is decided once.
  const Json* OwnExample(ir::SchemaId id) {
    uint64_t key = (static_cast<uint64_t>(id) << 4) | static_cast<uint64_t>(use_);
    if (auto it = own_examples_.find(key); it != own_examples_.end()) return it->second ? &*it->second : nullptr;
    const ir::Schema& s = api_.schemas[id];
    std::optional<Json> found;
    for (const std::string& text : s.examples) {
      Charge(text.size() / 16);
      Json j = ParseJsonValue(text);
      if (!j.is_discarded() && Check(j, id, 0)) {
        found = std::move(j);
        break;
      }
    }
    if (!found && !s.default_value.empty()) {
      Json j = ParseJsonValue(s.default_value);
      if (!j.is_discarded() && Check(j, id, 0)) found = std::move(j);
    }
    // Past the budget every check passes: not a decision to keep.
    if (exhausted_) {
      scratch_ = std::move(found);
      return scratch_ ? &*scratch_ : nullptr;
    }
    auto& kept = own_examples_[key];
    kept = std::move(found);
    return kept ? &*kept : nullptr;
  }

  // The value of a schema reached again inside itself: the smallest value of its type, so
  // recursion stops (null where the schema allows it).
  Json Minimal(ir::SchemaId id) {
    if (meanings_.Nullable(id)) return nullptr;
    std::string type = MainType(id);
    if (type == "array") return Json::array();
    if (type == "object") return Json::object();
    return Scalar(api_.schemas[id], type);
  }

  // What a schema gets once the budget is spent: the smallest value of its type, without
  // looking at patterns or examples.
  Json Cheapest(ir::SchemaId id) {
    if (id == ir::kNoSchema) return "string";
    if (meanings_.Nullable(id)) return nullptr;
    std::string type = MainType(meanings_.Resolve(id));
    if (type == "array") return Json::array();
    if (type == "object") return Json::object();
    if (type == "boolean") return true;
    if (type == "integer" || type == "number") return Num(api_.schemas[meanings_.Resolve(id)], type == "integer");
    return "string";
  }

  // The type a value for schema `id` takes: its first type (sema infers one from the
  // object and array keywords), else one its numeric keywords imply; empty when only its
  // compositions say.
  std::string MainType(ir::SchemaId id) const {
    const ir::Schema& s = api_.schemas[id];
    const sema::SchemaMeaning& m = meanings_.Of(id);
    if (!m.types.empty()) return m.types.front();
    if (s.min_properties()) return "object";
    if (s.min_items()) return "array";
    if (!s.minimum().empty() || !s.maximum().empty() || !s.exclusive_minimum().empty() ||
        !s.exclusive_maximum().empty() || !s.multiple_of().empty()) {
      return "number";
    }
    if (!m.intersect.empty() || m.one_of || m.any_of) return "";
    return "string";
  }

  Json Compose(ir::SchemaId id, int depth) {
    const ir::Schema& s = api_.schemas[id];
    const sema::SchemaMeaning& m = meanings_.Of(id);
    std::string type = MainType(id);
    Json result;
    bool have = false;
    if (type == "object") {
      result = Object(m, depth);
      have = true;
    } else if (type == "array") {
      result = Array(s, depth);
      have = true;
    } else if (!type.empty() && m.intersect.empty() && !m.one_of && !m.any_of) {
      return Scalar(s, type);
    }
    auto merge = [&](Json v) {
      if (!have) {
        result = std::move(v);
        have = true;
        return;
      }
      if (result.is_object() && v.is_object()) {
        Charge(v.size());
        MergeMissing(result, v);
      }
    };
    for (ir::SchemaId b : m.intersect) merge(Generate(b, depth));
    SetInheritedDiscriminators(id, result);
    const auto& choice = m.one_of ? m.one_of : m.any_of;
    if (choice && (!choice->branches.empty() || !choice->required_sets.empty())) {
      // Try the options in order (the discriminator's cases first) and keep the first value
      // that satisfies the whole schema: with oneOf, a value matching two is invalid.
      struct Option {
        std::string discriminator_value;
        ir::SchemaId branch = ir::kNoSchema;
        const std::vector<std::string>* required = nullptr;
      };
      std::vector<Option> options;
      if (m.discriminator) {
        for (const sema::DiscriminatorCase& c : m.discriminator->cases) {
          for (const std::string& v : c.values) options.push_back({v, c.branch, nullptr});
        }
      } else {
        for (ir::SchemaId b : choice->branches) options.push_back({"", b, nullptr});
      }
      for (const std::vector<std::string>& set : choice->required_sets) options.push_back({"", ir::kNoSchema, &set});
      Charge(options.size());
      // A first round on the value built so far; a second on an object with the required
      // properties only, for branches that differ in which optional properties they
      // require; a third with each branch's required properties only, for a general
      // branch beside specific ones (`oneOf: [Card, StatusCard]` where a full Card value
      // also is a StatusCard: only a minimal Card matches Card alone).
      const Json built = result;
      const bool built_have = have;
      Json first;
      bool first_set = false;
      for (int round = 0; round < 3; ++round) {
        if (round == 1 && type != "object") continue;
        Json base = round == 1 ? Object(m, depth, /*required_only=*/true) : built;
        bool base_have = round == 1 ? true : built_have;
        size_t tries = 0;
        for (const Option& option : options) {
          if (++tries > 8) break;
          result = base;
          have = base_have;
          if (option.required != nullptr) {
            // A branch that only requires names: an object with them, valued by this
            // schema's properties.
            if (!have) {
              result = Json::object();
              have = true;
            }
            if (result.is_object()) {
              Charge(option.required->size() + result.size());
              std::unordered_set<std::string> present;
              for (auto it = result.begin(); it != result.end(); ++it) present.insert(it.key());
              for (const std::string& name : *option.required) {
                if (!present.insert(name).second) continue;
                AppendMember(result, name, Generate(PropertySchema(id, m, name), depth + 1));
              }
            }
          } else {
            merge(round == 2 ? GenerateRequiredOnly(option.branch, depth) : Generate(option.branch, depth));
          }
          if (m.discriminator && result.is_object() && !option.discriminator_value.empty()) {
            result[m.discriminator->property] = option.discriminator_value;
          }
          if (!first_set) {
            first = result;
            first_set = true;
          }
          if (Check(result, id, 0)) return result;
        }
      }
      // None valid (a branch cut short by recursion): null, where the schema allows it, is.
      if (meanings_.Nullable(id)) return nullptr;
      if (first_set) result = first;
    }
    if (!have) return "string";
    return result;
  }

  // The schema of property `name` among the properties of schema `id` (meaning `m`);
  // kNoSchema (any value) when it has none.
  ir::SchemaId PropertySchema(ir::SchemaId id, const sema::SchemaMeaning& m, const std::string& name) {
    const PropertyIndex& index = PropertiesOf(id, m);
    auto it = index.find(name);
    return it == index.end() ? ir::kNoSchema : it->second->schema;
  }

  // A schema that inherits from a base with a discriminator (`Cat: allOf [Pet]` where Pet
  // names `petType`): its value carries the discriminator value that selects it, the
  // mapping's key for it or else its own name, not a generated string.
  void SetInheritedDiscriminators(ir::SchemaId id, Json& value) {
    if (!value.is_object()) return;
    for (ir::SchemaId branch : api_.schemas[id].all_of()) {
      if (branch == ir::kNoSchema) continue;
      const ir::Schema& base = api_.schemas[meanings_.Resolve(branch)];
      if (!base.discriminator()) continue;
      Charge(base.discriminator()->mapping.size() + value.size());
      std::string selected = api_.schemas[id].name.str();
      for (const auto& [key, target] : base.discriminator()->mapping) {
        if (target != ir::kNoSchema && meanings_.Resolve(target) == id) selected = key;
      }
      // Only a value the property's own schema allows (an enum of other spellings keeps
      // the generated one).
      ir::SchemaId property = PropertySchema(id, meanings_.Of(id), base.discriminator()->property_name);
      if (!selected.empty() && Check(Json(selected), property, 0)) value[base.discriminator()->property_name] = selected;
    }
  }

  // A value for schema `id` with no optional property anywhere inside it.
  Json GenerateRequiredOnly(ir::SchemaId id, int depth) {
    bool saved = required_only_;
    required_only_ = true;
    Json value = Generate(id, depth);
    required_only_ = saved;
    return value;
  }

  Json Object(const sema::SchemaMeaning& m, int depth, bool required_only = false) {
    Json obj = Json::object();
    // Room for every property up front: growing an ordered_json object copies its members.
    obj.get_ref<Json::object_t&>().reserve(m.properties.size());
    bool optional = !required_only && !required_only_ && depth < kOptionalDepth && budget_ < kValueBudget;
    Charge(m.properties.size());
    for (const sema::ObjectProperty& p : m.properties) {
      if (Skipped(p)) continue;
      if (!p.required && !optional) continue;
      if (!p.required && p.schema != ir::kNoSchema && stack_.count(p.schema)) continue;
      Json value = Generate(p.schema, depth + 1);
      for (ir::SchemaId also : p.also) MergeDeep(value, Generate(also, depth + 1));
      // Property names are distinct, so each is appended without a search.
      AppendMember(obj, p.name, std::move(value));
    }
    if (m.max_properties && obj.size() > *m.max_properties) {
      // Keep the required properties: drop optional ones from the end.
      for (auto it = m.properties.rbegin(); it != m.properties.rend() && obj.size() > *m.max_properties; ++it) {
        if (it->required) continue;
        Charge(obj.size());
        obj.erase(it->name);
      }
    }
    size_t want = m.min_properties.value_or(0);
    if (obj.size() < want) {
      Charge(obj.size());
      std::unordered_set<std::string> present;
      for (auto it = obj.begin(); it != obj.end(); ++it) present.insert(it.key());
      for (int n = 1; obj.size() < want && n < 100; ++n) {
        std::string key = "key" + std::to_string(n);
        Charge(1);
        if (!present.insert(key).second) continue;
        ir::SchemaId extra = m.additional_properties == ir::AdditionalProperties::kSchema
                                 ? m.additional_properties_schema
                                 : ir::kNoSchema;
        AppendMember(obj, key, Generate(extra, depth + 1));
      }
    }
    return obj;
  }

  Json Array(const ir::Schema& s, int depth) {
    Json arr = Json::array();
    for (ir::SchemaId item : s.prefix_items()) arr.push_back(Generate(item, depth + 1));
    size_t want = std::max<size_t>(s.min_items().value_or(0), arr.empty() ? 1 : arr.size());
    if (s.max_items()) want = std::min<size_t>(want, *s.max_items());
    if (want > 64) want = 64;
    while (arr.size() < want) {
      Json v = Generate(s.items, depth + 1);
      if (s.unique_items() && !arr.empty()) {
        // Distinct items: vary a scalar by its position when the schema allows it.
        if (v.is_number_integer()) v = v.get<int64_t>() + static_cast<int64_t>(arr.size());
        if (v.is_string()) v = v.get<std::string>() + std::to_string(arr.size());
        if (s.items != ir::kNoSchema && !Check(v, s.items, 0)) break;
      }
      arr.push_back(std::move(v));
    }
    return arr;
  }

  Json Scalar(const ir::Schema& s, const std::string& type) {
    if (type == "boolean") return true;
    if (type == "integer" || type == "number") return Num(s, type == "integer");
    if (type == "null") return nullptr;
    return String(s);
  }

  Json Num(const ir::Schema& s, bool integer) {
    std::optional<double> lo = Number(s.minimum()), hi = Number(s.maximum());
    std::optional<double> xlo = Number(s.exclusive_minimum()), xhi = Number(s.exclusive_maximum());
    double step = integer ? 1 : 0.5;
    if (xlo && (!lo || *xlo >= *lo)) lo = integer ? std::floor(*xlo) + 1 : *xlo + step;
    if (xhi && (!hi || *xhi <= *hi)) hi = integer ? std::ceil(*xhi) - 1 : *xhi - step;
    if (integer) {
      if (lo) lo = std::ceil(*lo);
      if (hi) hi = std::floor(*hi);
    }
    double v = 1;
    if (lo && v < *lo) v = *lo;
    if (hi && v > *hi) v = *hi;
    if (lo && hi && *lo > *hi) v = *lo;
    if (std::optional<double> m = Number(s.multiple_of()); m && *m > 0) {
      double up = std::ceil(v / *m) * *m;
      v = (!hi || up <= *hi) ? up : std::floor(v / *m) * *m;
    }
    if (integer || v == std::floor(v)) return Json::parse(FormatNumber(v, true));
    return v;
  }

  Json String(const ir::Schema& s) {
    size_t min = s.min_length().value_or(0);
    size_t max = s.max_length().value_or(SIZE_MAX);
    std::string value = FormatValue(s.format);
    if (!value.empty() && (s.pattern().empty() || Matches(s.pattern(), value))) return value;
    if (!s.pattern().empty()) {
      sema::PatternValue found = sema::SearchPatternValue(
          s.pattern(), min, max, [&](const std::string& text) { return Matches(s.pattern(), text); },
          [&](size_t work) { Charge(work); });
      if (found.value) return *found.value;
      if (found.fallback) return *found.fallback;
    }
    value = "string";
    if (value.size() > max) value.resize(max);
    while (value.size() < min) value.push_back('x');
    return value;
  }

  const ir::Api& api_;
  const sema::SchemaMeanings& meanings_;
  ExampleUse use_ = ExampleUse::kRequest;
  // Schemas visited for the current value (optional properties stop at kValueBudget), and
  // an upper count of its nodes (kMaxValueNodes).
  int budget_ = 0;
  uint64_t value_nodes_ = 0;
  // Set while generating a value with required properties only (GenerateRequiredOnly).
  bool required_only_ = false;
  // The schemas being generated (a schema met again inside itself is cut off), and how
  // deep generation recurses.
  std::unordered_set<ir::SchemaId> stack_;
  int nesting_ = 0;
  // How often kMaxNesting cut generation off: a value built across a cut depends on the
  // depth it was built at, so it is not reused.
  uint64_t cuts_ = 0;
  // Steps taken in all, and in the current Value() or Valid() call; exhausted_ once that
  // call has spent kStepBudget or all calls total_budget_.
  uint64_t steps_ = 0;
  const uint64_t total_budget_;
  uint64_t call_steps_ = 0;
  bool exhausted_ = false;
  const std::vector<bool> on_cycle_;
  struct Generated {
    Json value;
    uint64_t nodes;
  };
  // Values of schemas on no cycle, built past kValueBudget (Generate).
  std::unordered_map<uint64_t, Generated> generated_;
  // The results of the current top-level check, and the coerced parameter values it
  // checks (kept so that their addresses stay theirs).
  CheckMemo checked_;
  std::deque<Json> coerced_;
  int check_nesting_ = 0;
  std::unordered_map<uint64_t, std::optional<Json>> own_examples_;  // by schema and use
  std::optional<Json> scratch_;
  std::map<ir::SchemaId, std::vector<Json>> enums_;
  std::map<ir::SchemaId, Json> consts_;
  std::unordered_map<ir::SchemaId, PropertyIndex> property_index_;
  sema::PatternMatcher patterns_;
  static constexpr size_t kMaxRememberedMatch = 256;
  struct Match {
    std::optional<bool> found;
    uint64_t work;
  };
  std::unordered_map<std::string, Match> matches_;  // by pattern, NUL, text
  std::unordered_map<std::string, uint64_t> search_units_;  // by pattern
  std::unordered_map<std::string, std::string> values_;  // by ValueKey()
};

ExampleBuilder::ExampleBuilder(const sema::SchemaMeanings& meanings) : impl_(std::make_unique<Impl>(meanings)) {}
ExampleBuilder::~ExampleBuilder() = default;

const std::string& ExampleBuilder::Value(ir::SchemaId id, const std::vector<std::string_view>& candidates,
                                         ExampleUse use, int indent) {
  return impl_->Value(id, candidates, use, indent);
}

bool ExampleBuilder::Valid(ir::SchemaId id, std::string_view json, ExampleUse use) {
  return impl_->Valid(id, json, use);
}

uint64_t ExampleBuilder::steps() const { return impl_->steps(); }

}  // namespace specc::emit
