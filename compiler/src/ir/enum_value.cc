#include "ir/enum_value.h"

#include <regex>

namespace specc::ir {

std::string TypedEnumValue(const TypeList& types, const std::string& value) {
  if (types.empty() || value.size() < 3 || value.front() != '"' || value.back() != '"') return value;
  std::string text = value.substr(1, value.size() - 2);
  // Every type but `null` (a 3.1 type array) must read the text the same way.
  auto only = [&](auto&& accepted) {
    bool some = false;
    for (std::string_view t : types) {
      if (t == "null") continue;
      if (!accepted(t)) return false;
      some = true;
    }
    return some;
  };
  if (only([](std::string_view t) { return t == "integer" || t == "number"; })) {
    static const std::regex kInteger("-?(0|[1-9][0-9]*)");
    static const std::regex kNumber("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    bool integer_only = !types.contains(JsonType::kNumber);
    if (std::regex_match(text, integer_only ? kInteger : kNumber)) return text;
    return value;
  }
  if (only([](std::string_view t) { return t == "boolean"; }) && (text == "true" || text == "false")) return text;
  return value;
}

}  // namespace specc::ir
