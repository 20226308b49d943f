// How interp/text reports a failure to its caller: no exceptions, a value that is
// either the result or the Python exception to raise (type and CPython's message).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace interp::text {

// The Python exception type a text error becomes.
enum class TextErrorKind { value_error, lookup_error, overflow_error };

struct TextError {
  TextErrorKind kind;
  std::string message;
};

template <typename T> class TextResult {
public:
  TextResult(T value) : state_(std::move(value)) {}
  TextResult(TextError error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  const T& value() const { return std::get<0>(state_); }
  T& value() { return std::get<0>(state_); }
  const TextError& error() const { return std::get<1>(state_); }

private:
  std::variant<T, TextError> state_;
};

} // namespace interp::text
