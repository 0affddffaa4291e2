// Where provisioned values go: the sinks the env contract names for a variable (a
// Vercel env var of a deploy target, a GitHub environment secret or variable of the
// repository) and the local hand-off file `.env.<env>` for values whose sink is a manual
// step. One interface, so delivery (provision/delivery.h) is the same ensure logic for
// all: a value missing from its sink is put there, a plain value that differs is drift, a
// secret is never read back. libsodium (for GitHub's sealed secrets) lives in
// github_sink.cc only.
#ifndef SPECC_PROVISION_SINK_H_
#define SPECC_PROVISION_SINK_H_

#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "provision/api.h"

namespace specc::provision {

class GithubClient;
class LocalFiles;
class VercelClient;

class Sink {
 public:
  virtual ~Sink() = default;
  // Names the sink in reports: "GitHub environment `dev` of acme/acme".
  virtual std::string Describe() const = 0;
  // What the sink holds for `key`: nothing, a value specc may compare (a plain one), or a
  // secret it cannot (and does not try to) read.
  struct Held {
    bool exists = false;
    std::optional<std::string> value;  // set only for plain values
  };
  virtual ApiResult<Held> Look(const std::string& key, bool secret) = 0;
  // Stores `value` under `key`, creating or replacing it.
  virtual ApiResult<Done> Put(const std::string& key, const std::string& value, bool secret) = 0;
};

// The secrets (sealed for the environment's public key) and variables of GitHub
// environment `environment` of repository `full_name`. `client` must outlive the sink.
std::unique_ptr<Sink> NewGithubEnvironmentSink(GithubClient& client, std::string full_name, std::string environment);

// Returns `value` sealed for `public_key_base64` (a Curve25519 key) as GitHub requires:
// libsodium's crypto_box_seal, base64 encoded. An Error when the key is not one.
Result<std::string> SealForGithub(const std::string& public_key_base64, const std::string& value);

// The env vars of Vercel project `project_id` for `target` (development, preview or
// production). Secrets are stored `sensitive` (write-only), but for development, which
// Vercel does not allow to be sensitive, where they are `encrypted`.
std::unique_ptr<Sink> NewVercelEnvSink(VercelClient& client, std::string project_id, std::string target);

// True when git would commit neither `path` nor the temporary file a write of it goes
// through (an ignore rule for `.env.dev` alone leaves `.env.dev.specc-XXXXXX` to git).
Result<bool> NeverCommitted(LocalFiles& files, const std::string& path);

// The local file `path` (`.env.<env>`), written only when NeverCommitted(path); lines
// specc did not write are kept as they are.
std::unique_ptr<Sink> NewDotenvSink(LocalFiles& files, std::string path);

}  // namespace specc::provision

#endif  // SPECC_PROVISION_SINK_H_
