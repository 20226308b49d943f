// Code points, padding and grouping for the formatters (see format_text.h).
#include "interp/num/format_text.h"

#include <algorithm>

namespace interp::num {

std::u32string utf8_to_code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    int length = byte < 0x80           ? 1
                 : (byte >> 5) == 0x6  ? 2
                 : (byte >> 4) == 0xe  ? 3
                 : (byte >> 3) == 0x1e ? 4
                                       : 0;
    if (length == 0 || i + length > text.size()) {
      out.push_back(byte);
      ++i;
      continue;
    }
    char32_t c = length == 1 ? byte : byte & (0x7f >> length);
    bool valid = true;
    for (int k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) valid = false;
      c = (c << 6) | (next & 0x3f);
    }
    if (!valid) {
      out.push_back(byte);
      ++i;
      continue;
    }
    out.push_back(c);
    i += length;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  }
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++count;
  return count;
}

std::string_view first_code_points(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xc0) != 0x80) {
      if (seen == count) return text.substr(0, i);
      ++seen;
    }
  }
  return text;
}

std::string pad_aligned(std::string_view body, std::size_t body_width, char32_t fill, char align,
                        std::int64_t width) {
  std::int64_t padding = width - static_cast<std::int64_t>(body_width);
  if (padding <= 0) return std::string(body);
  std::int64_t left = align == '<' ? 0 : align == '^' ? padding / 2 : padding;
  std::int64_t right = padding - left;
  std::string fill_text;
  append_utf8(fill_text, fill);
  std::string out;
  out.reserve(body.size() + padding * fill_text.size());
  for (std::int64_t i = 0; i < left; ++i)
    out += fill_text;
  out += body;
  for (std::int64_t i = 0; i < right; ++i)
    out += fill_text;
  return out;
}

std::string group_digits(std::string_view digits, char separator, int group_size,
                         std::int64_t min_width) {
  auto grouped_length = [&](std::int64_t n) { return n + (n - 1) / group_size; };
  std::int64_t n = static_cast<std::int64_t>(digits.size());
  // The fewest digits whose grouped length reaches min_width. grouped_length grows by 1
  // or 2 per digit, so that first length never starts with a separator.
  std::int64_t count = n;
  if (min_width > 0) {
    count = std::max(n, min_width * group_size / (group_size + 1));
    while (count > n && grouped_length(count - 1) >= min_width)
      --count;
    while (grouped_length(count) < min_width)
      ++count;
  }
  std::int64_t zeros = count - n;
  std::string all(zeros, '0');
  all += digits;
  std::string out;
  std::int64_t total = static_cast<std::int64_t>(all.size());
  out.reserve(grouped_length(total));
  for (std::int64_t i = 0; i < total; ++i) {
    if (i > 0 && (total - i) % group_size == 0) out.push_back(separator);
    out.push_back(all[i]);
  }
  return out;
}

std::string group_integer_part(std::string_view number, char separator) {
  std::size_t begin = number.find_first_of("0123456789");
  if (begin == std::string_view::npos) return std::string(number);
  std::size_t end = number.find_first_not_of("0123456789", begin);
  if (end == std::string_view::npos) end = number.size();
  return std::string(number.substr(0, begin)) +
         group_digits(number.substr(begin, end - begin), separator, 3, 0) +
         std::string(number.substr(end));
}

} // namespace interp::num
