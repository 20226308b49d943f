#!/usr/bin/python3.11
"""Writes cases.txt: str/bytes methods and codecs on chosen inputs, answered by python3.11.

One case per line, tab-separated: method, arguments..., "=>", expected. Values:
  s:61.62      str as hex code points joined by '.'   (s: is "")
  a:abc        str written as itself (printable ASCII without space, ',' or '|')
  b:61.ff      bytes as hex joined by '.'
  i:-3         int          t:1 / t:0   bool          n:   None
  l:s:61,s:62  list of str/bytes
  e:Type|message                                 an exception
  e:UnicodeDecodeError|message|encoding|start|end|reason
Slice bounds of find/count/startswith... are written twice: as given to Python, and
then resolved the way CPython resolves them before searching (what the C++ takes).

Run: python3.11 tests/interp/text/gen_cases.py > tests/interp/text/cases.txt
"""
import sys


def enc(v):
    if v is None:
        return "n:"
    if isinstance(v, bool):
        return "t:1" if v else "t:0"
    if isinstance(v, int):
        return f"i:{v}"
    if isinstance(v, str) and v and all(0x20 < ord(c) < 0x7F and c not in ",|" for c in v):
        return "a:" + v
    if isinstance(v, str):
        return "s:" + ".".join(f"{ord(c):x}" for c in v)
    if isinstance(v, (bytes, bytearray)):
        return "b:" + ".".join(f"{c:x}" for c in v)
    if isinstance(v, (list, tuple)):
        return "l:" + ",".join(enc(x) for x in v)
    raise TypeError(v)


def enc_exc(e):
    if isinstance(e, (UnicodeDecodeError, UnicodeEncodeError)):
        return f"e:{type(e).__name__}|{e}|{e.encoding}|{e.start}|{e.end}|{e.reason}"
    return f"e:{type(e).__name__}|{e}"


out = []


def case(method, args, call, shown_args=None):
    try:
        expected = enc(call())
    except Exception as e:  # the exception is the expected value
        expected = enc_exc(e)
    shown = shown_args if shown_args is not None else args
    out.append("\t".join([method] + [enc(a) for a in shown] + ["=>", expected]))


def resolve(n, start, end):
    # CPython's ADJUST_INDICES: negatives count from the end and clip at 0; end clips
    # at the length; start may stay beyond it.
    start = 0 if start is None else start
    end = n if end is None else end
    if end > n:
        end = n
    elif end < 0:
        end = max(end + n, 0)
    if start < 0:
        start = max(start + n, 0)
    return start, end


STRS = ["", "a", "abc", "aaaa", "abcabcab", "a,b,,c,", "xyzzyzz", "\u03a3\u03a3",
        "\U0001f600x\U0001f600", "aXbXXc"]
BYTES = [s.encode("utf-8") for s in STRS if all(ord(c) < 128 for c in s)] + [
    b"\x85a\xa0b\x85", b"\xff\xfe\xff"]
NEEDLES = ["", "a", "ab", "abc", "zz", "\u03a3", "XX", "\U0001f600", "cabc"]
BOUNDS = [(None, None), (1, None), (-3, -1), (5, 2), (3, 100), (-100, -100), (4, 4),
          (100, None)]

for s in STRS:
    for sub in NEEDLES:
        for start, end in BOUNDS:
            rs, re_ = resolve(len(s), start, end)
            for m in ("find", "rfind", "count", "startswith", "endswith"):
                case(m, None, lambda: getattr(s, m)(sub, start, end), [s, sub, rs, re_])
for b in BYTES:
    for sub in [b"", b"a", b"\x85", b"ab", b"\xff\xfe"]:
        for start, end in BOUNDS:
            rs, re_ = resolve(len(b), start, end)
            for m in ("find", "rfind", "count", "startswith", "endswith"):
                case(m, None, lambda: getattr(b, m)(sub, start, end), [b, sub, rs, re_])
