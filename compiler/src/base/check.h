// SPECC_CHECK: the assertion for bugs in specc itself. A failed check prints the file and
// line and aborts; it is never used for problems in the user's input (those are
// Diagnostics) nor for environmental failures (those are Result errors).
#ifndef SPECC_BASE_CHECK_H_
#define SPECC_BASE_CHECK_H_

#include <sstream>

namespace specc::internal {

// Collects the streamed message of a failed check and aborts when destroyed.
class CheckFailure {
 public:
  CheckFailure(const char* file, int line, const char* condition);
  [[noreturn]] ~CheckFailure();
  template <typename T>
  CheckFailure& operator<<(const T& value) {
    message_ << value;
    return *this;
  }

 private:
  std::ostringstream message_;
};

// Lets `SPECC_CHECK(c) << ...` be a void expression in both branches of the ternary.
struct Voidify {
  void operator&(const CheckFailure&) {}
};

}  // namespace specc::internal

#define SPECC_CHECK(condition)                  \
  (condition) ? (void)0                         \
              : ::specc::internal::Voidify() &  \
                    ::specc::internal::CheckFailure(__FILE__, __LINE__, #condition)

#endif  // SPECC_BASE_CHECK_H_
