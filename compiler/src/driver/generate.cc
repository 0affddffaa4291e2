#include "driver/generate.h"

#include <algorithm>
#include <memory>

#include "base/check.h"
#include "base/path.h"
#include "driver/parallel.h"
#include "emit/emitter.h"
#include "emit/namer.h"
#include "emit/registry.h"

namespace specc::driver {
namespace {

// "specs/petstore-expanded.yaml" -> "petstore-expanded".
std::string ServiceFromPath(const std::string& path) {
  std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  base = base.substr(0, base.find('.'));
  std::string name = emit::KebabCase(base);
  return name.empty() ? "api" : name;
}

// The kinds `kinds` asks for, with the kinds they need (the routes import the schemas).
std::vector<std::string> WantedKinds(const std::vector<std::string>& kinds) {
  std::vector<std::string> wanted = kinds;
  if (wanted.empty()) {
    for (const emit::EmitterInfo& info : emit::Emitters()) wanted.emplace_back(info.kind);
  }
  for (size_t i = 0; i < wanted.size(); ++i) {
    const emit::EmitterInfo* info = emit::FindEmitter(wanted[i]);
    SPECC_CHECK(info != nullptr) << "unknown artifact kind " << wanted[i];
    std::string_view needs = info->requires_kinds;
    while (!needs.empty()) {
      std::string need(needs.substr(0, needs.find(',')));
      if (std::find(wanted.begin(), wanted.end(), need) == wanted.end()) wanted.push_back(need);
      needs = needs.find(',') == std::string_view::npos ? "" : needs.substr(needs.find(',') + 1);
    }
  }
  return wanted;
}

// Moves every file of `from` into `into`, scaffolds as scaffolds and settled files as
// settled; `from` is freed at once.
void MoveFiles(OutputSet& from, OutputSet& into) {
  // Moved, not copied: a large run's outputs run to tens of megabytes.
  for (auto& [path, bytes] : from.TakeFiles()) {
    if (from.IsScaffold(path)) {
      into.PutScaffold(path, std::move(bytes));
    } else {
      into.Put(path, std::move(bytes));
    }
  }
  for (auto& [path, sha256] : from.TakeSettled()) into.PutSettled(path, std::move(sha256), from.IsScaffold(path));
  from = OutputSet{};
}

// The consumer of group `group` in `consumers` (empty: none).
OutputConsumer* ConsumerOf(const std::vector<OutputConsumer*>& consumers, size_t group) {
  return consumers.empty() ? nullptr : consumers[group];
}

}  // namespace

std::vector<OutputSet> GenerateGroups(const LoadedSpecs& specs, const std::vector<GenerateGroup>& groups,
                                      const emit::TemplateSet& templates, DiagSink& sink,
                                      const std::vector<OutputConsumer*>& consumers) {
  SPECC_CHECK(consumers.empty() || consumers.size() == groups.size()) << "one consumer per group";
  std::vector<emit::ApiInput> apis;
  emit::NameTable services;
  std::vector<std::shared_ptr<const sema::SchemaMeanings>> meanings;
  for (const LoadedApi& loaded : specs.apis) {
    if (!loaded.api) continue;
    std::string service = services.Take(loaded.service.empty() ? ServiceFromPath(loaded.path)
                                                               : emit::KebabCase(loaded.service));
    // Computed whole, read only by the emitters (so they can share it across threads).
    meanings.push_back(MeaningsOf(loaded));
    apis.push_back({service, loaded.path, &*loaded.api, meanings.back().get()});
  }
  // One task per emitter of each group: registry order within a group, not request order,
  // so `--only mcp,schemas` and `--only schemas,mcp` run identically.
  struct Task {
    size_t group;
    const emit::EmitterInfo* info;
    OutputSet out;
    DiagSink diags;
  };
  std::vector<Task> tasks;
  bool counts_work = false;  // a shared work counter is not for threads
  for (size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::string> wanted = WantedKinds(groups[g].kinds);
    counts_work |= groups[g].options.work != nullptr;
    for (const emit::EmitterInfo& info : emit::Emitters()) {
      if (std::find(wanted.begin(), wanted.end(), info.kind) != wanted.end() ||
          std::find(wanted.begin(), wanted.end(), info.id) != wanted.end()) {
        tasks.push_back({g, &info, {}, {}});
      }
    }
  }
  auto run = [&](size_t i) {
    Task& task = tasks[i];
    emit::EmitContext ctx{apis, specs.project ? &*specs.project : nullptr, templates, task.diags,
                          groups[task.group].options};
    task.out.set_consumer(ConsumerOf(consumers, task.group));
    task.info->make()->Emit(ctx, task.out);
  };
  if (counts_work) {
    for (size_t i = 0; i < tasks.size(); ++i) run(i);
  } else {
    ParallelFor(tasks.size(), [&](size_t i) { return tasks[i].info->starts_first; }, run);
  }
  std::vector<OutputSet> outputs(groups.size());
  for (Task& task : tasks) {
    sink.Absorb(task.diags);
    MoveFiles(task.out, outputs[task.group]);
  }
  return outputs;
}

std::vector<EmitTask> PlanEmitTasks(const std::vector<GenerateGroup>& groups) {
  std::vector<EmitTask> tasks;
  for (size_t g = 0; g < groups.size(); ++g) {
    std::vector<std::string> wanted = WantedKinds(groups[g].kinds);
    for (const emit::EmitterInfo& info : emit::Emitters()) {
      if (std::find(wanted.begin(), wanted.end(), info.kind) != wanted.end() ||
          std::find(wanted.begin(), wanted.end(), info.id) != wanted.end()) {
        tasks.push_back({g, &info});
      }
    }
  }
  return tasks;
}

std::vector<std::string> ServiceDirNames(const LoadedSpecs& specs) {
  emit::NameTable services;
  std::vector<std::string> names;
  for (const LoadedApi& loaded : specs.apis) {
    names.push_back(services.Take(loaded.service.empty() ? ServiceFromPath(loaded.path)
                                                         : emit::KebabCase(loaded.service)));
  }
  return names;
}

void RenderParts(const LoadedSpecs& specs, const std::vector<std::string>& names,
                 const std::vector<GenerateGroup>& groups, const std::vector<EmitTask>& tasks,
                 const emit::TemplateSet& templates, const std::vector<bool>& render, RenderedPart* project,
                 std::vector<RenderedPart>* apis, const PartConsumers& consumers) {
  SPECC_CHECK(names.size() == specs.apis.size() && render.size() == specs.apis.size() &&
              apis->size() == specs.apis.size())
      << "one name, flag and part per API";
  SPECC_CHECK((consumers.project.empty() || consumers.project.size() == groups.size()) &&
              (consumers.apis.empty() || consumers.apis.size() == groups.size()))
      << "one consumer per group";
  auto reset = [&](RenderedPart& part) {
    part.files.assign(groups.size(), OutputSet{});
    part.diags.assign(tasks.size(), DiagSink{});
  };
  reset(*project);
  // One job per project task, and one per API task of each API rendered.
  struct Job {
    size_t task;
    size_t api;  // specs.apis.size() for a project task
    OutputSet out;
  };
  std::vector<Job> jobs;
  std::vector<std::shared_ptr<const sema::SchemaMeanings>> meanings(specs.apis.size());
  for (size_t i = 0; i < specs.apis.size(); ++i) {
    if (!render[i]) continue;
    SPECC_CHECK(specs.apis[i].api.has_value()) << "rendering an API that is not loaded";
    reset((*apis)[i]);
    // Computed whole, read only by the emitters (so they can share it across threads).
    meanings[i] = MeaningsOf(specs.apis[i]);
  }
  bool counts_work = false;  // a shared work counter is not for threads
  for (size_t t = 0; t < tasks.size(); ++t) {
    counts_work |= groups[tasks[t].group].options.work != nullptr;
    if (!tasks[t].info->per_api) {
      jobs.push_back({t, specs.apis.size(), {}});
      continue;
    }
    for (size_t i = 0; i < specs.apis.size(); ++i) {
      if (render[i]) jobs.push_back({t, i, {}});
    }
  }
  auto run = [&](size_t j) {
    Job& job = jobs[j];
    const EmitTask& task = tasks[job.task];
    bool whole = job.api == specs.apis.size();
    RenderedPart& part = whole ? *project : (*apis)[job.api];
    std::vector<emit::ApiInput> inputs;
    if (!whole) {
      const LoadedApi& loaded = specs.apis[job.api];
      inputs.push_back({names[job.api], loaded.path, &*loaded.api, meanings[job.api].get()});
    }
    emit::EmitContext ctx{inputs, specs.project ? &*specs.project : nullptr, templates, part.diags[job.task],
                          groups[task.group].options, specs.apis.size()};
    job.out.set_consumer(ConsumerOf(whole ? consumers.project : consumers.apis, task.group));
    task.info->make()->Emit(ctx, job.out);
  };
  if (counts_work) {
    for (size_t j = 0; j < jobs.size(); ++j) run(j);
  } else {
    ParallelFor(jobs.size(), [&](size_t j) { return tasks[jobs[j].task].info->starts_first; }, run);
  }
  for (Job& job : jobs) {
    RenderedPart& part = job.api == specs.apis.size() ? *project : (*apis)[job.api];
    MoveFiles(job.out, part.files[tasks[job.task].group]);
  }
}

OutputSet Generate(const LoadedSpecs& specs, const std::vector<std::string>& kinds,
                   const emit::TemplateSet& templates, DiagSink& sink,
                   const emit::EmitOptions& options, OutputConsumer* consumer) {
  std::vector<OutputConsumer*> consumers;
  if (consumer != nullptr) consumers.push_back(consumer);
  return std::move(GenerateGroups(specs, {GenerateGroup{kinds, options}}, templates, sink, consumers).front());
}

}  // namespace specc::driver
