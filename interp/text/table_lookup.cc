// Binary searches over the generated Unicode tables of unicode_tables.cc.
#include <algorithm>

#include "interp/text/unicode_tables.h"

namespace interp::text::tables {

bool in_ranges(const CodePointRange* ranges, std::size_t size, char32_t cp) {
  const CodePointRange* end = ranges + size;
  const CodePointRange* it = std::upper_bound(
      ranges, end, cp, [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != ranges && cp <= (it - 1)->last;
}

const NumericRun* find_numeric_run(char32_t cp) {
  const NumericRun* end = numeric_runs + numeric_runs_size;
  const NumericRun* it = std::upper_bound(
      numeric_runs, end, cp, [](char32_t c, const NumericRun& r) { return c < r.first; });
  if (it == numeric_runs || cp > (it - 1)->last) return nullptr;
  return it - 1;
}

const SpecialCasing* find_special_casing(char32_t cp) {
  const SpecialCasing* end = special_casing + special_casing_size;
  const SpecialCasing* it = std::lower_bound(
      special_casing, end, cp, [](const SpecialCasing& s, char32_t c) { return s.code_point < c; });
  if (it == end || it->code_point != cp) return nullptr;
  return it;
}

namespace {

const WidthRun* find_width_run(const WidthRun* runs, std::size_t size, char32_t cp) {
  const WidthRun* it = std::upper_bound(runs, runs + size, cp,
                                        [](char32_t c, const WidthRun& r) { return c < r.first; });
  if (it == runs || cp > (it - 1)->last) return nullptr;
  return it - 1;
}

} // namespace

int east_asian_width(char32_t cp) {
  const WidthRun* run = find_width_run(east_asian_width_runs, east_asian_width_runs_size, cp);
  return run ? run->value : 0;
}

int east_asian_width_3_2(char32_t cp) {
  const WidthRun* run =
      find_width_run(east_asian_width_3_2_runs, east_asian_width_3_2_runs_size, cp);
  return run ? run->value : east_asian_width(cp);
}

const Change3_2* find_change_3_2(char32_t cp) {
  const Change3_2* end = changes_3_2 + changes_3_2_size;
  const Change3_2* it = std::lower_bound(
      changes_3_2, end, cp, [](const Change3_2& c, char32_t code) { return c.code_point < code; });
  if (it == end || it->code_point != cp) return nullptr;
  return it;
}

const char* decomposition_mapping(char32_t cp) {
  const Decomposition* end = decompositions + decompositions_size;
  const Decomposition* it = std::lower_bound(
      decompositions, end, cp, [](const Decomposition& d, char32_t c) { return d.code_point < c; });
  if (it == end || it->code_point != cp) return nullptr;
  return it->mapping;
}

} // namespace interp::text::tables
