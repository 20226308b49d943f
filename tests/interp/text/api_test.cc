// Spot checks of the public API as the interpreter will call it: the examples that
// Python users know by heart, the exact error texts, codec name lookup, a long
// search, and use from several threads at once. Expected values come from python3.11.
#define BOOST_TEST_MODULE text_api
#include <boost/test/unit_test.hpp>

#include <thread>
#include <vector>

#include "interp/text/case_mapping.h"
#include "interp/text/codecs.h"
#include "interp/text/str_search.h"
#include "interp/text/str_split.h"
#include "interp/text/unicode_props.h"

using namespace interp::text;

BOOST_AUTO_TEST_CASE(full_case_mappings) {
  BOOST_CHECK(str_upper<char32_t>(U"\u00df") == U"SS");
  BOOST_CHECK(str_title<char32_t>(U"\ufb01") == U"Fi");
  BOOST_CHECK(str_lower<char32_t>(U"\u0130") == U"i\u0307");
  // Final sigma: 'ΌΣΟΣ'.lower() == 'όσος'.
  BOOST_CHECK(str_lower<char32_t>(U"\u038c\u03a3\u039f\u03a3") == U"\u03cc\u03c3\u03bf\u03c2");
}

BOOST_AUTO_TEST_CASE(digits_behind_int_and_float) {
  // int('١٢٣') == 123 and float('１.５') == 1.5 read these values.
  std::u32string arabic = U"\u0661\u0662\u0663";
  int value = 0;
  for (char32_t c : arabic)
    value = value * 10 + *decimal_value(c);
  BOOST_CHECK_EQUAL(value, 123);
  BOOST_CHECK_EQUAL(*decimal_value(U'\uff11'), 1);
  BOOST_CHECK_EQUAL(*decimal_value(U'\uff15'), 5);
  BOOST_CHECK(!decimal_value(U'\uff0e'));
}

