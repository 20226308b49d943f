# sqlite3's callbacks into Python: user functions (create_function, with any number of
# arguments, deterministic, replaced and removed), aggregates, collations, and errors
# raised inside them; Connection.iterdump over the standard library's sqlite3.dump.
import sqlite3

con = sqlite3.connect(":memory:")
con.create_function("double", 1, lambda x: x * 2)
con.create_function("describe", -1, lambda *a: repr(a))
con.create_function("nada", 0, lambda: None)
con.create_function("pi", 0, lambda: 3.14159, deterministic=True)
con.create_function(name="blobby", narg=1, func=lambda b: bytes(reversed(b)))
print(con.execute("select double(21), double(1.5), double('ab')").fetchone())
print(con.execute("select describe(1, 2.5, 'x', x'01', null), describe()").fetchone())
print(con.execute("select nada(), pi(), blobby(x'010203')").fetchone())
con.create_function("double", 1, lambda x: x * 3)
print(con.execute("select double(2)").fetchone())
con.create_function("double", 1, None)
for sql in ("select double(2)", "select double(1, 2)", "select pi(1)"):
    try:
        con.execute(sql)
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)


def fails(x):
    return 1 / x


con.create_function("fails", 1, fails)
con.create_function("weird", 0, lambda: object())
con.create_function("huge", 0, lambda: 2 ** 70)
for sql in ("select fails(0)", "select weird()", "select huge()"):
    try:
        con.execute(sql).fetchall()
    except sqlite3.Error as e:
        print(type(e).__name__ + ":", e)
print(con.execute("select fails(4)").fetchone())

con.execute("create table t(x, s)")
con.executemany("insert into t values (?, ?)", [(1, "b"), (2, "a"), (3, "C"), (4, "a")])


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, value):
        self.total += value

    def finalize(self):
        return self.total


class Concat:
    def __init__(self):
        self.parts = []

    def step(self, *values):
        self.parts.append("-".join(map(str, values)))

    def finalize(self):
        return ",".join(self.parts)


con.create_aggregate("mysum", 1, Sum)
con.create_aggregate("joined", -1, Concat)
print(con.execute("select mysum(x) from t").fetchone())
print(con.execute("select s, mysum(x) from t group by s order by s").fetchall())
print(con.execute("select joined(x, s) from t").fetchone())
print(con.execute("select mysum(x) from t where x > 100").fetchone())


class BadInit:
    def __init__(self):
        raise ValueError


class BadStep:
    def step(self, v):
        raise ValueError

    def finalize(self):
        return 0


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise ValueError


for name, cls in (("bad_init", BadInit), ("bad_step", BadStep), ("bad_final", BadFinal)):
    con.create_aggregate(name, 1, cls)
    try:
        con.execute("select %s(x) from t" % name).fetchall()
    except sqlite3.OperationalError as e:
        print("OperationalError:", e)


def reverse_order(a, b):
    return (a < b) - (a > b)


con.create_collation("reverse", reverse_order)
con.create_collation("nocase_py", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
print(con.execute("select s from t order by s collate reverse").fetchall())
print(con.execute("select s from t order by s collate nocase_py, x").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("select s from t order by s collate reverse")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)

# iterdump
dump = sqlite3.connect(":memory:")
dump.executescript("""
    create table a(id integer primary key, name text, data blob, r real);
    insert into a values (1, 'it''s', x'00ff', 1.5);
    insert into a values (2, null, null, null);
    create index a_name on a(name);
    create view v as select name from a;
""")
for line in dump.iterdump():
    print(line)
copy = sqlite3.connect(":memory:")
copy.executescript("\n".join(dump.iterdump()))
print(copy.execute("select * from a order by id").fetchall())
