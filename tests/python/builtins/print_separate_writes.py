# print() hands a file whose write() is written in Python each piece in its own call, as
# CPython does (objects before a failing str() are already written); sys.stdout None
# prints nothing without converting the arguments.
import sys, types, io
class W:
    def __init__(self): self.calls = []
    def write(self, s): self.calls.append(s)
w = W(); print('a', 1, None, sep='--', end='!', file=w); print(file=w); print('x', 'y', file=w, sep=None, end=None); print(w.calls)
ns = types.SimpleNamespace(calls=[]); ns.write = ns.calls.append; print(1, 2, file=ns); print(ns.calls)
class Bad:
    def __str__(self): raise ValueError('no str')
w = W()
try: print('first', Bad(), file=w)
except ValueError as e: print(e, w.calls)
old = sys.stdout; sys.stdout = None; print(Bad()); sys.stdout = old; print('after None')
class SW(io.StringIO): pass
s = SW(); print('q', 'r', file=s); print(repr(s.getvalue()))
class SW2(io.StringIO):
    def write(self, x): return super().write('<' + x + '>')
s = SW2(); print('q', 'r', file=s); print(repr(s.getvalue()))
try: print('x', file=object())
except AttributeError as e: print(e)
