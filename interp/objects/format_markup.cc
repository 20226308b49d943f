// interp/objects/format_markup.cc - parsing format strings and field names (see the header).
#include "interp/objects/format_markup.h"

namespace interp {

bool all_digits(const std::u32string& s) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool digits_value(const std::u32string& s, std::int64_t& out) {
  out = 0;
  for (char32_t c : s) {
    if (out > (std::int64_t(1) << 58)) return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

ParseStep FormatMarkup::next(FormatPiece& piece, std::string& error) {
  piece = FormatPiece{};
  std::size_t n = s_.size();
  if (pos_ >= n) return ParseStep::end;
  // Literal text, up to a field or a doubled brace (which ends the piece).
  while (true) {
    if (pos_ >= n) return ParseStep::piece;
    char32_t c = s_[pos_];
    if (c != '{' && c != '}') {
      piece.literal += c;
      ++pos_;
      continue;
    }
    if (pos_ + 1 < n && s_[pos_ + 1] == c) {
      piece.literal += c;
      pos_ += 2;
      return ParseStep::piece;
    }
    if (c == '}') {
      error = "Single '}' encountered in format string";
      return ParseStep::error;
    }
    if (++pos_ >= n) {
      error = "Single '{' encountered in format string";
      return ParseStep::error;
    }
    break;
  }
  // The field name ends at '}', ':' or '!' outside brackets; inside them anything goes.
  std::size_t start = pos_;
  bool in_bracket = false;
  while (pos_ < n) {
    char32_t c = s_[pos_];
    if (in_bracket) {
      if (c == ']') in_bracket = false;
    } else if (c == '[') {
      in_bracket = true;
    } else if (c == '{') {
      error = "unexpected '{' in field name";
      return ParseStep::error;
    } else if (c == '}' || c == ':' || c == '!') {
      break;
    }
    ++pos_;
  }
  if (pos_ >= n) {
    error = "expected '}' before end of string";
    return ParseStep::error;
  }
  piece.has_field = true;
  piece.field_name = s_.substr(start, pos_ - start);
  char32_t c = s_[pos_++];
  if (c == '}') return ParseStep::piece;
  if (c == '!') {
    if (pos_ >= n) {
      error = "end of string while looking for conversion specifier";
      return ParseStep::error;
    }
    piece.conversion = s_[pos_++];
    if (pos_ >= n) {
      error = "unmatched '{' in format spec";
      return ParseStep::error;
    }
    c = s_[pos_++];
    if (c == '}') return ParseStep::piece;
    if (c != ':') {
      error = "expected ':' after conversion specifier";
      return ParseStep::error;
    }
  }
  // The spec runs to the '}' that balances the field's '{'.
  start = pos_;
  int level = 1;
  for (; pos_ < n; ++pos_) {
    if (s_[pos_] == '{') ++level;
    if (s_[pos_] == '}' && --level == 0) break;
  }
  if (pos_ >= n) {
    error = "unmatched '{' in format spec";
    return ParseStep::error;
  }
  piece.spec = s_.substr(start, pos_ - start);
  ++pos_;
  return ParseStep::piece;
}

FieldName::FieldName(const std::u32string& field) : s_(field) {
  pos_ = 0;
  while (pos_ < s_.size() && s_[pos_] != '.' && s_[pos_] != '[')
    ++pos_;
  first_ = s_.substr(0, pos_);
}

bool FieldName::first_index(std::int64_t& out, bool& too_large) const {
  too_large = false;
  if (!all_digits(first_)) return false;
  too_large = !digits_value(first_, out);
  return !too_large;
}

ParseStep FieldName::next(FieldNamePart& part, std::string& error) {
  part = FieldNamePart{};
  std::size_t n = s_.size();
  if (pos_ >= n) return ParseStep::end;
  char32_t c = s_[pos_++];
  std::size_t start = pos_;
  if (c == '.') {
    while (pos_ < n && s_[pos_] != '.' && s_[pos_] != '[')
      ++pos_;
    part.is_attribute = true;
  } else if (c == '[') {
    while (pos_ < n && s_[pos_] != ']')
      ++pos_;
    if (pos_ >= n) {
      error = "Missing ']' in format string";
      return ParseStep::error;
    }
  } else {
    error = "Only '.' or '[' may follow ']' in format field specifier";
    return ParseStep::error;
  }
  part.key = s_.substr(start, pos_ - start);
  if (!part.is_attribute) ++pos_;
  if (part.key.empty()) {
    error = "Empty attribute in format string";
    return ParseStep::error;
  }
  if (!part.is_attribute && all_digits(part.key)) {
    part.is_index = digits_value(part.key, part.index);
    if (!part.is_index) {
      error = "Too many decimal digits in format string";
      return ParseStep::error;
    }
  }
  return ParseStep::piece;
}

} // namespace interp
