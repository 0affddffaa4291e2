#include "provision/report.h"

#include <algorithm>
#include <map>

#include "base/json_writer.h"

namespace specc::provision {
namespace {

std::string ShortKey(const std::string& key, const std::string& project_id) {
  return key.rfind(project_id + "-", 0) == 0 ? key.substr(project_id.size() + 1) : key;
}

char Symbol(StepResult result) {
  switch (result) {
    case StepResult::kCreated: return '+';
    case StepResult::kUpdated: return '~';
    case StepResult::kNoop: return '=';
    case StepResult::kDrift: return '!';
    case StepResult::kNeedsApproval: return '?';
    case StepResult::kWouldChange: return '*';
    case StepResult::kManual: return '>';
    case StepResult::kBlocked: return '-';
    case StepResult::kFailed: return 'x';
  }
  return ' ';
}

std::string Join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

// "create the ..." (what a step does) as "created the ..." (what it did).
std::string PastTense(const std::string& what) {
  for (const auto& [verb, past] : std::initializer_list<std::pair<const char*, const char*>>{
           {"create ", "created "}, {"add ", "added "}, {"import ", "imported "}, {"set ", "set "}, {"update ", "updated "},
           {"replace ", "replaced "}}) {
    if (what.rfind(verb, 0) == 0) return past + what.substr(std::string(verb).size());
  }
  return what;
}

std::string DriftText(const DriftItem& d) { return d.field + ": the spec says `" + d.wanted + "`, the provider has `" + d.actual + "`"; }

std::string ErrorText(const RunReport& report, const StepReport& s) {
  const ApiError& e = *s.error;
  return s.step->provider + ": step `" + ShortKey(s.step->key, report.project_id) + "`: " +
         (e.request.empty() ? "" : e.request + ": ") + e.message;
}

// Counts by result, in a fixed order.
std::vector<std::pair<StepResult, size_t>> Counts(const RunReport& report) {
  std::vector<std::pair<StepResult, size_t>> counts;
  for (StepResult r : {StepResult::kCreated, StepResult::kUpdated, StepResult::kNoop, StepResult::kDrift, StepResult::kNeedsApproval,
                       StepResult::kWouldChange, StepResult::kManual, StepResult::kBlocked, StepResult::kFailed}) {
    size_t n = static_cast<size_t>(std::count_if(report.steps.begin(), report.steps.end(), [&](const StepReport& s) { return s.result == r; }));
    counts.emplace_back(r, n);
  }
  return counts;
}

std::string Status(const RunReport& report) {
  switch (report.ExitCode()) {
    case 0: return "done";
    case 1: return "pending";
    default: return "failed";
  }
}

}  // namespace

std::string ReportText(const RunReport& report) {
  std::string out = "specc provision: " + report.project + " (" + report.project_id + "), environment " + report.environment +
                    (report.dry_run ? " (dry run: nothing is changed)" : "") + "\n";
  if (!report.state_problem.empty() && report.steps.empty()) return out + "  state: " + report.state_problem + "\n";
  out += "Symbols: + created, ~ updated, = unchanged, ! drift, ? needs approval, * would change, > manual, - blocked, x failed.\n";
  size_t width = 0;
  for (const StepReport& s : report.steps) width = std::max(width, ShortKey(s.step->key, report.project_id).size());
  std::string environment;
  for (const StepReport& s : report.steps) {
    if (s.step->environment != environment) {
      environment = s.step->environment;
      out += "\n" + (environment == "all" ? std::string("all environments") : "environment " + environment) + ":\n";
    }
    std::string key = ShortKey(s.step->key, report.project_id);
    out += "  ";
    out += Symbol(s.result);
    out += " " + key + std::string(width - key.size() + 2, ' ') + s.step->title;
    if (s.result == StepResult::kManual) out += "  [" + s.step->mode + "]";
    if (s.result == StepResult::kNoop) out += "  [unchanged" + (s.external_id.empty() ? "" : ": " + s.external_id) + "]";
    out += "\n";
    const std::string indent = "      ";
    for (const std::string& d : s.done) out += indent + PastTense(d) + "\n";
    for (const std::string& p : s.pending) {
      out += indent + (report.dry_run ? "would " : "needs approval to ") + p + "\n";
    }
    if (s.result == StepResult::kNeedsApproval) out += indent + "approve with: --approve " + key + "\n";
    for (const DriftItem& d : s.drift) out += indent + "drift: " + DriftText(d) + "\n";
    if (!s.blocked_by.empty()) out += indent + "waits for " + ShortKey(s.blocked_by, report.project_id) + "\n";
    for (const std::string& n : s.notes) out += indent + "note: " + n + "\n";
    if (!s.handed_over.empty()) {
      out += indent + (report.dry_run ? "would hand over in " : "handed over in ") + report.handoff_path + ": " + Join(s.handed_over, ", ") + "\n";
    }
    if (s.error) out += indent + "error: " + ErrorText(report, s) + "\n";
  }
  bool any_manual = false;
  for (const StepReport& s : report.steps) any_manual = any_manual || s.result == StepResult::kManual;
  if (any_manual) {
    out += "\nManual steps, in order:\n";
    for (const StepReport& s : report.steps) {
      if (s.result != StepResult::kManual) continue;
      out += "\n  " + ShortKey(s.step->key, report.project_id) + ": " + s.step->title + " (" + s.step->reason + ")\n";
      for (size_t i = 0; i < s.step->instructions.size(); ++i) out += "    " + std::to_string(i + 1) + ". " + s.step->instructions[i] + "\n";
    }
  }
  if (!report.handoff_problem.empty()) out += "\nHand-off: " + report.handoff_problem + "\n";
  std::vector<std::string> counts;
  for (const auto& [result, n] : Counts(report)) {
    if (n > 0) counts.push_back(std::to_string(n) + " " + StepResultName(result));
  }
  out += "\nSummary: " + Join(counts, ", ") + "; status " + Status(report) + ".\n";
  if (!report.written.empty()) out += "State written: " + Join(report.written, ", ") + ".\n";
  if (!report.state_problem.empty()) out += "State not written: " + report.state_problem + "\n";
  std::vector<std::string> approvals;
  for (const StepReport& s : report.steps) {
    if (s.result == StepResult::kNeedsApproval) approvals.push_back("--approve " + ShortKey(s.step->key, report.project_id));
  }
  if (!approvals.empty()) out += "To approve: specc provision --env " + report.environment + " " + Join(approvals, " ") + "\n";
  return out;
}

std::string ReportJson(const RunReport& report) {
  JsonWriter w(2);
  w.BeginObject();
  w.Key("projectId").String(report.project_id);
  w.Key("project").String(report.project);
  w.Key("environment").String(report.environment);
  w.Key("dryRun").Bool(report.dry_run);
  w.Key("steps").BeginArray();
  auto strings = [&](const char* key, const std::vector<std::string>& items) {
    w.Key(key).BeginArray();
    for (const std::string& item : items) w.String(item);
    w.EndArray();
  };
  for (const StepReport& s : report.steps) {
    w.BeginObject();
    w.Key("idempotencyKey").String(s.step->key);
    w.Key("title").String(s.step->title);
    w.Key("provider").String(s.step->provider);
    w.Key("resource").String(s.step->resource);
    w.Key("environment").String(s.step->environment);
    w.Key("mode").String(s.step->mode);
    w.Key("result").String(StepResultName(s.result));
    w.Key("externalId").String(s.external_id);
    strings("done", s.done);
    strings("pending", s.pending);
    w.Key("drift").BeginArray();
    for (const DriftItem& d : s.drift) w.BeginObject().Key("field").String(d.field).Key("spec").String(d.wanted).Key("actual").String(d.actual).EndObject();
    w.EndArray();
    strings("notes", s.notes);
    if (s.blocked_by.empty()) {
      w.Key("blockedBy").Null();
    } else {
      w.Key("blockedBy").String(s.blocked_by);
    }
    strings("handedOver", s.handed_over);
    if (s.error) {
      w.Key("error").BeginObject();
      w.Key("provider").String(s.step->provider).Key("request").String(s.error->request).Key("status").Int(s.error->status);
      w.Key("attempts").Int(s.error->attempts).Key("message").String(s.error->message);
      w.EndObject();
    } else {
      w.Key("error").Null();
    }
    strings("instructions", s.result == StepResult::kManual ? s.step->instructions : std::vector<std::string>{});
    w.EndObject();
  }
  w.EndArray();
  strings("stateWritten", report.written);
  w.Key("handoff").BeginObject().Key("path").String(report.handoff_path).Key("problem").String(report.handoff_problem).EndObject();
  w.Key("summary").BeginObject();
  for (const auto& [result, n] : Counts(report)) w.Key(StepResultName(result)).Int(static_cast<int64_t>(n));
  w.Key("status").String(Status(report));
  w.EndObject();
  if (!report.state_problem.empty()) w.Key("stateProblem").String(report.state_problem);
  w.EndObject();
  return w.Finish();
}

std::string ReportErrors(const RunReport& report) {
  std::string out;
  for (const StepReport& s : report.steps) {
    if (s.error) out += "specc provision: error: " + ErrorText(report, s) + "\n";
  }
  if (!report.state_problem.empty()) out += "specc provision: error: " + report.state_problem + "\n";
  return out;
}

}  // namespace specc::provision
