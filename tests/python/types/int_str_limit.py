# int/str conversion of very long numbers is limited (4300 digits) in 3.11; sys.set_int_max_str_digits lifts it.
import sys

big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(sys.get_int_max_str_digits(), len(hex(big)))
sys.set_int_max_str_digits(6000)
print(len(str(big)), str(big)[:5])
print(int("7" * 5500) % 1000)
