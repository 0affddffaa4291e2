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
#include "cli/unchanged_outputs.h"
#include "drift/classify.h"

namespace specc::cli {

// `cache` may be null (no reuse). Reads go through `fs`; a service loaded cold with a
// cache is read through cache->raw_fs() and its reads added to cache->run_record().
// With `unchanged`, each file it settles as it is rendered is in the result settled,
// without its bytes (cli/unchanged_outputs.h).
Result<Generation> GenerateProject(const std::string& root, const Fs& fs, SourceMap& sources, DiagSink& sink,
                                   const ServiceCache* cache, UnchangedOutputs* unchanged = nullptr);

// A service of a run whose files were rendered, or taken with their bytes, and whose
// record the drift check therefore stores once it has compared them (StoreServiceRecords).
struct SettleCandidate {
  std::string path, name;  // as ServiceCache names the service
  ServiceRecord header;    // its record, with one empty OutputSet per output group
  struct File {
    size_t group = 0;
    std::string in_group;  // its path in the group's OutputSet
    std::string path;      // its path in the run's outputs; empty when the run drops it
    bool scaffold = false;
    std::string dropped;   // the bytes of a file the run drops (for the full record)
    // Its bytes are gone: settled as it was rendered (cli/unchanged_outputs.h).
    bool settled_as_rendered = false;
  };
  std::vector<File> files;
  // Whether this run rendered it: one taken from its full record has that record already.
  bool rendered = false;
};

struct SettleCandidates {
  std::vector<SettleCandidate> services;
};

// Stores a record for each candidate of `generation`, once the drift check compared its
// files (`classification`; with `staged`, in the index):
// - a settled record when every file was found unchanged, every scaffold exists and no
//   file holds a secret-shaped string: the next run takes such a service's files as
//   unchanged, unread, while its inputs and those files stay as they are;
// - otherwise, for a service rendered by this run that still has every file's bytes, its
//   full record: the next run replays them while its inputs stay as they are.
// A service that settles gets no full record: in the common run, where nothing differs,
// writing every service's bytes cost a tenth of a cold check of a monorepo. Should one of
// its generated files be edited later, the service is rendered again, alone. `unchanged`
// (may be null) is what settled files as they were rendered (GenerateProject's).
void StoreServiceRecords(const Generation& generation, const drift::Classification& classification, bool staged,
                         const ServiceCache& cache, const UnchangedOutputs* unchanged);

}  // namespace specc::cli

#endif  // SPECC_CLI_PROJECT_GENERATE_H_
