// Checks every code point's str properties, numeric values and case mappings against
// unicode_data.txt, which gen_unicode_data.py wrote from python3.11 (Unicode 14.0).
//
// utf8proc carries Unicode 15.0. A mismatch is tolerated only for a code point that
// was unassigned in 14.0 and is assigned in utf8proc's data (a character new in 15.0);
// such skips are counted and the count is pinned, so any other drift fails the test.
#define BOOST_TEST_MODULE unicode_data
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utf8proc.h>
#include <vector>

#include "interp/text/case_mapping.h"
#include "interp/text/identifiers.h"
#include "interp/text/str_predicates.h"
#include "interp/text/unicode_props.h"

using namespace interp::text;

namespace {

constexpr char32_t code_point_end = 0x110000;

struct PythonData {
  std::map<std::string, std::vector<bool>> properties;
  std::map<char32_t, std::pair<std::string, double>> numeric; // kind, value
  std::map<std::string, std::map<char32_t, std::u32string>> mappings;
};

PythonData load() {
  PythonData data;
  std::ifstream in(std::string(TEXT_TEST_DATA_DIR) + "/unicode_data.txt");
  BOOST_REQUIRE(in.good());
  std::string line;
  std::vector<bool>* current = nullptr;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string tag;
    fields >> tag;
    if (tag == "P") {
      std::string name;
      fields >> name;
      current = &data.properties[name];
      current->assign(code_point_end, false);
    } else if (tag == "V") {
      std::string kind;
      unsigned first, last;
      double value;
      fields >> kind >> std::hex >> first >> last >> std::dec >> value;
      for (unsigned cp = first; cp <= last; ++cp)
        data.numeric[cp] = {kind, value + (cp - first)};
    } else if (tag == "M") {
      std::string kind;
      unsigned first, last, stride;
      long delta;
      fields >> kind >> std::hex >> first >> last >> std::dec >> stride >> delta;
      for (unsigned cp = first; cp <= last; cp += stride)
        data.mappings[kind][cp] = std::u32string(1, static_cast<char32_t>(cp + delta));
    } else if (tag == "S") {
      std::string kind;
      unsigned cp, mapped;
      fields >> kind >> std::hex >> cp;
      std::u32string result;
      while (fields >> mapped)
        result += static_cast<char32_t>(mapped);
      data.mappings[kind][cp] = result;
    } else {
      unsigned first, last;
      std::istringstream range(line);
      range >> std::hex >> first >> last;
      for (unsigned cp = first; cp <= last; ++cp)
        (*current)[cp] = true;
    }
  }
  return data;
}

const PythonData& python() {
  static const PythonData data = load();
  return data;
}

bool new_in_utf8proc(char32_t cp) {
  return python().properties.at("unassigned14")[cp] &&
         utf8proc_category(static_cast<utf8proc_int32_t>(cp)) != UTF8PROC_CATEGORY_CN;
}

// Compares `ours` with python3.11's property `name` at every code point; returns how
// many mismatches were excused as characters new in Unicode 15.0.
int check_property(const std::string& name, const std::function<bool(char32_t)>& ours) {
  const std::vector<bool>& expected = python().properties.at(name);
  int skipped = 0;
  int failures = 0;
  for (char32_t cp = 0; cp < code_point_end; ++cp) {
    if (ours(cp) == expected[cp]) continue;
    if (new_in_utf8proc(cp)) {
      ++skipped;
      continue;
    }
    if (++failures <= 10) BOOST_ERROR(name << " differs at U+" << std::hex << unsigned(cp));
  }
  BOOST_TEST_MESSAGE(name << ": " << skipped << " code points new in Unicode 15.0 skipped");
  BOOST_CHECK_EQUAL(failures, 0);
  return skipped;
}

std::u32string one(char32_t cp) {
  return std::u32string(1, cp);
}

} // namespace

