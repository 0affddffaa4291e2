#include "emit/postman/example_value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace specc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Past this many generated values, optional properties are left out: GitHub's schemas nest
// objects with dozens of optional properties several levels deep.
constexpr int kValueBudget = 400;
// Optional properties are filled in down to this depth only.
constexpr int kOptionalDepth = 3;
constexpr int kMaxDepth = 24;

// Builds a value from nlohmann's SAX events exactly as Json::parse does (a repeated key
// keeps its first place and its last value), but moves each object's members in once,
// counted. ordered_json keeps members in a vector of pair<const string, json>: the const
// key rules out moves, so every time that vector grows it deep-copies the members before,
// and parsing GitHub's large nested examples spent most of its time copying.
class OrderedJsonBuilder {
 public:
  Json Take() { return std::move(root_); }

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
// `text` is not JSON.
Json ParseJson(std::string_view text) {
  OrderedJsonBuilder builder;
  if (!Json::sax_parse(text, &builder)) return Json(Json::value_t::discarded);
  return builder.Take();
}

std::optional<double> Number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xc0) != 0x80;
  return n;
}

// Generates the shortest string a regular expression matches (unbounded quantifiers
// repeated `stretch` more times than their minimum). Covers literals, escapes, character
// classes, groups, alternation (the first alternative) and quantifiers; backreferences make
// it give up. A lookaround generates nothing where it stands; what a positive lookahead
// requires (`(?=.*[A-Z])`, password rules) is kept in lookaheads() for the caller to work
// into the string, which the caller then checks against the pattern.
class PatternGen {
 public:
  PatternGen(std::string_view pattern, int stretch) : p_(pattern), stretch_(stretch) {}

  std::optional<std::string> Run() {
    std::string out;
    if (!Alt(true, &out) || pos_ != p_.size()) return std::nullopt;
    return out;
  }

  // The text each positive lookahead's body generates, without a leading `.*`-like run
  // (which only says where the required text may stand).
  const std::vector<std::string>& lookaheads() const { return lookaheads_; }

 private:
  bool Alt(bool emit, std::string* out) {
    bool first = true;
    while (true) {
      if (!Seq(emit && first, out)) return false;
      if (pos_ < p_.size() && p_[pos_] == '|') {
        ++pos_;
        first = false;
        continue;
      }
      return true;
    }
  }

