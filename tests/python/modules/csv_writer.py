# _csv.writer: quoting rules of each mode, escaping, and round trips through reader.
import csv
import io
import decimal


def write(rows, **kw):
    s = io.StringIO()
    try:
        w = csv.writer(s, **kw)
        for row in rows:
            w.writerow(row)
    except Exception as e:
        print(type(e).__name__, e, repr(s.getvalue()))
        return None
    print(repr(s.getvalue()))
    return s.getvalue()


rows = [
    ['plain', 'with,comma', 'with "quote"', 'new\nline', 'cr\rx', '', None],
    [1, 2.5, -0.0, 1e100, 1 / 3, True, decimal.Decimal('1.10')],
    ['  lead', 'trail  ', "it's"],
    [],
    [''],
    [None],
]
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    out = write(rows, quoting=q)
    if out is not None:
        try:
            print(list(csv.reader(io.StringIO(out, newline=''), quoting=q)))
        except ValueError as e:
            print('ValueError', e)

write([['a', 'b']], quoting=csv.QUOTE_NONE)
write([['a,b']], quoting=csv.QUOTE_NONE)
write([['a,b', 'c"d', 'e\\f', 'g\nh']], quoting=csv.QUOTE_NONE, escapechar='\\')
out = write([['a,b', 'c"d', 'e\\f']], escapechar='\\', doublequote=False)
print(list(csv.reader([out], escapechar='\\', doublequote=False)))
write([['a"b']], doublequote=False)
write([['x']], quoting=csv.QUOTE_NONE, quotechar=None)
write([['']], quoting=csv.QUOTE_NONE)
write([['a;b', 'c']], delimiter=';')
write([['a', 'b']], lineterminator='\n')
write([['a\nb', 'c\rd', 'eXf']], lineterminator='X')
write([['a', "b'c"]], quotechar="'")
write([['é', 'ü,ß']])
write([('t', 'u'), 'xy', range(3)])
write([5])

s = io.StringIO()
w = csv.writer(s, dialect='excel-tab')
print(w.dialect.delimiter == '\t')
print(repr(w.writerow(['a', 'b c'])))
print(w.writerows([['1', '2'], ['3', '4\t5']]))
print(repr(s.getvalue()))
print(type(w).__name__)

try:
    csv.writer(5)
except TypeError as e:
    print('TypeError', e)


class Sink:
    def __init__(self):
        self.lines = []

    def write(self, line):
        self.lines.append(line)
        return len(line)


sink = Sink()
w = csv.writer(sink)
print(w.writerow(['x', 'y']), sink.lines)

# a round trip of awkward fields in every quoting mode that can carry them
fields = ['a', 'b,c', 'd"e', 'f\r\ng', '', ' h ', '\\']
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    s = io.StringIO()
    csv.writer(s, quoting=q).writerow(fields)
    back = next(csv.reader(io.StringIO(s.getvalue(), newline=''), quoting=q))
    print(q, back == fields)
s = io.StringIO()
csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\').writerow(['a,b', 'c\\d'])
print(repr(s.getvalue()), next(csv.reader([s.getvalue()], quoting=csv.QUOTE_NONE, escapechar='\\')))
