# _csv.Dialect validation, the dialect registry, and csv.py's DictReader/DictWriter/Sniffer.
import csv
import _csv
import io

print(_csv.__version__, csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE)
print(sorted(csv.list_dialects()))
print(issubclass(csv.Error, Exception), csv.Error.__module__)

d = _csv.Dialect()
for name in ('delimiter', 'quotechar', 'escapechar', 'doublequote', 'skipinitialspace',
             'lineterminator', 'quoting', 'strict'):
    print(name, repr(getattr(d, name)))
try:
    d.delimiter = ';'
except AttributeError as e:
    print('AttributeError')

e = csv.get_dialect('excel')
print(type(e).__name__, repr(e.delimiter), repr(e.lineterminator))
print(_csv.Dialect(e) is e)
print(repr(_csv.Dialect(e, delimiter=';').delimiter))
print(repr(_csv.Dialect('excel-tab').delimiter))


def bad(**kw):
    try:
        _csv.Dialect(**kw)
        print('ok', kw)
    except Exception as ex:
        print(type(ex).__name__, ex)


bad(delimiter='')
bad(delimiter='ab')
bad(delimiter=1)
bad(delimiter=None)
bad(quotechar='ab')
bad(quotechar=5)
bad(quotechar=None)
bad(quotechar=None, quoting=csv.QUOTE_ALL)
bad(quotechar=None, quoting=csv.QUOTE_NONE)
bad(escapechar='xx')
bad(escapechar=None)
bad(lineterminator=None)
bad(lineterminator=5)
bad(lineterminator='')
bad(quoting=7)
bad(quoting='a')
bad(quoting=-1)
bad(doublequote=0, strict=[1], skipinitialspace='yes')
print(_csv.Dialect(quotechar=None).quoting)
print(_csv.Dialect(doublequote=0, strict=[1]).strict)


class MyDialect(csv.Dialect):
    delimiter = ':'
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL


csv.register_dialect('mine', MyDialect)
print(sorted(csv.list_dialects()))
m = csv.get_dialect('mine')
print(repr(m.delimiter), repr(m.lineterminator), m.strict)
print(list(csv.reader(['a:b:"c:d"'], 'mine')))
s = io.StringIO()
csv.writer(s, 'mine').writerow(['x:y', 'z'])
print(repr(s.getvalue()))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
print(csv.get_dialect('semi').delimiter, csv.get_dialect('semi').quoting)
csv.register_dialect('semi2', 'semi', lineterminator='|')
print(repr(csv.get_dialect('semi2').lineterminator), csv.get_dialect('semi2').delimiter)
csv.unregister_dialect('semi2')
for f, arg in ((csv.get_dialect, 'nope'), (csv.unregister_dialect, 'nope')):
    try:
        f(arg)
    except csv.Error as ex:
        print('Error', ex)
try:
    csv.reader([], 'nope')
except csv.Error as ex:
    print('Error', ex)
try:
    csv.register_dialect(5)
except TypeError as ex:
    print('TypeError', ex)
try:
    csv.register_dialect('bad', delimiter='xy')
except TypeError as ex:
    print('TypeError', ex)


class Broken(csv.Dialect):
    delimiter = 'xy'


try:
    Broken()
except csv.Error as ex:
    print('Error', ex)

# DictReader / DictWriter
text = 'name,age,city\r\nAnn,31,"Paris, FR"\r\nBob,,"Multi\nline"\r\nCid,4\r\nDee,5,x,extra\r\n'
r = csv.DictReader(io.StringIO(text, newline=''))
for row in r:
    print(row, r.line_num)
print(r.fieldnames)
r = csv.DictReader(io.StringIO('a;b\n1;2\n'), delimiter=';', restkey='rest', restval='?')
print(list(r))
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=['x', 'y'], restval='-', quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
w.writerow({'x': 1, 'y': 'two'})
w.writerows([{'x': 2.5}, {'y': None}])
print(repr(out.getvalue()))
try:
    w.writerow({'x': 1, 'z': 2})
except ValueError as ex:
    print('ValueError', ex)
print(list(csv.DictReader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC)))

# Sniffer
sample = 'a;b;c\n1;2;3\n4;5;6\n'
sn = csv.Sniffer()
dia = sn.sniff(sample)
print(repr(dia.delimiter), dia.skipinitialspace)
print(sn.has_header('name,age\nAnn,31\nBob,42\n'))
dia = sn.sniff('"x","y"\n"1","2"\n')
print(repr(dia.delimiter), repr(dia.quotechar))
print(list(csv.reader(io.StringIO(sample), dia if False else sn.sniff(sample))))

# argument parsing: parameters by position, unknown keywords, argument counts
def call(f):
    try:
        print(repr(f()))
    except Exception as ex:
        print(type(ex).__name__, ex)


call(lambda: _csv.Dialect('excel', ';').delimiter)
call(lambda: _csv.Dialect(None, ';', False, '\\').escapechar)
call(lambda: _csv.Dialect(*range(10)))
call(lambda: _csv.Dialect('excel', ';', dialect='x'))
call(lambda: _csv.Dialect(foo=1))
call(lambda: _csv.Dialect(quoting=True))
call(lambda: csv.reader())
call(lambda: csv.writer())
call(lambda: csv.reader(['a'], 'excel', 'x'))
call(lambda: csv.register_dialect('a', 'excel', 1))
call(lambda: list(csv.reader(['a;b'], dialect=csv.excel, delimiter=';')))
call(lambda: csv.field_size_limit(new_limit=10))
call(lambda: csv.field_size_limit())
call(lambda: csv.field_size_limit(131072))
call(lambda: csv.writer(io.StringIO()).writerow(5))
call(lambda: csv.writer(io.StringIO()).writerows([5]))


class Sub(_csv.Dialect):
    pass


call(lambda: (type(Sub(delimiter=';')).__name__, Sub(delimiter=';').delimiter))
