// The error-or-value type that every function of the float and format library returns.
// The library never throws: a failure carries the Python exception class the caller must
// raise and CPython 3.11's exact message, so the interpreter can build the exception
// without knowing why it happened.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace interp::num {

enum class FloatErrorKind {
  ValueError,
  OverflowError,
  ZeroDivisionError,
};

struct FloatError {
  FloatErrorKind kind;
  // str() of the exception CPython raises.
  std::string message;
  // Nonzero when CPython raises the error from errno (OverflowError of float pow): the
  // exception's args are then (errno_value, strerror_text), and `message` is their repr
  // as a tuple, which is what str() of such an exception shows.
  int errno_value = 0;
  std::string strerror_text;
};

template <class T> class FloatResult {
public:
  FloatResult(T value) : state_(std::move(value)) {}
  FloatResult(FloatError error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const T& operator*() const { return value(); }
  const T* operator->() const { return &value(); }
  const FloatError& error() const { return std::get<1>(state_); }

private:
  std::variant<T, FloatError> state_;
};

inline FloatError value_error(std::string message) {
  return FloatError{FloatErrorKind::ValueError, std::move(message)};
}
inline FloatError overflow_error(std::string message) {
  return FloatError{FloatErrorKind::OverflowError, std::move(message)};
}
inline FloatError zero_division_error(std::string message) {
  return FloatError{FloatErrorKind::ZeroDivisionError, std::move(message)};
}

} // namespace interp::num