  bool Seq(bool emit, std::string* out) {
    while (pos_ < p_.size() && p_[pos_] != '|' && p_[pos_] != ')') {
      std::string atom;
      if (!Atom(&atom)) return false;
      size_t min = 1, max = 1;
      bool unbounded = false;
      if (pos_ < p_.size()) {
        char q = p_[pos_];
        if (q == '?') {
          min = 0, ++pos_;
        } else if (q == '*') {
          min = 0, unbounded = true, ++pos_;
        } else if (q == '+') {
          unbounded = true, ++pos_;
        } else if (q == '{') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          std::string_view body = p_.substr(pos_ + 1, close - pos_ - 1);
          size_t comma = body.find(',');
          auto parse = [](std::string_view t, size_t* v) {
            auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
            return ec == std::errc() && ptr == t.data() + t.size();
          };
          if (comma == std::string_view::npos) {
            if (!parse(body, &min)) return false;
            max = min;
          } else {
            if (!parse(body.substr(0, comma), &min)) return false;
            if (comma + 1 == body.size()) {
              unbounded = true;
            } else if (!parse(body.substr(comma + 1), &max)) {
              return false;
            }
          }
          pos_ = close + 1;
        } else {
          max = min;
        }
        if (pos_ < p_.size() && (p_[pos_] == '?' || p_[pos_] == '+') && q != '|' &&
            (q == '?' || q == '*' || q == '+' || q == '{')) {
          ++pos_;
        }
      }
      size_t count = min;
      if (unbounded) {
        count = min + static_cast<size_t>(stretch_);
      } else if (max > min) {
        count = std::min(max, min + static_cast<size_t>(stretch_));
      }
      if (count > 256) return false;
      if (emit) {
        for (size_t i = 0; i < count; ++i) *out += atom;
      }
    }
    return true;
  }

  // One atom, generated once, into `out`.
  bool Atom(std::string* out) {
    char c = p_[pos_];
    if (c == '(') {
      ++pos_;
      if (p_.substr(pos_, 2) == "?:") {
        pos_ += 2;
      } else if (p_.substr(pos_, 2) == "?<" && pos_ + 2 < p_.size() && p_[pos_ + 2] != '=' &&
                 p_[pos_ + 2] != '!') {
        size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) return false;
        pos_ = close + 1;
      } else if (pos_ < p_.size() && p_[pos_] == '?') {
        return Lookaround();
      }
      if (!Alt(true, out)) return false;
      if (pos_ >= p_.size() || p_[pos_] != ')') return false;
      ++pos_;
      return true;
    }
    if (c == '[') return Class(out);
    if (c == '.') {
      ++pos_;
      out->push_back('a');
      return true;
    }
    if (c == '^' || c == '$') {
      ++pos_;
      return true;
    }
    if (c == '\\') {
      if (pos_ + 1 >= p_.size()) return false;
      char e = p_[pos_ + 1];
      pos_ += 2;
      switch (e) {
        case 'd': out->push_back('0'); return true;
        case 'w': out->push_back('a'); return true;
        case 's': out->push_back(' '); return true;
        case 'D': case 'S': out->push_back('a'); return true;
        case 'W': out->push_back('-'); return true;
        case 'b': case 'B': return true;
        case 'n': out->push_back('\n'); return true;
        case 't': out->push_back('\t'); return true;
        case 'p': case 'P': {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          pos_ = close + 1;
          out->push_back('a');
          return true;
        }
        default:
          if (e >= '0' && e <= '9') return false;
          if (e == 'u' || e == 'x' || e == 'c' || e == 'k') return false;
          out->push_back(e);
          return true;
      }
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') return false;
    out->push_back(c);
    ++pos_;
    return true;
  }

  // After `(?`: a lookahead or lookbehind, parsed to its `)`, generating nothing here.
  bool Lookaround() {
    std::string_view kind = p_.substr(pos_, 3);
    bool positive_ahead = kind.substr(0, 2) == "?=";
    if (kind.substr(0, 2) == "?=" || kind.substr(0, 2) == "?!") {
      pos_ += 2;
    } else if (kind == "?<=" || kind == "?<!") {
      pos_ += 3;
    } else {
      return false;
    }
    // A lookahead's body usually starts with a run saying where the text may stand.
    for (std::string_view run : {".*?", ".*", "[\\s\\S]*"}) {
      if (p_.substr(pos_, run.size()) == run) {
        pos_ += run.size();
        break;
      }
    }
    std::string body;
    if (!Alt(true, &body)) return false;
    if (pos_ >= p_.size() || p_[pos_] != ')') return false;
    ++pos_;
    if (positive_ahead && !body.empty()) lookaheads_.push_back(std::move(body));
    return true;
  }

  // A character class: the first member, or for a negated class the first of a few
  // ordinary characters it does not exclude.
  bool Class(std::string* out) {
    ++pos_;
    bool negated = pos_ < p_.size() && p_[pos_] == '^';
    if (negated) ++pos_;
    std::vector<std::pair<unsigned char, unsigned char>> ranges;
    bool first = true;
    while (pos_ < p_.size() && (p_[pos_] != ']' || first)) {
      first = false;
      unsigned char lo;
      if (p_[pos_] == '\\') {
        if (pos_ + 1 >= p_.size()) return false;
        char e = p_[pos_ + 1];
        pos_ += 2;
        if (e == 'd') {
          ranges.push_back({'0', '9'});
          continue;
        }
        if (e == 'w') {
          ranges.push_back({'a', 'z'});
          ranges.push_back({'A', 'Z'});
          ranges.push_back({'0', '9'});
          ranges.push_back({'_', '_'});
          continue;
        }
        if (e == 's') {
          ranges.push_back({' ', ' '});
          continue;
        }
        if (e == 'p' || e == 'P') {
          size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos) return false;
          pos_ = close + 1;
          ranges.push_back({'a', 'z'});
          continue;
        }
        if (e == 'D' || e == 'W' || e == 'S' || e == 'u' || e == 'x') return false;
        lo = static_cast<unsigned char>(e == 'n' ? '\n' : e == 't' ? '\t' : e);
      } else {
        lo = static_cast<unsigned char>(p_[pos_++]);
      }
      unsigned char hi = lo;
      if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
        hi = static_cast<unsigned char>(p_[pos_ + 1]);
        if (hi == '\\') return false;
        pos_ += 2;
      }
      ranges.push_back({lo, hi});
    }
    if (pos_ >= p_.size()) return false;
    ++pos_;
    auto in = [&](unsigned char ch) {
      for (auto [lo, hi] : ranges) {
        if (ch >= lo && ch <= hi) return true;
      }
      return false;
    };
    if (!negated) {
      if (ranges.empty()) return false;
      // Prefer a letter or digit when the class has one: readable values.
      for (unsigned char ch : std::string_view("a0A")) {
        if (in(ch)) {
          out->push_back(static_cast<char>(ch));
          return true;
        }
      }
      out->push_back(static_cast<char>(ranges.front().first));
      return true;
    }
    for (unsigned char ch : std::string_view("a0A_x-Z9")) {
      if (!in(ch)) {
        out->push_back(static_cast<char>(ch));
        return true;
      }
    }
    return false;
  }

  std::string_view p_;
  size_t pos_ = 0;
  int stretch_;
  std::vector<std::string> lookaheads_;
};

