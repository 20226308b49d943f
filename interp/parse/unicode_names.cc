// \N{...} lookup: a sorted name table (generated, see gen_unicode_names.py), the
// "PREFIX-XXXX" families as ranges, and the Hangul syllables by their composition rule.
#include "interp/parse/unicode_names.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace interp::parse {

namespace {

struct FamilyRange {
  int family;
  char32_t lo, hi;
};

#include "interp/parse/unicode_names_data.inc"

// Offsets of each name in kNames: built once, immutable afterwards.
const std::vector<unsigned>& name_offsets() {
  static const std::vector<unsigned> offsets = [] {
    std::vector<unsigned> v;
    unsigned start = 0;
    for (unsigned i = 0; i < sizeof(kNames) - 1; i++)
      if (kNames[i] == '\n') {
        v.push_back(start);
        start = i + 1;
      }
    return v;
  }();
  return offsets;
}

std::string_view name_at(unsigned offset) {
  std::string_view rest(kNames + offset);
  return rest.substr(0, rest.find('\n'));
}

constexpr std::array<std::string_view, 19> kJamoL = {"G", "GG", "N", "D",  "DD", "R", "M",
                                                     "B", "BB", "S", "SS", "",   "J", "JJ",
                                                     "C", "K",  "T", "P",  "H"};
constexpr std::array<std::string_view, 21> kJamoV = {"A",   "AE", "YA", "YAE", "EO", "E",  "YEO",
                                                     "YE",  "O",  "WA", "WAE", "OE", "YO", "U",
                                                     "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::array<std::string_view, 28> kJamoT = {
    "",   "G",  "GG", "GS", "N",  "NJ", "NH", "D",  "L", "LG", "LM", "LB", "LS", "LT",
    "LP", "LH", "M",  "B",  "BS", "S",  "SS", "NG", "J", "C",  "K",  "T",  "P",  "H"};

std::optional<char32_t> hangul(std::string_view rest) {
  // Longest match first for each part, as the composition is not prefix-free.
  for (int l = 0; l < 19; l++) {
    if (!rest.starts_with(kJamoL[l])) continue;
    std::string_view after_l = rest.substr(kJamoL[l].size());
    for (int v = 0; v < 21; v++) {
      if (!after_l.starts_with(kJamoV[v])) continue;
      std::string_view after_v = after_l.substr(kJamoV[v].size());
      for (int t = 0; t < 28; t++)
        if (after_v == kJamoT[t]) return static_cast<char32_t>(0xAC00 + (l * 21 + v) * 28 + t);
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<char32_t> lookup_unicode_name(std::string_view name) {
  if (name.starts_with("HANGUL SYLLABLE ")) {
    if (auto cp = hangul(name.substr(16))) return cp;
  }
  for (int f = 0; f < static_cast<int>(std::size(kFamilies)); f++) {
    std::string_view prefix = kFamilies[f];
    if (!name.starts_with(prefix)) continue;
    std::string_view hex = name.substr(prefix.size());
    if (hex.size() < 4 || hex.size() > 5) break;
    unsigned value = 0;
    auto [p, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (ec != std::errc() || p != hex.data() + hex.size()) break;
    for (const auto& r : kFamilyRanges)
      if (r.family == f && value >= r.lo && value <= r.hi) {
        // The hex part is written with upper-case digits, at least 4.
        for (char c : hex)
          if (c >= 'a' && c <= 'f') return std::nullopt;
        return static_cast<char32_t>(value);
      }
    break;
  }
  const auto& offsets = name_offsets();
  auto it = std::lower_bound(offsets.begin(), offsets.end(), name,
                             [](unsigned off, std::string_view key) { return name_at(off) < key; });
  if (it != offsets.end() && name_at(*it) == name) return kCodes[it - offsets.begin()];
  return std::nullopt;
}

} // namespace interp::parse
