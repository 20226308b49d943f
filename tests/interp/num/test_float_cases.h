// Reads the case tables that gen_float_cases.py / gen_format_cases.py write from CPython
// 3.11: one case a line, tab-separated, backslash escapes, doubles as bit patterns.
#pragma once

#include <bit>
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "interp/num/float_result.h"

namespace test_cases {

inline std::string unescape(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 >= field.size()) {
      out.push_back(field[i]);
      continue;
    }
    char c = field[++i];
    if (c == 't')
      out.push_back('\t');
    else if (c == 'n')
      out.push_back('\n');
    else if (c == 'x') {
      out.push_back(static_cast<char>(std::stoi(field.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else
      out.push_back(c);
  }
  return out;
}

// Cases grouped by their kind (the first field); each case is its remaining fields.
using CaseTable = std::map<std::string, std::vector<std::vector<std::string>>>;

inline CaseTable read_cases(const std::string& path) {
  CaseTable table;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(unescape(line.substr(start, tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    std::string kind = fields.front();
    fields.erase(fields.begin());
    table[kind].push_back(std::move(fields));
  }
  return table;
}

inline double from_bits(const std::string& hex) {
  return std::bit_cast<double>(static_cast<std::uint64_t>(std::stoull(hex, nullptr, 16)));
}

inline std::string to_bits(double x) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(std::bit_cast<std::uint64_t>(x)));
  return buffer;
}

inline const char* kind_name(interp::num::FloatErrorKind kind) {
  switch (kind) {
  case interp::num::FloatErrorKind::ValueError:
    return "ValueError";
  case interp::num::FloatErrorKind::OverflowError:
    return "OverflowError";
  case interp::num::FloatErrorKind::ZeroDivisionError:
    return "ZeroDivisionError";
  }
  return "?";
}

// The table's spelling of an outcome: the value's encoding, or "!Kind:message".
template <class T, class Encode>
std::string outcome(const interp::num::FloatResult<T>& result, Encode encode) {
  if (result.ok()) return encode(result.value());
  return std::string("!") + kind_name(result.error().kind) + ":" + result.error().message;
}

// Python's repr() of a str, enough for the test texts (printable text, plus \t \n \r).
inline std::string python_repr(std::string_view text) {
  bool has_single = text.find('\'') != std::string_view::npos;
  bool has_double = text.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\t')
      out += "\\t";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (static_cast<unsigned char>(c) < 32 || c == 127) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned char>(c));
      out += buffer;
    } else
      out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

} // namespace test_cases
