// The catalog of what the project spec language knows about the outside world: resource
// types with their provider settings and outputs, service runtimes, and providers with the
// credential variables that unlock automated provisioning. The checker (dsl/checker.h)
// validates specs against it; it is the one place to edit when a resource type is added.
#ifndef SPECC_DSL_CATALOG_H_
#define SPECC_DSL_CATALOG_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/project.h"

namespace specc::dsl {

struct OutputInfo {
  std::string_view name;
  // True when the value is a credential (a connection string, a token): env vars fed
  // from it must be marked `secret`.
  bool secret;
};

enum class SettingKind : uint8_t {
  kText,     // a string, number or bare name, kept as text
  kNumber,   // a whole number
  kChoice,   // one of `choices`
  kRepoRef,  // a `github.repo` resource by name, or an "owner/name" string
};

struct SettingInfo {
  std::string_view key;
  SettingKind kind;
  std::vector<std::string_view> choices;  // kChoice only
};

struct ResourceTypeInfo {
  ir::ResourceType type;
  std::string_view name;  // "neon.postgres"
  // Whether a resource of this type gets one instance per environment unless the spec
  // says `shared` or `per environment`.
  bool per_environment_by_default;
  std::vector<SettingInfo> settings;  // besides `existing`, which every type has
  std::vector<OutputInfo> outputs;
};

struct ProviderInfo {
  ir::Provider provider;
  std::string_view name;                                // "neon"
  std::vector<std::string_view> credentials;            // all needed for automation
  std::vector<std::string_view> optional_credentials;   // used when present
};

struct RuntimeInfo {
  ir::Runtime runtime;
  std::string_view name;  // "cloudflare.worker"
};

// Every known resource type, in a fixed order (the order hints list them in).
const std::vector<ResourceTypeInfo>& ResourceTypes();
// Returns the type called `name`, or nullptr.
const ResourceTypeInfo* FindResourceType(std::string_view name);
const ResourceTypeInfo& ResourceTypeInfoOf(ir::ResourceType type);
// Returns the output `name` of `type`, or nullptr.
const OutputInfo* FindOutput(const ResourceTypeInfo& type, std::string_view name);
const SettingInfo* FindSetting(const ResourceTypeInfo& type, std::string_view key);

const std::vector<ProviderInfo>& Providers();
const ProviderInfo* FindProvider(std::string_view name);
const ProviderInfo& ProviderInfoOf(ir::Provider provider);

const std::vector<RuntimeInfo>& Runtimes();
const RuntimeInfo* FindRuntime(std::string_view name);

// Returns the candidate closest to `word` by edit distance when it is close enough to be
// a likely typo (at most a third of the word's length, at least 1); empty otherwise.
std::string_view ClosestMatch(std::string_view word, const std::vector<std::string_view>& candidates);

// Joins `items` with ", "; past the first 20, ends with "and N more" (a hint listing a
// hostile file's 100,000 resources in each of its diagnostics would be quadratic output).
std::string JoinNames(const std::vector<std::string_view>& items);

}  // namespace specc::dsl

#endif  // SPECC_DSL_CATALOG_H_
