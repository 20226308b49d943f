# codecs: the registry (search functions, lookup, CodecInfo), error handlers registered
# from Python, and codecs.encode/decode through both.
import codecs

info = codecs.lookup("UTF-8")
print(info.name, type(info).__name__, codecs.lookup("latin1").name, codecs.lookup("cp1252").name)
try:
    codecs.lookup("no-such-codec")
except LookupError as e:
    print("LookupError", e)


def search(name):
    if name == "shout":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode().lower(), len(b)),
                                name="shout")
    return None


codecs.register(search)
print(codecs.encode("hello", "shout"), codecs.decode(b"WORLD", "shout"), codecs.lookup("Shout").name)
codecs.unregister(search)
try:
    codecs.lookup("shout")
except LookupError as e:
    print("after unregister:", e)


def dashes(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("-" * (exc.end - exc.start), exc.end)
    return ("<%d:%d>" % (exc.start, exc.end), exc.end)


codecs.register_error("dashes", dashes)
print(codecs.lookup_error("dashes") is dashes, codecs.lookup_error("strict").__name__)
print(codecs.encode("a\u20acb\u20ac\u20acc", "ascii", "dashes"))
print(codecs.decode(b"a\xffb\xfe", "utf-8", "dashes"))
print(codecs.encode("x\u0100y", "latin-1", "dashes"))
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError", e)
for handler in ("replace", "backslashreplace", "xmlcharrefreplace", "ignore"):
    print(handler, codecs.encode("\xe9\u20ac!", "ascii", handler))
print(codecs.decode(b"\xffok", "ascii", "surrogateescape").encode("ascii", "surrogateescape"))
try:
    codecs.decode(b"ab\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
