#include "provision/delivery.h"

#include "emit/project_model.h"

namespace specc::provision {
namespace {

const ir::EnvVar* FindVar(const ir::Project& project, const std::string& key) {
  for (const ir::EnvVar& var : project.env) {
    if (var.key == key) return &var;
  }
  return nullptr;
}

}  // namespace

std::vector<Delivery> ValuesFor(StepRun& run, const std::vector<std::string>& keys) {
  std::vector<Delivery> deliveries;
  for (const std::string& key : keys) {
    const ir::EnvVar* var = FindVar(run.project, key);
    if (var == nullptr) continue;
    const ir::EnvSource& source = emit::SourceIn(*var, run.environment);
    if (source.kind == ir::EnvSourceKind::kProvisioned) {
      auto resource = run.outputs.find(source.resource);
      if (resource != run.outputs.end()) {
        auto output = resource->second.find(source.output);
        if (output != resource->second.end()) {
          deliveries.push_back({key, output->second.value, var->secret || output->second.secret, output->second.source_id});
          continue;
        }
      }
      run.notes.push_back("`" + key + "` comes from `" + source.resource + "." + source.output +
                          "`, which this run did not produce: set it by hand once that step is done");
    } else if (source.kind == ir::EnvSourceKind::kManual) {
      std::optional<std::string> fallback = emit::DefaultIn(*var, run.environment);
      if (fallback.has_value() && !var->secret) {
        deliveries.push_back({key, *fallback, false, "default"});
      } else {
        run.notes.push_back("`" + key + "` is set by hand (source manual)");
      }
    }
  }
  return deliveries;
}

ApiResult<Done> Deliver(Sink& sink, const std::vector<Delivery>& deliveries, StepRun& run) {
  for (const Delivery& d : deliveries) {
    ApiResult<Sink::Held> held = sink.Look(d.key, d.secret);
    SPECC_RETURN_IF_ERROR(held);
    std::string recorded;
    if (run.previous != nullptr) {
      auto it = run.previous->delivered.find(d.key);
      if (it != run.previous->delivered.end()) recorded = it->second;
    }
    std::string what;
    if (!held.value().exists) {
      what = "set `" + d.key + "` in " + sink.Describe();
    } else if (held.value().value.has_value() && *held.value().value != d.value) {
      what = "update `" + d.key + "` in " + sink.Describe() + " (it differs from what the spec gives)";
    } else if (!held.value().value.has_value() && !recorded.empty() && recorded != d.source) {
      // A secret is never read back: it is stale when its source was recreated.
      what = "replace `" + d.key + "` in " + sink.Describe() + " (its source `" + recorded + "` is now `" + d.source + "`)";
    }
    if (what.empty()) {
      run.record.delivered[d.key] = recorded.empty() ? d.source : recorded;
      continue;
    }
    if (!run.gate.Allow(what)) {
      run.pending.push_back(what);
      if (held.value().exists) {
        run.drift.push_back({d.key, d.secret ? "(secret from " + d.source + ")" : d.value,
                             d.secret ? "(secret from " + (recorded.empty() ? "elsewhere" : recorded) + ")" : held.value().value.value_or("")});
      }
      if (!recorded.empty()) run.record.delivered[d.key] = recorded;
      continue;
    }
    SPECC_RETURN_IF_ERROR(sink.Put(d.key, d.value, d.secret));
    run.done.push_back(what);
    run.record.delivered[d.key] = d.source;
  }
  return Done{};
}

}  // namespace specc::provision
