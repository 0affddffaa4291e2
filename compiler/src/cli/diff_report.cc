#include "cli/diff_report.h"

#include <map>

#include "base/json_writer.h"
#include "base/workflow_command.h"
#include "cli/sarif.h"

namespace specc::cli {
namespace {

using compare::Change;
using compare::Level;

struct Place {
  std::string path;
  LineCol pos;
  bool known() const { return !path.empty(); }
  std::string Text() const {
    return path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
  }
};

Place PlaceOf(const SourceMap* sources, Loc loc) {
  if (sources == nullptr || !loc.known() || loc.file >= sources->file_count()) return {};
  return Place{sources->path(loc.file), sources->Position(loc)};
}

// Changes grouped by API and then by operation, each group in the order it first occurs.
struct Group {
  std::string api;
  std::string operation;
  std::vector<const Change*> changes;
};

std::vector<Group> Grouped(const std::vector<Change>& changes) {
  std::vector<Group> groups;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const Change& c : changes) {
    auto [it, inserted] = index.try_emplace({c.api, c.operation}, groups.size());
    if (inserted) groups.push_back(Group{c.api, c.operation, {}});
    groups[it->second].changes.push_back(&c);
  }
  return groups;
}

struct Counts {
  size_t breaking = 0, warning = 0, info = 0, accepted = 0;
};

Counts Count(const std::vector<Change>& changes) {
  Counts n;
  for (const Change& c : changes) {
    if (c.accepted) {
      ++n.accepted;
      continue;
    }
    switch (c.level()) {
      case Level::kBreaking: ++n.breaking; break;
      case Level::kWarning: ++n.warning; break;
      case Level::kInfo: ++n.info; break;
    }
  }
  return n;
}

std::string SideName(const DiffSide& side) {
  return side.commit.empty() ? side.name : side.name + " (" + side.commit.substr(0, 12) + ")";
}

std::string Summary(const DiffOutcome& outcome) {
  if (outcome.changes.empty()) return "no changes";
  Counts n = Count(outcome.changes);
  std::string out = std::to_string(outcome.changes.size()) + (outcome.changes.size() == 1 ? " change: " : " changes: ") +
                    std::to_string(n.breaking) + " breaking, " + std::to_string(n.warning) +
                    (n.warning == 1 ? " warning, " : " warnings, ") + std::to_string(n.info) + " info";
  if (n.accepted > 0) out += ", " + std::to_string(n.accepted) + " accepted";
  if (outcome.fail_on) {
    out += DiffFails(outcome) ? "; fails" : "; passes";
    out += " --fail-on " + std::string(compare::LevelName(*outcome.fail_on));
  }
  return out;
}

std::string Where(const Change& c) {
  std::string where = c.operation;
  if (!c.at.empty()) where += (where.empty() ? "" : " ") + c.at;
  return where;
}

std::string FormatText(const DiffOutcome& outcome) {
  std::string out;
  if (outcome.repository_mode) out += "specc diff: " + SideName(outcome.base) + " -> " + SideName(outcome.head) + "\n";
  std::string api;
  for (const Group& g : Grouped(outcome.changes)) {
    if (g.api != api) {
      out += (out.empty() ? "" : "\n") + g.api + "\n";
      api = g.api;
    }
    std::string indent = "  ";
    if (!g.operation.empty()) {
      out += "  " + g.operation + "\n";
      indent = "    ";
    }
    for (const Change* c : g.changes) {
      std::string level(compare::LevelName(c->level()));
      out += indent + level + std::string(10 - level.size(), ' ') + std::string(compare::RuleId(c->rule)) +
             (c->accepted ? " (accepted)" : "") + (c->at.empty() ? "" : "  at " + c->at) + ": " + c->message + "\n";
      Place base = PlaceOf(outcome.base.sources, c->base), head = PlaceOf(outcome.head.sources, c->head);
      if (base.known() || head.known()) {
        out += indent + std::string(10, ' ') + (base.known() ? base.Text() : "(none)") + " -> " +
               (head.known() ? head.Text() : "(none)") + "\n";
      }
      if (c->accepted) out += indent + std::string(10, ' ') + "accepted: " + c->reason + "\n";
    }
  }
  if (!outcome.changes.empty()) out += "\n";
  return out + "specc diff: " + Summary(outcome) + "\n";
}

void WritePlace(JsonWriter& json, const char* key, const Place& place) {
  json.Key(key);
  if (!place.known()) {
    json.Null();
    return;
  }
  json.BeginObject().Key("file").String(place.path).Key("line").Int(place.pos.line).Key("column").Int(place.pos.column);
  json.EndObject();
}

void WriteSide(JsonWriter& json, const char* key, const DiffSide& side) {
  json.Key(key).BeginObject().Key("name").String(side.name).Key("commit");
  side.commit.empty() ? json.Null() : json.String(side.commit);
  json.EndObject();
}

std::string FormatJson(const DiffOutcome& outcome) {
  JsonWriter json;
  json.BeginObject();
  WriteSide(json, "base", outcome.base);
  WriteSide(json, "head", outcome.head);
  json.Key("failOn").String(outcome.fail_on ? compare::LevelName(*outcome.fail_on) : "never");
  json.Key("changes").BeginArray();
  for (const Change& c : outcome.changes) {
    json.BeginObject();
    json.Key("rule").String(compare::RuleId(c.rule));
    json.Key("level").String(compare::LevelName(c.level()));
    json.Key("api").String(c.api);
    json.Key("operation").String(c.operation);
    json.Key("at").String(c.at);
    json.Key("message").String(c.message);
    WritePlace(json, "base", PlaceOf(outcome.base.sources, c.base));
    WritePlace(json, "head", PlaceOf(outcome.head.sources, c.head));
    json.Key("accepted").Bool(c.accepted);
    json.Key("reason");
    c.accepted ? json.String(c.reason) : json.Null();
    json.EndObject();
  }
  json.EndArray();
  Counts n = Count(outcome.changes);
  json.Key("summary").BeginObject();
  json.Key("breaking").Int(static_cast<int64_t>(n.breaking));
  json.Key("warning").Int(static_cast<int64_t>(n.warning));
  json.Key("info").Int(static_cast<int64_t>(n.info));
  json.Key("accepted").Int(static_cast<int64_t>(n.accepted));
  json.Key("failed").Bool(DiffFails(outcome));
  json.EndObject();
  json.EndObject();
  return json.Finish();
}

std::string FormatGithub(const DiffOutcome& outcome) {
  std::string out;
  for (const Change& c : outcome.changes) {
    const char* command = c.accepted ? "notice"
                          : c.level() == Level::kBreaking ? "error"
                          : c.level() == Level::kWarning  ? "warning"
                                                          : "notice";
    // Annotations point into the head version, the one the pull request shows.
    Place head = PlaceOf(outcome.head.sources, c.head);
    out += std::string("::") + command + " ";
    if (head.known()) {
      out += "file=" + GithubProperty(head.path) + ",line=" + std::to_string(head.pos.line) +
             ",col=" + std::to_string(head.pos.column) + ",";
    }
    std::string title = "specc diff: " + std::string(compare::LevelName(c.level())) + " " +
                        std::string(compare::RuleId(c.rule)) + (c.accepted ? " (accepted)" : "");
    std::string where = Where(c);
    std::string message = (where.empty() ? "" : where + ": ") + c.message + (c.accepted ? " (accepted: " + c.reason + ")" : "");
    out += "title=" + GithubProperty(title) + "::" + GithubData(message) + "\n";
  }
  return out + "::notice title=specc diff::" + GithubData(Summary(outcome)) + "\n";
}

SarifLevel SarifLevelOf(Level level) {
  return level == Level::kBreaking ? SarifLevel::kError : level == Level::kWarning ? SarifLevel::kWarning : SarifLevel::kNote;
}

std::string FormatSarif(const DiffOutcome& outcome) {
  SarifLog log;
  log.tool_name = "specc";
  for (compare::Rule rule : compare::AllRules()) {
    log.rules.push_back(SarifRule{std::string(compare::RuleId(rule)), std::string(compare::RuleSummary(rule)),
                                  SarifLevelOf(compare::RuleLevel(rule))});
  }
  for (const Change& c : outcome.changes) {
    SarifResult result;
    result.rule_id = compare::RuleId(c.rule);
    result.level = SarifLevelOf(c.level());
    std::string where = Where(c);
    result.message = (where.empty() ? "" : where + ": ") + c.message;
    Place base = PlaceOf(outcome.base.sources, c.base), head = PlaceOf(outcome.head.sources, c.head);
    // The head version is what code scanning shows; something only the base version has
    // (a removed API) is shown where it was.
    const Place& primary = head.known() ? head : base;
    if (primary.known()) result.location = SarifLocation{primary.path, primary.pos.line, primary.pos.column, ""};
    if (head.known() && base.known()) {
      result.related.push_back(
          SarifLocation{base.path, base.pos.line, base.pos.column, "before, in " + SideName(outcome.base)});
    }
    result.identity = std::string(compare::RuleId(c.rule)) + "\n" + c.api + "\n" + where + "\n" + c.message;
    if (c.accepted) result.suppression = c.reason;
    log.results.push_back(std::move(result));
  }
  return WriteSarif(log);
}

std::string FormatMarkdown(const DiffOutcome& outcome) {
  std::string out = "## API changes\n\n";
  if (outcome.repository_mode) out += "From " + SideName(outcome.base) + " to " + SideName(outcome.head) + ".\n\n";
  if (outcome.changes.empty()) return out + "No changes.\n";
  bool several_apis = false;
  for (const Change& c : outcome.changes) several_apis = several_apis || c.api != outcome.changes.front().api;
  struct Section {
    const char* title;
    bool (*holds)(const Change&);
  };
  const Section sections[] = {
      {"Breaking changes", [](const Change& c) { return !c.accepted && c.level() == Level::kBreaking; }},
      {"Changes that may break some clients", [](const Change& c) { return !c.accepted && c.level() == Level::kWarning; }},
      {"Other changes", [](const Change& c) { return !c.accepted && c.level() == Level::kInfo; }},
      {"Accepted changes", [](const Change& c) { return c.accepted; }},
  };
  for (const Section& section : sections) {
    std::string items;
    for (const Change& c : outcome.changes) {
      if (!section.holds(c)) continue;
      items += "- ";
      if (several_apis) items += "`" + c.api + "` ";
      if (!c.operation.empty()) items += "**" + c.operation + "**";
      if (!c.at.empty()) items += (c.operation.empty() ? "" : " ") + ("`" + c.at + "`");
      items += std::string(c.operation.empty() && c.at.empty() ? "" : ": ") + c.message + " (`" +
               std::string(compare::RuleId(c.rule)) + "`)";
      if (c.accepted) items += ". Accepted: " + c.reason;
      items += "\n";
    }
    if (!items.empty()) out += std::string("### ") + section.title + "\n\n" + items + "\n";
  }
  return out;
}

}  // namespace

std::optional<DiffFormat> ParseDiffFormat(const std::string& name) {
  if (name == "text") return DiffFormat::kText;
  if (name == "json") return DiffFormat::kJson;
  if (name == "github") return DiffFormat::kGithub;
  if (name == "sarif") return DiffFormat::kSarif;
  if (name == "markdown") return DiffFormat::kMarkdown;
  return std::nullopt;
}

bool DiffFails(const DiffOutcome& outcome) {
  if (!outcome.fail_on) return false;
  for (const Change& c : outcome.changes) {
    if (!c.accepted && c.level() >= *outcome.fail_on) return true;
  }
  return false;
}

std::string FormatDiff(const DiffOutcome& outcome, DiffFormat format) {
  switch (format) {
    case DiffFormat::kText:
      return FormatText(outcome);
    case DiffFormat::kJson:
      return FormatJson(outcome);
    case DiffFormat::kGithub:
      return FormatGithub(outcome);
    case DiffFormat::kSarif:
      return FormatSarif(outcome);
    case DiffFormat::kMarkdown:
      return FormatMarkdown(outcome);
  }
  return FormatText(outcome);
}

}  // namespace specc::cli
