// The provisioning state: `.specc/state/<env>.json` (and `all.json` for the steps every
// environment shares), committed with the repository as the seeds' provenance record
// (seed 000: provider, resourceType, externalId, region, urls[], createdAt). It holds what
// specc learnt about each resource it ensured, never a secret: ids, names, regions, URLs,
// the provider's timestamps, the settings it observed (to tell drift), and for each env
// var it delivered, where the value came from (so a recreated source is redelivered).
// `specc provision` writes it after every step (write, then rename: never torn); `specc
// plan` reads it to show each step as create, no-op, drift or manual.
#ifndef SPECC_PROVISION_STATE_H_
#define SPECC_PROVISION_STATE_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace specc::provision {

struct StateRecord {
  std::string key;  // the step's idempotency key
  std::string provider;
  std::string resource;
  std::string resource_type;
  std::string external_id;  // the provider's id of what the step ensured
  std::string name;         // the name specc gave it
  std::string region;
  std::string created_at;   // as the provider reported it
  std::vector<std::string> urls;
  // Observed settings that the spec decides (region, pgVersion, framework, ...), by the
  // names of provision/desired.h: a later run compares them with the spec.
  std::map<std::string, std::string> attributes;
  // Env var -> the external id of the resource its value came from (or "default", or
  // "manual" for a value a person set), for the sinks of this step.
  std::map<std::string, std::string> delivered;
};

struct State {
  std::string project_id;
  std::string environment;  // "dev", ..., or "all"
  std::map<std::string, StateRecord> steps;  // by key
};

// The repository path of the state file of `environment`.
std::string StatePath(const std::string& environment);

// Parses a state file. Returns the state, or an Error naming `path` and what is wrong.
Result<State> ParseState(const std::string& text, const std::string& path);

// Returns the state as JSON text: keys in a fixed order, steps sorted by key, so that an
// unchanged state is byte-for-byte the same file.
std::string SerializeState(const State& state);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_STATE_H_