// Strings that may match a pattern with positive lookaheads, built from `made` (what
// PatternGen generated) and the texts its lookaheads require: those texts in place of
// `made`'s start (the length stays), then before it.
std::vector<std::string> WithLookaheads(const std::string& made, const std::vector<std::string>& lookaheads) {
  if (lookaheads.empty()) return {made};
  std::string required;
  for (const std::string& text : lookaheads) required += text;
  std::vector<std::string> out{made};
  if (required.size() <= made.size()) out.push_back(required + made.substr(required.size()));
  out.push_back(required + made);
  return out;
}

const std::regex& FormatRegex(const std::string& format, bool* known) {
  static const std::regex kDateTime(
      R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)");
  static const std::regex kDate(R"(^\d{4}-\d{2}-\d{2}$)");
  static const std::regex kTime(R"(^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$)");
  static const std::regex kUuid(
      R"(^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$)");
  static const std::regex kEmail(R"(^[^\s@]+@[^\s@]+\.[^\s@]+$)");
  static const std::regex kUri(R"(^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*$)");
  static const std::regex kIpv4(R"(^(\d{1,3}\.){3}\d{1,3}$)");
  static const std::regex kAny(".*");
  *known = true;
  if (format == "date-time") return kDateTime;
  if (format == "date") return kDate;
  if (format == "time") return kTime;
  if (format == "uuid") return kUuid;
  if (format == "email") return kEmail;
  if (format == "uri" || format == "url") return kUri;
  if (format == "ipv4") return kIpv4;
  *known = false;
  return kAny;
}

// A value for a string format, or empty for a format specc has no value for.
std::string FormatValue(const std::string& format) {
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

}  // namespace

