// Float text, parsing and arithmetic against tables produced by CPython 3.11
// (gen_float_cases.py writes float_cases.txt).
#define BOOST_TEST_MODULE interp_num_float
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>

#include "interp/num/float_arith.h"
#include "interp/num/float_exact.h"
#include "interp/num/float_hex.h"
#include "interp/num/float_parse.h"
#include "interp/num/float_round.h"
#include "interp/num/float_text.h"
#include "tests/interp/num/test_float_cases.h"

using namespace interp::num;

// A table check that shows both sides when it fails.
#define CHECK_SAME(got, expected, what)                                                            \
  BOOST_TEST((got) == (expected),                                                                  \
             what << "\n  got:      " << (got) << "\n  expected: " << (expected))
using test_cases::from_bits;
using test_cases::to_bits;

namespace {

const test_cases::CaseTable& cases() {
  static const test_cases::CaseTable table = test_cases::read_cases(FLOAT_CASES_PATH);
  return table;
}

const std::vector<std::vector<std::string>>& cases_of(const std::string& kind) {
  auto it = cases().find(kind);
  BOOST_REQUIRE_MESSAGE(it != cases().end() && !it->second.empty(), "no cases of " << kind);
  return it->second;
}

// Bit patterns, except that every nan counts as the same value.
std::string canonical_bits(double x) {
  return std::isnan(x) ? std::string("nan") : to_bits(x);
}
std::string canonical(const std::string& expected) {
  if (expected.size() == 16 && expected[0] != '!' && std::isnan(from_bits(expected))) return "nan";
  return expected;
}

const double kInf = std::numeric_limits<double>::infinity();

} // namespace

BOOST_AUTO_TEST_CASE(repr_of_tricky_values) {
  BOOST_TEST(float_repr(0.1) == "0.1");
  BOOST_TEST(float_repr(1e16) == "1e+16");
  BOOST_TEST(float_repr(1e15) == "1000000000000000.0");
  BOOST_TEST(float_repr(1e-5) == "1e-05");
  BOOST_TEST(float_repr(0.0001) == "0.0001");
  BOOST_TEST(float_repr(5e-324) == "5e-324");
  BOOST_TEST(float_repr(1.7976931348623157e308) == "1.7976931348623157e+308");
  BOOST_TEST(float_repr(-0.0) == "-0.0");
  BOOST_TEST(float_repr(123456789012345678.0) == "1.2345678901234568e+17");
  BOOST_TEST(float_repr(kInf) == "inf");
  BOOST_TEST(float_repr(-kInf) == "-inf");
  BOOST_TEST(float_repr(std::nan("")) == "nan");
  BOOST_TEST(float_repr(-std::nan("")) == "nan");
}

BOOST_AUTO_TEST_CASE(repr_table) {
  for (const auto& c : cases_of("repr"))
    BOOST_TEST(float_repr(from_bits(c[0])) == c[1], "repr of " << c[0]);
}

BOOST_AUTO_TEST_CASE(repr_round_trips_random_doubles) {
  // Fixed-seed xorshift over all bit patterns: the shortest text must read back exactly.
  std::uint64_t state = 0x9e3779b97f4a7c15ull;
  for (int i = 0; i < 20000; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    double x = std::bit_cast<double>(state);
    if (std::isnan(x)) continue;
    auto back = parse_float_text(float_repr(x));
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST(to_bits(*back) == to_bits(x), "round trip of " << float_repr(x));
  }
}

BOOST_AUTO_TEST_CASE(float_from_string_table) {
  for (const auto& c : cases_of("float")) {
    auto result = float_from_string(c[0], test_cases::python_repr);
    std::string got = test_cases::outcome(result, canonical_bits);
    CHECK_SAME(got, canonical(c[1]), "float(" << test_cases::python_repr(c[0]) << ")");
  }
}

BOOST_AUTO_TEST_CASE(float_from_string_specifics) {
  BOOST_TEST(*parse_float_text("1_0") == 10.0);
  BOOST_TEST(!parse_float_text("1__0").has_value());
  BOOST_TEST(std::signbit(*parse_float_text("-nan")));
  auto error = float_from_string("abc", test_cases::python_repr);
  BOOST_REQUIRE(!error.ok());
  BOOST_TEST(error.error().message == "could not convert string to float: 'abc'");
  BOOST_TEST((error.error().kind == FloatErrorKind::ValueError));
}