BOOST_AUTO_TEST_CASE(character_properties_match_python_at_every_code_point) {
  std::map<std::string, int> skipped;
  skipped["isalpha"] = check_property("isalpha", is_alpha);
  skipped["isdecimal"] = check_property("isdecimal", is_decimal);
  skipped["isdigit"] = check_property("isdigit", is_digit);
  skipped["isnumeric"] = check_property("isnumeric", is_numeric);
  skipped["isalnum"] = check_property("isalnum", is_alnum);
  skipped["isspace"] = check_property("isspace", is_space);
  skipped["isprintable"] = check_property("isprintable", is_printable);
  skipped["isupper"] = check_property("isupper", is_upper);
  skipped["islower"] = check_property("islower", is_lower);
  skipped["istitlecase"] = check_property("istitlecase", is_titlecase);
  skipped["xid_start"] = check_property("xid_start", is_xid_start);
  skipped["xid_continue"] = check_property("xid_continue", is_xid_continue);
  skipped["linebreak"] = check_property("linebreak", is_linebreak);
  skipped["sigma_skips_or_cased"] = check_property(
      "sigma_skips_or_cased", [](char32_t cp) { return is_case_ignorable(cp) || is_cased(cp); });
  // The string-level predicates over a one-character str agree with the per-character ones.
  skipped["istitle"] = check_property("istitle", [](char32_t cp) {
    std::u32string s = one(cp);
    return str_istitle<char32_t>(s, Flavor::str);
  });
  // Characters new in Unicode 15.0 (most of them CJK Extension H, U+31350..U+323AF;
  // below U+30000: Kawi, Nag Mundari, Arabic and Devanagari extensions, Kaktovik
  // numerals, Egyptian format controls...). Their number is fixed by the two data sets.
  const std::map<std::string, int> expected_skips = {{"isalnum", 4348},
                                                     {"isalpha", 4348},
                                                     {"isdecimal", 0},
                                                     {"isdigit", 0},
                                                     {"islower", 6},
                                                     {"isnumeric", 0},
                                                     {"isprintable", 4482},
                                                     {"isspace", 0},
                                                     {"istitle", 0},
                                                     {"istitlecase", 0},
                                                     {"isupper", 0},
                                                     {"linebreak", 0},
                                                     {"sigma_skips_or_cased", 111},
                                                     {"xid_continue", 4410},
                                                     {"xid_start", 4348}};
  BOOST_CHECK(skipped == expected_skips);
  int below_30000 = 0;
  for (char32_t cp = 0; cp < 0x30000; ++cp)
    below_30000 += new_in_utf8proc(cp);
  BOOST_CHECK_EQUAL(below_30000, 297);
}

BOOST_AUTO_TEST_CASE(numeric_values_match_python_at_every_code_point) {
  int failures = 0;
  for (char32_t cp = 0; cp < code_point_end; ++cp) {
    auto it = python().numeric.find(cp);
    std::optional<int> dec = decimal_value(cp);
    std::optional<int> dig = digit_value(cp);
    std::optional<double> num = numeric_value(cp);
    bool ok;
    if (it == python().numeric.end()) {
      ok = !dec && !dig && !num;
    } else {
      const auto& [kind, value] = it->second;
      ok = num && *num == value && dec.has_value() == (kind == "decimal") &&
           dig.has_value() == (kind != "numeric") && (!dig || *dig == value) &&
           (!dec || *dec == value);
    }
    if (!ok && ++failures <= 10)
      BOOST_ERROR("numeric value differs at U+" << std::hex << unsigned(cp));
  }
  BOOST_CHECK_EQUAL(failures, 0);
  BOOST_CHECK_EQUAL(*decimal_value(U'\u0663'), 3);
  BOOST_CHECK_EQUAL(*numeric_value(U'\u00BD'), 0.5);
  BOOST_CHECK(!decimal_value(U'\u00B2'));
  BOOST_CHECK_EQUAL(*digit_value(U'\u00B2'), 2);
}

BOOST_AUTO_TEST_CASE(case_mappings_match_python_at_every_code_point) {
  using Mapper = std::u32string (*)(std::u32string_view);
  const std::map<std::string, Mapper> ours = {
      {"lower", [](std::u32string_view s) { return str_lower<char32_t>(s); }},
      {"upper", [](std::u32string_view s) { return str_upper<char32_t>(s); }},
      {"title", [](std::u32string_view s) { return str_title<char32_t>(s); }},
      {"casefold", [](std::u32string_view s) { return str_casefold<char32_t>(s); }},
      {"swapcase", [](std::u32string_view s) { return str_swapcase<char32_t>(s); }},
  };
  int total_skipped = 0;
  for (const auto& [kind, mapper] : ours) {
    const auto& expected_map = python().mappings.at(kind);
    int failures = 0;
    int skipped = 0;
    for (char32_t cp = 0; cp < code_point_end; ++cp) {
      auto it = expected_map.find(cp);
      std::u32string expected = it == expected_map.end() ? one(cp) : it->second;
      if (mapper(one(cp)) == expected) continue;
      if (new_in_utf8proc(cp)) {
        ++skipped;
        continue;
      }
      if (++failures <= 10) BOOST_ERROR(kind << " differs at U+" << std::hex << unsigned(cp));
    }
    BOOST_CHECK_EQUAL(failures, 0);
    total_skipped += skipped;
  }
  BOOST_TEST_MESSAGE("case mappings: " << total_skipped << " skips of Unicode 15.0 characters");
}
