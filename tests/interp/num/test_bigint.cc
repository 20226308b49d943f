// Tests of interp/num/bigint.h against CPython 3.11. The bulk is bigint_cases.txt, which
// gen_bigint_cases.py wrote by running python3.11 (fixed seed); the hand-written cases below
// cover what does not fit that table: long texts, memory limits, views over foreign memory,
// speed of decimal conversion, and the int64 fast paths. Expected values were produced by
// python3.11.
#define BOOST_TEST_MODULE bigint
#include <boost/test/unit_test.hpp>

#include "interp/num/bigint.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#ifndef BIGINT_CASES_FILE
#error "BIGINT_CASES_FILE must name tests/interp/num/bigint_cases.txt"
#endif

using namespace interp::num;

namespace {

// --- The table's notation, parsed without the code under test ----------------------------

BigInt from_hex(std::string_view token) {
  bool negative = false;
  if (!token.empty() && token[0] == '-') {
    negative = true;
    token.remove_prefix(1);
  }
  std::vector<Limb> limbs((token.size() + 15) / 16, 0);
  for (std::size_t i = 0; i < token.size(); ++i) {
    const char c = token[token.size() - 1 - i];
    const Limb v = c <= '9' ? c - '0' : c - 'a' + 10;
    limbs[i / 16] |= v << (4 * (i % 16));
  }
  return BigInt::from_limbs(negative, limbs);
}

std::string to_hex(BigView a) {
  if (a.size == 0) return "0";
  std::string digits;
  for (std::size_t i = 0; i < a.size; ++i)
    for (int nibble = 0; nibble < 16; ++nibble)
      digits.push_back("0123456789abcdef"[(a.limbs[i] >> (4 * nibble)) & 15]);
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
  if (a.negative) digits.push_back('-');
  return {digits.rbegin(), digits.rend()};
}

std::string hex_bytes(std::string_view data) {
  std::string out = "x";
  for (unsigned char c : data) {
    out.push_back("0123456789abcdef"[c >> 4]);
    out.push_back("0123456789abcdef"[c & 15]);
  }
  return out;
}

std::string unhex_bytes(std::string_view token) {
  BOOST_REQUIRE(!token.empty() && token[0] == 'x');
  std::string out;
  for (std::size_t i = 1; i + 1 < token.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string(token.substr(i, 2)), nullptr, 16)));
  return out;
}

std::string double_bits(double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(bits));
  return buf;
}

