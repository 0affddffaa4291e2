// Delivering env var values to a sink with ensure semantics, the same for every sink: a
// value missing there is put (after the gate), a plain value that differs from the spec's
// is drift and is replaced only with approval, and a secret, which is never read back, is
// replaced only when the resource it came from is not the one recorded last time (it was
// recreated). What was delivered is recorded as var -> source id, never as a value.
#ifndef SPECC_PROVISION_DELIVERY_H_
#define SPECC_PROVISION_DELIVERY_H_

#include <string>
#include <vector>

#include "provision/sink.h"
#include "provision/step.h"

namespace specc::provision {

// One env var's value for a sink.
struct Delivery {
  std::string key;
  std::string value;
  bool secret = false;
  std::string source;  // the external id of the producing resource, or "default"
};

// Returns the values of `keys` in the run's environment: provisioned ones from the outputs
// produced so far, and non-secret defaults for manual ones. Adds a note to `run` for each
// value specc does not have (a manual source, or a producing step that did not run).
std::vector<Delivery> ValuesFor(StepRun& run, const std::vector<std::string>& keys);

// Ensures `deliveries` are in `sink`. Returns Done, or the failing call's ApiError.
ApiResult<Done> Deliver(Sink& sink, const std::vector<Delivery>& deliveries, StepRun& run);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_DELIVERY_H_
