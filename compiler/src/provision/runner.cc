#include "provision/runner.h"

#include <algorithm>
#include <set>

#include "base/secret_scan.h"
#include "provision/delivery.h"
#include "provision/sink.h"
#include "provision/state.h"

namespace specc::provision {
namespace {

// The gate of one step: closed in a dry run, otherwise the Approver's answer, asked once.
class StepGate final : public Gate {
 public:
  StepGate(const emit::PlanStep& step, Approver& approver, bool dry_run) : step_(step), approver_(approver), dry_run_(dry_run) {}
  bool Allow(const std::string& what) override {
    if (dry_run_) return false;
    if (!asked_) {
      approved_ = approver_.Approve(step_, what);
      asked_ = true;
    }
    return approved_;
  }

 private:
  const emit::PlanStep& step_;
  Approver& approver_;
  bool dry_run_;
  bool asked_ = false;
  bool approved_ = false;
};

// Writing `.env.<env>` changes nothing outside this machine: no approval is asked.
class OpenGate final : public Gate {
 public:
  bool Allow(const std::string&) override { return true; }
};

bool StartsWith(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// The steps whose job is to put env var values somewhere.
bool HoldsEnvVars(const emit::PlanStep& step) {
  return step.kind == "githubEnvironment" || (step.kind.size() > 3 && step.kind.compare(step.kind.size() - 3, 3, "Env") == 0);
}

StepResult Classify(const StepRun& run, bool dry_run) {
  if (!run.pending.empty()) return dry_run ? StepResult::kWouldChange : StepResult::kNeedsApproval;
  for (const std::string& d : run.done) {
    if (StartsWith(d, "create") || StartsWith(d, "add") || StartsWith(d, "import") || StartsWith(d, "set")) return StepResult::kCreated;
  }
  if (!run.done.empty()) return StepResult::kUpdated;
  if (!run.drift.empty()) return StepResult::kDrift;
  return StepResult::kNoop;
}

// The state files of a run: `all` and the environment's, read up front.
class StateFiles {
 public:
  StateFiles(LocalFiles& files, const std::string& project_id) : files_(files), project_id_(project_id) {}

  // Reads the state of `environment`; false (with `problem` set) when it cannot be used.
  bool Load(const std::string& environment, std::string* problem) {
    State& state = states_[environment];
    state.project_id = project_id_;
    state.environment = environment;
    std::string path = StatePath(environment);
    Result<std::optional<std::string>> text = files_.Read(path);
    if (!text.ok()) {
      *problem = text.error().message;
      return false;
    }
    if (!text.value().has_value()) return true;
    written_[environment] = *text.value();
    Result<State> parsed = ParseState(*text.value(), path);
    if (!parsed.ok()) {
      *problem = parsed.error().message;
      return false;
    }
    if (parsed.value().project_id != project_id_) {
      *problem = path + ": holds the state of project " + parsed.value().project_id + ", not of " + project_id_;
      return false;
    }
    state.steps = std::move(parsed.value().steps);
    return true;
  }

  const StateRecord* Find(const std::string& environment, const std::string& key) const {
    auto state = states_.find(environment);
    if (state == states_.end()) return nullptr;
    auto it = state->second.steps.find(key);
    return it == state->second.steps.end() ? nullptr : &it->second;
  }

  void Put(const std::string& environment, StateRecord record) { states_[environment].steps[record.key] = std::move(record); }
  void Remove(const std::string& environment, const std::string& key) { states_[environment].steps.erase(key); }

  // Writes the state of `environment` when it changed. Refuses (with `problem` set) when
  // the text would hold anything secret-shaped: the state is committed.
  bool Save(const std::string& environment, std::vector<std::string>* written, std::string* problem) {
    std::string text = SerializeState(states_[environment]);
    if (written_[environment] == text) return true;
    std::string path = StatePath(environment);
    std::vector<SecretHit> hits = ScanForSecrets(text);
    if (!hits.empty()) {
      *problem = path + ":" + std::to_string(LineOf(text, hits.front().offset)) + ": would hold a secret-shaped string (" +
                 std::string(hits.front().rule) + "); not written";
      return false;
    }
    Status status = files_.Write(path, text, /*owner_only=*/false);
    if (!status.ok()) {
      *problem = status.error().message;
      return false;
    }
    written_[environment] = text;
    if (std::find(written->begin(), written->end(), path) == written->end()) written->push_back(path);
    return true;
  }

 private:
  LocalFiles& files_;
  std::string project_id_;
  std::map<std::string, State> states_;
  std::map<std::string, std::string> written_;
};

}  // namespace

const char* StepResultName(StepResult result) {
  switch (result) {
    case StepResult::kNoop: return "noop";
    case StepResult::kCreated: return "created";
    case StepResult::kUpdated: return "updated";
    case StepResult::kDrift: return "drift";
    case StepResult::kNeedsApproval: return "needs-approval";
    case StepResult::kWouldChange: return "would-change";
    case StepResult::kManual: return "manual";
    case StepResult::kBlocked: return "blocked";
    case StepResult::kFailed: return "failed";
  }
  return "noop";
}

int RunReport::ExitCode() const {
  if (!state_problem.empty()) return 4;
  bool remains = false;
  for (const StepReport& s : steps) {
    if (s.result == StepResult::kFailed) return 4;
    remains = remains || s.result == StepResult::kDrift || s.result == StepResult::kNeedsApproval ||
              s.result == StepResult::kWouldChange || s.result == StepResult::kBlocked;
  }
  return remains ? 1 : 0;
}

RunReport RunProvision(const RunInputs& inputs, Clients& clients, LocalFiles& files, Approver& approver) {
  RunReport report;
  report.project = inputs.plan.project;
  report.project_id = inputs.plan.project_id;
  report.environment = inputs.environment;
  report.dry_run = inputs.dry_run;
  report.handoff_path = ".env." + inputs.environment;
  StateFiles states(files, inputs.plan.project_id);
  for (const std::string& env : {std::string("all"), inputs.environment}) {
    if (!states.Load(env, &report.state_problem)) return report;
  }
  Outputs outputs;
  std::map<std::string, StepResult> results;
  std::map<std::string, std::string> no_files;
  for (const emit::PlanStep& step : inputs.plan.steps) {
    if (step.environment != "all" && step.environment != inputs.environment) continue;
    StepReport out;
    out.step = &step;
    const StateRecord* previous = states.Find(step.environment, step.key);
    if (step.mode != "automated") {
      out.result = StepResult::kManual;
      if (HoldsEnvVars(step)) {
        // The value a person pastes into a manual step's sink, handed over locally.
        OpenGate open;
        StepRun handoff{step, inputs.project, inputs.environment, nullptr, open, outputs, clients, files, no_files, {}, {}, {}, {}, {}};
        std::vector<Delivery> values;
        for (Delivery& d : ValuesFor(handoff, step.provides)) {
          if (d.source != "default") values.push_back(std::move(d));
        }
        Result<bool> safe = NeverCommitted(files, report.handoff_path);
        if (!values.empty() && (!safe.ok() || !safe.value())) {
          report.handoff_problem = "git does not ignore `" + report.handoff_path + "` and `" + report.handoff_path +
                                   ".specc-*` (or tracks them), so no provisioned value was handed over there: add `.env.*` to "
                                   ".gitignore and run again, or copy the values from the providers' consoles";
        } else if (!values.empty() && !inputs.dry_run) {
          std::unique_ptr<Sink> sink = NewDotenvSink(files, report.handoff_path);
          ApiResult<Done> delivered = Deliver(*sink, values, handoff);
          if (!delivered.ok()) report.handoff_problem = delivered.error().message;
          for (const Delivery& d : values) out.handed_over.push_back(d.key);
        } else {
          for (const Delivery& d : values) out.handed_over.push_back(d.key);
        }
      }
      results[step.key] = out.result;
      report.steps.push_back(std::move(out));
      continue;
    }
    for (const std::string& dep : step.depends_on) {
      auto it = results.find(dep);
      if (it == results.end()) continue;
      if (it->second == StepResult::kFailed || it->second == StepResult::kNeedsApproval || it->second == StepResult::kBlocked ||
          it->second == StepResult::kWouldChange) {
        out.blocked_by = dep;
        break;
      }
    }
    if (!out.blocked_by.empty()) {
      out.result = StepResult::kBlocked;
      results[step.key] = out.result;
      report.steps.push_back(std::move(out));
      continue;
    }
    StepGate gate(step, approver, inputs.dry_run);
    StepRun run{step, inputs.project, inputs.environment, previous, gate, outputs, clients, files,
                step.kind == "postmanCollection" ? inputs.postman_files : no_files, {}, {}, {}, {}, {}};
    ApiResult<Done> executed = Execute(run);
    out.done = run.done;
    out.pending = run.pending;
    out.drift = run.drift;
    out.notes = run.notes;
    out.external_id = run.record.external_id;
    if (!executed.ok()) {
      out.result = StepResult::kFailed;
      out.error = executed.error();
    } else {
      out.result = Classify(run, inputs.dry_run);
      if (!inputs.dry_run) {
        if (!run.record.external_id.empty() || !run.record.delivered.empty()) {
          run.record.key = step.key;
          run.record.provider = step.provider;
          run.record.resource = step.resource;
          run.record.resource_type = step.resource_type;
          states.Put(step.environment, std::move(run.record));
        } else if (previous != nullptr) {
          // What the state remembers is gone at the provider: forget it.
          states.Remove(step.environment, step.key);
        }
        if (!states.Save(step.environment, &report.written, &report.state_problem)) {
          results[step.key] = out.result;
          report.steps.push_back(std::move(out));
          return report;
        }
      }
    }
    results[step.key] = out.result;
    report.steps.push_back(std::move(out));
  }
  return report;
}

}  // namespace specc::provision
