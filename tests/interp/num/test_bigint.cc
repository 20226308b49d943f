// Tests of interp/num/bigint.h (being written).
#define BOOST_TEST_MODULE bigint
#include <boost/test/unit_test.hpp>

BOOST_AUTO_TEST_CASE(placeholder) { BOOST_TEST(true); }