BOOST_AUTO_TEST_CASE(division_and_modulo_tables) {
  for (const auto& c : cases_of("truediv")) {
    auto got =
        test_cases::outcome(float_true_divide(from_bits(c[0]), from_bits(c[1])), canonical_bits);
    CHECK_SAME(got, canonical(c[2]), c[0] << " / " << c[1]);
  }
  for (const auto& c : cases_of("floordiv")) {
    auto got =
        test_cases::outcome(float_floor_divide(from_bits(c[0]), from_bits(c[1])), canonical_bits);
    CHECK_SAME(got, canonical(c[2]), c[0] << " // " << c[1]);
  }
  for (const auto& c : cases_of("mod")) {
    auto got = test_cases::outcome(float_modulo(from_bits(c[0]), from_bits(c[1])), canonical_bits);
    CHECK_SAME(got, canonical(c[2]), c[0] << " % " << c[1]);
  }
  for (const auto& c : cases_of("divmod")) {
    auto got = test_cases::outcome(
        float_divmod(from_bits(c[0]), from_bits(c[1])), [](const FloatDivMod& r) {
          return canonical_bits(r.quotient) + " " + canonical_bits(r.remainder);
        });
    std::string expected = c[2];
    if (expected[0] != '!')
      expected = canonical(expected.substr(0, 16)) + " " + canonical(expected.substr(17));
    CHECK_SAME(got, expected, "divmod(" << c[0] << ", " << c[1] << ")");
  }
}

BOOST_AUTO_TEST_CASE(signed_zero_modulo) {
  BOOST_TEST(std::signbit(float_modulo(0.0, -1.0).value()));
  BOOST_TEST(!std::signbit(float_modulo(-0.0, 1.0).value()));
  BOOST_TEST(float_modulo(-1.0, kInf).value() == kInf);
  BOOST_TEST(float_floor_divide(-1.0, kInf).value() == -1.0);
  BOOST_TEST(float_floor_divide(1.0, 0.0).error().message == "float floor division by zero");
}

BOOST_AUTO_TEST_CASE(power_table) {
  for (const auto& c : cases_of("pow")) {
    auto got =
        test_cases::outcome(float_power(from_bits(c[0]), from_bits(c[1])), [](const FloatPower& p) {
          return p.needs_complex ? std::string("complex") : canonical_bits(p.value);
        });
    CHECK_SAME(got, canonical(c[2]), c[0] << " ** " << c[1]);
  }
  auto overflow = float_power(2.0, 10000.0);
  BOOST_REQUIRE(!overflow.ok());
  BOOST_TEST(overflow.error().errno_value == 34);
  BOOST_TEST(overflow.error().strerror_text == "Numerical result out of range");
}

BOOST_AUTO_TEST_CASE(round_tables) {
  for (const auto& c : cases_of("round1")) {
    auto got = test_cases::outcome(float_round_to_integer(from_bits(c[0])), canonical_bits);
    CHECK_SAME(got, canonical(c[1]), "round(" << c[0] << ")");
  }
  for (const auto& c : cases_of("round")) {
    auto got = test_cases::outcome(float_round(from_bits(c[0]), std::stoll(c[1])), canonical_bits);
    CHECK_SAME(got, canonical(c[2]),
               "round(" << float_repr(from_bits(c[0])) << ", " << c[1] << ")");
  }
  BOOST_TEST(float_round(2.675, 2).value() == 2.67);
  BOOST_TEST(float_round(0.125, 2).value() == 0.12);
  BOOST_TEST(float_round(1250.0, -2).value() == 1200.0);
}

BOOST_AUTO_TEST_CASE(hex_tables) {
  for (const auto& c : cases_of("hex"))
    BOOST_TEST(float_to_hex(from_bits(c[0])) == c[1], "hex of " << c[0]);
  for (const auto& c : cases_of("fromhex")) {
    auto got = test_cases::outcome(float_from_hex(c[0]), canonical_bits);
    CHECK_SAME(got, canonical(c[1]), "fromhex(" << test_cases::python_repr(c[0]) << ")");
  }
}

BOOST_AUTO_TEST_CASE(hash_ratio_is_integer_tables) {
  for (const auto& c : cases_of("hash"))
    BOOST_TEST(std::to_string(float_hash(from_bits(c[0]))) == c[1], "hash of " << c[0]);
  for (const auto& c : cases_of("ratio")) {
    auto got = test_cases::outcome(
        float_as_integer_ratio(from_bits(c[0])),
        [](const FloatDecimalRatio& r) { return r.numerator + "/" + r.denominator; });
    CHECK_SAME(got, c[1], "as_integer_ratio of " << c[0]);
  }
  for (const auto& c : cases_of("isint"))
    BOOST_TEST((float_is_integer(from_bits(c[0])) ? "True" : "False") == c[1],
               "is_integer of " << c[0]);
}
