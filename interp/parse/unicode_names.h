// Unicode character names: the \N{...} escape of string literals and the unicodedata
// module's name() and lookup(), as python3.11 (Unicode 14.0) knows them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace interp::parse {

// The code point named `name`, as python3.11's unicodedata.lookup and \N{...} find
// character names and their aliases: the algorithmic names of the Hangul syllables and of
// the CJK unified ideographs only as Unicode writes them (upper case), every other name in
// any ASCII case; nullopt when there is none. `aliases` false: formal names only.
std::optional<char32_t> lookup_unicode_name(std::string_view name, bool aliases = true);

// The code points of the named sequence `name` (NamedSequences.txt, in any ASCII case),
// which unicodedata.lookup accepts and \N{...} does not; nullopt when there is none.
std::optional<std::u32string_view> lookup_named_sequence(std::string_view name);

// The name of `cp` (upper case, as unicodedata.name gives it); nullopt for code points
// without one (controls, unassigned, private use, surrogates).
std::optional<std::string> unicode_name(char32_t cp);

} // namespace interp::parse
