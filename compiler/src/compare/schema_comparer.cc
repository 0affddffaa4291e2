#include "compare/schema_comparer.h"

#include <algorithm>
#include <charconv>
#include <deque>
#include <optional>
#include <set>
#include <unordered_set>

#include "base/check.h"
#include "compare/schema_text.h"

namespace specc::compare {

struct SchemaComparer::Node {
  std::vector<SchemaChange> own;
  // Children that are (or may be) changed: the path segment that leads to each.
  std::vector<std::pair<std::string, Node*>> children;
  // Tarjan's bookkeeping: recursive schemas make the nodes a graph with cycles, and
  // whether a node reaches any change is known once its strongly connected component is
  // complete.
  int index = 0, lowlink = 0;
  bool on_stack = false;
  bool final = false;  // the component is complete: `dirty` is known
  bool dirty = true;   // the node or something it reaches has a change
  // The two schemas share no type (a string became an object): nothing else was compared.
  bool incompatible = false;
};

namespace {

bool Has(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::string> NonNullTypes(const ir::Schema& s) {
  std::vector<std::string> out;
  for (std::string_view t : s.types) {
    if (t != "null") out.emplace_back(t);
  }
  return out;
}

// An empty type list accepts every type; `number` accepts every integer.
bool Accepts(const std::vector<std::string>& types, const std::string& type) {
  return types.empty() || Has(types, type) || (type == "integer" && Has(types, "number"));
}

bool Composed(const ir::Schema& s) { return !s.one_of().empty() || !s.any_of().empty(); }

// The non-null types schema `id` accepts, as sema reads them (inferred from the keywords
// when `type` is absent: `properties` without `type: object` is an object). An allOf whose
// parts sema intersects rather than merges (`allOf: [{type: string}, {maxLength: 5}]`)
// has no types of its own there: the parts' common types, from the merged view `merged`.
std::vector<std::string> AcceptedTypes(const sema::SchemaMeanings& meanings, ir::SchemaId id,
                                       const ir::Schema& merged) {
  const sema::SchemaMeaning& meaning = meanings.Of(meanings.Resolve(id));
  if (!meaning.types.empty() || Composed(merged)) return {meaning.types.begin(), meaning.types.end()};
  return NonNullTypes(merged);
}

std::optional<double> Number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// A bound of a number: `minimum: 1` is {1, inclusive}, `exclusiveMinimum: 1` is {1, exclusive}.
struct Bound {
  double value = 0;
  bool exclusive = false;
  std::string text;
};

std::optional<Bound> LowerBound(const ir::Schema& s) {
  std::optional<double> min = Number(s.minimum()), exclusive = Number(s.exclusive_minimum());
  if (exclusive && (!min || *exclusive >= *min)) return Bound{*exclusive, true, s.exclusive_minimum()};
  if (min) return Bound{*min, false, s.minimum()};
  return std::nullopt;
}

std::optional<Bound> UpperBound(const ir::Schema& s) {
  std::optional<double> max = Number(s.maximum()), exclusive = Number(s.exclusive_maximum());
  if (exclusive && (!max || *exclusive <= *max)) return Bound{*exclusive, true, s.exclusive_maximum()};
  if (max) return Bound{*max, false, s.maximum()};
  return std::nullopt;
}

std::string DescribeBound(const Bound& b, bool lower) {
  return std::string(b.exclusive ? (lower ? "exclusiveMinimum" : "exclusiveMaximum") : (lower ? "minimum" : "maximum")) +
         " `" + b.text + "`";
}

// The constraint families of rules.def, each with a request rule (when tightened) and a
// response rule (when loosened).
enum class Family { kLength, kRange, kSize, kFormat };

Rule TightenedRequestRule(Family f) {
  switch (f) {
    case Family::kLength: return Rule::kRequestLengthTightened;
    case Family::kRange: return Rule::kRequestRangeTightened;
    case Family::kSize: return Rule::kRequestSizeTightened;
    case Family::kFormat: return Rule::kRequestFormatChanged;
  }
  return Rule::kRequestRangeTightened;
}

Rule LoosenedResponseRule(Family f) {
  switch (f) {
    case Family::kLength: return Rule::kResponseLengthLoosened;
    case Family::kRange: return Rule::kResponseRangeLoosened;
    case Family::kSize: return Rule::kResponseSizeLoosened;
    case Family::kFormat: return Rule::kResponseFormatChanged;
  }
  return Rule::kResponseRangeLoosened;
}

// Numeric formats that only widen: a client that sends int32 values may send them as int64.
bool FormatWidens(std::string_view from, std::string_view to) {
  return (from == "int32" && to == "int64") || (from == "float" && to == "double");
}

std::string JoinPath(const std::string& prefix, const std::string& segment) {
  if (segment.empty()) return prefix;
  if (prefix.empty()) return segment;
  if (segment[0] == '[') return prefix + segment;
  return prefix + "." + segment;
}

uint64_t Key(ir::SchemaId a, ir::SchemaId b, Direction dir) {
  return (static_cast<uint64_t>(a) << 33) | (static_cast<uint64_t>(b) << 1) |
         static_cast<uint64_t>(dir == Direction::kResponse);
}

}  // namespace

SchemaComparer::SchemaComparer(const ir::Api& base, const ir::Api& head)
    : base_(base), head_(head), base_meanings_(base), head_meanings_(head) {}
SchemaComparer::~SchemaComparer() = default;

void SchemaComparer::Compare(ir::SchemaId a, ir::SchemaId b, Direction dir, std::vector<SchemaChange>& out) {
  Node* root = CompareNode(a, b, dir);
  if (root == nullptr || !root->dirty) return;
  // Breadth first, so a change reached by several paths is reported at the shortest.
  std::deque<std::pair<const Node*, std::string>> queue{{root, ""}};
  std::unordered_set<const Node*> seen{root};
  while (!queue.empty()) {
    auto [node, prefix] = std::move(queue.front());
    queue.pop_front();
    for (const SchemaChange& c : node->own) {
      out.push_back(SchemaChange{c.rule, JoinPath(prefix, c.path), c.message, c.base, c.head});
    }
    for (const auto& [segment, child] : node->children) {
      if (child->dirty && seen.insert(child).second) queue.emplace_back(child, JoinPath(prefix, segment));
    }
  }
}

SchemaComparer::Node* SchemaComparer::CompareNode(ir::SchemaId a, ir::SchemaId b, Direction dir) {
  if (a == ir::kNoSchema || b == ir::kNoSchema) return nullptr;
  SPECC_CHECK(a < (1u << 30) && b < (1u << 30)) << "schema ids out of range";
  auto [it, inserted] = memo_.try_emplace(Key(a, b, dir));
  Node* node;
  if (inserted) {
    it->second = std::make_unique<Node>();
    node = it->second.get();
    node->index = node->lowlink = next_index_++;
    node->on_stack = true;
    stack_.push_back(node);
    building_.push_back(node);
    Build(*node, a, b, dir);
    building_.pop_back();
    if (node->lowlink == node->index) FinishComponent(node);
  } else {
    // A pair being compared further up (a recursive schema) is linked to as it stands.
    node = it->second.get();
  }
  if (node->on_stack && !building_.empty()) {
    building_.back()->lowlink = std::min(building_.back()->lowlink, node->lowlink);
  }
  return node;
}

void SchemaComparer::FinishComponent(Node* root) {
  std::vector<Node*> members;
  Node* member;
  do {
    member = stack_.back();
    stack_.pop_back();
    member->on_stack = false;
    members.push_back(member);
  } while (member != root);
  // The component is dirty when a member has a change or links to a dirty node outside
  // it (those are final already).
  bool dirty = false;
  for (const Node* m : members) {
    if (!m->own.empty()) dirty = true;
    for (const auto& [segment, child] : m->children) {
      if (child->final && child->dirty) dirty = true;
    }
  }
  for (Node* m : members) {
    m->final = true;
    m->dirty = dirty;
  }
}

size_t SchemaComparer::Distance(const Node* root, size_t limit) const {
  if (root == nullptr) return 0;
  size_t count = 0;
  std::vector<const Node*> stack{root};
  std::unordered_set<const Node*> seen{root};
  while (!stack.empty() && count <= limit) {
    const Node* node = stack.back();
    stack.pop_back();
    if (node->final && !node->dirty) continue;
    count += node->own.size();
    for (const auto& [segment, child] : node->children) {
      if (seen.insert(child).second) stack.push_back(child);
    }
  }
  return count;
}

void SchemaComparer::AddChild(Node& node, std::string segment, ir::SchemaId a, ir::SchemaId b, Direction dir) {
  Node* child = CompareNode(a, b, dir);
  if (child == nullptr || (child->final && !child->dirty)) return;
  node.children.emplace_back(std::move(segment), child);
}

void SchemaComparer::Build(Node& node, ir::SchemaId a, ir::SchemaId b, Direction dir) {
  // Both stay valid while children are compared: merged views are never moved or freed.
  const ir::Schema& x = base_.Get(a);
  const ir::Schema& y = head_.Get(b);
  if (x.boolean_schema.has_value() || y.boolean_schema.has_value()) {
    // 3.1's `true` accepts everything and `false` nothing; `{}` is like `true`.
    bool x_all = !x.boolean_schema.has_value() || *x.boolean_schema;
    bool y_all = !y.boolean_schema.has_value() || *y.boolean_schema;
    if (x_all && !y_all) {
      node.own.push_back({dir == Direction::kRequest ? Rule::kRequestTypeChanged : Rule::kResponseTypeNarrowed, "",
                          "accepts no value any more (`false`)", x.loc, y.loc});
      return;
    }
    if (!x_all && y_all) {
      node.own.push_back({dir == Direction::kRequest ? Rule::kRequestTypeWidened : Rule::kResponseTypeChanged, "",
                          "accepts any value now (was `false`)", x.loc, y.loc});
      return;
    }
    if (!x_all && !y_all) return;
  }
  bool incompatible = false;
  CompareTypes(node, a, b, x, y, dir, &incompatible);
  // A string that became an object shares nothing else worth comparing.
  if (incompatible) {
    node.incompatible = true;
    return;
  }
  CompareFormat(node, x, y, dir);
  CompareEnum(node, x, y, dir);
  CompareConstraints(node, x, y, dir);
  // Properties of a oneOf on one side only are compared branch by branch instead: the
  // other side's single schema is matched against the branches.
  if (Composed(x) == Composed(y)) {
    CompareProperties(node, a, b, x, y, dir);
    CompareAdditional(node, x, y, dir);
  }
  CompareItems(node, x, y, dir);
  CompareBranches(node, a, b, x, y, dir);
  CompareDiscriminator(node, x, y, dir);
  if (!x.deprecated && y.deprecated) {
    node.own.push_back({Rule::kPropertyDeprecated, "", "deprecated", x.loc, y.loc});
  }
}

void SchemaComparer::CompareTypes(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x,
                                  const ir::Schema& y, Direction dir, bool* incompatible) {
  std::vector<std::string> tx = AcceptedTypes(base_meanings_, a, x), ty = AcceptedTypes(head_meanings_, b, y);
  // Null as sema reads it: 3.0's `nullable: true` (on a `$ref` wrapper too), a 3.1 type
  // array or `type: 'null'` branch, a null enum value where the type lets it through. A
  // schema without types accepts null too, unless oneOf/anyOf branches carry its types.
  bool nx = base_meanings_.Nullable(a) || (tx.empty() && !Composed(x));
  bool ny = head_meanings_.Nullable(b) || (ty.empty() && !Composed(y));
  if ((tx.empty() && Composed(x)) || (ty.empty() && Composed(y))) {
    // The types are compared branch by branch; only `nullable: true` beside the branches
    // is compared here.
    if (dir == Direction::kRequest && nx && !ny) {
      node.own.push_back({Rule::kRequestTypeChanged, "", "no longer accepts null", x.loc, y.loc});
    } else if (dir == Direction::kResponse && !nx && ny) {
      node.own.push_back({Rule::kResponseBecameNullable, "", "may now be null", x.loc, y.loc});
    }
    return;
  }
  std::vector<std::string> lost, gained;  // types x accepts that y does not, and the reverse
  for (const std::string& t : tx) {
    if (!Accepts(ty, t)) lost.push_back(t);
  }
  for (const std::string& t : ty) {
    if (!Accepts(tx, t)) gained.push_back(t);
  }
  if (tx.empty() && !ty.empty()) lost.push_back("any");
  if (ty.empty() && !tx.empty()) gained.push_back("any");
  bool overlap = tx.empty() || ty.empty() ||
                 std::any_of(tx.begin(), tx.end(), [&](const std::string& t) { return Accepts(ty, t); }) ||
                 std::any_of(ty.begin(), ty.end(), [&](const std::string& t) { return Accepts(tx, t); });
  std::string change = "type changed from " + DescribeTypes(tx, nx) + " to " + DescribeTypes(ty, ny);
  if (dir == Direction::kRequest) {
    if (!lost.empty()) {
      node.own.push_back({Rule::kRequestTypeChanged, "", change, x.loc, y.loc});
      *incompatible = !overlap;
    } else if (nx && !ny) {
      node.own.push_back({Rule::kRequestTypeChanged, "", "no longer accepts null (" + change + ")", x.loc, y.loc});
    } else if (!gained.empty() || (!nx && ny)) {
      node.own.push_back({Rule::kRequestTypeWidened, "", change, x.loc, y.loc});
    }
    return;
  }
  if (!gained.empty()) {
    node.own.push_back({Rule::kResponseTypeChanged, "", change, x.loc, y.loc});
    *incompatible = !overlap;
  } else if (!nx && ny) {
    node.own.push_back({Rule::kResponseBecameNullable, "", "may now be null (" + change + ")", x.loc, y.loc});
  } else if (!lost.empty() || (nx && !ny)) {
    node.own.push_back({Rule::kResponseTypeNarrowed, "", change, x.loc, y.loc});
  }
}

void SchemaComparer::CompareFormat(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  if (x.format == y.format) return;
  // int64 on an integer and double on a number name the range JSON numbers have anyway:
  // adding or removing them changes no value.
  auto unbounded = [](const ir::Schema& s, std::string_view format) {
    return (format == "int64" && (s.types.contains("integer") || s.types.contains("number"))) ||
           (format == "double" && s.types.contains("number"));
  };
  if ((x.format.empty() && unbounded(y, y.format)) || (y.format.empty() && unbounded(x, x.format))) return;
  bool req = dir == Direction::kRequest;
  std::string what = x.format.empty()   ? "format `" + y.format + "` added"
                     : y.format.empty() ? "format `" + x.format + "` removed"
                                        : "format changed from `" + x.format + "` to `" + y.format + "`";
  // Which way a format change goes: removing one accepts more; adding one, less; two
  // different formats are a change of meaning, except the numeric widenings.
  bool widens = y.format.empty() || FormatWidens(x.format, y.format);
  bool narrows = x.format.empty() || FormatWidens(y.format, x.format);
  Rule rule;
  if (req) {
    rule = widens ? Rule::kRequestConstraintLoosened : Rule::kRequestFormatChanged;
  } else {
    rule = narrows ? Rule::kResponseConstraintTightened : Rule::kResponseFormatChanged;
  }
  node.own.push_back({rule, "", what, x.loc, y.loc});
}

void SchemaComparer::CompareEnum(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  std::vector<std::string> ex(x.enum_values.begin(), x.enum_values.end());
  std::vector<std::string> ey(y.enum_values.begin(), y.enum_values.end());
  if (ex.empty() && !x.const_value().empty()) ex.push_back(x.const_value());
  if (ey.empty() && !y.const_value().empty()) ey.push_back(y.const_value());
  // A null value is nullability, which CompareTypes reads from sema (`enum: [a, null]`
  // lets null through only where the type does).
  if (ex.size() > 1) std::erase(ex, "null");
  if (ey.size() > 1) std::erase(ey, "null");
  if (ex == ey) return;
  bool req = dir == Direction::kRequest;
  if (ex.empty()) {
    node.own.push_back({req ? Rule::kRequestEnumValueRemoved : Rule::kResponseConstraintTightened, "",
                        "restricted to the enum " + DescribeValues(ey), x.loc, y.loc});
    return;
  }
  if (ey.empty()) {
    node.own.push_back({req ? Rule::kRequestConstraintLoosened : Rule::kResponseEnumValueAdded, "",
                        "no longer restricted to the enum " + DescribeValues(ex), x.loc, y.loc});
    return;
  }
  for (const std::string& v : ex) {
    if (!Has(ey, v)) {
      node.own.push_back({req ? Rule::kRequestEnumValueRemoved : Rule::kResponseEnumValueRemoved, "",
                          "enum value " + DescribeValue(v) + " removed", x.loc, y.loc});
    }
  }
  for (const std::string& v : ey) {
    if (!Has(ex, v)) {
      node.own.push_back({req ? Rule::kRequestEnumValueAdded : Rule::kResponseEnumValueAdded, "",
                          "enum value " + DescribeValue(v) + " added", x.loc, y.loc});
    }
  }
}

void SchemaComparer::CompareConstraints(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  bool req = dir == Direction::kRequest;
  auto report = [&](Family family, bool tightened, std::string what) {
    Rule rule = req ? (tightened ? TightenedRequestRule(family) : Rule::kRequestConstraintLoosened)
                    : (tightened ? Rule::kResponseConstraintTightened : LoosenedResponseRule(family));
    node.own.push_back({rule, "", std::move(what), x.loc, y.loc});
  };
  // Counts where a larger value accepts less (min*) or more (max*).
  auto count = [&](Family family, const char* keyword, const std::optional<uint64_t>& from,
                   const std::optional<uint64_t>& to, bool is_min) {
    if (from == to) return;
    std::string name = std::string("`") + keyword + "`";
    if (!from) return report(family, true, name + " " + std::to_string(*to) + " added");
    if (!to) return report(family, false, name + " " + std::to_string(*from) + " removed");
    bool raised = *to > *from;
    report(family, raised == is_min,
           name + (raised ? " raised" : " lowered") + " from " + std::to_string(*from) + " to " + std::to_string(*to));
  };
  count(Family::kLength, "minLength", x.min_length(), y.min_length(), true);
  count(Family::kLength, "maxLength", x.max_length(), y.max_length(), false);
  count(Family::kSize, "minItems", x.min_items(), y.min_items(), true);
  count(Family::kSize, "maxItems", x.max_items(), y.max_items(), false);
  count(Family::kSize, "minProperties", x.min_properties(), y.min_properties(), true);
  count(Family::kSize, "maxProperties", x.max_properties(), y.max_properties(), false);
  if (x.unique_items() != y.unique_items()) {
    report(Family::kSize, y.unique_items(), y.unique_items() ? "`uniqueItems` added" : "`uniqueItems` removed");
  }
  // Number bounds: the effective lower and upper bound, exclusive or not.
  auto bound = [&](const std::optional<Bound>& from, const std::optional<Bound>& to, bool lower) {
    if (!from && !to) return;
    if (!from) return report(Family::kRange, true, DescribeBound(*to, lower) + " added");
    if (!to) return report(Family::kRange, false, DescribeBound(*from, lower) + " removed");
    if (from->value == to->value && from->exclusive == to->exclusive) return;
    bool tighter = lower ? (to->value > from->value || (to->value == from->value && to->exclusive))
                         : (to->value < from->value || (to->value == from->value && to->exclusive));
    report(Family::kRange, tighter, DescribeBound(*from, lower) + " changed to " + DescribeBound(*to, lower));
  };
  bound(LowerBound(x), LowerBound(y), true);
  bound(UpperBound(x), UpperBound(y), false);
  if (x.multiple_of() != y.multiple_of()) {
    std::optional<double> from = Number(x.multiple_of()), to = Number(y.multiple_of());
    if (!from && to) {
      report(Family::kRange, true, "`multipleOf` " + y.multiple_of() + " added");
    } else if (from && !to) {
      report(Family::kRange, false, "`multipleOf` " + x.multiple_of() + " removed");
    } else if (from && to && *from != *to) {
      // A new step that divides the old one accepts every value the old one did.
      double ratio = *from / *to;
      bool divides = *to != 0 && ratio == static_cast<double>(static_cast<int64_t>(ratio));
      report(Family::kRange, !divides, "`multipleOf` changed from " + x.multiple_of() + " to " + y.multiple_of());
    }
  }
  if (x.pattern() != y.pattern()) {
    Rule rule;
    std::string what;
    if (x.pattern().empty()) {
      rule = req ? Rule::kRequestPatternAdded : Rule::kResponseConstraintTightened;
      what = "pattern `" + y.pattern() + "` added";
    } else if (y.pattern().empty()) {
      rule = req ? Rule::kRequestConstraintLoosened : Rule::kResponsePatternRemoved;
      what = "pattern `" + x.pattern() + "` removed";
    } else {
      rule = req ? Rule::kRequestPatternChanged : Rule::kResponsePatternChanged;
      what = "pattern changed from `" + x.pattern() + "` to `" + y.pattern() + "`";
    }
    node.own.push_back({rule, "", what, x.loc, y.loc});
  }
}

void SchemaComparer::CompareProperties(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x,
                                       const ir::Schema& y, Direction dir) {
  bool req = dir == Direction::kRequest;
  // Whether a property is required, readOnly or writeOnly is sema's reading: `required`
  // from any merged allOf branch (also a branch that names it without declaring it), and
  // readOnly/writeOnly through `$ref` wrappers. A property sema does not list (a part it
  // intersects rather than merges) keeps what its own schema says.
  auto reading = [](const sema::SchemaMeanings& meanings, ir::SchemaId id, const ir::Property& p) {
    const sema::SchemaMeaning& meaning = meanings.Of(meanings.Resolve(id));
    for (const sema::ObjectProperty& q : meaning.properties) {
      if (q.name == p.name) return q;
    }
    sema::ObjectProperty own{p.name, p.schema, p.required, false, false, {}};
    if (p.schema != ir::kNoSchema) {
      const ir::Schema& s = meanings.api().schemas[p.schema];
      own.read_only = s.read_only;
      own.write_only = s.write_only;
    }
    return own;
  };
  // readOnly properties are not sent in requests, writeOnly ones not returned in responses:
  // they are not part of the value in that direction.
  auto hidden = [&](const sema::ObjectProperty& p) { return req ? p.read_only : p.write_only; };
  auto base_reading = [&](const ir::Property& p) { return reading(base_meanings_, a, p); };
  auto head_reading = [&](const ir::Property& p) { return reading(head_meanings_, b, p); };
  for (const ir::Property& p : x.properties) {
    sema::ObjectProperty pr = base_reading(p);
    if (hidden(pr)) continue;
    auto same = std::find_if(y.properties.begin(), y.properties.end(),
                             [&](const ir::Property& q) { return q.name == p.name; });
    if (same == y.properties.end()) {
      node.own.push_back({req ? Rule::kRequestPropertyRemoved : Rule::kResponsePropertyRemoved, p.name.str(),
                          "property `" + p.name + "` removed", p.loc, y.loc});
      continue;
    }
    const ir::Property& q = *same;
    sema::ObjectProperty qr = head_reading(q);
    if (hidden(qr)) {
      node.own.push_back({req ? Rule::kRequestPropertyBecameReadOnly : Rule::kResponsePropertyBecameWriteOnly,
                          p.name.str(), "property `" + p.name + "` became " + (req ? "readOnly" : "writeOnly"), p.loc,
                          q.loc});
      continue;
    }
    if (pr.required != qr.required) {
      Rule rule = req ? (qr.required ? Rule::kRequestPropertyBecameRequired : Rule::kRequestPropertyBecameOptional)
                      : (qr.required ? Rule::kResponsePropertyBecameRequired : Rule::kResponsePropertyBecameOptional);
      node.own.push_back({rule, p.name.str(),
                          "property `" + p.name + "` became " + (qr.required ? "required" : "optional"), p.loc,
                          q.loc});
    }
    AddChild(node, p.name.str(), p.schema, q.schema, dir);
    // A property several allOf branches declare must satisfy each declaration (sema's
    // ObjectProperty::also): the further declarations are compared in order, and one
    // that only one side has is compared with the other side's first declaration.
    for (size_t i = 0; i < std::max(pr.also.size(), qr.also.size()); ++i) {
      ir::SchemaId from = i < pr.also.size() ? pr.also[i] : p.schema;
      ir::SchemaId to = i < qr.also.size() ? qr.also[i] : q.schema;
      AddChild(node, p.name.str(), from, to, dir);
    }
  }
  for (const ir::Property& q : y.properties) {
    sema::ObjectProperty qr = head_reading(q);
    if (hidden(qr)) continue;
    bool known = std::any_of(x.properties.begin(), x.properties.end(),
                             [&](const ir::Property& p) { return p.name == q.name; });
    if (known) continue;
    Rule rule = req ? (qr.required ? Rule::kRequiredRequestPropertyAdded : Rule::kRequestPropertyAdded)
                    : Rule::kResponsePropertyAdded;
    node.own.push_back({rule, q.name.str(),
                        std::string(qr.required ? "required " : "") + "property `" + q.name + "` added", x.loc,
                        q.loc});
  }
}

void SchemaComparer::CompareAdditional(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  using AP = ir::AdditionalProperties;
  AP from = x.additional_properties == AP::kUnspecified ? AP::kAllowed : x.additional_properties;
  AP to = y.additional_properties == AP::kUnspecified ? AP::kAllowed : y.additional_properties;
  if (from == AP::kSchema && to == AP::kSchema) {
    AddChild(node, "*", x.additional_properties_schema, y.additional_properties_schema, dir);
    return;
  }
  if (from == to) return;
  auto describe = [](AP ap) {
    return ap == AP::kAllowed ? "allowed" : ap == AP::kForbidden ? "forbidden" : "constrained by a schema";
  };
  // Allowed > a schema > forbidden, in what they accept.
  auto rank = [](AP ap) { return ap == AP::kAllowed ? 2 : ap == AP::kSchema ? 1 : 0; };
  bool tightened = rank(to) < rank(from);
  std::string what = std::string("undeclared properties were ") + describe(from) + ", now " + describe(to);
  Rule rule = dir == Direction::kRequest
                  ? (tightened ? Rule::kRequestAdditionalPropertiesTightened : Rule::kRequestConstraintLoosened)
                  : (tightened ? Rule::kResponseConstraintTightened : Rule::kResponseAdditionalPropertiesLoosened);
  node.own.push_back({rule, "", what, x.loc, y.loc});
}

void SchemaComparer::CompareItems(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  bool req = dir == Direction::kRequest;
  if (x.items != ir::kNoSchema && y.items != ir::kNoSchema) {
    AddChild(node, "[]", x.items, y.items, dir);
  } else if (x.items != ir::kNoSchema && y.types.contains("array")) {
    node.own.push_back({req ? Rule::kRequestConstraintLoosened : Rule::kResponseTypeChanged, "[]",
                        "array items are no longer described (any value)", x.loc, y.loc});
  } else if (y.items != ir::kNoSchema && x.types.contains("array")) {
    node.own.push_back({req ? Rule::kRequestTypeChanged : Rule::kResponseTypeNarrowed, "[]",
                        "array items must now match a schema (were any value)", x.loc, y.loc});
  }
  size_t common = std::min(x.prefix_items().size(), y.prefix_items().size());
  for (size_t i = 0; i < common; ++i) {
    AddChild(node, "[" + std::to_string(i) + "]", x.prefix_items()[i], y.prefix_items()[i], dir);
  }
}

void SchemaComparer::CompareBranches(Node& node, ir::SchemaId a, ir::SchemaId b, const ir::Schema& x,
                                     const ir::Schema& y, Direction dir) {
  bool req = dir == Direction::kRequest;
  // A union describes its values by its branches alone; a composition beside properties of
  // its own (`anyOf: [{required: [a]}, {required: [b]}]`) is a constraint on the object.
  auto pure_union = [](const ir::Schema& s) { return Composed(s) && s.properties.empty(); };
  for (bool one_of : {true, false}) {
    std::vector<ir::SchemaId> from = one_of ? x.one_of() : x.any_of();
    std::vector<ir::SchemaId> to = one_of ? y.one_of() : y.any_of();
    if (from.empty() && to.empty()) continue;
    const char* keyword = one_of ? "oneOf" : "anyOf";
    // A union on one side only: the other side is one branch (`A` became `oneOf: [A, B]`).
    // A side with the other keyword is left to that keyword's pass, and a constraint
    // composition that was added or dropped is not compared.
    if (from.empty()) {
      if (Composed(x) || !pure_union(y)) continue;
      from = {a};
    }
    if (to.empty()) {
      if (Composed(y) || !pure_union(x)) continue;
      to = {b};
    }
    std::vector<int> match_of_from(from.size(), -1), match_of_to(to.size(), -1);
    auto pair = [&](size_t i, size_t j) {
      match_of_from[i] = static_cast<int>(j);
      match_of_to[j] = static_cast<int>(i);
    };
    auto name_of = [](const EffectiveSchemas& side, ir::SchemaId id) -> std::string {
      return id == ir::kNoSchema ? std::string() : side.api().schemas[id].name.str();
    };
    // Branches are paired: 1. by the same component name; 2. when they are equal, or
    // differ in at most kNearlyEqual changes, the closest first; 3. the one branch left on
    // each side. What stays unpaired was removed or added.
    constexpr size_t kNearlyEqual = 2;
    for (size_t i = 0; i < from.size(); ++i) {
      for (size_t j = 0; j < to.size() && !name_of(base_, from[i]).empty(); ++j) {
        if (match_of_to[j] < 0 && name_of(base_, from[i]) == name_of(head_, to[j])) {
          pair(i, j);
          break;
        }
      }
    }
    for (size_t limit = 0; limit <= kNearlyEqual; ++limit) {
      for (size_t i = 0; i < from.size(); ++i) {
        for (size_t j = 0; j < to.size() && match_of_from[i] < 0; ++j) {
          if (match_of_to[j] >= 0 || from[i] == ir::kNoSchema || to[j] == ir::kNoSchema) continue;
          const Node* candidate = CompareNode(from[i], to[j], dir);
          if (!candidate->incompatible && Distance(candidate, limit) <= limit) pair(i, j);
        }
      }
    }
    if (std::count(match_of_from.begin(), match_of_from.end(), -1) == 1 &&
        std::count(match_of_to.begin(), match_of_to.end(), -1) == 1) {
      pair(std::find(match_of_from.begin(), match_of_from.end(), -1) - match_of_from.begin(),
           std::find(match_of_to.begin(), match_of_to.end(), -1) - match_of_to.begin());
    }
    auto label = [&](const EffectiveSchemas& side, ir::SchemaId id, size_t index) {
      std::string name = name_of(side, id);
      return name.empty() ? std::to_string(index) : name;
    };
    for (size_t i = 0; i < from.size(); ++i) {
      if (match_of_from[i] >= 0) {
        size_t j = static_cast<size_t>(match_of_from[i]);
        // The pair of a one-sided union and the plain schema on the other side is the
        // schema itself: comparing it again would find the same changes.
        if (from[i] == a && to[j] == b) continue;
        AddChild(node, std::string(keyword) + "(" + label(head_, to[j], j) + ")", from[i], to[j], dir);
        continue;
      }
      Loc where = from[i] == ir::kNoSchema ? x.loc : base_.api().schemas[from[i]].loc;
      node.own.push_back({req ? Rule::kRequestOneOfBranchRemoved : Rule::kResponseOneOfBranchRemoved, "",
                          std::string(keyword) + " branch `" + label(base_, from[i], i) + "` removed", where, y.loc});
    }
    for (size_t j = 0; j < to.size(); ++j) {
      if (match_of_to[j] >= 0) continue;
      Loc where = to[j] == ir::kNoSchema ? y.loc : head_.api().schemas[to[j]].loc;
      node.own.push_back({req ? Rule::kRequestOneOfBranchAdded : Rule::kResponseOneOfBranchAdded, "",
                          std::string(keyword) + " branch `" + label(head_, to[j], j) + "` added", x.loc, where});
    }
  }
}

void SchemaComparer::CompareDiscriminator(Node& node, const ir::Schema& x, const ir::Schema& y, Direction dir) {
  // A discriminator added to a union changes no value on the wire; removing one takes
  // away what clients tell the branches apart by.
  if (!x.discriminator()) return;
  if (!y.discriminator() || x.discriminator()->property_name != y.discriminator()->property_name) {
    std::string what = !y.discriminator() ? "discriminator `" + x.discriminator()->property_name + "` removed"
                                        : "discriminator property changed from `" + x.discriminator()->property_name +
                                              "` to `" + y.discriminator()->property_name + "`";
    node.own.push_back({Rule::kDiscriminatorChanged, "", what, x.loc, y.loc});
    return;
  }
  // The values that select a branch: the mapping's, and for branches it does not name, the
  // component name (which is why renaming such a component is a change here).
  auto values = [](const EffectiveSchemas& side, const ir::Schema& s) {
    std::set<std::string> out;
    std::set<ir::SchemaId> mapped;
    for (const auto& [value, target] : s.discriminator()->mapping) {
      out.insert(value);
      mapped.insert(target);
    }
    for (const std::vector<ir::SchemaId>* list : {&s.one_of(), &s.any_of()}) {
      for (ir::SchemaId id : *list) {
        if (id != ir::kNoSchema && mapped.count(id) == 0 && !side.api().schemas[id].name.empty()) {
          out.insert(side.api().schemas[id].name.str());
        }
      }
    }
    return out;
  };
  std::set<std::string> from = values(base_, x), to = values(head_, y);
  // Without branches or a mapping the values are not known here (allOf inheritance).
  if (from.empty() || to.empty()) return;
  if (dir == Direction::kRequest) {
    for (const std::string& v : from) {
      if (to.count(v) == 0) {
        node.own.push_back({Rule::kRequestDiscriminatorValueRemoved, "",
                            "discriminator value `" + v + "` removed", x.loc, y.loc});
      }
    }
  } else {
    for (const std::string& v : to) {
      if (from.count(v) == 0) {
        node.own.push_back({Rule::kResponseDiscriminatorValueAdded, "",
                            "discriminator value `" + v + "` added", x.loc, y.loc});
      }
    }
  }
}

}  // namespace specc::compare
