# Float and imaginary literals: exponents, leading/trailing dots, underscores.
print(1., .5, 1e3, 1E-3, 1_000.000_1, 1e1_0, 0e0, 00.5, 1_0e1, 3.14j, 1e2J, 0j, .0e-0)
print(type(1e0).__name__, type(1j).__name__, 1.5e308 * 10 > 1e308)
