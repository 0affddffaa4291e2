#include "compare/schema_text.h"

#include <algorithm>
#include <cctype>

namespace specc::compare {

std::string DescribeTypes(const std::vector<std::string>& types, bool nullable) {
  if (types.empty()) return "any type";
  std::vector<std::string> named = types;
  if (nullable) named.push_back("null");
  std::string out;
  for (size_t i = 0; i < named.size(); ++i) {
    if (i > 0) out += i + 1 == named.size() ? " or " : ", ";
    out += "`" + named[i] + "`";
  }
  return out;
}

std::string DescribeValue(const std::string& json) {
  bool plain = json.size() >= 2 && json.front() == '"' && json.back() == '"' &&
               json.find_first_of("\\` ") == std::string::npos && json.size() > 2;
  return "`" + (plain ? json.substr(1, json.size() - 2) : json) + "`";
}

std::string AsciiUpper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string DescribeValues(const std::vector<std::string>& json_values) {
  constexpr size_t kShown = 8;
  std::string out = "[";
  for (size_t i = 0; i < json_values.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += DescribeValue(json_values[i]);
  }
  if (json_values.size() > kShown) out += ", and " + std::to_string(json_values.size() - kShown) + " more";
  return out + "]";
}

}  // namespace specc::compare
