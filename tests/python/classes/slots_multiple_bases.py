# A class with several bases takes its instance layout from the base whose layout extends
# the others' (CPython's best_base): here the one that adds __slots__, even when a base
# without slots comes after it (asyncio's _SelectorTransport(_FlowControlMixin, Transport)).
class Base:
    __slots__ = ("_extra",)


class Read(Base):
    __slots__ = ()


class Write(Base):
    __slots__ = ()


class Transport(Read, Write):
    __slots__ = ()


class Flow(Transport):
    __slots__ = ("_loop", "_paused", "_high", "_low")

    def __init__(self, loop):
        self._extra = {}
        self._loop = loop
        self._paused = False
        self._high = 64
        self._low = 16


class Selector(Flow, Transport):
    def __init__(self, loop):
        super().__init__(loop)
        self.buffer = bytearray()


for cls in (Base, Read, Transport, Flow, Selector):
    print(cls.__name__, "base:", cls.__base__.__name__)

objects = [Selector("loop %d" % i) for i in range(200)]
for i, o in enumerate(objects):
    o._high = i
print(objects[7]._loop, objects[7]._high, objects[199]._loop, objects[199]._low)
print(sorted(vars(objects[0])), objects[0]._extra)


class Other:
    __slots__ = ("x",)


try:

    class Both(Flow, Other):
        pass

except TypeError as e:
    print("TypeError:", e)
