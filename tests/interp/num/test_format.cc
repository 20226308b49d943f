// The format-spec mini-language and printf-style conversions against tables produced by
// CPython 3.11 (gen_format_cases.py writes format_cases.txt).
#define BOOST_TEST_MODULE interp_num_format
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "interp/num/format_percent.h"
#include "interp/num/format_spec.h"
#include "interp/num/format_value.h"
#include "tests/interp/num/test_float_cases.h"

using namespace interp::num;

// A table check that shows both sides when it fails.
#define CHECK_SAME(got, expected, what)                                                            \
  BOOST_TEST((got) == (expected),                                                                  \
             what << "\n  got:      " << (got) << "\n  expected: " << (expected))
using test_cases::from_bits;

namespace {

const test_cases::CaseTable& cases() {
  static const test_cases::CaseTable table = test_cases::read_cases(FORMAT_CASES_PATH);
  return table;
}

const std::vector<std::vector<std::string>>& cases_of(const std::string& kind) {
  auto it = cases().find(kind);
  BOOST_REQUIRE_MESSAGE(it != cases().end() && !it->second.empty(), "no cases of " << kind);
  return it->second;
}

std::string identity(const std::string& s) {
  return s;
}

// A test integer: decimal text of at most 128 bits of magnitude.
IntegerForFormat integer_from_text(const std::string& text) {
  IntegerForFormat value;
  value.negative = text[0] == '-';
  unsigned __int128 magnitude = 0;
  for (char c : text)
    if (c != '-') magnitude = magnitude * 10 + (c - '0');
  value.magnitude_digits = [magnitude](int base) {
    if (magnitude == 0) return std::string("0");
    std::string digits;
    for (unsigned __int128 m = magnitude; m; m /= base)
      digits += "0123456789abcdef"[m % base];
    std::reverse(digits.begin(), digits.end());
    return digits;
  };
  bool negative = value.negative;
  value.to_double = [magnitude, negative]() -> FloatResult<double> {
    double d = static_cast<double>(magnitude);
    return negative ? -d : d;
  };
  return value;
}

FloatResult<std::string>
format_with(const std::string& spec_text, const FormatSpecDefaults& d,
            const std::function<FloatResult<std::string>(const FormatSpec&)>& apply) {
  auto spec = parse_format_spec(spec_text, d);
  if (!spec) return spec.error();
  return apply(spec.value());
}

} // namespace

BOOST_AUTO_TEST_CASE(float_format_table) {
  const FormatSpecDefaults defaults{"float", 0, '>'};
  for (const auto& c : cases_of("ffmt")) {
    double x = from_bits(c[0]);
    auto result =
        format_with(c[1], defaults, [x](const FormatSpec& s) { return format_float(x, s); });
    CHECK_SAME(test_cases::outcome(result, identity), c[2],
               "format(" << c[0] << ", " << test_cases::python_repr(c[1]) << ")");
  }
}

BOOST_AUTO_TEST_CASE(int_format_table) {
  const FormatSpecDefaults defaults{"int", U'd', '>'};
  for (const auto& c : cases_of("ifmt")) {
    IntegerForFormat value = integer_from_text(c[0]);
    auto result = format_with(c[1], defaults,
                              [&value](const FormatSpec& s) { return format_integer(value, s); });
    CHECK_SAME(test_cases::outcome(result, identity), c[2],
               "format(" << c[0] << ", " << test_cases::python_repr(c[1]) << ")");
  }
}

BOOST_AUTO_TEST_CASE(str_format_table) {
  const FormatSpecDefaults defaults{"str", U's', '<'};
  for (const auto& c : cases_of("sfmt")) {
    std::string text = c[0];
    auto result = format_with(c[1], defaults,
                              [&text](const FormatSpec& s) { return format_string(text, s); });
    CHECK_SAME(test_cases::outcome(result, identity), c[2],
               "format(" << test_cases::python_repr(c[0]) << ", " << test_cases::python_repr(c[1])
                         << ")");
  }
}

