// Ensure semantics, once for every provider: look the resource up by the name specc gives
// it; when it is missing, create it after the gate allows; when a create's outcome is
// uncertain (a timeout, a 5xx or an unreadable answer after a POST), look again before
// trying once more, so a create the provider did carry out is found, not repeated.
#ifndef SPECC_PROVISION_ENSURE_H_
#define SPECC_PROVISION_ENSURE_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "provision/step.h"

namespace specc::provision {

// How many creates an uncertain outcome may lead to, the first included.
constexpr int kCreateTries = 3;

// Returns the one resource `find` returns, or the one `create` makes once `run.gate`
// allows `what` (adding `what` to run.done, and setting *created). Returns nullopt after
// adding `what` to run.pending when the gate refuses. An ApiError when a call fails or
// when `find` returns two or more (`noun` names them: "Neon projects called `x`").
template <typename T>
ApiResult<std::optional<T>> EnsureOne(StepRun& run, const std::string& what, const std::string& noun,
                                      const std::function<ApiResult<std::vector<T>>()>& find,
                                      const std::function<ApiResult<T>()>& create, bool* created = nullptr) {
  for (int attempt = 1;; ++attempt) {
    ApiResult<std::vector<T>> found = find();
    SPECC_RETURN_IF_ERROR(found);
    if (found.value().size() > 1) {
      return ApiError{"", 0,
                      std::to_string(found.value().size()) + " " + noun +
                          " exist: specc will not guess which one is meant (rename or remove the others by hand)"};
    }
    if (found.value().size() == 1) {
      if (attempt > 1) {
        run.done.push_back(what);
        if (created != nullptr) *created = true;
      }
      return std::optional<T>(found.value().front());
    }
    if (attempt == 1 && !run.gate.Allow(what)) {
      run.pending.push_back(what);
      return std::optional<T>();
    }
    ApiResult<T> made = create();
    if (made.ok()) {
      run.done.push_back(what);
      if (created != nullptr) *created = true;
      return std::optional<T>(std::move(made).value());
    }
    if (!made.error().uncertain || attempt >= kCreateTries) return made.error();
  }
}

// Adapts a lookup that returns at most one resource to EnsureOne's `find`.
template <typename T>
std::function<ApiResult<std::vector<T>>()> AtMostOne(std::function<ApiResult<std::optional<T>>()> find) {
  return [find]() -> ApiResult<std::vector<T>> {
    ApiResult<std::optional<T>> one = find();
    SPECC_RETURN_IF_ERROR(one);
    std::vector<T> all;
    if (one.value().has_value()) all.push_back(*one.value());
    return all;
  };
}

// Adds to run.drift every attribute the spec fixes that run.record.attributes (what the
// provider has) holds with another value.
void CompareAttributes(StepRun& run);

// The spec's value of setting `key` of the step's resource in the run's environment
// (overrides applied); `fallback` when the spec leaves it out.
std::string SettingOf(const StepRun& run, const std::string& key, const std::string& fallback = "");

}  // namespace specc::provision

#endif  // SPECC_PROVISION_ENSURE_H_
