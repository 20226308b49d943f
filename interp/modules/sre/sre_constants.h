// interp/modules/sre/sre_constants.h - the numbers shared with re/_constants.py: opcodes,
// position (AT_*) and category (CATEGORY_*) codes, the INFO flags and the limits the
// module publishes.
//
// The numbering is the order of the OPCODES, ATCODES and CHCODES lists of CPython 3.11's
// re/_constants.py (MAGIC 20220615); the pure-Python compiler emits these numbers and the
// engine reads them, so a mismatch shows up as every pattern misbehaving.
#pragma once

#include <cstdint>

namespace interp::sre {

constexpr std::int64_t kMagic = 20220615;
constexpr std::int64_t kCodeSize = 4;
constexpr std::uint32_t kMaxRepeat = 0xffffffffu;
constexpr std::int64_t kMaxGroups = 0x7fffffff / 2;

enum Op : std::uint32_t {
  FAILURE,
  SUCCESS,
  ANY,
  ANY_ALL,
  ASSERT,
  ASSERT_NOT,
  AT,
  BRANCH,
  CATEGORY,
  CHARSET,
  BIGCHARSET,
  GROUPREF,
  GROUPREF_EXISTS,
  IN,
  INFO,
  JUMP,
  LITERAL,
  MARK,
  MAX_UNTIL,
  MIN_UNTIL,
  NOT_LITERAL,
  NEGATE,
  RANGE,
  REPEAT,
  REPEAT_ONE,
  SUBPATTERN,
  MIN_REPEAT_ONE,
  ATOMIC_GROUP,
  POSSESSIVE_REPEAT,
  POSSESSIVE_REPEAT_ONE,
  GROUPREF_IGNORE,
  IN_IGNORE,
  LITERAL_IGNORE,
  NOT_LITERAL_IGNORE,
  GROUPREF_LOC_IGNORE,
  IN_LOC_IGNORE,
  LITERAL_LOC_IGNORE,
  NOT_LITERAL_LOC_IGNORE,
  GROUPREF_UNI_IGNORE,
  IN_UNI_IGNORE,
  LITERAL_UNI_IGNORE,
  NOT_LITERAL_UNI_IGNORE,
  RANGE_UNI_IGNORE,
  kOpCount
};

enum At : std::uint32_t {
  AT_BEGINNING,
  AT_BEGINNING_LINE,
  AT_BEGINNING_STRING,
  AT_BOUNDARY,
  AT_NON_BOUNDARY,
  AT_END,
  AT_END_LINE,
  AT_END_STRING,
  AT_LOC_BOUNDARY,
  AT_LOC_NON_BOUNDARY,
  AT_UNI_BOUNDARY,
  AT_UNI_NON_BOUNDARY,
  kAtCount
};

enum Category : std::uint32_t {
  CATEGORY_DIGIT,
  CATEGORY_NOT_DIGIT,
  CATEGORY_SPACE,
  CATEGORY_NOT_SPACE,
  CATEGORY_WORD,
  CATEGORY_NOT_WORD,
  CATEGORY_LINEBREAK,
  CATEGORY_NOT_LINEBREAK,
  CATEGORY_LOC_WORD,
  CATEGORY_LOC_NOT_WORD,
  CATEGORY_UNI_DIGIT,
  CATEGORY_UNI_NOT_DIGIT,
  CATEGORY_UNI_SPACE,
  CATEGORY_UNI_NOT_SPACE,
  CATEGORY_UNI_WORD,
  CATEGORY_UNI_NOT_WORD,
  CATEGORY_UNI_LINEBREAK,
  CATEGORY_UNI_NOT_LINEBREAK,
  kCategoryCount
};

// The flags word of an INFO block.
enum InfoFlag : std::uint32_t { INFO_PREFIX = 1, INFO_LITERAL = 2, INFO_CHARSET = 4 };

// Pattern flags (re.I, re.L, ...) as the module sees them.
enum Flag : std::int64_t {
  FLAG_TEMPLATE = 1,
  FLAG_IGNORECASE = 2,
  FLAG_LOCALE = 4,
  FLAG_MULTILINE = 8,
  FLAG_DOTALL = 16,
  FLAG_UNICODE = 32,
  FLAG_VERBOSE = 64,
  FLAG_DEBUG = 128,
  FLAG_ASCII = 256,
};

} // namespace interp::sre
