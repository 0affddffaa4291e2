// Result<T>: the return type of operations that can fail for environmental reasons
// (I/O, a missing template, libgit2). Problems with the user's input are not errors in
// this sense: they are Diagnostics sent to a DiagSink. Modeled on Carbon's ErrorOr.
#ifndef SPECC_BASE_RESULT_H_
#define SPECC_BASE_RESULT_H_

#include <string>
#include <utility>
#include <variant>

#include "base/check.h"

namespace specc {

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(state_); }
  const Error& error() const {
    SPECC_CHECK(!ok()) << "error() on a successful Result";
    return std::get<Error>(state_);
  }
  T& value() & {
    SPECC_CHECK(ok()) << "value() on a failed Result: " << std::get<Error>(state_).message;
    return std::get<T>(state_);
  }
  const T& value() const& {
    SPECC_CHECK(ok()) << "value() on a failed Result: " << std::get<Error>(state_).message;
    return std::get<T>(state_);
  }
  T&& value() && {
    SPECC_CHECK(ok()) << "value() on a failed Result: " << std::get<Error>(state_).message;
    return std::get<T>(std::move(state_));
  }
  T& operator*() & { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Error, T> state_;
};

// The result of an operation that returns nothing on success.
struct Ok {};
using Status = Result<Ok>;

}  // namespace specc

// Returns the error of `expr` (a Result) from the enclosing function if it failed.
// `expr` is bound by reference: a copy would copy the value too (a 13 MB spec file).
#define SPECC_RETURN_IF_ERROR(expr)                  \
  do {                                               \
    auto&& specc_status_ = (expr);                   \
    if (!specc_status_.ok()) return specc_status_.error(); \
  } while (0)

#endif  // SPECC_BASE_RESULT_H_
