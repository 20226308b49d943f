# unicodedata.ucd_3_2_0, the Unicode 3.2 data that stringprep and the idna codec use:
# properties of characters that 3.2 did not assign or that changed since, its lookup (no
# aliases, no named sequences), the normalization corrections, the UCD class; then
# stringprep's tables and idna encoding and decoding of host names built on it, with its
# errors as str.encode rewraps them.
import encodings.idna
import stringprep
import unicodedata

o = unicodedata.ucd_3_2_0
print(o.unidata_version, unicodedata.unidata_version, type(o) is unicodedata.UCD,
      unicodedata.UCD.__name__, unicodedata.UCD.__module__)
try:
    unicodedata.UCD()
except TypeError as e:
    print(e)

# U+0221 (4.0), U+2189 (5.2), U+20BF (10.0), U+1DC0 (4.1) came after 3.2; U+00B2 and
# U+1369 lost their decimal values, U+231A its width class, U+002B and U+00AD changed
# bidi class, U+0F3A became mirrored, U+200B changed category
for c in "a\u0221\u2189\u20bf\u1dc0\u00b2\u1369\u0f3a\u231a\u002b\u00ad\u00ab\u200b\u0340\U0001d7ce":
    row = []
    for db in (o, unicodedata):
        row.append((db.category(c), db.bidirectional(c), db.combining(c), db.mirrored(c),
                    db.east_asian_width(c), db.decomposition(c), db.decimal(c, None),
                    db.digit(c, None), db.numeric(c, None), db.name(c, None)))
    print("%04X" % ord(c), *row)


def show(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


for name in ["LATIN SMALL LETTER A", "latin small letter a", "LATIN SMALL LETTER D WITH CURL",
             "BYTE ORDER MARK", "KEYCAP NUMBER SIGN", "HANGUL SYLLABLE GAG",
             "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-9FA6"]:
    show(o.lookup, name)
show(o.name, "\u0221")
show(o.numeric, "\u2189")
show(o.category)
show(o.lookup)
for s in ["\U0002f868", "\U0002f874", "\u2189", "\u00c5", "A\u030a\u0221", "\uac00\u11a8"]:
    print([(o.normalize(f, s).encode("unicode-escape"), o.is_normalized(f, s))
           for f in ("NFC", "NFD", "NFKC", "NFKD")], unicodedata.normalize("NFD", s) == o.normalize("NFD", s))

print(stringprep.in_table_a1("\u0221"), stringprep.in_table_a1("a"), stringprep.in_table_b1("\u00ad"),
      stringprep.map_table_b2("\u00c5"), stringprep.map_table_b3("\u00df"),
      stringprep.in_table_c22("\u200e"), stringprep.in_table_d1("\u05d0"), stringprep.in_table_d2("a"))
print(encodings.idna.nameprep("B\u00fccher\u00ad"), encodings.idna.ToASCII("b\u00fccher"),
      encodings.idna.ToUnicode(b"xn--bcher-kva"))
for host in ["example.com", "b\u00fccher.de", "B\u00fccher.Example", "\u043f\u0440\u0438\u043c\u0435\u0440.\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435",
             "\u65e5\u672c\u8a9e.jp", "fa\u00df.de", "\u00c4\u00d6\u00dc"]:
    encoded = host.encode("idna")
    print(host, encoded, encoded.decode("idna"))
for bad in ["a\u0221.com", "\u05d0a.com", "x" * 64 + ".com"]:
    try:
        print(bad.encode("idna"))
    except UnicodeError as e:
        print(type(e).__name__, e, repr(e.__cause__))