double bits_double(std::string_view token) {
  const std::uint64_t bits = std::stoull(std::string(token), nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// repr() of an ASCII str, as the interpreter appends it to an invalid-literal message.
std::string python_repr(std::string_view text) {
  const bool has_single = text.find('\'') != std::string_view::npos;
  const bool has_double = text.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  for (unsigned char c : text) {
    if (c == quote || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7f) {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(quote);
  return out;
}

const char* exception_name(IntErrorKind kind) {
  switch (kind) {
  case IntErrorKind::None:
    return "None";
  case IntErrorKind::ZeroDivisionError:
    return "ZeroDivisionError";
  case IntErrorKind::ValueError:
    return "ValueError";
  case IntErrorKind::OverflowError:
    return "OverflowError";
  case IntErrorKind::MemoryError:
    return "MemoryError";
  case IntErrorKind::InvalidLiteral:
    return "ValueError";
  }
  return "?";
}

using Tokens = std::vector<std::string>;

template <class T> Tokens error_tokens(const IntResult<T>& r, std::string_view text = {}) {
  std::string message = r.message;
  if (r.error == IntErrorKind::InvalidLiteral) message += python_repr(text);
  return {std::string("!") + exception_name(r.error), hex_bytes(message)};
}

template <class T, class F> Tokens result_tokens(const IntResult<T>& r, F format) {
  if (!r.ok()) return error_tokens(r);
  return format(r.value);
}

Tokens int_tokens(const BigInt& v) {
  return {to_hex(v)};
}

Tokens run_case(const std::string& op, const Tokens& args) {
  const auto arg = [&](std::size_t i) { return from_hex(args.at(i)); };
  const auto small = [&](std::size_t i) { return arg(i).to_int64(); };
  const auto ints = [](const IntResult<BigInt>& r) { return result_tokens(r, int_tokens); };
  const auto dbl = [](const IntResult<double>& r) {
    return result_tokens(r, [](double d) { return Tokens{double_bits(d)}; });
  };
  if (op == "add") return int_tokens(add(arg(0), arg(1)));
  if (op == "sub") return int_tokens(sub(arg(0), arg(1)));
  if (op == "mul") return int_tokens(mul(arg(0), arg(1)));
  if (op == "floordiv") return ints(floor_div(arg(0), arg(1)));
  if (op == "mod") return ints(mod(arg(0), arg(1)));
  if (op == "divmod")
    return result_tokens(divmod(arg(0), arg(1)), [](const DivMod& d) {
      return Tokens{to_hex(d.quotient), to_hex(d.remainder)};
    });
  if (op == "and") return int_tokens(bit_and(arg(0), arg(1)));
  if (op == "or") return int_tokens(bit_or(arg(0), arg(1)));
  if (op == "xor") return int_tokens(bit_xor(arg(0), arg(1)));
  if (op == "cmp") return int_tokens(BigInt::from_int64(compare(arg(0), arg(1))));
  if (op == "gcd") return int_tokens(gcd(arg(0), arg(1)));
  if (op == "neg") return int_tokens(negate(arg(0)));
  if (op == "abs") return int_tokens(abs(arg(0)));
  if (op == "invert") return int_tokens(bit_invert(arg(0)));
  if (op == "bitlen") return int_tokens(BigInt::from_uint64(bit_length(arg(0))));
  if (op == "bitcount") return int_tokens(BigInt::from_uint64(bit_count(arg(0))));
  if (op == "hash") return int_tokens(BigInt::from_int64(hash(arg(0))));
  if (op == "isqrt") return ints(isqrt(arg(0)));
  if (op == "lshift") return ints(lshift(arg(0), arg(1)));
  if (op == "rshift") return ints(rshift(arg(0), arg(1)));
  if (op == "pow") return ints(pow(arg(0), arg(1)));
  if (op == "powmod") return ints(pow_mod(arg(0), arg(1), arg(2)));
  if (op == "todouble") return dbl(to_double(arg(0)));
  if (op == "truediv") return dbl(true_divide(arg(0), arg(1)));
  if (op == "round") return int_tokens(round_digits(arg(0), arg(1)));
  if (op == "cmpdouble")
    return int_tokens(BigInt::from_int64(compare_to_double(arg(0), bits_double(args.at(1)))));
  if (op == "fromdouble") return int_tokens(from_double(bits_double(args.at(0))));
  if (op == "str") {
    const auto r =
        to_string(arg(0), static_cast<int>(small(1)), static_cast<std::size_t>(small(2)));
    return result_tokens(r, [](const std::string& s) { return Tokens{hex_bytes(s)}; });
  }
  if (op == "parse") {
    const std::string text = unhex_bytes(args.at(0));
    const auto r =
        from_string(text, static_cast<int>(small(1)), static_cast<std::size_t>(small(2)));
    return r.ok() ? int_tokens(r.value) : error_tokens(r, text);
  }
  if (op == "tobytes") {
    const auto r =
        to_bytes(arg(0), static_cast<std::size_t>(small(1)), args.at(2) == "big", small(3) != 0);
    return result_tokens(r, [](const std::vector<std::uint8_t>& b) {
      return Tokens{hex_bytes(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()))};
    });
  }
  if (op == "frombytes") {
    const std::string data = unhex_bytes(args.at(0));
    const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(data.data()),
                                              data.size());
    return int_tokens(from_bytes(bytes, args.at(1) == "big", small(2) != 0));
  }
  BOOST_FAIL("unknown operation in the table: " << op);
  return {};
}

std::string clip(const std::string& s) {
  return s.size() > 300 ? s.substr(0, 300) + "..." : s;
}

BigInt dec(std::string_view text) {
  auto r = from_string(text, 10);
  BOOST_REQUIRE(r.ok());
  return r.value;
}

std::string str(BigView a, int base = 10) {
  auto r = to_string(a, base);
  BOOST_REQUIRE(r.ok());
  return r.value;
}

BigInt big(std::int64_t v) {
  return BigInt::from_int64(v);
}

} // namespace

BOOST_AUTO_TEST_CASE(table_from_cpython) {
  std::ifstream in(BIGINT_CASES_FILE);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " BIGINT_CASES_FILE);
  std::string line;
  std::size_t line_number = 0, checked = 0, failures = 0;
  std::map<std::string, std::size_t> per_op;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty()) continue;
    std::istringstream words(line);
    std::string op, word;
    words >> op;
    Tokens args, expected;
    bool after_equals = false;
    while (words >> word) {
      if (word == "=")
        after_equals = true;
      else
        (after_equals ? expected : args).push_back(word);
    }
    const Tokens got = run_case(op, args);
    ++checked;
    ++per_op[op];
    if (got != expected) {
      ++failures;
      std::string got_text;
      for (const auto& g : got)
        got_text += g + " ";
      if (failures <= 40)
        BOOST_ERROR("line " << line_number << ": " << clip(line) << "\n  got: " << clip(got_text));
    }
  }
  BOOST_TEST(failures == 0u);
  BOOST_TEST(checked > 15000u);
  BOOST_TEST_MESSAGE("checked " << checked << " cases from CPython 3.11");
  for (const char* op :
       {"add", "mul", "divmod", "and", "lshift", "rshift", "powmod", "str", "parse", "todouble",
        "truediv", "tobytes", "frombytes", "hash", "round", "cmpdouble", "gcd", "isqrt"})
    BOOST_TEST(per_op[op] > 0u, "no cases of " << op);
}

