// The two storage forms that text algorithms run over, and which language type a
// narrow buffer belongs to.
//
// A Python str is stored either as one byte per code point (all-ASCII text) or as
// UTF-32; `bytes` is stored as bytes. Algorithms are written once over a CodeUnit.
// A narrow (char) buffer may be an ASCII str or a bytes object, and the two disagree
// on what counts as whitespace or a line break (str: \x1c-\x1f, \x85, ...; bytes:
// ASCII only), so the algorithms that care take a Flavor.
#pragma once

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>

namespace interp::text {

template <typename T>
concept CodeUnit = std::same_as<T, char> || std::same_as<T, char32_t>;

// Which Python type's rules apply to a buffer.
enum class Flavor { str, bytes };

// The ordinal of a code unit: a byte value 0..255 or a code point.
template <CodeUnit C> constexpr char32_t ordinal(C c) {
  if constexpr (std::same_as<C, char>) {
    return static_cast<unsigned char>(c);
  } else {
    return c;
  }
}

// Python's sizes and indices are signed (Py_ssize_t).
using Index = std::ptrdiff_t;

template <CodeUnit C> using View = std::basic_string_view<C>;
template <CodeUnit C> using String = std::basic_string<C>;

} // namespace interp::text