BOOST_AUTO_TEST_CASE(format_examples_from_the_language_reference) {
  const FormatSpecDefaults float_defaults{"float", 0, '>'};
  const FormatSpecDefaults int_defaults{"int", U'd', '>'};
  auto float_text = [&](double x, const char* spec) {
    return format_float(x, parse_format_spec(spec, float_defaults).value()).value();
  };
  BOOST_TEST(float_text(1.5, ".3") == "1.5");
  BOOST_TEST(float_text(1e16, "") == "1e+16");
  BOOST_TEST(float_text(12.0, "g") == "12");
  BOOST_TEST(float_text(-0.0, "z.1f") == "0.0");
  BOOST_TEST(float_text(1234567.0, "011,.1f") == "1,234,567.0");
  auto thousands =
      format_integer(integer_from_text("1234"), parse_format_spec("010,", int_defaults).value());
  BOOST_TEST(thousands.value() == "00,001,234");
  auto spec = parse_format_spec("ab", FormatSpecDefaults{"str", U's', '<'});
  BOOST_REQUIRE(!spec.ok());
  BOOST_TEST(spec.error().message == "Invalid format specifier 'ab' for object of type 'str'");
  BOOST_TEST(format_string("ab", parse_format_spec("^10", {"str", U's', '<'}).value()).value() ==
             "    ab    ");
}

namespace {

std::string run_percent(const std::string& conversion,
                        const std::function<std::string(const PercentSpec&)>& apply) {
  auto spec = parse_percent_spec(conversion, 0);
  if (!spec) return test_cases::outcome(FloatResult<std::string>(spec.error()), identity);
  std::string out = apply(spec.value());
  // The table's specs may end in a '|' marker after the conversion, to show padding.
  return out + conversion.substr(spec.value().end);
}

} // namespace

BOOST_AUTO_TEST_CASE(percent_integer_table) {
  for (const auto& c : cases_of("pint")) {
    IntegerForFormat value = integer_from_text(c[1]);
    std::string got = run_percent(
        c[0], [&value](const PercentSpec& s) { return percent_format_integer(value, s); });
    CHECK_SAME(got, c[2], c[0] << " % " << c[1]);
  }
}

BOOST_AUTO_TEST_CASE(percent_float_table) {
  for (const auto& c : cases_of("pflt")) {
    double x = from_bits(c[1]);
    std::string got =
        run_percent(c[0], [x](const PercentSpec& s) { return percent_format_float(x, s); });
    CHECK_SAME(got, c[2], c[0] << " % " << c[1]);
  }
}

BOOST_AUTO_TEST_CASE(percent_text_table) {
  for (const auto& c : cases_of("pstr")) {
    const std::string& text = c[1];
    // %r and %a show the repr of the text; the caller produces it, here the test does.
    std::string shown = text;
    char conversion = c[0][c[0].find_first_of("srac")];
    if (conversion == 'r') shown = test_cases::python_repr(text);
    if (conversion == 'a') continue; // ascii() escapes non-ASCII: the caller's business
    std::string got =
        run_percent(c[0], [&shown](const PercentSpec& s) { return percent_format_text(shown, s); });
    CHECK_SAME(got, c[2], c[0] << " % " << test_cases::python_repr(text));
  }
}

BOOST_AUTO_TEST_CASE(percent_spec_errors_table) {
  for (const auto& c : cases_of("pspec")) {
    std::size_t percent = c[0].find('%');
    auto spec = parse_percent_spec(c[0], percent);
    std::string got = spec ? std::string("ok")
                           : test_cases::outcome(FloatResult<std::string>(spec.error()), identity);
    CHECK_SAME(got, c[1], "parse of " << c[0]);
  }
}

BOOST_AUTO_TEST_CASE(percent_spec_fields) {
  std::string format = "x%(a(b)c)-#0+ 12.5ld";
  auto spec = parse_percent_spec(format, 1);
  BOOST_REQUIRE(spec.ok());
  BOOST_TEST(spec->has_key);
  BOOST_TEST(spec->key == "a(b)c");
  BOOST_TEST((spec->left && spec->alternate && spec->zero && spec->plus && spec->space));
  BOOST_TEST(spec->width == 12);
  BOOST_TEST(spec->precision == 5);
  BOOST_TEST((spec->conversion == U'd'));
  BOOST_TEST(spec->end == format.size());
  auto stars = parse_percent_spec("%*.*f", 0);
  BOOST_TEST((stars->width_from_argument && stars->precision_from_argument));
  BOOST_TEST(parse_percent_spec("%.f", 0)->precision == 0);
  BOOST_TEST(parse_percent_spec("%f", 0)->precision == -1);
  BOOST_TEST((parse_percent_spec("%%", 0)->conversion == U'%'));
}
