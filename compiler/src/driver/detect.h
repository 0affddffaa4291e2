// The driver's detection stage: what the repository itself says about the project beyond
// its specs. Today that is the web frameworks it builds with (a package.json depending on
// next or vite), whose public-prefix build variables the env contract then knows about
// (`source = detected`, seed 000). File access happens here, never in an emitter; the
// result goes into the project IR. Reads through the Fs, so `check --staged` sees the
// staged package.json files.
#ifndef SPECC_DRIVER_DETECT_H_
#define SPECC_DRIVER_DETECT_H_

#include <string>
#include <vector>

#include "base/fs.h"
#include "ir/project.h"

namespace specc::driver {

// Returns the frameworks of `project`: those declared by resources (`framework = "nextjs"`
// on a vercel.project) and those found in `package.json` at `root` and at each resource's
// `rootDirectory`, sorted by evidence then name. An unreadable or malformed package.json
// counts as absent: detection is best effort and never an error.
std::vector<ir::Framework> DetectFrameworks(const ir::Project& project, const std::string& root,
                                            const Fs& fs);

}  // namespace specc::driver

#endif  // SPECC_DRIVER_DETECT_H_
