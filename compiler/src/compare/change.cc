#include "compare/change.h"

#include <array>

namespace specc::compare {
namespace {

struct RuleInfo {
  std::string_view id;
  Level level;
  std::string_view summary;
};

constexpr std::array kRuleInfo = {
#define SPECC_RULE(name, id, level, summary) RuleInfo{id, Level::level, summary},
#include "compare/rules.def"
#undef SPECC_RULE
};

}  // namespace

std::string_view RuleId(Rule rule) { return kRuleInfo[static_cast<size_t>(rule)].id; }

Level RuleLevel(Rule rule) { return kRuleInfo[static_cast<size_t>(rule)].level; }

std::string_view RuleSummary(Rule rule) { return kRuleInfo[static_cast<size_t>(rule)].summary; }

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> all;
    for (size_t i = 0; i < kRuleInfo.size(); ++i) all.push_back(static_cast<Rule>(i));
    return all;
  }();
  return rules;
}

std::optional<Rule> FindRule(std::string_view id) {
  for (size_t i = 0; i < kRuleInfo.size(); ++i) {
    if (kRuleInfo[i].id == id) return static_cast<Rule>(i);
  }
  return std::nullopt;
}

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kBreaking:
      return "breaking";
    case Level::kWarning:
      return "warning";
    case Level::kInfo:
      return "info";
  }
  return "info";
}

std::optional<Level> ParseLevel(std::string_view name) {
  for (Level level : {Level::kInfo, Level::kWarning, Level::kBreaking}) {
    if (LevelName(level) == name) return level;
  }
  return std::nullopt;
}

}  // namespace specc::compare
