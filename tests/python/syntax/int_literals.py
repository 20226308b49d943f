# Integer literals in all bases with underscores, and big literals.
print(0, 00, 0b1010, 0B11, 0o17, 0O7, 0xff, 0XAB, 1_000_000, 0x_ff, 0b_1_0, 0o_7)
print(123456789012345678901234567890, 0xFFFFFFFFFFFFFFFFFFFF, -0b1)
print(type(0x10).__name__, 1_2_3 + 0_0)