class ExampleBuilder::Impl {
 public:
  explicit Impl(const sema::SchemaMeanings& meanings) : api_(meanings.api()), meanings_(meanings) {}

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
    use_ = use;
    Json j = ParseJson(text);
    return !j.is_discarded() && Check(j, id, 0);
  }

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
    use_ = use;
    for (std::string_view text : candidates) {
      Json j = ParseJson(text);
      if (!j.is_discarded() && Check(j, id, 0)) return j.dump(indent);
    }
    budget_ = 0;
    stack_.clear();
    return Generate(id, 0).dump(indent);
  }

  // ---- validation ----

  // Judges `j` by schema `id`'s meaning (sema/), as the generated zod schemas do, except
  // that a oneOf must match exactly one branch (a mock server that validates by JSON
  // Schema, Prism, rejects a value matching two, so examples never do).
  bool Check(const Json& j, ir::SchemaId id, int depth) {
    if (id == ir::kNoSchema || depth > kMaxDepth) return true;
    if (use_ == ExampleUse::kParameter && (j.is_number() || j.is_boolean())) {
      return Check(Json(j.is_boolean() ? (j.get<bool>() ? "true" : "false") : j.dump()), id, depth);
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
      Json parsed = ParseJson(text);
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
      bool ok = false;
      for (const Json& v : Enum(id)) ok = ok || v == j || (coerced && v == *coerced);
      if (!ok) return false;
    }
    if (coerced && coerced->is_number()) {
      if (auto n = Number(s.minimum); n && coerced->get<double>() < *n) return false;
      if (auto n = Number(s.maximum); n && coerced->get<double>() > *n) return false;
    }
    if (!s.const_value.empty() && ParseJson(s.const_value) != j) return false;
    if (j.is_string()) {
      const std::string& text = j.get_ref<const std::string&>();
      size_t n = CodePoints(text);
      if (s.min_length && n < *s.min_length) return false;
      if (s.max_length && n > *s.max_length) return false;
      if (!s.pattern.empty() && !Matches(s.pattern, text)) return false;
      if (!s.format.empty()) {
        bool known = false;
        const std::regex& re = FormatRegex(s.format, &known);
        if (known && !std::regex_search(text, re)) return false;
      }
    }
    if (j.is_number()) {
      double v = j.get<double>();
      if (auto n = Number(s.minimum); n && v < *n) return false;
      if (auto n = Number(s.maximum); n && v > *n) return false;
      if (auto n = Number(s.exclusive_minimum); n && v <= *n) return false;
      if (auto n = Number(s.exclusive_maximum); n && v >= *n) return false;
      if (auto n = Number(s.multiple_of); n && *n > 0) {
        double q = v / *n;
        if (std::fabs(q - std::round(q)) > 1e-9) return false;
      }
    }
    if (j.is_array()) {
      if (s.min_items && j.size() < *s.min_items) return false;
      if (s.max_items && j.size() > *s.max_items) return false;
      for (size_t i = 0; i < j.size(); ++i) {
        ir::SchemaId item = i < s.prefix_items.size() ? s.prefix_items[i] : s.items;
        if (!Check(j[i], item, depth + 1)) return false;
      }
      if (s.unique_items) {
        for (size_t i = 0; i < j.size(); ++i) {
          for (size_t k = i + 1; k < j.size(); ++k) {
            if (j[i] == j[k]) return false;
          }
        }
      }
    }
    if (j.is_object() && !CheckObject(j, m, depth)) return false;
    for (ir::SchemaId b : m.intersect) {
      if (!Check(j, b, depth + 1)) return false;
    }
    for (const std::optional<sema::Choice>* choice : {&m.one_of, &m.any_of}) {
      if (*choice && !CheckChoice(j, **choice, depth)) return false;
    }
    if (s.not_schema != ir::kNoSchema && Check(j, s.not_schema, depth + 1)) return false;
    return true;
  }

  bool CheckObject(const Json& j, const sema::SchemaMeaning& m, int depth) {
    if (m.min_properties && j.size() < *m.min_properties) return false;
    if (m.max_properties && j.size() > *m.max_properties) return false;
    for (const sema::ObjectProperty& p : m.properties) {
      auto it = j.find(p.name);
      if (it == j.end()) {
        if (p.required && !Skipped(p)) return false;
        continue;
      }
      if (!Check(*it, p.schema, depth + 1)) return false;
    }
    for (auto it = j.begin(); it != j.end(); ++it) {
      bool declared = std::any_of(m.properties.begin(), m.properties.end(),
                                  [&](const sema::ObjectProperty& p) { return p.name == it.key(); });
      if (declared) continue;
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
    for (ir::SchemaId b : choice.branches) {
      opaque += Opaque(b) ? 1 : 0;
      matched += Check(j, b, depth + 1) ? 1 : 0;
    }
    for (const std::vector<std::string>& set : choice.required_sets) {
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
           s.const_value.empty() && m.intersect.empty() && !m.one_of && !m.any_of && s.items == ir::kNoSchema &&
           s.not_schema == ir::kNoSchema && s.format.empty() && s.pattern.empty() && s.minimum.empty() &&
           s.maximum.empty() && !s.min_length && !s.max_length &&
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
    for (const std::string& v : api_.schemas[id].enum_values) values.push_back(ParseJson(v));
    return values;
  }

  // Unanchored ECMAScript search, as JSON Schema's `pattern`. A pattern std::regex cannot
  // compile counts as matching: specc cannot judge it.
  bool Matches(const std::string& pattern, const std::string& text) {
    auto it = patterns_.find(pattern);
    if (it == patterns_.end()) {
      std::optional<std::regex> re;
      try {
        re.emplace(pattern, std::regex::ECMAScript);
      } catch (const std::regex_error&) {
        re.reset();
      }
      it = patterns_.emplace(pattern, std::move(re)).first;
    }
    if (!it->second || text.size() > 2000) return true;
    try {
      return std::regex_search(text, *it->second);
    } catch (const std::regex_error&) {
      return true;
    }
  }

  // ---- generation ----

  Json Generate(ir::SchemaId id, int depth) {
    ++budget_;
    if (id == ir::kNoSchema) return "string";
    const ir::Schema& s = api_.schemas[id];
    const sema::SchemaMeaning& m = meanings_.Of(id);
    bool cycle = stack_.count(id) > 0 || depth > kMaxDepth;
    if (!cycle) {
      // The schema's own example, then its default, when they are valid.
      for (const std::string& text : s.examples) {
        Json j = ParseJson(text);
        if (!j.is_discarded() && Check(j, id, 0)) return j;
      }
      if (!s.default_value.empty()) {
        Json j = ParseJson(s.default_value);
        if (!j.is_discarded() && Check(j, id, 0)) return j;
      }
    }
    if (m.alias_of != ir::kNoSchema) {
      // A nullable reference back to a schema being built (`parent: {allOf: [Project],
      // nullable: true}`) ends the recursion with null.
      bool back = cycle || stack_.count(meanings_.Resolve(id)) > 0;
      if (back && meanings_.Nullable(id)) return Json(nullptr);
      if (cycle) return Minimal(meanings_.Resolve(id));
      stack_.insert(id);
      Json value = Generate(m.alias_of, depth + 1);
      stack_.erase(id);
      return value;
    }
    if (m.boolean_schema) return *m.boolean_schema ? Json("string") : Json(nullptr);
    if (m.null_only) return nullptr;
    if (!s.const_value.empty()) return ParseJson(s.const_value);
    if (!s.enum_values.empty()) {
      for (const Json& v : Enum(id)) {
        if (!v.is_null() && !v.is_discarded()) return v;
      }
      return Enum(id).front();
    }
    if (cycle) return Minimal(id);
    stack_.insert(id);
    Json result = Compose(id, depth);
    stack_.erase(id);
    return result;
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

  // The type a value for schema `id` takes: its first type (sema infers one from the
  // object and array keywords), else one its numeric keywords imply; empty when only its
  // compositions say.
  std::string MainType(ir::SchemaId id) const {
    const ir::Schema& s = api_.schemas[id];
    const sema::SchemaMeaning& m = meanings_.Of(id);
    if (!m.types.empty()) return m.types.front();
    if (s.min_properties) return "object";
    if (s.min_items) return "array";
    if (!s.minimum.empty() || !s.maximum.empty() || !s.exclusive_minimum.empty() ||
        !s.exclusive_maximum.empty() || !s.multiple_of.empty()) {
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
        for (auto it = v.begin(); it != v.end(); ++it) {
          if (!result.contains(it.key())) result[it.key()] = it.value();
        }
      }
    };
    for (ir::SchemaId b : m.intersect) merge(Generate(b, depth));
    SetInheritedDiscriminators(id, result);
    const std::optional<sema::Choice>& choice = m.one_of ? m.one_of : m.any_of;
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
            for (const std::string& name : *option.required) {
              if (!result.is_object() || result.contains(name)) continue;
              result[name] = Generate(PropertySchema(m, name), depth + 1);
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

  // The schema of property `name` among `m`'s properties; kNoSchema (any value) when it
  // has none.
  static ir::SchemaId PropertySchema(const sema::SchemaMeaning& m, const std::string& name) {
    for (const sema::ObjectProperty& p : m.properties) {
      if (p.name == name) return p.schema;
    }
    return ir::kNoSchema;
  }

  // A schema that inherits from a base with a discriminator (`Cat: allOf [Pet]` where Pet
  // names `petType`): its value carries the discriminator value that selects it, the
  // mapping's key for it or else its own name, not a generated string.
  void SetInheritedDiscriminators(ir::SchemaId id, Json& value) {
    if (!value.is_object()) return;
    for (ir::SchemaId branch : api_.schemas[id].all_of) {
      if (branch == ir::kNoSchema) continue;
      const ir::Schema& base = api_.schemas[meanings_.Resolve(branch)];
      if (!base.discriminator) continue;
      std::string selected = api_.schemas[id].name;
      for (const auto& [key, target] : base.discriminator->mapping) {
        if (target != ir::kNoSchema && meanings_.Resolve(target) == id) selected = key;
      }
      // Only a value the property's own schema allows (an enum of other spellings keeps
      // the generated one).
      ir::SchemaId property = PropertySchema(meanings_.Of(id), base.discriminator->property_name);
      if (!selected.empty() && Check(Json(selected), property, 0)) value[base.discriminator->property_name] = selected;
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
    for (const sema::ObjectProperty& p : m.properties) {
      if (Skipped(p)) continue;
      if (!p.required && !optional) continue;
      if (!p.required && p.schema != ir::kNoSchema && stack_.count(p.schema)) continue;
      obj[p.name] = Generate(p.schema, depth + 1);
    }
    if (m.max_properties && obj.size() > *m.max_properties) {
      // Keep the required properties: drop optional ones from the end.
      for (auto it = m.properties.rbegin(); it != m.properties.rend() && obj.size() > *m.max_properties; ++it) {
        if (!it->required) obj.erase(it->name);
      }
    }
    size_t want = m.min_properties.value_or(0);
    for (int n = 1; obj.size() < want && n < 100; ++n) {
      std::string key = "key" + std::to_string(n);
      if (obj.contains(key)) continue;
      ir::SchemaId extra = m.additional_properties == ir::AdditionalProperties::kSchema
                               ? m.additional_properties_schema
                               : ir::kNoSchema;
      obj[key] = Generate(extra, depth + 1);
    }
    return obj;
  }

  Json Array(const ir::Schema& s, int depth) {
    Json arr = Json::array();
    for (ir::SchemaId item : s.prefix_items) arr.push_back(Generate(item, depth + 1));
    size_t want = std::max<size_t>(s.min_items.value_or(0), arr.empty() ? 1 : arr.size());
    if (s.max_items) want = std::min<size_t>(want, *s.max_items);
    if (want > 64) want = 64;
    while (arr.size() < want) {
      Json v = Generate(s.items, depth + 1);
      if (s.unique_items && !arr.empty()) {
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
    std::optional<double> lo = Number(s.minimum), hi = Number(s.maximum);
    std::optional<double> xlo = Number(s.exclusive_minimum), xhi = Number(s.exclusive_maximum);
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
    if (std::optional<double> m = Number(s.multiple_of); m && *m > 0) {
      double up = std::ceil(v / *m) * *m;
      v = (!hi || up <= *hi) ? up : std::floor(v / *m) * *m;
    }
    if (integer || v == std::floor(v)) return Json::parse(FormatNumber(v, true));
    return v;
  }

  Json String(const ir::Schema& s) {
    size_t min = s.min_length.value_or(0);
    size_t max = s.max_length.value_or(SIZE_MAX);
    std::string value = FormatValue(s.format);
    if (!value.empty() && (s.pattern.empty() || Matches(s.pattern, value))) return value;
    if (!s.pattern.empty()) {
      std::optional<std::string> fallback;
      for (int stretch = 0; stretch <= 64; stretch = stretch < 8 ? stretch + 1 : stretch * 2) {
        PatternGen gen(s.pattern, stretch);
        std::optional<std::string> made = gen.Run();
        if (!made) break;
        if (!fallback) fallback = made;
        if (CodePoints(*made) > max) break;
        for (const std::string& candidate : WithLookaheads(*made, gen.lookaheads())) {
          size_t n = CodePoints(candidate);
          if (n >= min && n <= max && Matches(s.pattern, candidate)) return candidate;
        }
      }
      if (fallback) return *fallback;
    }
    value = "string";
    if (value.size() > max) value.resize(max);
    while (value.size() < min) value.push_back('x');
    return value;
  }

  const ir::Api& api_;
  const sema::SchemaMeanings& meanings_;
  ExampleUse use_ = ExampleUse::kRequest;
  int budget_ = 0;
  // Set while generating a value with required properties only (GenerateRequiredOnly).
  bool required_only_ = false;
  std::set<ir::SchemaId> stack_;
  std::map<ir::SchemaId, std::vector<Json>> enums_;
  std::map<std::string, std::optional<std::regex>> patterns_;
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

}  // namespace specc::emit
