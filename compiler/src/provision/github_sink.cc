// The GitHub environment sink, and the only file of specc that includes <sodium.h>:
// GitHub takes secrets only as libsodium sealed boxes for the environment's public key.
#include <sodium.h>

#include <vector>

#include "provision/github_client.h"
#include "provision/sink.h"

namespace specc::provision {
namespace {

class GithubEnvironmentSink final : public Sink {
 public:
  GithubEnvironmentSink(GithubClient& client, std::string full_name, std::string environment)
      : client_(client), full_name_(std::move(full_name)), environment_(std::move(environment)) {}

  std::string Describe() const override { return "GitHub environment `" + environment_ + "` of " + full_name_; }

  ApiResult<Held> Look(const std::string& key, bool secret) override {
    if (secret) {
      ApiResult<bool> has = client_.HasSecret(full_name_, environment_, key);
      SPECC_RETURN_IF_ERROR(has);
      return Held{has.value(), std::nullopt};
    }
    ApiResult<std::optional<std::string>> value = client_.FindVariable(full_name_, environment_, key);
    SPECC_RETURN_IF_ERROR(value);
    return Held{value.value().has_value(), value.value()};
  }

  ApiResult<Done> Put(const std::string& key, const std::string& value, bool secret) override {
    if (!secret) {
      ApiResult<std::optional<std::string>> existing = client_.FindVariable(full_name_, environment_, key);
      SPECC_RETURN_IF_ERROR(existing);
      return existing.value().has_value() ? client_.UpdateVariable(full_name_, environment_, key, value)
                                          : client_.CreateVariable(full_name_, environment_, key, value);
    }
    if (!key_.has_value()) {
      ApiResult<GithubPublicKey> key = client_.EnvironmentPublicKey(full_name_, environment_);
      SPECC_RETURN_IF_ERROR(key);
      key_ = key.value();
    }
    Result<std::string> sealed = SealForGithub(key_->key, value);
    if (!sealed.ok()) {
      return ApiError{"GET /repos/" + full_name_ + "/environments/" + environment_ + "/secrets/public-key", 200,
                      "unexpected answer: " + sealed.error().message};
    }
    return client_.PutSecret(full_name_, environment_, key, sealed.value(), key_->key_id);
  }

 private:
  GithubClient& client_;
  std::string full_name_;
  std::string environment_;
  std::optional<GithubPublicKey> key_;
};

}  // namespace

Result<std::string> SealForGithub(const std::string& public_key_base64, const std::string& value) {
  if (sodium_init() < 0) return Error{"libsodium could not be initialised"};
  std::vector<unsigned char> key(crypto_box_PUBLICKEYBYTES);
  size_t key_length = 0;
  if (sodium_base642bin(key.data(), key.size(), public_key_base64.data(), public_key_base64.size(), nullptr, &key_length,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      key_length != crypto_box_PUBLICKEYBYTES) {
    return Error{"the environment's public key is not a base64 Curve25519 key"};
  }
  std::vector<unsigned char> sealed(crypto_box_SEALBYTES + value.size());
  if (crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(value.data()), value.size(), key.data()) != 0) {
    return Error{"sealing failed"};
  }
  std::string encoded(sodium_base64_ENCODED_LEN(sealed.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), sealed.data(), sealed.size(), sodium_base64_VARIANT_ORIGINAL);
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::unique_ptr<Sink> NewGithubEnvironmentSink(GithubClient& client, std::string full_name, std::string environment) {
  return std::make_unique<GithubEnvironmentSink>(client, std::move(full_name), std::move(environment));
}

}  // namespace specc::provision
