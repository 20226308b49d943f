# int(), float() and complex() call __int__/__index__/__trunc__/__float__/__complex__ in CPython's
# order (a subclass's override included), warn when those return a subclass's instance,
# read any bytes-like object, and report bad bases and keywords as CPython does; complex
# parsing takes Unicode spaces and digits and '_' in exponents; format() of an imaginary
# number gives its sign option to the imaginary part.
import array
import warnings
warnings.simplefilter('always')
def show(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try: r = f(); print(repr(r), type(r).__name__)
        except Exception as e: print(type(e).__name__, e)
        for x in w: print('  warn', x.category.__name__, x.message)
class I(int):
    def __int__(self): return 42
class J(int): pass
class R:
    def __int__(self): return J(5)
class Ix:
    def __index__(self): return J(6)
class T:
    def __trunc__(self): return 3
class T2:
    def __trunc__(self): return Ix()
class T3:
    def __trunc__(self): return 1.5
class F(float):
    def __float__(self): return 42.0
class G(float): pass
class FR:
    def __float__(self): return G(2.5)
class FI:
    def __index__(self): return 7
for f in [lambda: int(I(7)), lambda: int(J(7)), lambda: int(R()), lambda: int(Ix()), lambda: int(T()), lambda: int(T2()), lambda: int(T3()),
          lambda: int(memoryview(b'123')), lambda: int(bytearray(b'12')), lambda: int(array.array('b', b'42')), lambda: int(memoryview(b'12345')[1:3]),
          lambda: int(b'123\x00'), lambda: int(bytearray(b'1x')), lambda: int(memoryview(b'1x')),
          lambda: float(F(7)), lambda: float(G(7)), lambda: float(FR()), lambda: float(FI()), lambda: float(memoryview(b'1.5')), lambda: float(array.array('b', b'2.5')),
          lambda: float(memoryview(b'12.5x')[1:4]), lambda: float(bytearray(b'x')),
          lambda: int('10', 2**70), lambda: int('10', -2**70), lambda: int('10', FI()), lambda: int('10', 37), lambda: int(x=1), lambda: int(base=3),
          lambda: complex('1+2j'), lambda: complex('1_0+2_0j'), lambda: complex(' (1+2j) '), lambda: complex('1e1_0j'), lambda: format(3j, ''), lambda: format(1+3j, ''), lambda: format(3j, '10'), lambda: format(-0.0+3j,''), lambda: str(3j), lambda: format(1.5j, 'g')]:
    show(f)
class K(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
show(lambda: K(1.5, newarg=3).newarg)
class K2(float): pass
show(lambda: K2(1.5, x=3))
show(lambda: float(x=3))
for z in [3j, -3j, 1+3j, -0.0+3j, 0.0-0j, complex(-0.0, 0.0), 1.5j, 4/7. - 100j/7.]:
  print([format(z, s) for s in ['', '-', '10', '<10', '+', ' ', '>12', '.2', 'g', '#', '+g', '^12']])
print(complex('\N{EM SPACE}(\N{EN SPACE}1+1j ) '), complex('1e1_0j'), complex('١+٢j'))
class C0(complex):
    def __complex__(self):
        return 42j
show(lambda: complex(C0(1j)))
class ValidBytes:
    def __bytes__(self):
        return b'\x01'
show(lambda: int.from_bytes(ValidBytes(), 'big'))
show(lambda: int.from_bytes('', 'big'))
class FooStr(str):
    def __float__(self):
        return 9.0
show(lambda: float(FooStr('8')))
show(lambda: float(array.array('b', b'x')))
class C(complex):
    pass
class D:
    def __complex__(self):
        return C(1j)
show(lambda: complex(D()))
