#include "cli/explain_texts.h"

#include <algorithm>
#include <cctype>

namespace specc::cli {

const std::vector<Explanation>& Explanations() {
  static const std::vector<Explanation> all = [] {
    std::vector<Explanation> out = SpecExplanations();
    const std::vector<Explanation>& rest = ProjectExplanations();
    out.insert(out.end(), rest.begin(), rest.end());
    return out;
  }();
  return all;
}

const Explanation* FindExplanation(std::string_view code) {
  auto same = [&](std::string_view name) {
    return name.size() == code.size() &&
           std::equal(name.begin(), name.end(), code.begin(), [](char a, char b) {
             return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
           });
  };
  for (const Explanation& e : Explanations()) {
    if (same(e.code)) return &e;
  }
  return nullptr;
}

}  // namespace specc::cli
