# Messages name a type made by a C module as CPython's tp_name does: with its module
# ("collections.deque"); reprs of such objects still use the bare name.
from collections import deque, defaultdict
import array, itertools, io

for obj in (deque(), defaultdict(int), array.array('i'), itertools.count(), io.BytesIO()):
    try:
        hash(obj)
        print("hashable", type(obj))
    except TypeError as e:
        print(e)
    try:
        obj.nope
    except AttributeError as e:
        print(e)
    try:
        obj - 1
    except TypeError as e:
        print(e)
print(repr(deque([1])), repr(array.array('i', [2])), repr(itertools.count(3)))
class Mine(deque):
    pass
try:
    hash(Mine())
except TypeError as e:
    print(e)
