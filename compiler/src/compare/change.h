// The output of the comparison layer: one Change per difference between two versions of
// the specs that a client, a deploy or a changelog cares about, classified by a rule of
// rules.def. The layer reads two IRs and returns these; it never prints (cli/ does).
#ifndef SPECC_COMPARE_CHANGE_H_
#define SPECC_COMPARE_CHANGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/loc.h"

namespace specc::compare {

// Ordered: a threshold compares with `>=`.
enum class Level : uint8_t { kInfo, kWarning, kBreaking };

enum class Rule : uint16_t {
#define SPECC_RULE(name, id, level, summary) name,
#include "compare/rules.def"
#undef SPECC_RULE
};

// Returns the rule's kebab-case id, e.g. "response-property-removed".
std::string_view RuleId(Rule rule);
Level RuleLevel(Rule rule);
// Returns the one-line description of rules.def.
std::string_view RuleSummary(Rule rule);
// Returns every rule, in registry order.
const std::vector<Rule>& AllRules();
// Returns the rule whose id is `id`; std::nullopt when there is none.
std::optional<Rule> FindRule(std::string_view id);
// Returns "breaking", "warning" or "info".
std::string_view LevelName(Level level);
// Parses "breaking", "warning" or "info"; std::nullopt for anything else.
std::optional<Level> ParseLevel(std::string_view name);

struct Change {
  Rule rule = Rule::kOperationRemoved;
  // The API the change is in: the display path of its OpenAPI document (at head, or at
  // base when it is gone); for the project spec, the project spec's path.
  std::string api;
  // "GET /pets/{petId}", "POST webhook newPet", "env DATABASE_URL"; empty for changes to
  // an API as a whole (servers, security schemes).
  std::string operation;
  // Where inside the operation, stable across edits that move lines: "parameter query
  // limit", "response 200 application/json items[].name". Empty for the operation itself.
  std::string at;
  // What changed, in words: lowercase, names in backticks, no final period.
  std::string message;
  // The place in the base version (a Loc of the base side's SourceMap) and in the head
  // version (head's SourceMap). For something removed, `head` is where it would have
  // been (its parent); for something added, `base` is the parent. Unknown when the side
  // has no such place (an API that exists on one side only).
  Loc base, head;
  // Set by ApplyAcceptedBreaks (accepted.h) when an accepted-breaks entry matches.
  bool accepted = false;
  std::string reason;

  Level level() const { return RuleLevel(rule); }
};

}  // namespace specc::compare

#endif  // SPECC_COMPARE_CHANGE_H_