BOOST_AUTO_TEST_CASE(int64_boundaries) {
  const std::int64_t min = INT64_MIN, max = INT64_MAX;
  BigInt lo = BigInt::from_int64(min), hi = BigInt::from_int64(max);
  BOOST_TEST(str(lo) == "-9223372036854775808");
  BOOST_TEST(str(hi) == "9223372036854775807");
  BOOST_TEST(lo.fits_int64());
  BOOST_TEST(lo.to_int64() == min);
  BOOST_TEST(hi.to_int64() == max);
  BigInt past = add(hi, big(1));
  BOOST_TEST(!past.fits_int64());
  BOOST_TEST(str(past) == "9223372036854775808");
  BOOST_TEST(!sub(lo, big(1)).fits_int64());
  BOOST_TEST(BigInt::from_uint64(UINT64_MAX).size() == 1u);
  BOOST_TEST(str(BigInt::from_uint64(UINT64_MAX)) == "18446744073709551615");
  BOOST_TEST(BigInt().is_zero());
  BOOST_TEST(!negate(BigInt()).is_negative()); // there is no -0
  // The tagged range is 63-bit signed: [-2**62, 2**62).
  BOOST_TEST(dec("4611686018427387903").to_int63().value() == 4611686018427387903);
  BOOST_TEST(!dec("4611686018427387904").to_int63().has_value());
  BOOST_TEST(dec("-4611686018427387904").to_int63().value() == -4611686018427387904);
  BOOST_TEST(!dec("-4611686018427387905").to_int63().has_value());
  // from_limbs drops high zero limbs.
  const Limb raw[] = {5, 0, 0};
  BigInt five = BigInt::from_limbs(true, raw);
  BOOST_TEST(five.size() == 1u);
  BOOST_TEST(five.to_int64() == -5);
  BOOST_TEST(!BigInt::from_limbs(true, std::span<const Limb>()).is_negative());
}

BOOST_AUTO_TEST_CASE(views_over_foreign_memory) {
  // The heap keeps limbs in its own objects: a BigView over any array must work.
  const Limb two_128_minus_1[] = {~Limb{0}, ~Limb{0}};
  const Limb one[] = {1};
  BigView a{false, two_128_minus_1, 2}, b{true, one, 1};
  BOOST_TEST(str(add(a, BigView{false, one, 1})) == "340282366920938463463374607431768211456");
  BOOST_TEST(str(add(a, b)) == "340282366920938463463374607431768211454");
  BOOST_TEST(str(mul(a, a)) ==
             "115792089237316195423570985008687907852589419931798687112530834793049593217025");
}

