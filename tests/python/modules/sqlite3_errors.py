# sqlite3's exceptions: the DB-API hierarchy, SQLite's errors mapped to it with CPython's
# messages (and sqlite_errorcode / sqlite_errorname), and the checks the module makes
# itself: bindings, closed connections and cursors, argument types, threads.
import sqlite3
import threading

names = ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
         "OperationalError", "IntegrityError", "InternalError", "ProgrammingError",
         "NotSupportedError"]
for n in names:
    cls = getattr(sqlite3, n)
    print(n, cls.__module__, cls.__bases__[0].__name__)
con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.IntegrityError is sqlite3.IntegrityError)


def attempt(label, f):
    try:
        r = f()
        print(label, "->", r if not isinstance(r, sqlite3.Cursor) else "cursor")
    except Exception as e:
        code = getattr(e, "sqlite_errorcode", None)
        name = getattr(e, "sqlite_errorname", None)
        print(label, "->", type(e).__name__ + ":", e, *(x for x in (code, name) if x is not None))


con.execute("create table t(a integer unique, b text not null, c check (c > 0))")
con.execute("insert into t values (1, 'x', 1)")
attempt("syntax", lambda: con.execute("selec 1"))
attempt("syntax2", lambda: con.execute("select * frm t"))
attempt("no table", lambda: con.execute("select * from nope"))
attempt("no column", lambda: con.execute("select zz from t"))
attempt("exists", lambda: con.execute("create table t(a)"))
attempt("unique", lambda: con.execute("insert into t values (1, 'y', 1)"))
attempt("not null", lambda: con.execute("insert into t values (2, null, 1)"))
attempt("check", lambda: con.execute("insert into t values (3, 'z', -1)"))
attempt("values", lambda: con.execute("insert into t values (1)"))
attempt("too few", lambda: con.execute("select ?, ?", (1,)))
attempt("too many", lambda: con.execute("select ?", (1, 2)))
attempt("none given", lambda: con.execute("select ?"))
attempt("missing name", lambda: con.execute("select :a, :b", {"a": 1}))
attempt("dict for qmark", lambda: con.execute("select ?", {"a": 1}))
attempt("bad params", lambda: con.execute("select ?", 5))
attempt("bad type", lambda: con.execute("select ?", (object(),)))
attempt("bad type 2", lambda: con.execute("select ?, ?", (1, [2])))
attempt("overflow", lambda: con.execute("select ?", (2 ** 63,)))
attempt("two statements", lambda: con.execute("select 1; select 2"))
attempt("null char", lambda: con.execute("select 1\x00"))
attempt("surrogate", lambda: con.execute("select ?", ("\udc80",)))
attempt("sql not str", lambda: con.execute(5))
attempt("many not str", lambda: con.executemany(5, []))
attempt("many select", lambda: con.executemany("select ?", [(1,)]))
attempt("script not str", lambda: con.executescript(5))
attempt("script null", lambda: con.executescript("select 1;\x00"))
attempt("script error", lambda: con.executescript("create table v(a); select nope;"))
attempt("isolation value", lambda: setattr(con, "isolation_level", "sometimes"))
attempt("isolation type", lambda: setattr(con, "isolation_level", 5))
attempt("isolation del", lambda: delattr(con, "isolation_level"))
attempt("cursor factory", lambda: con.cursor(lambda c: 5))
attempt("Cursor(5)", lambda: sqlite3.Cursor(5))
attempt("arraysize", lambda: setattr(con.cursor(), "arraysize", "x"))
attempt("readonly", lambda: setattr(con.cursor(), "rowcount", 3))
attempt("collation callable", lambda: con.create_collation("c", 5))
attempt("collation name", lambda: con.create_collation(1, None))
attempt("adapt", lambda: sqlite3.adapt(object()))
attempt("complete type", lambda: sqlite3.complete_statement(1))
attempt("register", lambda: sqlite3.register_adapter(int))
attempt("open", lambda: sqlite3.connect("/nonexistent-dir/x/y.db"))
con.execute("create table u(x)")
con.execute("insert into u values (cast(x'61ff' as text))")
attempt("decode", lambda: con.execute("select x from u").fetchall())
con.text_factory = bytes
attempt("bytes factory", lambda: con.execute("select x from u").fetchall())
con.text_factory = str

# Errors leave the connection usable.
print(con.execute("select count(*) from t").fetchone())
try:
    con.execute("insert into t values (1, 'y', 1)")
except sqlite3.Error as e:
    print("caught as Error:", isinstance(e, sqlite3.DatabaseError), e.args)

cur = con.cursor()
cur.close()
attempt("closed cursor execute", lambda: cur.execute("select 1"))
attempt("closed cursor fetch", lambda: cur.fetchall())
print("closed cursor description:", cur.description)
cur2 = con.execute("select 1")
con.close()
attempt("closed execute", lambda: con.execute("select 1"))
attempt("closed cursor()", lambda: con.cursor())
attempt("closed commit", lambda: con.commit())
attempt("closed rollback", lambda: con.rollback())
attempt("closed total_changes", lambda: con.total_changes)
attempt("closed in_transaction", lambda: con.in_transaction)
attempt("closed isolation_level", lambda: con.isolation_level)
attempt("closed old cursor", lambda: cur2.fetchone())
attempt("closed function", lambda: con.create_function("f", 0, lambda: 1))
attempt("close again", lambda: con.close())

# Python code a cursor runs while it holds its statement may not use that cursor again.
con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
cur = con.cursor()
sqlite3.register_converter("again", lambda b: cur.execute("select 2").fetchone())
attempt("recursive converter", lambda: cur.execute('select 1 as "a [again]"').fetchall())


class P:
    pass


sqlite3.register_adapter(P, lambda p: cur.execute("select 3").fetchone()[0])
attempt("recursive adapter", lambda: cur.execute("select ?", (P(),)).fetchall())
other = con.cursor()
sqlite3.register_adapter(P, lambda p: other.execute("select 3").fetchone()[0])
attempt("other cursor", lambda: cur.execute("select ?", (P(),)).fetchall())
attempt("uninitialized cursor", lambda: sqlite3.Cursor.__new__(sqlite3.Cursor).execute("select 1"))
attempt("uninitialized connection",
        lambda: sqlite3.Connection.__new__(sqlite3.Connection).execute("select 1"))
con.close()

# A connection belongs to its thread unless check_same_thread=False.
con = sqlite3.connect(":memory:")
free = sqlite3.connect(":memory:", check_same_thread=False)
out = []


def other():
    try:
        con.execute("select 1")
    except sqlite3.ProgrammingError as e:
        out.append(str(e).startswith("SQLite objects created in a thread can only be used in that same thread."))
    out.append(free.execute("select 2").fetchone())


th = threading.Thread(target=other)
th.start()
th.join()
print("threads:", out)
