# Attribute access on number literals needs a space or parentheses for ints.
print(1 .real, (1).imag, 1.5.is_integer(), 2.0.hex(), 0x10 .bit_length(), 1j.imag)
print(1_0 .__add__(1), (5).__class__.__name__)