BOOST_AUTO_TEST_CASE(error_messages) {
  const BigInt zero, seven = big(7);
  auto fd = floor_div(seven, zero);
  BOOST_TEST((fd.error == IntErrorKind::ZeroDivisionError));
  BOOST_TEST(fd.message == "integer division or modulo by zero");
  BOOST_TEST(mod(seven, zero).message == "integer modulo by zero");
  BOOST_TEST(divmod(seven, zero).message == "integer division or modulo by zero");
  BOOST_TEST(true_divide(seven, zero).message == "division by zero");
  BOOST_TEST(pow_mod(seven, big(2), zero).message == "pow() 3rd argument cannot be 0");
  auto inv = pow_mod(big(2), big(-1), big(4));
  BOOST_TEST((inv.error == IntErrorKind::ValueError));
  BOOST_TEST(inv.message == "base is not invertible for the given modulus");
  BOOST_TEST(lshift(seven, big(-1)).message == "negative shift count");
  BOOST_TEST(rshift(seven, big(-1)).message == "negative shift count");
  auto big_float = to_double(lshift_bits(big(1), 1024).value);
  BOOST_TEST((big_float.error == IntErrorKind::OverflowError));
  BOOST_TEST(big_float.message == "int too large to convert to float");
  BOOST_TEST(true_divide(lshift_bits(big(1), 2000).value, big(1)).message ==
             "integer division result too large for a float");
  BOOST_TEST(to_bytes(big(-1), 2, true, false).message == "can't convert negative int to unsigned");
  BOOST_TEST(to_bytes(big(128), 1, true, true).message == "int too big to convert");
  BOOST_TEST(isqrt(big(-1)).message == "isqrt() argument must be nonnegative");
  BOOST_TEST(from_string("1", 1).message == "int() base must be >= 2 and <= 36, or 0");
  BOOST_TEST(from_string("1", 37).message == "int() base must be >= 2 and <= 36, or 0");
  auto bad = from_string("12a", 10);
  BOOST_TEST((bad.error == IntErrorKind::InvalidLiteral));
  BOOST_TEST(bad.message == "invalid literal for int() with base 10: ");
  BOOST_TEST(from_string("010", 0).message == "invalid literal for int() with base 0: ");
}

BOOST_AUTO_TEST_CASE(memory_errors_instead_of_huge_allocations) {
  // CPython 3.11: 1 << (1 << 64) and 1 << (1 << 62) raise MemoryError.
  const BigInt one = big(1);
  const BigInt two_64 = lshift_bits(one, 64).value, two_62 = lshift_bits(one, 62).value;
  BOOST_TEST((lshift(one, two_64).error == IntErrorKind::MemoryError));
  BOOST_TEST((lshift(one, two_62).error == IntErrorKind::MemoryError));
  BOOST_TEST(lshift(BigInt(), two_64).value.is_zero()); // 0 << (1 << 64) == 0
  BOOST_TEST(str(rshift(big(-5), two_64).value) == "-1");
  BOOST_TEST(rshift(big(5), two_64).value.is_zero());
  BOOST_TEST((pow(big(2), two_62).error == IntErrorKind::MemoryError));
  BOOST_TEST((pow(big(3), two_64).error == IntErrorKind::MemoryError));
  // ... while 0, 1 and -1 to any power are cheap: pow(0, 10**30) == 0.
  BOOST_TEST(pow(BigInt(), dec("1000000000000000000000000000000")).value.is_zero());
  BOOST_TEST(str(pow(big(-1), two_64).value) == "1");
  BOOST_TEST(str(pow(big(-1), add(two_64, one)).value) == "-1");
}

