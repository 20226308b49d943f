# slice.indices() with a length or parts beyond 64 bits computes in int arithmetic, with
# CPython's errors (it raised OverflowError, and clamped a huge step).
L = 2**90
for s in (slice(0, 2**100, 3), slice(None), slice(None, None, -1), slice(-5, None), slice(-2**95, 2**95, 2**80),
          slice(10, -10, -2), slice(-3, -2**100, -1), slice(2**89, 2**91)):
    print(s.indices(L), s.indices(100))
try: slice(0, 1, 0).indices(L)
except ValueError as e: print("ValueError", e)
try: slice(0, 1).indices(-L)
except ValueError as e: print("ValueError", e)
try: slice('a', 2**100).indices(5)
except TypeError as e: print(e)
print(slice(2**100, None, -2**70).indices(2**80), slice(True, 2**64).indices(2**64 + 5))
