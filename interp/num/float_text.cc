// Doubles to text in Python's layouts (see float_text.h).
#include "interp/num/float_text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace interp::num {
namespace {

// Enough for any scientific rendering with up to this many digits of precision; longer
// requests go to a heap buffer.
constexpr int kStackPrecision = 64;

// Splits std::to_chars scientific output "d.ddde+XX" (sign already absent) into digits.
DecimalDigits parse_scientific(std::string_view text) {
  DecimalDigits out;
  size_t e = text.find('e');
  for (size_t i = 0; i < e; ++i)
    if (text[i] != '.') out.digits.push_back(text[i]);
  int exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
  out.decimal_point = exponent + 1;
  if (out.digits.find_first_not_of('0') == std::string::npos) {
    out.digits = "0";
    out.decimal_point = 1;
  }
  return out;
}

std::string scientific_text(double magnitude, int precision) {
  std::vector<char> buffer(precision + 32);
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), magnitude,
                              std::chars_format::scientific, precision);
  return std::string(buffer.data(), result.ptr);
}

bool all_zero(const std::string& digits) {
  return digits.find_first_not_of('0') == std::string::npos;
}

// Rounds an exact digit string half to even so that it keeps its first `keep` digits.
// keep may be <= 0: the rounding unit is then at or above the first digit's place.
DecimalDigits round_exact_digits(const DecimalDigits& exact, int keep) {
  const std::string& d = exact.digits;
  if (keep >= static_cast<int>(d.size())) return exact;
  // With keep < 0 the value is below half a unit: it rounds to zero.
  if (keep < 0) return DecimalDigits{"0", 1};
  // Compare the dropped tail with half a unit of the last kept place.
  int versus_half = d[keep] < '5' ? -1 : d[keep] > '5' ? 1 : all_zero(d.substr(keep + 1)) ? 0 : 1;
  std::string kept = d.substr(0, keep);
  DecimalDigits out{kept, exact.decimal_point};
  bool last_odd = !kept.empty() && ((kept.back() - '0') & 1);
  if (versus_half > 0 || (versus_half == 0 && last_odd)) {
    int i = static_cast<int>(out.digits.size()) - 1;
    while (i >= 0 && out.digits[i] == '9')
      out.digits[i--] = '0';
    if (i >= 0) {
      ++out.digits[i];
    } else {
      out.digits.insert(out.digits.begin(), '1');
      ++out.decimal_point;
    }
  }
  if (out.digits.empty() || all_zero(out.digits)) return DecimalDigits{"0", 1};
  return out;
}

// The exact decimal value of |x| (a double has at most 767 significant digits).
DecimalDigits exact_digits(double magnitude) {
  DecimalDigits d = parse_scientific(scientific_text(magnitude, 800));
  size_t last = d.digits.find_last_not_of('0');
  d.digits.resize(last == std::string::npos ? 1 : last + 1);
  return d;
}

std::string exponent_suffix(int exponent, bool upper) {
  std::string out(1, upper ? 'E' : 'e');
  out.push_back(exponent < 0 ? '-' : '+');
  int magnitude = std::abs(exponent);
  if (magnitude < 10) out.push_back('0');
  out += std::to_string(magnitude);
  return out;
}

} // namespace

DecimalDigits shortest_digits(double x) {
  char buffer[64];
  auto result =
      std::to_chars(buffer, buffer + sizeof buffer, std::fabs(x), std::chars_format::scientific);
  return parse_scientific(std::string_view(buffer, result.ptr - buffer));
}

DecimalDigits significant_digits(double x, int count) {
  if (count < 1) count = 1;
  if (count - 1 <= kStackPrecision) {
    char buffer[kStackPrecision + 40];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(x),
                                std::chars_format::scientific, count - 1);
    return parse_scientific(std::string_view(buffer, result.ptr - buffer));
  }
  return parse_scientific(scientific_text(std::fabs(x), count - 1));
}

DecimalDigits fixed_digits(double x, int places) {
  double magnitude = std::fabs(x);
  if (magnitude == 0) return DecimalDigits{"0", 1};
  DecimalDigits exact = exact_digits(magnitude);
  // Keep the digits whose weight is >= 10**-places.
  return round_exact_digits(exact, exact.decimal_point + places);
}

