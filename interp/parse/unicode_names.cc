// Unicode character names both ways: a sorted name table (generated, see
// gen_unicode_names.py) with its aliases and named sequences, the "PREFIX-XXXX" families
// as ranges, and the Hangul syllables by their composition rule.
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

struct NameAlias {
  const char* name;
  char32_t code;
};

struct NamedSequence {
  const char* name;
  const char32_t* codes;
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

// Indexes into kCodes (and name_offsets()) sorted by code point: built once, immutable
// afterwards.
const std::vector<unsigned>& by_code_point() {
  static const std::vector<unsigned> order = [] {
    std::vector<unsigned> v(std::size(kCodes));
    for (unsigned i = 0; i < v.size(); i++)
      v[i] = i;
    std::sort(v.begin(), v.end(), [](unsigned a, unsigned b) { return kCodes[a] < kCodes[b]; });
    return v;
  }();
  return order;
}

std::string ascii_upper(std::string_view name) {
  std::string upper(name);
  for (char& c : upper)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return upper;
}

constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";

// A name of family f ("PREFIX-XXXX"), already known to start with its prefix. The CJK
// unified ideographs (family 0) are named by rule and take 4 or 5 upper-case hex digits;
// the other families are listed names, so only their one spelling ("%04X") matches.
std::optional<char32_t> family_member(int f, std::string_view hex) {
  if (hex.size() < 4 || hex.size() > 5) return std::nullopt;
  for (char c : hex)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return std::nullopt;
  unsigned value = 0;
  auto [p, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (ec != std::errc() || p != hex.data() + hex.size()) return std::nullopt;
  if (f != 0 && hex.size() == 5 && hex[0] == '0') return std::nullopt;
  for (const auto& r : kFamilyRanges)
    if (r.family == f && value >= r.lo && value <= r.hi) return static_cast<char32_t>(value);
  return std::nullopt;
}

} // namespace

std::optional<char32_t> lookup_unicode_name(std::string_view name, bool aliases) {
  // The rule-made names match only as written.
  if (name.starts_with(kHangulPrefix)) {
    if (auto cp = hangul(name.substr(kHangulPrefix.size()))) return cp;
  }
  std::string_view unified = kFamilies[0];
  if (name.starts_with(unified)) {
    if (auto cp = family_member(0, name.substr(unified.size()))) return cp;
  }
  // Listed names and aliases match in any case.
  std::string upper = ascii_upper(name);
  for (int f = 1; f < static_cast<int>(std::size(kFamilies)); f++) {
    std::string_view prefix = kFamilies[f];
    if (upper.starts_with(prefix))
      return family_member(f, std::string_view(upper).substr(prefix.size()));
  }
  const auto& offsets = name_offsets();
  auto it = std::lower_bound(offsets.begin(), offsets.end(), std::string_view(upper),
                             [](unsigned off, std::string_view key) { return name_at(off) < key; });
  if (it != offsets.end() && name_at(*it) == upper) return kCodes[it - offsets.begin()];
  if (!aliases) return std::nullopt;
  auto alias =
      std::lower_bound(std::begin(kAliases), std::end(kAliases), std::string_view(upper),
                       [](const NameAlias& a, std::string_view key) { return a.name < key; });
  if (alias != std::end(kAliases) && alias->name == upper) return alias->code;
  return std::nullopt;
}

std::optional<std::u32string_view> lookup_named_sequence(std::string_view name) {
  std::string upper = ascii_upper(name);
  auto it =
      std::lower_bound(std::begin(kSequences), std::end(kSequences), std::string_view(upper),
                       [](const NamedSequence& s, std::string_view key) { return s.name < key; });
  if (it != std::end(kSequences) && it->name == upper) return std::u32string_view(it->codes);
  return std::nullopt;
}

std::optional<std::string> unicode_name(char32_t cp) {
  if (cp >= 0xAC00 && cp <= 0xD7A3) {
    unsigned index = cp - 0xAC00;
    std::string out(kHangulPrefix);
    out += kJamoL[index / (21 * 28)];
    out += kJamoV[index / 28 % 21];
    out += kJamoT[index % 28];
    return out;
  }
  for (const auto& r : kFamilyRanges)
    if (cp >= r.lo && cp <= r.hi) {
      char hex[8];
      auto [end, ec] = std::to_chars(hex, hex + sizeof hex, static_cast<unsigned>(cp), 16);
      std::string digits(hex, end);
      for (char& c : digits)
        if (c >= 'a' && c <= 'f') c = static_cast<char>(c - 'a' + 'A');
      if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
      return std::string(kFamilies[r.family]) + digits;
    }
  const auto& order = by_code_point();
  auto it = std::lower_bound(order.begin(), order.end(), cp,
                             [](unsigned i, char32_t c) { return kCodes[i] < c; });
  if (it == order.end() || kCodes[*it] != cp) return std::nullopt;
  return std::string(name_at(name_offsets()[*it]));
}

} // namespace interp::parse
