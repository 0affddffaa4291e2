// The Postman emitter (artifact kind `postman`, seed 002 FR-029): per API, a base
// collection `<prefix> Base - <Project>` in Collection Format v2.1.0 with one request per
// operation in folders by tag, one collection per environment `<prefix> - <Project> (env)`
// with that environment's variables, and a Postman environment file per environment.
// Everything is rendered through templates/postman/ and is deterministic: ids are UUIDv5
// of stable names.
#ifndef SPECC_EMIT_POSTMAN_POSTMAN_EMITTER_H_
#define SPECC_EMIT_POSTMAN_POSTMAN_EMITTER_H_

#include <memory>

#include "emit/emitter.h"

namespace specc::emit {

std::unique_ptr<Emitter> NewPostmanEmitter();

}  // namespace specc::emit

#endif  // SPECC_EMIT_POSTMAN_POSTMAN_EMITTER_H_
