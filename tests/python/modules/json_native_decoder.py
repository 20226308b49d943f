# json decoding through the _json accelerator: values, escapes, hooks, and every error
# with its message and position (CPython 3.11's C scanner is the reference).
import json
import json.decoder
import json.scanner
from collections import OrderedDict
from decimal import Decimal


def show(doc, **kw):
    try:
        print(ascii(doc), "->", ascii(json.loads(doc, **kw)))
    except json.JSONDecodeError as e:
        print(ascii(doc), "!!", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(ascii(doc), "!!", type(e).__name__, e)


print("wired", json.decoder.c_scanstring is not None, json.scanner.c_make_scanner is not None)
print(json.decoder.scanstring is json.decoder.c_scanstring)

# values
for doc in ['0', '-0', '12', '-12', '1.5', '-1.5e3', '1E+2', '2e-3', '0.1', '1e400', '-1e400',
            '1e-400', '123456789012345678', '1234567890123456789', '-98765432109876543210',
            '3.141592653589793', '1.7976931348623157e308', '5e-324',
            'true', 'false', 'null', 'NaN', 'Infinity', '-Infinity',
            '""', '"abc"', '[]', '{}', '[1, 2, 3]', ' [ 1 , [ 2 , [ ] ] , { } ] ',
            '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
            '\n\t\r {"x"\n:\n1\n}\n', '{"a":1,"a":2}']:
    show(doc)

# strings
for doc in [r'"\"\\\/\b\f\n\r\t"', r'"\u0041\u00e9\u4e2d"', r'"\ud83d\ude00"', r'"\ud800"',
            r'"\udc00"', r'"\ud800\ud800"', r'"\ud800x"', r'"\udc00\ud800"', r'"\u12345"',
            r'"\uABCD\uabcd"', '"caf\u00e9 \u4e2d\u6587 \U0001f600"', '"\u00e9\\n\u00e9"',
            '"\x7f"', '"\\u0000"']:
    show(doc)
show('"a\tb"', strict=False)
show('["a\nb", "c\x00"]', strict=False)

# errors
for doc in ['', ' ', 'x', '[', ']', '{', '}', '[1', '[1,', '[1,]', '[1 2]', '[,1]',
            '{"a"', '{"a":', '{"a":1', '{"a" 1}', '{"a":1,}', '{"a":1 "b":2}', '{1:2}',
            "{'a':1}", '{"a":1}}', '[1]]', '1 2', 'nul', 'tru', 'fals', 'Nan', 'Inf', '-Inf',
            '-', '--1', '+1', '.5', '1.', '1.e5', '1e', '1e+', '01', '-01', '0x10', '"abc',
            '"abc\\', '"a\nb"', '"a\x00b"', '"a\tb"', r'"\x"', r'"\a"', r'"\u"', r'"\u12"',
            r'"\u12g4"', r'"\u+123"', r'"\u 123"', r'"\u0x12"', r'"\u1234', r'"\ud800\u"',
            r'"\ud800\u12"', r'"\ud800\uxyz1"', r'"\ud800\udc00', '[1, "a\nb"]',
            '{"a": [1, {"b": x}]}', '\n\n  [1,\n  2\n  3]', '[\n"\u00e9", x]', '"\u00e9\\q"',
            '{"\u00e9":1 2}']:
    show(doc)

# hooks
print(json.loads('{"b": 1, "a": {"c": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": {"c": 2}, "z": {}}', object_pairs_hook=OrderedDict))
print(json.loads('{"b": 1}', object_pairs_hook=lambda p: p, object_hook=lambda d: "hook"))
print(json.loads('{}', object_pairs_hook=lambda p: ("pairs", p)))
print(json.loads('[1.5, 2, 1e2]', parse_float=Decimal))
print(json.loads('[1.5, 2, -30]', parse_int=lambda s: "int:" + s))
print(json.loads('[1.5, 2, -30]', parse_float=str, parse_int=float))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: "const:" + s))
try:
    json.loads('[NaN]', parse_constant=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError from parse_constant", e)
try:
    json.loads('{"a": 1}', object_hook=lambda d: d["missing"])
except KeyError as e:
    print("KeyError from object_hook", e)

# keys are shared within a document
docs = json.loads('[{"name": 1}, {"name": 2}]')
print(list(docs[0])[0] is list(docs[1])[0])

# raw_decode and the scanner object
dec = json.JSONDecoder()
print(dec.raw_decode('[1, 2] tail'))
print(dec.raw_decode('xx{"a": 1}', 2))
scan = dec.scan_once
print(type(scan).__name__, scan.strict, scan.object_hook, scan.parse_float is float)
print(scan('"abc" x', 0), scan('123 x', 0), scan('[1] x', 0))
for args in [('[1,', 0), ('xyz', 0), ('abc', 5), ('[x]', 0), ('{"a":x}', 0), ('', 0)]:
    try:
        print(scan(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
for args in [('abc', -1), (b'abc', 0), ('abc', 'x')]:
    try:
        scan(*args)
    except Exception as e:
        print(type(e).__name__, e)

# scanstring itself
ss = json.decoder.scanstring
print(ss('"abc"', 1), ss('x"a\\nb"y', 2), ss('"a\tb"', 1, False))
for args in [('"abc"', 10), ('"abc"', -1), ('"abc"', 5), ('"abc"', 1, None), (b'"abc"', 1),
             ('"a\nb"', 1)]:
    try:
        print(ss(*args))
    except json.JSONDecodeError as e:
        print("JSONDecodeError", e.msg, e.pos)
    except Exception as e:
        print(type(e).__name__, e)

# nesting
deep = "[" * 50 + "]" * 50
print(len(str(json.loads(deep))))
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("RecursionError", e)

# a document with non-ASCII text (read as UTF-32) through every kind of value
show('{"\u00e9": [1.5, -2, 10, "\u00fc\\n\\u00e9", {"k": null, "t": true}, [], {}], "x": NaN}')
show('["\u4e2d", 1e5, "\U0001f600", -0.25]', parse_float=lambda s: "f" + s)

# ints past the digit limit of int()
for doc in ["1" * 5000, "-" + "9" * 4300]:
    try:
        print(json.loads(doc) % 7)
    except ValueError as e:
        print("ValueError", e)
