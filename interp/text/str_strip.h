// strip, lstrip and rstrip of str and bytes, by whitespace (per flavor) or by a set
// of code units. The result is a view into the input.
#pragma once

#include <optional>

#include "interp/text/code_unit.h"

namespace interp::text {

enum class StripSide { left, right, both };

// `chars` absent: strip whitespace (str: Python's isspace, bytes: ASCII whitespace).
template <CodeUnit C>
View<C> str_strip(View<C> s, std::optional<View<C>> chars, StripSide side, Flavor flavor);

} // namespace interp::text
