// Character properties over utf8proc's categories and the transcribed Unicode tables.
#include "interp/text/unicode_props.h"

#include <utf8proc.h>

#include "interp/text/unicode_tables.h"

namespace interp::text {
namespace {

constexpr char32_t max_code_point = 0x10FFFF;

const utf8proc_property_t& property(char32_t cp) {
  return *utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
}

int category(char32_t cp) {
  if (cp > max_code_point) return UTF8PROC_CATEGORY_CN;
  return property(cp).category;
}

bool is_ascii_alpha(char32_t cp) {
  return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

} // namespace

bool is_alpha(char32_t cp) {
  if (cp < 0x80) return is_ascii_alpha(cp);
  switch (category(cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
    return true;
  default:
    return false;
  }
}

bool is_decimal(char32_t cp) {
  return decimal_value(cp).has_value();
}
bool is_digit(char32_t cp) {
  return digit_value(cp).has_value();
}
bool is_numeric(char32_t cp) {
  return numeric_value(cp).has_value();
}

bool is_alnum(char32_t cp) {
  if (cp < 0x80) return is_ascii_alpha(cp) || (cp >= '0' && cp <= '9');
  return is_alpha(cp) || is_numeric(cp);
}

bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
  if (cp > max_code_point) return false;
  const utf8proc_property_t& p = property(cp);
  return p.category == UTF8PROC_CATEGORY_ZS || p.bidi_class == UTF8PROC_BIDI_CLASS_WS ||
         p.bidi_class == UTF8PROC_BIDI_CLASS_B || p.bidi_class == UTF8PROC_BIDI_CLASS_S;
}

bool is_linebreak(char32_t cp) {
  switch (cp) {
  case 0x0A:
  case 0x0B:
  case 0x0C:
  case 0x0D:
  case 0x1C:
  case 0x1D:
  case 0x1E:
  case 0x85:
  case 0x2028:
  case 0x2029:
    return true;
  default:
    return false;
  }
}

bool is_printable(char32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  switch (category(cp)) {
  case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_CS:
  case UTF8PROC_CATEGORY_CO:
  case UTF8PROC_CATEGORY_CN:
  case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP:
  case UTF8PROC_CATEGORY_ZS:
    return false;
  default:
    return true;
  }
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL ||
         tables::in_ranges(tables::other_lowercase, tables::other_lowercase_size, cp);
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return category(cp) == UTF8PROC_CATEGORY_LU ||
         tables::in_ranges(tables::other_uppercase, tables::other_uppercase_size, cp);
}

bool is_titlecase(char32_t cp) {
  return cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_LT;
}

bool is_cased(char32_t cp) {
  return is_lower(cp) || is_upper(cp) || is_titlecase(cp);
}

bool is_case_ignorable(char32_t cp) {
  switch (category(cp)) {
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_ME:
  case UTF8PROC_CATEGORY_CF:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_SK:
    return true;
  default:
    return tables::in_ranges(tables::word_break_case_ignorable,
                             tables::word_break_case_ignorable_size, cp);
  }
}

std::optional<int> decimal_value(char32_t cp) {
  if (cp < 0x80) {
    if (cp >= '0' && cp <= '9') return static_cast<int>(cp - '0');
    return std::nullopt;
  }
  const tables::NumericRun* run = tables::find_numeric_run(cp);
  if (run == nullptr || run->kind != tables::NumericKind::decimal) return std::nullopt;
  return static_cast<int>(run->numerator + (cp - run->first));
}

std::optional<int> digit_value(char32_t cp) {
  if (cp < 0x80) return decimal_value(cp);
  const tables::NumericRun* run = tables::find_numeric_run(cp);
  if (run == nullptr || run->kind == tables::NumericKind::numeric) return std::nullopt;
  return static_cast<int>(run->numerator + (cp - run->first));
}

std::optional<double> numeric_value(char32_t cp) {
  if (cp < 0x80) {
    if (auto d = decimal_value(cp)) return static_cast<double>(*d);
    return std::nullopt;
  }
  const tables::NumericRun* run = tables::find_numeric_run(cp);
  if (run == nullptr) return std::nullopt;
  return static_cast<double>(run->numerator + static_cast<long long>(cp - run->first)) /
         static_cast<double>(run->denominator);
}

} // namespace interp::text
