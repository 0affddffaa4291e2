// The generator of `apply` and `check` (cli.h's DefaultGenerate): specc.yaml, the specs
// and the templates in; the files to write, what the run owns and the secret review out.
// With a ServiceCache, each service whose record still holds is taken from it instead of
// being loaded and rendered (cli/service_cache.h); the result is the same either way,
// byte for byte, diagnostics included.
#ifndef SPECC_CLI_PROJECT_GENERATE_H_
#define SPECC_CLI_PROJECT_GENERATE_H_

#include <string>

#include "base/diag_sink.h"
#include "base/fs.h"
#include "base/source_map.h"
#include "cli/cli.h"
#include "cli/service_cache.h"

namespace specc::cli {

// `cache` may be null (no reuse). Reads go through `fs`; a service loaded cold with a
// cache is read through cache->raw_fs() and its reads added to cache->run_record().
Result<Generation> GenerateProject(const std::string& root, const Fs& fs, SourceMap& sources, DiagSink& sink,
                                   const ServiceCache* cache);

}  // namespace specc::cli

#endif  // SPECC_CLI_PROJECT_GENERATE_H_
