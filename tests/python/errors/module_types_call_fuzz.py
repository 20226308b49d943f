# Every method of the classes of core C++-written modules (deque, OrderedDict, defaultdict, array, StringIO, BytesIO, itertools, re, struct, zlib, hashlib, Random, operator, weakref, codecs, locks, bz2, lzma, sqlite3, unicodedata, iterators, generators, memoryview) called with missing, None, huge, negative and wrongly typed arguments: each raises or returns, none crashes the interpreter (defaultdict.__missing__() read a key that was not there)
import os, collections, array, io, itertools, re, struct, zlib, hashlib, random, operator, weakref, _random, codecs, threading, queue, select, socket, sqlite3, bz2, lzma, unicodedata, csv, _thread
class W: pass
w = W()
samples = [lambda: collections.deque([1, 2]), lambda: collections.OrderedDict(a=1), lambda: collections.defaultdict(list),
           lambda: array.array("i", [1, 2]), lambda: io.StringIO("ab"), lambda: io.BytesIO(b"ab"),
           lambda: itertools.count(), lambda: itertools.cycle([1]), lambda: re.compile("a+"), lambda: re.match("a", "a"),
           lambda: struct.Struct("i"), lambda: zlib.compressobj(), lambda: zlib.decompressobj(), lambda: hashlib.sha256(),
           lambda: hashlib.md5(), lambda: _random.Random(), lambda: operator.itemgetter(1), lambda: operator.attrgetter("a"),
           lambda: weakref.ref(w), lambda: codecs.getincrementaldecoder("utf-8")(), lambda: _thread.allocate_lock(),
           lambda: _thread.RLock(), lambda: bz2.BZ2Compressor(), lambda: lzma.LZMACompressor(), lambda: sqlite3.connect(":memory:"),
           lambda: unicodedata.ucd_3_2_0, lambda: iter([1]), lambda: (x for x in [1]), lambda: memoryview(bytearray(b"abcd"))]
skip = {"__init_subclass__", "__subclasshook__", "__class_getitem__", "__new__", "__del__", "__getattribute__", "__setattr__", "__delattr__", "__init__", "__reduce_ex__", "__reduce__", "__sizeof__", "__dir__", "__format__", "__pow__", "__rpow__", "acquire", "acquire_lock", "__enter__", "_acquire_restore", "wait"}
for make in samples:
    inst = make()
    cls = type(inst)
    for name in sorted(dir(cls)):
        if name in skip: continue
        try:
            meth = getattr(cls, name)
        except AttributeError:
            continue
        if not callable(meth) or type(meth).__name__ not in ("method_descriptor", "wrapper_descriptor", "builtin_function_or_method", "classmethod_descriptor", "function"):
            continue
        for args in [(), (make(),), (make(), None), (make(), None, None), (make(), -1), (make(), 2**70), (make(), "x", "y"), (make(), b"x", 1, 2)]:
            try:
                meth(*args)
            except BaseException:
                pass
print("ok")