std::string float_to_string(double x, char code, int precision, FloatTextFlags flags) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char lower_code = static_cast<char>(std::tolower(static_cast<unsigned char>(code)));
  std::string sign;
  if (std::isnan(x)) {
    if (flags.always_sign) sign = "+";
    return sign + (upper ? "NAN" : "nan");
  }
  bool negative = std::signbit(x);
  if (std::isinf(x)) {
    sign = negative ? "-" : (flags.always_sign ? "+" : "");
    return sign + (upper ? "INF" : "inf");
  }

  DecimalDigits d;
  bool use_exp = false;
  // Digits after the point the layout must show (zeros pad); -1 means "as many as needed".
  int min_fraction = -1;
  // For '#g': the total significant digits to show.
  int min_significant = -1;
  switch (lower_code) {
  case 'e':
    d = significant_digits(x, precision + 1);
    use_exp = true;
    min_fraction = precision;
    break;
  case 'f':
    if (precision <= kStackPrecision) {
      char buffer[400];
      auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(x),
                                  std::chars_format::fixed, precision);
      std::string text(buffer, result.ptr);
      size_t point = text.find('.');
      std::string integer = text.substr(0, point);
      std::string all = integer + (point == std::string::npos ? "" : text.substr(point + 1));
      size_t nonzero = all.find_first_not_of('0');
      if (nonzero == std::string::npos) {
        d = DecimalDigits{"0", 1};
      } else {
        d.digits = all.substr(nonzero);
        d.decimal_point = static_cast<int>(integer.size()) - static_cast<int>(nonzero);
      }
    } else {
      d = fixed_digits(x, precision);
    }
    min_fraction = precision;
    break;
  case 'g': {
    int p = precision == 0 ? 1 : precision;
    d = significant_digits(x, p);
    if (!flags.alternate) {
      size_t last = d.digits.find_last_not_of('0');
      d.digits.resize(last == std::string::npos ? 1 : last + 1);
    } else {
      min_significant = p;
    }
    int limit = flags.add_dot_0 ? p - 1 : p;
    use_exp = d.decimal_point < -3 || d.decimal_point > limit;
    break;
  }
  default: // 'r'
    d = shortest_digits(x);
    use_exp = d.decimal_point < -3 || d.decimal_point > 16;
    break;
  }
  if (all_zero(d.digits)) {
    d.digits = "0";
    d.decimal_point = 1;
    if (flags.no_negative_zero) negative = false;
  }
  sign = negative ? "-" : (flags.always_sign ? "+" : "");

  std::string integer, fraction;
  int n = static_cast<int>(d.digits.size());
  if (use_exp) {
    integer = d.digits.substr(0, 1);
    fraction = d.digits.substr(1);
    if (min_significant > 0) min_fraction = min_significant - 1;
  } else if (d.decimal_point <= 0) {
    integer = "0";
    fraction = std::string(-d.decimal_point, '0') + d.digits;
    if (min_significant > 0) min_fraction = -d.decimal_point + min_significant;
  } else {
    if (d.decimal_point >= n) {
      integer = d.digits + std::string(d.decimal_point - n, '0');
    } else {
      integer = d.digits.substr(0, d.decimal_point);
      fraction = d.digits.substr(d.decimal_point);
    }
    if (min_significant > 0) min_fraction = min_significant - d.decimal_point;
  }
  if (min_fraction > static_cast<int>(fraction.size()))
    fraction.append(min_fraction - fraction.size(), '0');

  std::string out = sign + integer;
  if (!fraction.empty()) {
    out += '.';
    out += fraction;
  } else if (flags.add_dot_0 && !use_exp && (lower_code == 'r' || !flags.alternate)) {
    // repr's ".0" wins over '#' (format(1.0, '#') is "1.0"), but 'g' keeps its bare point
    // (format(1.0, '#.0') is "1.").
    out += ".0";
  } else if (flags.alternate) {
    out += '.';
  }
  if (use_exp) out += exponent_suffix(d.decimal_point - 1, upper);
  return out;
}

std::string float_repr(double x) {
  FloatTextFlags flags;
  flags.add_dot_0 = true;
  return float_to_string(x, 'r', 0, flags);
}

} // namespace interp::num
