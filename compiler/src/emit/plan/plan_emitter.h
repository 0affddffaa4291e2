// The plan emitter's factory (artifact kind `plan`): `plan.json` and `PROVISIONING.md`,
// the provisioning plan of emit/plan/plan_model.h rendered as if no credential variable
// were set, so the committed files are the same on every machine; each step says whether
// it is `automatable` and with which credentials, and `specc plan` resolves the modes
// from the live environment. emit/registry.cc is the only caller.
#ifndef SPECC_EMIT_PLAN_PLAN_EMITTER_H_
#define SPECC_EMIT_PLAN_PLAN_EMITTER_H_

#include <memory>

#include "emit/emitter.h"

namespace specc::emit {

std::unique_ptr<Emitter> NewPlanEmitter();

}  // namespace specc::emit

#endif  // SPECC_EMIT_PLAN_PLAN_EMITTER_H_