BOOST_AUTO_TEST_CASE(codec_error_texts) {
  auto decoded = decode("\xff", "utf-8");
  BOOST_REQUIRE(!decoded.ok());
  BOOST_CHECK(decoded.error().kind == CodecError::Kind::decode);
  BOOST_CHECK_EQUAL(decoded.error().message(),
                    "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  BOOST_CHECK_EQUAL(decoded.error().start, 0);
  BOOST_CHECK_EQUAL(decoded.error().end, 1);
  BOOST_CHECK_EQUAL(decoded.error().reason, "invalid start byte");

  auto encoded = encode<char32_t>(U"\u00e9", "ascii");
  BOOST_REQUIRE(!encoded.ok());
  BOOST_CHECK(encoded.error().kind == CodecError::Kind::encode);
  BOOST_CHECK_EQUAL(encoded.error().message(), "'ascii' codec can't encode character '\\xe9' in "
                                               "position 0: ordinal not in range(128)");

  auto unknown = decode("abc", "utf-9");
  BOOST_REQUIRE(!unknown.ok());
  BOOST_CHECK(unknown.error().kind == CodecError::Kind::unknown_encoding);
  BOOST_CHECK_EQUAL(unknown.error().message(), "unknown encoding: utf-9");

  // Error handler names are looked up only when an error happens.
  BOOST_CHECK(decode("abc", "utf-8", "no-such-handler").ok());
  auto lazy = decode("\xff", "utf-8", "no-such-handler");
  BOOST_REQUIRE(!lazy.ok());
  BOOST_CHECK_EQUAL(lazy.error().message(), "unknown error handler name 'no-such-handler'");

  auto name = encode<char32_t>(U"\u00e9", "ascii", "namereplace");
  BOOST_REQUIRE(!name.ok());
  BOOST_CHECK(name.error().kind == CodecError::Kind::unsupported_handler);
}

BOOST_AUTO_TEST_CASE(codec_names_as_python_normalizes_them) {
  for (const char* name : {"UTF8", "utf_8", "U8", "utf-8", " Utf--8 "})
    BOOST_CHECK(lookup_codec(name) == Codec::utf_8);
  for (const char* name : {"latin1", "iso-8859-1", "ISO_8859-1", "L1", "latin-1"})
    BOOST_CHECK(lookup_codec(name) == Codec::latin_1);
  BOOST_CHECK(lookup_codec("US-ASCII") == Codec::ascii);
  BOOST_CHECK(lookup_codec("UTF-16LE") == Codec::utf_16_le);
  BOOST_CHECK(!lookup_codec("utf-7"));
  // Non-ASCII characters separate words, as in CPython: 'utf\u00e9-8' is utf-8.
  BOOST_CHECK(lookup_codec("utf\xc3\xa9-8") == Codec::utf_8);
  BOOST_CHECK(!lookup_codec("latin\xc3\xa9latin1"));
}

BOOST_AUTO_TEST_CASE(round_trips_every_code_point) {
  std::u32string all;
  for (char32_t c = 0; c < 0x110000; c += 7) {
    if (c < 0xD800 || c > 0xDFFF) all += c;
  }
  for (const char* codec : {"utf-8", "utf-16", "utf-16-be", "utf-32", "utf-32-le"}) {
    auto bytes = encode<char32_t>(all, codec);
    BOOST_REQUIRE(bytes.ok());
    auto back = decode(bytes.value(), codec);
    BOOST_REQUIRE(back.ok());
    BOOST_CHECK(back.value() == all);
  }
  // surrogateescape carries undecodable bytes through a str and back.
  std::string raw = "a\xff\xfe\x80z";
  auto escaped = decode(raw, "utf-8", "surrogateescape");
  BOOST_REQUIRE(escaped.ok());
  BOOST_CHECK(escaped.value() == U"a\xdcff\xdcfe\xdc80z");
  auto restored = encode<char32_t>(escaped.value(), "utf-8", "surrogateescape");
  BOOST_REQUIRE(restored.ok());
  BOOST_CHECK_EQUAL(restored.value(), raw);
}

BOOST_AUTO_TEST_CASE(search_and_split_edges) {
  BOOST_CHECK_EQUAL(str_count<char>("aaaa", "aa", 0, 4), 2); // non-overlapping
  auto split = str_split<char>("a", "", -1);
  BOOST_REQUIRE(!split.ok());
  BOOST_CHECK_EQUAL(split.error().message, "empty separator");
  BOOST_CHECK(split.error().kind == TextErrorKind::value_error);
  // ('a'*1000 + 'b' + 'a'*5).find('aaab') == 997
  std::string text = std::string(1000, 'a') + "b" + std::string(5, 'a');
  BOOST_CHECK_EQUAL(str_find<char>(text, "aaab"), 997);
  std::u32string wide(text.begin(), text.end());
  BOOST_CHECK_EQUAL(str_find<char32_t>(wide, U"aaab"), 997);
  BOOST_CHECK_EQUAL(str_rfind<char32_t>(wide, U"baa"), 1000);
  // A long haystack: the match at the end is found without quadratic work.
  std::string big(8 << 20, 'x');
  big += "needle";
  BOOST_CHECK_EQUAL(str_find<char>(big, "needle"), static_cast<Index>(8 << 20));
}

BOOST_AUTO_TEST_CASE(usable_from_many_threads_at_once) {
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &ok] {
      bool good = true;
      for (int i = 0; i < 2000; ++i) {
        good &= str_upper<char32_t>(U"stra\u00dfe \u03a3") == U"STRASSE \u03a3";
        good &= str_lower<char32_t>(U"A\u03a3") == U"a\u03c2";
        auto d = decode("h\xc3\xa9\xff", "utf-8", "replace");
        good &= d.ok() && d.value() == U"h\u00e9\ufffd";
      }
      ok[t] = good;
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (int good : ok)
    BOOST_CHECK(good);
}
