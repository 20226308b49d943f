# Every method of the classes of core C++-written modules (deque, OrderedDict, defaultdict, array, StringIO, BytesIO, itertools, re, struct, zlib, hashlib, Random, operator, weakref, codecs, locks, bz2, lzma, sqlite3, unicodedata, iterators, generators, memoryview) called with missing, None, huge, negative and wrongly typed arguments: each raises or returns, none crashes the interpreter (defaultdict.__missing__() read a key that was not there)
import os, sys, collections, array, io, itertools, re, struct, zlib, hashlib, random, operator, weakref, _random, codecs, threading, queue, select, socket, sqlite3, bz2, lzma, unicodedata, csv, _thread
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
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from call_fuzz import call_every_method, KINDS
for make in samples:
    # Waits that would block for ever on a lock these calls took.
    call_every_method(type(make()), make, skip={"acquire", "acquire_lock", "__enter__", "_acquire_restore", "wait"},
                      kinds=KINDS + ("function",), more_args=[(b"x", 1, 2)])
print("ok")