BOOST_AUTO_TEST_CASE(digit_limit_of_text_conversion) {
  // Messages from python3.11 with sys.int_info.default_max_str_digits == 4300.
  const auto parse_error = [](const std::string& text, int base) {
    auto r = from_string(text, base, kDefaultMaxStrDigits);
    return std::pair(r.error, r.message);
  };
  const std::string too_many_5000 =
      "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
      "use sys.set_int_max_str_digits() to increase the limit";
  BOOST_TEST(from_string(std::string(4300, '1'), 10, kDefaultMaxStrDigits).ok());
  BOOST_TEST(parse_error(std::string(4301, '1'), 10).second ==
             "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 "
             "digits; use sys.set_int_max_str_digits() to increase the limit");
  BOOST_TEST(parse_error("-" + std::string(5000, '1'), 10).second == too_many_5000);
  // Underscores are not digits; leading zeros are.
  std::string underscored;
  for (int i = 0; i < 4301; ++i)
    underscored += "1_";
  underscored += "1";
  BOOST_TEST(parse_error(underscored, 10).second ==
             "Exceeds the limit (4300 digits) for integer string conversion: value has 4302 "
             "digits; use sys.set_int_max_str_digits() to increase the limit");
  BOOST_TEST(parse_error(std::string(4301, '0') + "1", 10).second ==
             "Exceeds the limit (4300 digits) for integer string conversion: value has 4302 "
             "digits; use sys.set_int_max_str_digits() to increase the limit");
  // The limit is checked before what follows the digits, but after underscore errors.
  BOOST_TEST(parse_error(std::string(5000, '1') + " x", 10).second == too_many_5000);
  BOOST_TEST(
      (parse_error(std::string(5000, '1') + "__1", 10).first == IntErrorKind::InvalidLiteral));
  BOOST_TEST((parse_error("x" + std::string(5000, '1'), 10).first == IntErrorKind::InvalidLiteral));
  BOOST_TEST((parse_error(std::string(4000, '1') + "x" + std::string(1000, '1'), 10).first ==
              IntErrorKind::InvalidLiteral));
  BOOST_TEST(parse_error(std::string(5000, '1'), 3).second == too_many_5000);
  BOOST_TEST(parse_error(std::string(5000, '0'), 0).second == too_many_5000);
  std::string zeros_then_one;
  for (int i = 0; i < 3000; ++i)
    zeros_then_one += "0_";
  BOOST_TEST((parse_error(zeros_then_one + "1", 0).first == IntErrorKind::InvalidLiteral));
  // Powers of two are exempt, and 0 means no limit.
  BOOST_TEST(from_string(std::string(5000, '1'), 16, kDefaultMaxStrDigits).ok());
  BOOST_TEST(from_string("0x" + std::string(5000, '1'), 0, kDefaultMaxStrDigits).ok());
  BOOST_TEST(from_string(std::string(5000, '1'), 10, 0).ok());
  BOOST_TEST((parse_error(std::string(5000, '1') + "9", 8).first == IntErrorKind::InvalidLiteral));

  // str(): 4300 digits (10**4299, 10**4300 - 1) are allowed, the sign does not count,
  // 10**4300 is refused.
  const std::string str_limit = "Exceeds the limit (4300 digits) for integer string conversion; "
                                "use sys.set_int_max_str_digits() to increase the limit";
  const BigInt ten = big(10);
  const BigInt p4299 = pow(ten, big(4299)).value, p4300 = pow(ten, big(4300)).value;
  BOOST_TEST(to_string(p4299, 10, kDefaultMaxStrDigits).value.size() == 4300u);
  BOOST_TEST(to_string(negate(p4299), 10, kDefaultMaxStrDigits).value.size() == 4301u);
  BOOST_TEST(to_string(sub(p4300, big(1)), 10, kDefaultMaxStrDigits).value.size() == 4300u);
  BOOST_TEST(to_string(p4300, 10, kDefaultMaxStrDigits).message == str_limit);
  BOOST_TEST(to_string(lshift_bits(big(1), 1000000).value, 10, kDefaultMaxStrDigits).message ==
             str_limit);
  BOOST_TEST(to_string(p4300, 16, kDefaultMaxStrDigits).ok());
  BOOST_TEST(to_string(p4300, 10, 0).value.size() == 4301u);
}

BOOST_AUTO_TEST_CASE(prefix_and_sign_in_text) {
  BOOST_TEST(to_string(big(-255), 16, 0, "0x").value == "-0xff");
  BOOST_TEST(to_string(BigInt(), 2, 0, "0b").value == "0b0");
  BOOST_TEST(to_string(big(-8), 8, 0, "0o").value == "-0o10");
}

