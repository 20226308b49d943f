// interp/objects/format_markup.h - the grammar of str.format strings, apart from what the
// fields mean: splitting a format string into literal text and replacement fields, and a
// field name into its first part and the attribute and index lookups after it. str.format
// walks these to format; the _string module hands them to string.Formatter. Both parse
// lazily, as CPython does, so an error late in a format string is raised only after the
// fields before it were formatted.
#pragma once

#include <cstdint>
#include <string>

namespace interp {

struct FormatPiece {
  std::u32string literal; // text before the field, with {{ and }} already undoubled
  bool has_field = false;
  std::u32string field_name;
  std::u32string spec;     // the format spec, nested fields not yet expanded
  char32_t conversion = 0; // 'r', 's', 'a' (unchecked), 0 for none
};

enum class ParseStep { piece, end, error };

class FormatMarkup {
public:
  explicit FormatMarkup(const std::u32string& format) : s_(format) {}
  // The next piece; on error, `error` is the ValueError's message.
  ParseStep next(FormatPiece& piece, std::string& error);

private:
  const std::u32string& s_;
  std::size_t pos_ = 0;
};

struct FieldNamePart {
  bool is_attribute = false; // .name (else [key])
  bool is_index = false;     // [digits]: `index` holds the number
  std::int64_t index = 0;
  std::u32string key;
};

class FieldName {
public:
  explicit FieldName(const std::u32string& field);
  // The part before the first '.' or '['.
  const std::u32string& first() const { return first_; }
  // first() as an index, when it is all digits (false if not, or too large:
  // `too_large` tells which).
  bool first_index(std::int64_t& out, bool& too_large) const;
  ParseStep next(FieldNamePart& part, std::string& error);

private:
  const std::u32string& s_;
  std::u32string first_;
  std::size_t pos_;
};

// Digits only, and at least one.
bool all_digits(const std::u32string& s);
// The value of a digit string, false when it would not fit.
bool digits_value(const std::u32string& s, std::int64_t& out);

} // namespace interp
