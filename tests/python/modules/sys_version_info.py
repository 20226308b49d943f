# sys.version_info reports Python 3.11 as a named tuple; hexversion and maxsize agree.
import sys

v = sys.version_info
print(v[:2], v.major, v.minor, v.releaselevel, type(v).__name__, v >= (3, 11), v < (3, 12))
print(sys.hexversion >> 16 == 0x30B, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.version.startswith("3.11."), isinstance(sys.flags.optimize, int), sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30))
