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
// classes, groups, alternation (the first alternative) and quantifiers; lookarounds and
// backreferences make it give up.
class PatternGen {
 public:
  PatternGen(std::string_view pattern, int stretch) : p_(pattern), stretch_(stretch) {}

  std::optional<std::string> Run() {
    std::string out;
    if (!Alt(true, &out) || pos_ != p_.size()) return std::nullopt;
    return out;
  }

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
        return false;
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
};

const std::regex& FormatRegex(const std::string& format, bool* known) {
  static const std::regex kDateTime(
      R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$)");
  static const std::regex kDate(R"(^\d{4}-\d{2}-\d{2}$)");
  static const std::regex kTime(R"(^\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$)");
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
  explicit Impl(const ir::Api& api) : api_(api) {}

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

  bool Check(const Json& j, ir::SchemaId id, int depth) {
    if (id == ir::kNoSchema || depth > kMaxDepth) return true;
    if (use_ == ExampleUse::kParameter && (j.is_number() || j.is_boolean())) {
      return Check(Json(j.is_boolean() ? (j.get<bool>() ? "true" : "false") : j.dump()), id, depth);
    }
    const ir::Schema& s = api_.schemas[id];
    if (s.boolean_schema) return *s.boolean_schema;
    // A parameter's text counts as the number or boolean it spells.
    std::optional<Json> coerced;
    if (use_ == ExampleUse::kParameter && j.is_string()) {
      const std::string& text = j.get_ref<const std::string&>();
      bool numeric = std::any_of(s.types.begin(), s.types.end(),
                                 [](const std::string& t) { return t == "integer" || t == "number"; });
      Json parsed = ParseJson(text);
      if (numeric && !parsed.is_discarded() && parsed.is_number()) coerced = parsed;
      if (!coerced && (text == "true" || text == "false") &&
          std::find(s.types.begin(), s.types.end(), "boolean") != s.types.end()) {
        coerced = Json(text == "true");
      }
    }
    if (!s.types.empty()) {
      bool ok = false;
      for (const std::string& t : s.types) ok = ok || TypeMatches(j, t) || (coerced && TypeMatches(*coerced, t));
      if (!ok) return false;
    }
    if (!s.enum_values.empty()) {
      bool ok = false;
      for (const Json& v : Enum(id)) ok = ok || v == j || (coerced && v == *coerced);
      if (!ok) return false;
    }
    if (coerced && coerced->is_number()) {
      if (auto m = Number(s.minimum); m && coerced->get<double>() < *m) return false;
      if (auto m = Number(s.maximum); m && coerced->get<double>() > *m) return false;
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
      if (auto m = Number(s.minimum); m && v < *m) return false;
      if (auto m = Number(s.maximum); m && v > *m) return false;
      if (auto m = Number(s.exclusive_minimum); m && v <= *m) return false;
      if (auto m = Number(s.exclusive_maximum); m && v >= *m) return false;
      if (auto m = Number(s.multiple_of); m && *m > 0) {
        double q = v / *m;
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
    if (j.is_object()) {
      if (s.min_properties && j.size() < *s.min_properties) return false;
      if (s.max_properties && j.size() > *s.max_properties) return false;
      for (const ir::Property& p : s.properties) {
        auto it = j.find(p.name);
        if (it == j.end()) {
          if (p.required && !Skipped(p.schema)) return false;
          continue;
        }
        if (!Check(*it, p.schema, depth + 1)) return false;
      }
      if (s.additional_properties == ir::AdditionalProperties::kForbidden ||
          s.additional_properties == ir::AdditionalProperties::kSchema) {
        for (auto it = j.begin(); it != j.end(); ++it) {
          bool declared = false;
          for (const ir::Property& p : s.properties) declared = declared || p.name == it.key();
          if (declared) continue;
          if (s.additional_properties == ir::AdditionalProperties::kForbidden) return false;
          if (!Check(it.value(), s.additional_properties_schema, depth + 1)) return false;
        }
      }
    }
    for (ir::SchemaId m : s.all_of) {
      if (!Check(j, m, depth + 1)) return false;
    }
    if (!s.any_of.empty()) {
      bool ok = false;
      for (ir::SchemaId m : s.any_of) ok = ok || Check(j, m, depth + 1);
      if (!ok) return false;
    }
    if (!s.one_of.empty() && !OpaqueBranches(s)) {
      int matched = 0;
      for (ir::SchemaId m : s.one_of) matched += Check(j, m, depth + 1) ? 1 : 0;
      if (matched != 1) return false;
    }
    if (s.not_schema != ir::kNoSchema && Check(j, s.not_schema, depth + 1)) return false;
    return true;
  }

  // Whether schema `id` has no keyword the IR keeps: `{}`, or a branch whose only keyword
  // was `required` without `properties`, which the front end does not keep.
  bool Opaque(ir::SchemaId id) const {
    if (id == ir::kNoSchema) return true;
    const ir::Schema& s = api_.schemas[id];
    return s.types.empty() && !s.boolean_schema && s.properties.empty() && s.enum_values.empty() &&
           s.const_value.empty() && s.all_of.empty() && s.one_of.empty() && s.any_of.empty() &&
           s.items == ir::kNoSchema && s.not_schema == ir::kNoSchema && s.format.empty() && s.pattern.empty() &&
           s.minimum.empty() && s.maximum.empty() && !s.min_length && !s.max_length &&
           s.additional_properties == ir::AdditionalProperties::kUnspecified;
  }

  // A oneOf of two or more opaque branches cannot be judged: every value matches them all.
  bool OpaqueBranches(const ir::Schema& s) const {
    return s.one_of.size() > 1 && std::all_of(s.one_of.begin(), s.one_of.end(), [&](ir::SchemaId b) { return Opaque(b); });
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

  // Whether a property of schema `id` is left out of this kind of value.
  bool Skipped(ir::SchemaId id) const {
    if (id == ir::kNoSchema) return false;
    const ir::Schema& s = api_.schemas[id];
    return use_ == ExampleUse::kRequest ? s.read_only : s.write_only;
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
    if (s.boolean_schema) return *s.boolean_schema ? Json("string") : Json(nullptr);
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
    if (!s.const_value.empty()) return ParseJson(s.const_value);
    if (!s.enum_values.empty()) {
      for (const Json& v : Enum(id)) {
        if (!v.is_null() && !v.is_discarded()) return v;
      }
      return Enum(id).front();
    }
    if (cycle) return Minimal(s);
    stack_.insert(id);
    Json result = Compose(id, s, depth);
    stack_.erase(id);
    return result;
  }

  // The value of a schema reached again inside itself: the smallest value of its type, so
  // recursion stops.
  Json Minimal(const ir::Schema& s) {
    std::string type = MainType(s);
    if (type == "null") return nullptr;
    if (type == "array") return Json::array();
    if (type == "object") return Json::object();
    return Scalar(s, type);
  }

  // The type a value for `s` takes: its first non-null type, else one its keywords imply.
  std::string MainType(const ir::Schema& s) const {
    for (const std::string& t : s.types) {
      if (t != "null") return t;
    }
    if (!s.types.empty()) return "null";
    if (!s.properties.empty() || s.additional_properties != ir::AdditionalProperties::kUnspecified ||
        s.min_properties) {
      return "object";
    }
    if (s.items != ir::kNoSchema || !s.prefix_items.empty() || s.min_items) return "array";
    if (!s.minimum.empty() || !s.maximum.empty() || !s.exclusive_minimum.empty() ||
        !s.exclusive_maximum.empty() || !s.multiple_of.empty()) {
      return "number";
    }
    if (!s.all_of.empty() || !s.one_of.empty() || !s.any_of.empty()) return "";
    return "string";
  }

  Json Compose(ir::SchemaId id, const ir::Schema& s, int depth) {
    std::string type = MainType(s);
    Json result;
    bool have = false;
    if (type == "object") {
      result = Object(s, depth);
      have = true;
    } else if (type == "array") {
      result = Array(s, depth);
      have = true;
    } else if (!type.empty() && s.all_of.empty() && s.one_of.empty() && s.any_of.empty()) {
      return type == "null" ? Json(nullptr) : Scalar(s, type);
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
    for (ir::SchemaId m : s.all_of) {
      merge(Generate(m, depth));
      // A member with a discriminator: this schema's value is its mapping key, or its name.
      const ir::Schema& member = api_.schemas[m];
      if (member.discriminator && result.is_object()) {
        std::string value = s.name;
        for (const auto& [key, target] : member.discriminator->mapping) {
          if (target == id) value = key;
        }
        if (!value.empty()) result[member.discriminator->property_name] = value;
      }
    }
    if (type == "object" && OpaqueBranches(s) && s.all_of.empty()) {
      // `oneOf: [{required: [a]}, {required: [b]}]` ("exactly one of a and b") reaches the
      // IR as opaque branches: send the required properties and the first optional one.
      Json obj = Object(s, depth, /*required_only=*/true);
      for (const ir::Property& p : s.properties) {
        if (p.required || Skipped(p.schema)) continue;
        obj[p.name] = Generate(p.schema, depth + 1);
        break;
      }
      return obj;
    }
    const std::vector<ir::SchemaId>& branches = !s.one_of.empty() ? s.one_of : s.any_of;
    if (!branches.empty()) {
      // Try the branches in order (the discriminator's mapping first) and keep the first
      // whose value satisfies the whole schema: with oneOf, a value matching two branches
      // is invalid.
      std::vector<std::pair<std::string, ir::SchemaId>> order;
      if (s.discriminator) {
        for (const auto& m : s.discriminator->mapping) order.push_back(m);
      }
      for (ir::SchemaId b : branches) order.push_back({api_.schemas[b].name, b});
      // A first round on the value built so far; a second on an object with the required
      // properties only, for branches that differ in which optional properties they
      // require (GitHub's `oneOf: [{required: [id]}, {required: [owner, repo]}]`); a third
      // with each branch's required properties only, for a general branch beside specific
      // ones (`oneOf: [Card, StatusCard]` where Card allows every card type and a full
      // Card value also is a StatusCard: only a minimal Card matches Card alone).
      const Json built = result;
      const bool built_have = have;
      Json first;
      bool first_set = false;
      for (int round = 0; round < 3; ++round) {
        if (round == 1 && type != "object") continue;
        Json base = round == 1 ? Object(s, depth, /*required_only=*/true) : built;
        bool base_have = round == 1 ? true : built_have;
        size_t tries = 0;
        for (const auto& [key, branch] : order) {
          if (++tries > 8) break;
          result = base;
          have = base_have;
          merge(round == 2 ? GenerateRequiredOnly(branch, depth) : Generate(branch, depth));
          // Properties a branch only names in `required` take their schema from here.
          for (const ir::Property& bp : api_.schemas[branch].properties) {
            if (bp.schema != ir::kNoSchema || !result.is_object()) continue;
            for (const ir::Property& p : s.properties) {
              if (p.name == bp.name && p.schema != ir::kNoSchema) result[p.name] = Generate(p.schema, depth + 1);
            }
          }
          if (s.discriminator && result.is_object() && !key.empty()) {
            result[s.discriminator->property_name] = key;
          }
          if (!first_set) {
            first = result;
            first_set = true;
          }
          if (Check(result, id, 0)) return result;
        }
      }
      if (first_set) result = first;
    }
    if (!have) return "string";
    return result;
  }

  // A value for schema `id` with no optional property anywhere inside it.
  Json GenerateRequiredOnly(ir::SchemaId id, int depth) {
    bool saved = required_only_;
    required_only_ = true;
    Json value = Generate(id, depth);
    required_only_ = saved;
    return value;
  }

  Json Object(const ir::Schema& s, int depth, bool required_only = false) {
    Json obj = Json::object();
    // Room for every property up front: growing an ordered_json object copies its members.
    obj.get_ref<Json::object_t&>().reserve(s.properties.size());
    bool optional = !required_only && !required_only_ && depth < kOptionalDepth && budget_ < kValueBudget;
    for (const ir::Property& p : s.properties) {
      if (Skipped(p.schema)) continue;
      if (!p.required && !optional) continue;
      if (!p.required && p.schema != ir::kNoSchema && stack_.count(p.schema)) continue;
      obj[p.name] = Generate(p.schema, depth + 1);
    }
    if (s.max_properties && obj.size() > *s.max_properties) {
      // Keep the required properties: drop optional ones from the end.
      for (auto it = s.properties.rbegin(); it != s.properties.rend() && obj.size() > *s.max_properties; ++it) {
        if (!it->required) obj.erase(it->name);
      }
    }
    size_t want = s.min_properties.value_or(0);
    for (int n = 1; obj.size() < want && n < 100; ++n) {
      std::string key = "key" + std::to_string(n);
      if (obj.contains(key)) continue;
      ir::SchemaId extra = s.additional_properties == ir::AdditionalProperties::kSchema
                               ? s.additional_properties_schema
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
        std::optional<std::string> made = PatternGen(s.pattern, stretch).Run();
        if (!made) break;
        if (!fallback) fallback = made;
        size_t n = CodePoints(*made);
        if (n > max) break;
        if (n >= min && Matches(s.pattern, *made)) return *made;
      }
      if (fallback) return *fallback;
    }
    value = "string";
    if (value.size() > max) value.resize(max);
    while (value.size() < min) value.push_back('x');
    return value;
  }

  const ir::Api& api_;
  ExampleUse use_ = ExampleUse::kRequest;
  int budget_ = 0;
  // Set while generating a value with required properties only (GenerateRequiredOnly).
  bool required_only_ = false;
  std::set<ir::SchemaId> stack_;
  std::map<ir::SchemaId, std::vector<Json>> enums_;
  std::map<std::string, std::optional<std::regex>> patterns_;
  std::unordered_map<std::string, std::string> values_;  // by ValueKey()
};

ExampleBuilder::ExampleBuilder(const ir::Api& api) : impl_(std::make_unique<Impl>(api)) {}
ExampleBuilder::~ExampleBuilder() = default;

const std::string& ExampleBuilder::Value(ir::SchemaId id, const std::vector<std::string_view>& candidates,
                                         ExampleUse use, int indent) {
  return impl_->Value(id, candidates, use, indent);
}

bool ExampleBuilder::Valid(ir::SchemaId id, std::string_view json, ExampleUse use) {
  return impl_->Valid(id, json, use);
}

}  // namespace specc::emit
