// Python's numeric hash of an int: the value modulo the Mersenne prime 2**61 - 1, so that
// equal ints, floats and fractions hash alike.
#include "interp/num/bigint.h"

namespace interp::num {

std::int64_t hash(BigView a) {
  if (a.size == 0) return 0;
  const auto residue =
      static_cast<std::int64_t>(mpn_mod_1(a.limbs, static_cast<mp_size_t>(a.size), kHashModulus));
  const std::int64_t h = a.negative ? -residue : residue;
  // -1 is the error return of CPython's hash slots, so no object may hash to it.
  return h == -1 ? -2 : h;
}

} // namespace interp::num