# Long inputs exercise the skip table, including periodic needles and collisions of
# the table's low-byte buckets (U+0161 and 'a' share 0x61).
long_inputs = ["ab" * 50 + "abc" + "ab" * 20, "a" * 200, "\u0161a" * 40 + "aa\u0161",
               "the quick brown fox jumps over the lazy dog " * 5]
long_needles = ["abc", "aaa", "aa\u0161", "\u0161a\u0161", "abab", "lazy dog", "fox jumps",
                "a" * 199, "a" * 201, "ba"]
for s in long_inputs:
    for sub in long_needles:
        for m in ("find", "rfind", "count"):
            case(m, None, lambda: getattr(s, m)(sub), [s, sub, 0, len(s)])

for s in STRS + ["aaa", "a\u03a3a\u03a3"]:
    for old, new in [("", "-"), ("a", "xy"), ("aa", "b"), ("X", ""), ("b", "\u00e9\u00e9"),
                     ("\u03a3", "s"), (",", ",,")]:
        for count in (-1, 0, 1, 2, 100):
            case("replace", [s, old, new, count], lambda: s.replace(old, new, count))
for b in BYTES:
    for old, new in [(b"", b"-"), (b"a", b"xy"), (b"\x85", b"")]:
        for count in (-1, 0, 1, 2):
            case("replace", [b, old, new, count], lambda: b.replace(old, new, count))

SPLIT_STRS = STRS + ["  a b  c  ", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2028 x \u3000y",
                     "a  b", " ", "a\u200bb", "one\ttwo\nthree"]
for s in SPLIT_STRS:
    for sep in [None, "", ",", "X", "XX", " ", "ab", "zz"]:
        for maxsplit in (-1, 0, 1, 2, -5):
            case("split", [s, sep, maxsplit], lambda: s.split(sep, maxsplit))
            case("rsplit", [s, sep, maxsplit], lambda: s.rsplit(sep, maxsplit))
    for sep in ["", ",", "X", "zz", "ab"]:
        case("partition", [s, sep], lambda: s.partition(sep))
        case("rpartition", [s, sep], lambda: s.rpartition(sep))
    for chars in [None, "", "a", " a", "\u03a3,", "ba"]:
        for m in ("strip", "lstrip", "rstrip"):
            case(m, [s, chars], lambda: getattr(s, m)(chars))
