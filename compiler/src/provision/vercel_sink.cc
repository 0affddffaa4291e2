// The Vercel env var sink: one target (development, preview or production) of a project.
#include <algorithm>
#include <vector>

#include "provision/sink.h"
#include "provision/vercel_client.h"

namespace specc::provision {
namespace {

class VercelEnvSink final : public Sink {
 public:
  VercelEnvSink(VercelClient& client, std::string project_id, std::string target)
      : client_(client), project_id_(std::move(project_id)), target_(std::move(target)) {}

  std::string Describe() const override { return "Vercel env vars (" + target_ + ") of project " + project_id_; }

  ApiResult<Held> Look(const std::string& key, bool secret) override {
    ApiResult<const VercelEnvVar*> found = Find(key);
    SPECC_RETURN_IF_ERROR(found);
    if (found.value() == nullptr) return Held{};
    const VercelEnvVar& var = *found.value();
    if (secret || var.type != "plain") return Held{true, std::nullopt};
    return Held{true, var.value};
  }

  ApiResult<Done> Put(const std::string& key, const std::string& value, bool secret) override {
    ApiResult<const VercelEnvVar*> found = Find(key);
    SPECC_RETURN_IF_ERROR(found);
    // Vercel allows no sensitive variable in development; encrypted is the closest.
    std::string type = !secret ? "plain" : target_ == "development" ? "encrypted" : "sensitive";
    ApiResult<Done> put = found.value() != nullptr ? client_.UpdateEnvVar(project_id_, found.value()->id, value, type)
                                                   : client_.CreateEnvVar(project_id_, key, value, type, target_);
    loaded_ = false;
    return put;
  }

 private:
  // The variable `key` of this sink's target, or null.
  ApiResult<const VercelEnvVar*> Find(const std::string& key) {
    if (!loaded_) {
      ApiResult<std::vector<VercelEnvVar>> vars = client_.EnvVars(project_id_);
      SPECC_RETURN_IF_ERROR(vars);
      vars_ = std::move(vars).value();
      loaded_ = true;
    }
    for (const VercelEnvVar& var : vars_) {
      if (var.key == key && std::find(var.targets.begin(), var.targets.end(), target_) != var.targets.end()) return &var;
    }
    return static_cast<const VercelEnvVar*>(nullptr);
  }

  VercelClient& client_;
  std::string project_id_;
  std::string target_;
  std::vector<VercelEnvVar> vars_;
  bool loaded_ = false;
};

}  // namespace

std::unique_ptr<Sink> NewVercelEnvSink(VercelClient& client, std::string project_id, std::string target) {
  return std::make_unique<VercelEnvSink>(client, std::move(project_id), std::move(target));
}

}  // namespace specc::provision
