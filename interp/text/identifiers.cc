// XID_Start / XID_Continue as category tests corrected by the Unicode 14.0 tables.
#include "interp/text/identifiers.h"

#include <utf8proc.h>

#include "interp/text/unicode_tables.h"

namespace interp::text {
namespace {

bool category_start(int category) {
  switch (category) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_NL:
    return true;
  default:
    return false;
  }
}

bool category_continue(int category) {
  switch (category) {
  case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ND:
  case UTF8PROC_CATEGORY_PC:
    return true;
  default:
    return category_start(category);
  }
}

int category_of(char32_t cp) {
  if (cp > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->category;
}

} // namespace

bool is_xid_start(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (tables::in_ranges(tables::xid_start_added, tables::xid_start_added_size, cp)) return true;
  if (tables::in_ranges(tables::xid_start_removed, tables::xid_start_removed_size, cp))
    return false;
  return category_start(category_of(cp));
}

bool is_xid_continue(char32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  if (tables::in_ranges(tables::xid_continue_added, tables::xid_continue_added_size, cp))
    return true;
  if (tables::in_ranges(tables::xid_continue_removed, tables::xid_continue_removed_size, cp))
    return false;
  return category_continue(category_of(cp));
}

template <CodeUnit C> bool is_identifier(View<C> text) {
  if (text.empty()) return false;
  char32_t first = ordinal(text[0]);
  if (first != '_' && !is_xid_start(first)) return false;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (!is_xid_continue(ordinal(text[i]))) return false;
  }
  return true;
}

template bool is_identifier<char>(View<char>);
template bool is_identifier<char32_t>(View<char32_t>);

} // namespace interp::text