SPLIT_BYTES = BYTES + [b"  a b  c  ", b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0 x", b"a,b,,c"]
for b in SPLIT_BYTES:
    for sep in [None, b"", b",", b" ", b"\x85"]:
        for maxsplit in (-1, 0, 1, 2):
            case("split", [b, sep, maxsplit], lambda: b.split(sep, maxsplit))
            case("rsplit", [b, sep, maxsplit], lambda: b.rsplit(sep, maxsplit))
    for sep in [b"", b",", b"\x85"]:
        case("partition", [b, sep], lambda: b.partition(sep))
        case("rpartition", [b, sep], lambda: b.rpartition(sep))
    for chars in [None, b"", b"\x85a", b" "]:
        for m in ("strip", "lstrip", "rstrip"):
            case(m, [b, chars], lambda: getattr(b, m)(chars))

LINES = ["", "a", "a\n", "a\nb", "a\r\nb\rc\n\nd", "\r\n\r", "x\x0by\x0cz\x1c1\x1d2\x1e3\x1f4",
         "p\x85q\u2028r\u2029s", "\n", "\r\r\n"]
for s in LINES:
    for keepends in (False, True):
        case("splitlines", [s, keepends], lambda: s.splitlines(keepends))
        b = s.encode("latin-1", "replace")
        case("splitlines", [b, keepends], lambda: b.splitlines(keepends))

for s in ["", "a\tb", "\t", "ab\tc\td\n\te\r\tf", "\u00e9\t\u00e9\t", "12345678\tx"]:
    for tabsize in (8, 4, 1, 0, -1, 3):
        case("expandtabs", [s, tabsize], lambda: s.expandtabs(tabsize))
    b = s.encode("latin-1")
    case("expandtabs", [b, 4], lambda: b.expandtabs(4))
for s in ["", "a", "ab", "abc", "\u00e9\u03a3", "-12", "+3", "-", "x-1"]:
    for width in (-1, 0, 1, 2, 5, 6, 7):
        case("center", [s, width, "*"], lambda: s.center(width, "*"))
        case("ljust", [s, width, "\u00e9"], lambda: s.ljust(width, "\u00e9"))
        case("rjust", [s, width, " "], lambda: s.rjust(width, " "))
        case("zfill", [s, width], lambda: s.zfill(width))
        b = s.encode("utf-8")
        case("center", [b, width, b"."], lambda: b.center(width, b"."))
        case("zfill", [b, width], lambda: b.zfill(width))
for sep in ["", ", ", "\u00e9"]:
    for parts in [[], ["a"], ["a", "b", "c"], ["", ""], ["\U0001f600", "x"]]:
        case("join", [sep, parts], lambda: sep.join(parts))
    bsep = sep.encode("utf-8")
    case("join", [bsep, [b"a", b"\xff"]], lambda: bsep.join([b"a", b"\xff"]))

REPRS = ["", "a", "'", '"', "'\"", "it's", "\\", "\t\n\r\x00\x1f\x7f\x80\xa0\xad\xe9",
         "\u0378\u2028\u3000\ud800\udfff\ue000\ufeff\uffff", "\U0001f600\U000e0001\U0010ffff",
         "\u03a3\u00ff\u0100", "a'b\"c"]
for s in REPRS:
    case("repr", [s], lambda: repr(s))
    case("ascii", [s], lambda: ascii(s))
for b in [b"", b"a'b", b"'\"", b'"', b"\t\n\r\x00\x7f\x80\xff\\", b"hello"]:
    case("repr", [b], lambda: repr(b))

CASES = ["", "hello world", "HELLO", "hElLo wOrLd", "\u00df", "stra\u00dfe", "\ufb01sh \ufb01",
         "\u0130stanbul", "\u03a3", "A\u03a3", "A\u03a3b", "A\u03a3 b", "\u03a3A", "A.\u03a3.",
         "A\u03a3\u0301", "A\u0301\u03a3", "\u1f80\u1f88", "\u01c5ungla", "\u0149n", "a1b2 c3",
         "'twas ma'am's", "\u1e9e", "\u0345", "\u2160\u2170", "\U00010400\U00010428",
         "\u01c4\u01c5\u01c6", "ab\u02b0c", "hello\u00e9\u00c9", "\u03a3\u03a3\u03a3", "A\u03a3\u03a3"]
for s in CASES:
    for m in ("lower", "upper", "title", "capitalize", "swapcase", "casefold"):
        case(m, [s], lambda: getattr(s, m)())
    for m in ("isalpha", "isalnum", "isdigit", "isspace", "islower", "isupper", "istitle",
              "isascii", "isdecimal", "isnumeric", "isprintable", "isidentifier"):
        case(m, [s], lambda: getattr(s, m)())
PRED_STRS = ["", " ", "\x1c", "abc", "ABC", "Abc", "Abc Def", "ABc", "aBC", "A1", "1", "\u00b2",
             "\u0663\u0664", "\u00bd", "\u4e00", "_a", "a_1", "1a", "\u2160", "\u01c5", "\u01c5a",
             "a\u01c5", "\u1885", "\u037a", "\u0e33", "\u00b7a", "a\u00b7", "\u2118", "A\u02b0",
             "\x85", "\u3000", "\u200b", "\U0001d7ce", "Hello, World!", "\t", "x\ny"]
for s in PRED_STRS:
    for m in ("isalpha", "isalnum", "isdigit", "isspace", "islower", "isupper", "istitle",
              "isascii", "isdecimal", "isnumeric", "isprintable", "isidentifier"):
        case(m, [s], lambda: getattr(s, m)())
for b in [b"", b" ", b"\x1c", b"\x85", b"abc", b"ABC", b"Abc Def", b"A1", b"123", b"\xc0",
          b"\xe9t\xe9", b"Hello\xff World", b"\t\n"]:
    for m in ("isalpha", "isalnum", "isdigit", "isspace", "islower", "isupper", "istitle",
              "isascii"):
        case(m, [b], lambda: getattr(b, m)())
    for m in ("lower", "upper", "title", "capitalize", "swapcase"):
        case(m, [b], lambda: getattr(b, m)())

# Codecs.
HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape",
            "surrogatepass", "xmlcharrefreplace", "bogus"]
