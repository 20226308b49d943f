# plistlib: XML plists written and read back (the reader runs on pyexpat), binary plists,
# and the reader's errors.
import datetime
import plistlib

value = {
    "name": "pypy-stm",
    "version": 3,
    "ratio": 0.25,
    "negative": -17,
    "big": 2 ** 40,
    "enabled": True,
    "disabled": False,
    "when": datetime.datetime(2026, 11, 26, 8, 30, 0),
    "blob": b"\x00\x01binary\xff" * 5,
    "list": [1, "two", 3.5, [], {}, {"nested": ["deep", {"x": 1}]}],
    "text": "less < greater > amp & quote \" unicode \u00e9\u4e2d",
    "empty": "",
}

xml = plistlib.dumps(value)
print(xml.decode())
back = plistlib.loads(xml)
print(back == value, sorted(back))
print(back["when"], type(back["blob"]).__name__, back["list"][5])

xml2 = plistlib.dumps(value, sort_keys=False)
print(plistlib.loads(xml2) == value, list(plistlib.loads(xml2)) == list(value))

binary = plistlib.dumps(value, fmt=plistlib.FMT_BINARY)
print(plistlib.loads(binary) == value, plistlib.loads(binary, fmt=plistlib.FMT_BINARY) == value)

print(plistlib.loads(plistlib.dumps([1, 2, 3])), plistlib.loads(plistlib.dumps("just a string")))
d = plistlib.loads(plistlib.dumps({"data": b"abc"}), dict_type=dict)
print(d)

# Reader errors.
bad = [
    b"<?xml version='1.0'?><plist><dict><key>a</key></dict></plist>",
    b"<?xml version='1.0'?><plist><dict><integer>1</integer></dict></plist>",
    b"<?xml version='1.0'?><plist><array><string>x</string></dict></plist>",
    b"<?xml version='1.0'?><plist><unknown/></plist>",
]
for b in bad:
    try:
        print(plistlib.loads(b))
    except Exception as e:
        print(type(e).__name__, e)
