// Text building blocks shared by the formatters: UTF-8 code point handling (widths in
// Python count code points, not bytes), padding to a width with an alignment, and digit
// grouping with the zero padding that grouping implies.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace interp::num {

// Decodes UTF-8 leniently (a malformed byte stands for itself as one code point).
std::u32string utf8_to_code_points(std::string_view text);
void append_utf8(std::string& out, char32_t c);
std::size_t count_code_points(std::string_view text);
// The first `count` code points of text (all of it if shorter).
std::string_view first_code_points(std::string_view text, std::size_t count);

// Pads `body`, which is `body_width` code points wide, to `width` with `fill`: '<' pads
// on the right, '>' on the left, '^' on both sides (the extra one on the right).
std::string pad_aligned(std::string_view body, std::size_t body_width, char32_t fill, char align,
                        std::int64_t width);

// Inserts `separator` between groups of `group_size` digits, counting from the right.
// When min_width > 0 the digits are first extended with leading zeros until the grouped
// text is at least min_width long and does not start with a separator.
std::string group_digits(std::string_view digits, char separator, int group_size,
                         std::int64_t min_width);
// A formatted number ("-1234.5e+07", "+3.00", "inf") with its integer digits grouped in
// threes: "-1,234.5e+07".
std::string group_integer_part(std::string_view number, char separator);

} // namespace interp::num
