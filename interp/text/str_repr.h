// repr() of str and bytes, and ascii() of str, as CPython 3.11 writes them.
//
// Quotes are ' unless the text contains ' and no ", then ". \\, the quote, \t, \n and
// \r are escaped; other characters that are not printable (str.isprintable) become
// \xNN, \uNNNN or \UNNNNNNNN. ascii() also escapes every non-ASCII character. bytes
// escape everything outside 0x20..0x7e as \xNN. A narrow str must be ASCII.
#pragma once

#include <string>

#include "interp/text/code_unit.h"

namespace interp::text {

// repr(str); the result is a str in the same storage form as the input.
template <CodeUnit C> String<C> str_repr(View<C> s);
// ascii(str): repr with all non-ASCII characters escaped; always ASCII.
template <CodeUnit C> std::string str_ascii(View<C> s);
// repr(bytes), with the b prefix. `escape_single_quote`: bytearray's repr, which escapes
// ' even inside "..." (CPython's bytearray_repr does).
std::string bytes_repr(std::string_view b, bool escape_single_quote = false);

} // namespace interp::text
