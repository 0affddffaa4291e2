// Boxed<T>: an optional value kept out of line, one pointer wide, with std::optional's
// way of being read (`if (b)`, `*b`, `b->x`) and value semantics (copies copy the value).
// For the rare members of records made by the ten thousand: sema::SchemaMeaning's oneOf,
// anyOf and discriminator readings were 64 bytes each inline on every one of GitHub's
// 40,230 schemas, and fewer than one schema in twenty has any of them.
#ifndef SPECC_BASE_BOXED_H_
#define SPECC_BASE_BOXED_H_

#include <memory>
#include <optional>
#include <utility>

namespace specc {

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT: reads as std::optional does
  Boxed(T value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  Boxed(std::optional<T> value) {  // NOLINT
    if (value) value_ = std::make_unique<T>(std::move(*value));
  }
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  // REQUIRES: has_value().
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  void reset() { value_.reset(); }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace specc

#endif  // SPECC_BASE_BOXED_H_
