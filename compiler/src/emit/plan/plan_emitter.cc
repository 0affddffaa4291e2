#include "emit/plan/plan_emitter.h"

#include "emit/plan/plan_model.h"

namespace specc::emit {
namespace {

class PlanEmitter final : public Emitter {
 public:
  std::string_view id() const override { return "plan"; }
  void Emit(const EmitContext& ctx, OutputSet& out) const override {
    if (ctx.project == nullptr) return;
    // No credential: the artifact must not depend on the machine that generated it.
    Plan plan = BuildPlan(*ctx.project, {});
    if (std::optional<std::string> json = RenderPlanJson(plan, ctx.templates, ctx.diags)) out.Put("plan.json", std::move(*json));
    if (std::optional<std::string> md = RenderProvisioningMd(plan, ctx.project->source, ctx.templates, ctx.diags)) {
      out.Put("PROVISIONING.md", std::move(*md));
    }
  }
};

}  // namespace

std::unique_ptr<Emitter> NewPlanEmitter() { return std::make_unique<PlanEmitter>(); }

}  // namespace specc::emit
