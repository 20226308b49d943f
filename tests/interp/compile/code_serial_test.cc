// tests/interp/compile/code_serial_test.cc - the bytes of interp/compile/code_serial.h:
// a unit reads back as it was written; cut, damaged or foreign bytes are refused with an
// error, never read as a unit that fails the VM's checks, never a crash.
#define BOOST_TEST_MODULE interp_code_serial
#include <boost/test/unit_test.hpp>

#include "interp/compile/code_serial.h"
#include "interp/compile/stack_check.h"
#include "tests/interp/compile/case_file.h"

#include <random>

namespace {

using interp::bytecode::CodeUnit;
using interp::bytecode::SerialError;

const char kSource[] = R"py(
import sys
BIG = 2 ** 200
def outer(a, b=2, /, c=3, *args, d, e=(1, 2.5, 3j), **kw):
    total = a + b + c + d
    def inner(x):
        nonlocal total
        total += x
        return [y for y in range(x) if y in {1, 2, 3}]
    return inner
class C(object):
    """doc"""
    def method(self):
        try:
            yield from range(3)
        except (KeyError, ValueError) as exc:
            raise RuntimeError("x") from exc
        finally:
            print("done", "\u00e9\U0001f600", b"\x00")
async def coro():
    async with sys as s:
        await s
match BIG:
    case {"k": v, **rest}: pass
    case [1, *others]: pass
)py";

std::string written() {
  auto result = compile_test::compile_source(kSource, "sample.py");
  BOOST_REQUIRE(std::holds_alternative<std::shared_ptr<const CodeUnit>>(result));
  std::string bytes;
  interp::bytecode::serialize_code(*std::get<std::shared_ptr<const CodeUnit>>(result), bytes);
  return bytes;
}

std::variant<std::shared_ptr<const CodeUnit>, SerialError> read(const std::string& bytes) {
  std::size_t pos = 0;
  return interp::bytecode::deserialize_code(bytes, pos);
}

} // namespace

BOOST_AUTO_TEST_CASE(reads_back_what_it_wrote) {
  std::string bytes = written();
  auto loaded = read(bytes);
  BOOST_REQUIRE(std::holds_alternative<std::shared_ptr<const CodeUnit>>(loaded));
  std::string again;
  interp::bytecode::serialize_code(*std::get<0>(loaded), again);
  BOOST_TEST(again == bytes);
  BOOST_TEST(std::get<0>(loaded)->filename == "sample.py");
}

BOOST_AUTO_TEST_CASE(every_cut_is_short_data) {
  std::string bytes = written();
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    auto loaded = read(bytes.substr(0, n));
    BOOST_REQUIRE_MESSAGE(std::holds_alternative<SerialError>(loaded), "cut at " << n);
    BOOST_TEST(std::get<SerialError>(loaded).truncated);
  }
}

BOOST_AUTO_TEST_CASE(another_build_is_refused) {
  std::string bytes = written();
  bytes[0] ^= 1;
  auto loaded = read(bytes);
  BOOST_REQUIRE(std::holds_alternative<SerialError>(loaded));
  BOOST_TEST(std::get<SerialError>(loaded).message ==
             "bad marshal data (code object of another interpreter build)");
}

// Damaged bytes either fail to read or read as a unit that passes every check the VM
// relies on.
BOOST_AUTO_TEST_CASE(damage_never_gives_an_unchecked_unit) {
  const std::string bytes = written();
  std::mt19937 random(12345);
  int refused = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string damaged = bytes;
    int changes = 1 + int(random() % 4);
    for (int k = 0; k < changes; ++k)
      damaged[4 + random() % (damaged.size() - 4)] = char(random() % 256);
    auto loaded = read(damaged);
    if (std::holds_alternative<SerialError>(loaded)) {
      ++refused;
      const SerialError& error = std::get<SerialError>(loaded);
      bool described = error.truncated || error.message.rfind("bad marshal data", 0) == 0;
      BOOST_TEST(described);
      continue;
    }
    BOOST_TEST(!interp::compile::check_code(*std::get<0>(loaded)));
  }
  BOOST_TEST(refused > 10000);
}
