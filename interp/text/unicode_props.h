// Character properties of one code point as CPython 3.11's str methods define them.
//
// Categories and bidirectional classes come from utf8proc (whose data is Unicode
// 15.0, one version newer than CPython 3.11's 14.0: characters assigned in 15.0 are
// the known differences); numeric values, Other_Lowercase/Other_Uppercase and the
// Word_Break part of Case_Ignorable come from the transcribed tables of
// unicode_tables.h. Every function is pure and thread-safe.
#pragma once

#include <optional>

namespace interp::text {

bool is_alpha(char32_t cp);     // categories Lu Ll Lt Lm Lo
bool is_decimal(char32_t cp);   // has a decimal digit value (category Nd)
bool is_digit(char32_t cp);     // has a digit value (decimals, superscripts, circled...)
bool is_numeric(char32_t cp);   // has any numeric value (includes Han numerals, fractions)
bool is_alnum(char32_t cp);     // alpha or decimal or digit or numeric
bool is_space(char32_t cp);     // bidi class WS, B or S, or category Zs
bool is_linebreak(char32_t cp); // a line boundary of str.splitlines
bool is_printable(char32_t cp); // not Cc Cf Cs Co Cn Zl Zp Zs, except U+0020
bool is_lower(char32_t cp);     // Unicode Lowercase: Ll or Other_Lowercase
bool is_upper(char32_t cp);     // Unicode Uppercase: Lu or Other_Uppercase
bool is_titlecase(char32_t cp); // category Lt
bool is_cased(char32_t cp);     // lowercase, uppercase or titlecase
bool is_case_ignorable(char32_t cp);

// The values behind int(), float() and unicodedata.decimal/digit/numeric.
std::optional<int> decimal_value(char32_t cp);
std::optional<int> digit_value(char32_t cp);
std::optional<double> numeric_value(char32_t cp);

} // namespace interp::text
