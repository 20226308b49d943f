// Unicode character names for the \N{...} escape of string literals.
#pragma once

#include <optional>
#include <string_view>

namespace interp::parse {

// The code point named `name` (exact, upper-case as Unicode writes it), as python3.11's
// unicodedata.lookup finds character names; nullopt when there is none.
std::optional<char32_t> lookup_unicode_name(std::string_view name);

} // namespace interp::parse
