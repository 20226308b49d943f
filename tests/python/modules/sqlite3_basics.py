# sqlite3 for everyday use: connecting, creating tables, inserting with qmark and named
# parameters, fetching in every way, cursor attributes (rowcount, lastrowid, description,
# arraysize), transactions (implicit BEGIN, commit, rollback, isolation_level, the
# connection as a context manager) and a database file opened by a second connection.
import os
import shutil
import sqlite3
import tempfile

print(sqlite3.version, sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK)
print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.threadsafety in (0, 1, 3))
print(isinstance(sqlite3.sqlite_version_info, tuple), len(sqlite3.sqlite_version_info))

con = sqlite3.connect(":memory:")
print(type(con).__name__, repr(con.isolation_level), con.in_transaction, con.total_changes)
cur = con.cursor()
print(cur.connection is con, cur.rowcount, cur.lastrowid, cur.description, cur.arraysize)
cur.execute("create table people(id integer primary key, name text, age int, score real)")
print("create:", cur.rowcount, cur.lastrowid, cur.description, con.in_transaction)
cur.execute("insert into people(name, age, score) values (?, ?, ?)", ("ann", 31, 2.5))
print("insert:", cur.rowcount, cur.lastrowid, con.in_transaction)
cur.execute("insert into people(name, age, score) values (:n, :a, :s)", {"n": "bob", "a": 42, "s": 7.25})
print("named:", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people(name, age) values (?, ?)", [("cy", 5), ("dee", 77), ("ed", 18)])
print("many:", cur.rowcount, cur.lastrowid)


def gen():
    for i in range(3):
        yield ("gen%d" % i, i)


cur.executemany("insert into people(name, age) values (?, ?)", gen())
print("generator:", cur.rowcount)
cur.executemany("insert into people(name, age) values (?, ?)", iter([("it", 1)]))
print("iterator:", cur.rowcount, con.total_changes)
con.commit()
print("after commit:", con.in_transaction)

cur.execute("select id, name, age, score from people order by id")
print([d[0] for d in cur.description], len(cur.description[0]), cur.rowcount)
print(cur.fetchone())
print(cur.fetchmany(2))
cur.arraysize = 3
print(cur.fetchmany())
print(cur.fetchmany(size=1))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())

for row in con.execute("select name from people where age > ? order by name", (20,)):
    print("iter", row)
print(list(con.execute("select count(*), sum(age), max(score) from people")))

r = con.execute("update people set age = age + 1 where age < ?", (20,))
print("update:", r.rowcount, con.in_transaction)
con.rollback()
print("rolled back:", con.in_transaction, con.execute("select age from people where name='cy'").fetchone())
r = con.execute("delete from people where name like 'gen%'")
print("delete:", r.rowcount)
con.commit()

# The connection as a context manager: commits on success, rolls back on an exception.
with con:
    con.execute("insert into people(name) values ('ctx')")
print("with ok:", con.in_transaction, con.execute("select count(*) from people where name='ctx'").fetchone())
try:
    with con:
        con.execute("insert into people(name) values ('lost')")
        raise KeyError("boom")
except KeyError as e:
    print("with error:", repr(e), con.in_transaction)
print(con.execute("select count(*) from people where name='lost'").fetchone())
print(con.__enter__() is con, con.__exit__(None, None, None))

# isolation_level: None is autocommit; others open a transaction before DML.
con.isolation_level = None
con.execute("insert into people(name) values ('auto')")
print("autocommit:", con.isolation_level, con.in_transaction)
con.execute("begin")
con.execute("insert into people(name) values ('explicit')")
print("explicit begin:", con.in_transaction)
con.execute("rollback")
con.isolation_level = "immediate"
print(repr(con.isolation_level))
con.execute("insert into people(name) values ('imm')")
print("immediate:", con.in_transaction)
con.isolation_level = None
print("set None commits:", con.in_transaction)
con.isolation_level = ""
con.execute("select 1")
print("select opens none:", con.in_transaction)

# executescript commits first and runs every statement.
cur = con.executescript("""
    create table t(a, b);  -- comment
    insert into t values (1, 'x');
    /* block comment */
    insert into t values (2, 'y');
""")
print("script:", cur.description, cur.rowcount, con.in_transaction)
print(con.execute("select * from t").fetchall())
print(con.execute("select 1 as one, 'two' as \"second col\"").description)
print(con.execute("").description, con.execute("-- only a comment").fetchall())
print(sqlite3.complete_statement("select 1"), sqlite3.complete_statement("select 1;"))

# A cursor subclass and a row factory.
class MyCursor(sqlite3.Cursor):
    def names(self):
        return [r[0] for r in self.execute("select name from people order by id limit 2")]


print(con.cursor(MyCursor).names(), type(con.cursor(factory=MyCursor)).__name__)
con.row_factory = lambda c, row: {d[0]: v for d, v in zip(c.description, row)}
print(con.execute("select id, name from people order by id limit 1").fetchone())
c2 = con.cursor()
con.row_factory = None
print(c2.row_factory is not None, con.cursor().row_factory)
c2.row_factory = None
print(c2.execute("select 7").fetchone())

# A connection subclass through factory=.
class MyConnection(sqlite3.Connection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = "mine"


mc = sqlite3.connect(":memory:", factory=MyConnection)
print(type(mc).__name__, mc.tag, mc.execute("select 1+1").fetchone())
mc.close()
con.close()
print("closed:", con.close())

# A database file, seen by a second connection after commit only.
d = tempfile.mkdtemp()
try:
    path = os.path.join(d, "test.db")
    a = sqlite3.connect(path)
    a.execute("create table kv(k text primary key, v)")
    a.commit()
    a.execute("insert into kv values ('x', 1)")
    b = sqlite3.connect(path, timeout=0.1)
    print("before commit:", b.execute("select * from kv").fetchall())
    a.commit()
    print("after commit:", b.execute("select * from kv").fetchall())
    a.close()
    b.close()
    c = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    print("uri ro:", c.execute("select * from kv").fetchall())
    try:
        c.execute("insert into kv values ('y', 2)")
    except sqlite3.OperationalError as e:
        print("read-only:", e)
    c.close()
    import pathlib
    p = sqlite3.connect(pathlib.Path(path))
    print("pathlike:", p.execute("select count(*) from kv").fetchone())
    p.close()
finally:
    shutil.rmtree(d)

# The same query again while its first run is still being fetched, and after the
# schema changed (statements are reused between executions).
for cached in (128, 0):
    con = sqlite3.connect(":memory:", cached_statements=cached)
    con.execute("create table t(x)")
    con.executemany("insert into t values (?)", [(1,), (2,), (3,)])
    print([(x, con.execute("select x from t").fetchall()) for (x,) in con.execute("select x from t")])
    con.execute("alter table t add column y default 7")
    print(con.execute("select x from t").fetchall(), con.execute("select * from t").fetchall())
    c1 = con.execute("select x from t")
    c2 = con.execute("select x from t")
    print(c1.fetchone(), c2.fetchone(), c1.fetchall(), c2.fetchall())
    con.close()
