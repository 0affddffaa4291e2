// The zod emitter's factory; the emitter itself is private to zod_emitter.cc (flatc's
// idl_gen_*.h pattern), and emit/registry.cc is its only caller.
#ifndef SPECC_EMIT_ZOD_ZOD_EMITTER_H_
#define SPECC_EMIT_ZOD_ZOD_EMITTER_H_

#include <memory>

#include "emit/emitter.h"

namespace specc::emit {

std::unique_ptr<Emitter> NewZodEmitter();

}  // namespace specc::emit

#endif  // SPECC_EMIT_ZOD_ZOD_EMITTER_H_