DECODE_INPUTS = [b"", b"abc", b"\xff", b"a\x80b", b"\xc3\xa9", b"\xc3", b"\xc3(", b"\xe0\x80",
                 b"\xe0\xa0", b"\xe0\xa0\x80", b"\xe2\x82", b"\xe2\x82\xac", b"\xe2\x82(x",
                 b"\xed\xa0\x80", b"\xed\xb2\x80x", b"\xed\xa0", b"\xf0\x90\x80", b"\xf0\x9f\x98\x80",
                 b"\xf4\x90\x80\x80", b"\xf5", b"\xc0\xaf", b"\xf0\x80\x80\x80", b"x\xf0\x9f\x98",
                 b"\xff\xfe", b"\xfe\xff", b"\xff\xfea\x00", b"\xfe\xff\x00a", b"a", b"a\x00",
                 b"\x00\xd8", b"\x00\xd8\x00", b"\x00\xd8\x00\xdc", b"\x00\xdc", b"\x00\xd8a\x00",
                 b"\x00\xd8\x00\xd8", b"\xd8\x00\xdc\x00", b"\x00\xd8\x00\xdca",
                 b"a\x00\x00\x00", b"\x00\x00\x00a", b"\x00\xd8\x00\x00", b"\x00\x00\x11\x00",
                 b"\xff\xfe\x00\x00a\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00a", b"abcde",
                 b"\xff\xfe\x00\x00\x00\xd8\x00\x00", b"\x80\x81"]
CODEC_NAMES = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
               "utf-32-le", "utf-32-be"]


def decodes(data, name):
    try:
        data.decode(name)
        return True
    except UnicodeError:
        return False


def encodes(text, name):
    try:
        text.encode(name)
        return True
    except UnicodeError:
        return False


# Where strict succeeds every handler gives the same answer, so only strict is kept.
for data in DECODE_INPUTS:
    for name in CODEC_NAMES:
        for errors in HANDLERS if not decodes(data, name) else ["strict"]:
            case("decode", [data, name, errors], lambda: data.decode(name, errors))
ENCODE_INPUTS = ["", "abc", "\u00e9", "a\u00e9\u00e9b", "\u20ac", "\U0001f600", "\ud800",
                 "\ud800\udc00", "a\udc80b", "\udc80\udcff", "a\udc80\u00e9\udcff",
                 "\udc80\ud800", "\u00ff\u0100", "x\U0010ffff"]
for text in ENCODE_INPUTS:
    for name in CODEC_NAMES:
        for errors in HANDLERS if not encodes(text, name) else ["strict"]:
            case("encode", [text, name, errors], lambda: text.encode(name, errors))
for name in ["UTF8", "utf_8", "U8", "utf", "Latin1", "iso-8859-1", "ISO_8859-1", "l1",
             "us-ascii", "ANSI_X3.4-1968", "646", "UTF-16LE", "utf_32_be", "u32", " utf-8 ",
             "utf--8", "utf8!", "bogus", "", "utf-9", "latin-2"]:
    case("encode", ["h\u00e9", name, "strict"], lambda: "h\u00e9".encode(name))
    case("decode", [b"h\xc3\xa9", name, "strict"], lambda: b"h\xc3\xa9".decode(name))

print("\n".join(out))
print(f"{len(out)} cases", file=sys.stderr)