BOOST_AUTO_TEST_CASE(decimal_conversion_is_not_quadratic) {
  // 10**100000 - 1 written and read back; a quadratic method would take seconds.
  const auto start = std::chrono::steady_clock::now();
  const BigInt n = sub(pow(big(10), big(100000)).value, big(1));
  const std::string text = str(n);
  BOOST_TEST(text == std::string(100000, '9'));
  const BigInt back = dec(text);
  BOOST_TEST(compare(back, n) == 0);
  BOOST_TEST(str(dec(std::string(10000, '7'))) == std::string(10000, '7'));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  BOOST_TEST(std::chrono::duration<double>(elapsed).count() < 1.0);
}

BOOST_AUTO_TEST_CASE(true_division_is_correctly_rounded) {
  // 1 / 3 and 10**400 / 10**399 (too big for doubles) are exact to the last bit.
  BOOST_TEST(true_divide(big(1), big(3)).value == 1.0 / 3.0);
  const BigInt p400 = pow(big(10), big(400)).value, p399 = pow(big(10), big(399)).value;
  BOOST_TEST(true_divide(p400, p399).value == 10.0);
  BOOST_TEST(true_divide(p399, p400).value == 0.1);
  // 0 / -5 is -0.0 in CPython.
  BOOST_TEST(std::signbit(true_divide(BigInt(), big(-5)).value));
  BOOST_TEST(!std::signbit(true_divide(BigInt(), big(5)).value));
}

BOOST_AUTO_TEST_CASE(machine_word_fast_paths) {
  const std::int64_t min = INT64_MIN, max = INT64_MAX;
  BOOST_TEST(!checked_add(max, 1).has_value());
  BOOST_TEST(!checked_sub(min, 1).has_value());
  BOOST_TEST(checked_add(max, -1).value() == max - 1);
  BOOST_TEST(checked_mul(3037000499, 3037000499).value() == 9223372030926249001);
  BOOST_TEST(!checked_mul(3037000500, 3037000500).has_value());
  BOOST_TEST(!checked_mul(min, -1).has_value());
  // Python: -7//2 == -4, -7%2 == 1, 7//-2 == -4, 7%-2 == -1, -7//-2 == 3, -7%-2 == -1.
  BOOST_TEST(checked_floor_div(-7, 2).value() == -4);
  BOOST_TEST(floor_mod(-7, 2) == 1);
  BOOST_TEST(checked_floor_div(7, -2).value() == -4);
  BOOST_TEST(floor_mod(7, -2) == -1);
  BOOST_TEST(checked_floor_div(-7, -2).value() == 3);
  BOOST_TEST(floor_mod(-7, -2) == -1);
  BOOST_TEST(checked_floor_div(7, 2).value() == 3);
  BOOST_TEST(floor_mod(7, 2) == 1);
  // (-2**63) // -1 == 2**63 does not fit; (-2**63) % -1 == 0.
  BOOST_TEST(!checked_floor_div(min, -1).has_value());
  BOOST_TEST(floor_mod(min, -1) == 0);
  BOOST_TEST(checked_floor_div(min, 2).value() == -4611686018427387904);
  BOOST_TEST(floor_mod(min, 3) == 1);
  BOOST_TEST(floor_mod(max, min) == -1);
  BOOST_TEST(checked_floor_div(max, min).value() == -1);
}

BOOST_AUTO_TEST_CASE(threads_share_no_state) {
  // Every function is reentrant: threads computing at once get what one thread gets.
  const auto work = [](std::int64_t seed) {
    BigInt x = add(pow(big(3), big(500 + seed)).value, big(seed));
    std::string digest;
    for (int i = 0; i < 200; ++i) {
      const BigInt m = add(lshift_bits(big(1), 300 + i).value, big(2 * i + 1));
      x = add(mul(x, x), big(i));
      x = mod(x, m).value;
      digest += to_string(pow_mod(x, big(-1 - i), m).value, 36).value;
      digest += to_string(bit_xor(negate(x), m), 7).value;
      digest += std::to_string(true_divide(x, m).value);
    }
    return digest;
  };
  std::vector<std::string> alone(4), together(4);
  for (int t = 0; t < 4; ++t)
    alone[t] = work(t);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] { together[t] = work(t); });
  for (auto& thread : threads)
    thread.join();
  for (int t = 0; t < 4; ++t)
    BOOST_TEST(alone[t] == together[t]);
}
