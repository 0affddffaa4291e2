// The mcp emitter's factory; the emitter itself is private to mcp_emitter.cc (flatc's
// idl_gen_*.h pattern), and emit/registry.cc is its only caller.
#ifndef SPECC_EMIT_MCP_MCP_EMITTER_H_
#define SPECC_EMIT_MCP_MCP_EMITTER_H_

#include <memory>

#include "emit/emitter.h"

namespace specc::emit {

std::unique_ptr<Emitter> NewMcpEmitter();

}  // namespace specc::emit

#endif  // SPECC_EMIT_MCP_MCP_EMITTER_H_
