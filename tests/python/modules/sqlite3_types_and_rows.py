# sqlite3's value mapping both ways (None, 64-bit ints, floats, str, bytes, bytearray,
# memoryview, bool), text_factory, sqlite3.Row, and adapters and converters with
# detect_types (the date/datetime ones sqlite3.dbapi2 registers included).
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
row = con.execute("select ?, ?, ?, ?, ?, ?, ?, ?", (None, 1, -2.5, "héllo ✓", b"\x00\xff",
                                                      bytearray(b"ba"), memoryview(b"mv"), True)).fetchone()
print(row, [type(v).__name__ for v in row])
print(con.execute("select ?, ?, ?", (2 ** 63 - 1, -2 ** 63, 1e300)).fetchone())
print(con.execute("select 1/2, 1.0/2, 'a' || 'b', x'414243', null, 9223372036854775807").fetchone())
print(con.execute("select typeof(?), typeof(?), typeof(?), typeof(?), typeof(?)",
                  (1, 1.5, "s", b"b", None)).fetchone())
print(con.execute("select :a, @b, $c", {"a": 1, "b": 2, "c": 3}).fetchone())
print(con.execute("select ?2, ?1", (1, 2)).fetchone())
print(con.execute("select ?", "x").fetchone())


class D(dict):
    def __missing__(self, key):
        return key * 2


print(con.execute("select :ab, :c", D(c=5)).fetchone())
con.execute("create table blobs(b blob)")
con.execute("insert into blobs values (?)", (sqlite3.Binary(b"\x01\x02"),))
print(con.execute("select b, length(b) from blobs").fetchone())
print(con.execute("select ''").fetchone(), con.execute("select x''").fetchone())

# text_factory
con.text_factory = bytes
print(con.execute("select 'é', 1").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print(con.execute("select 'abc'").fetchone())
con.text_factory = str

# sqlite3.Row
con.row_factory = sqlite3.Row
r = con.execute("select 1 as a, 'x' as B, null as c").fetchone()
print(type(r).__name__, r.keys(), len(r), list(r), tuple(r))
print(r[0], r[-1], r["a"], r["b"], r["B"], r[1:], r[::-1])
for key in (3, "zz", 1.5):
    try:
        r[key]
    except IndexError as e:
        print("IndexError:", e)
r2 = con.execute("select 1 as a, 'x' as B, null as c").fetchone()
r3 = con.execute("select 2 as a, 'x' as B, null as c").fetchone()
print(r == r2, r != r2, r == r3, r == (1, "x", None), hash(r) == hash(r2))
try:
    r < r2
except TypeError as e:
    print("TypeError:", e)
print(dict(zip(r.keys(), r)))
print(isinstance(r, __import__("collections").abc.Sequence))
cur = con.cursor()
print(cur.row_factory is sqlite3.Row)
made = sqlite3.Row(cur.execute("select 5 as five"), (5,))
print(made["five"], made.keys())
for bad in ((1, (1,)), (cur, [1])):
    try:
        sqlite3.Row(*bad)
    except TypeError as e:
        print("TypeError:", e)
con.row_factory = None

# Adapters and converters.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


sqlite3.register_adapter(Point, lambda p: "%f;%f" % (p.x, p.y))
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
print(sorted(k.__name__ for k, proto in sqlite3.adapters if proto is sqlite3.PrepareProtocol))
print(sorted(sqlite3.converters))


class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"


print(con.execute("select ?", (Conforming(),)).fetchone())
print(sqlite3.adapt(Point(1, 2)), sqlite3.adapt(Conforming()), sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))

dt = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dt.execute("create table shapes(p point, d date, ts timestamp, n int)")
dt.execute("insert into shapes values (?, ?, ?, ?)",
           (Point(1, 2.5), datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 13, 14, 15, 16), 3))
dt.execute("insert into shapes values (null, null, ?, null)", (datetime.datetime(2000, 1, 1),))
for row in dt.execute("select * from shapes"):
    print(row)
print(dt.execute('select p as "p [point]", d as "plain" from shapes limit 1').fetchone())
print(dt.execute('select \'1;2\' as "q [POINT]"').description)
print(dt.execute('select \'1;2\' as "q [POINT]"').fetchone())
print(dt.execute('select \'2020-05-06\' as "x [date]"').fetchone())
plain = sqlite3.connect(":memory:")
plain.execute("create table shapes(d date)")
plain.execute("insert into shapes values (?)", (datetime.date(2024, 1, 2),))
print(plain.execute("select d from shapes").fetchone())
