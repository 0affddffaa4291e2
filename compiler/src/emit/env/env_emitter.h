// The env emitter's factory (artifact kind `env`): the env contract (`env.contract.json`),
// `.env.example` and the secrets overview of seed 002 FR-023 (`secrets.overview.json`),
// rendered from the project spec's env vars. No artifact holds a secret value: secrets are
// empty in `.env.example`, masked in the overview, and identified by a hash of their name
// and environment. The emitter itself is private to env_emitter.cc; emit/registry.cc is
// its only caller.
#ifndef SPECC_EMIT_ENV_ENV_EMITTER_H_
#define SPECC_EMIT_ENV_ENV_EMITTER_H_

#include <memory>

#include "emit/emitter.h"

namespace specc::emit {

std::unique_ptr<Emitter> NewEnvEmitter();

}  // namespace specc::emit

#endif  // SPECC_EMIT_ENV_ENV_EMITTER_H_
