# _csv.reader: CPython 3.11's state machine on tricky inputs.
import csv


def show(lines, **kw):
    try:
        r = csv.reader(lines, **kw)
        out = [row for row in r]
        print(repr(out), r.line_num)
    except Exception as e:
        print(type(e).__name__, e)


show(['a,b,c'])
show(['a,b,c\r\n', '1,2,3\r\n'])
show(['"a,b",c'])
show(['"a ""quoted"" word",x'])
show(['"multi\n', 'line",end\n', 'next\n'])
show(['"multi\r\n', 'line"\r\n'])
show(['', 'a', ''])
show(['\r\n', 'a\n'])
show(['a,,b,'])
show([',,'])
show(['"",""'])
show(['a, b,  c'], skipinitialspace=True)
show(['a, "b,c", d'], skipinitialspace=True)
show(['a, "b,c", d'])
show(['a\\,b,c'], escapechar='\\')
show(['"a\\"b",c'], escapechar='\\', doublequote=False)
show(['a\\', 'b'], escapechar='\\')
show(['"a\\', 'b"'], escapechar='\\')
show(['a\\\nb,c\n'], escapechar='\\')
show(['"ab"cd,e'])
show(['"ab"cd,e'], strict=True)
show(['"ab'])
show(['"ab'], strict=True)
show(['ab\\'], escapechar='\\', strict=True)
show(['a\rb'])
show(['a\nb,c'])
show(['a;b;"c;d"'], delimiter=';')
show(["a,'b,c'"], quotechar="'")
show(['"a",b'], quoting=csv.QUOTE_NONE)
show(['"a",b'], quotechar=None)
show(['1,"2",3.5,,x'], quoting=csv.QUOTE_NONNUMERIC)
show(['1,"2",3.5, 4'], quoting=csv.QUOTE_NONNUMERIC)
show(['"a","b"'], quoting=csv.QUOTE_ALL)
show([b'a,b'])
show([1])
show(['a\0b,c'])
show(['"a""b"'], doublequote=False)
show(['x' * 10])
show(['é,ü,"ß,€"', '日本,語'])
show(['a|b|c'], dialect='excel-tab')
show(['a\tb\tc'], dialect='excel-tab')
show(['a;b'], dialect='unix', delimiter=';')

old = csv.field_size_limit(5)
print(old, csv.field_size_limit())
show(['abcde,f'])
show(['abcdef,g'])
show(['"abcdef",g'])
print(csv.field_size_limit(old))
try:
    csv.field_size_limit('x')
except TypeError as e:
    print('TypeError', e)

r = csv.reader(['a,b', 'c,d'], delimiter=':')
print(r.dialect.delimiter, r.line_num)
print(next(r), r.line_num)
print(iter(r) is r)
print(list(r), r.line_num)
print(type(r).__name__, type(r).__module__)
try:
    csv.reader(5)
except TypeError as e:
    print('TypeError', e)
try:
    csv.reader()
except TypeError as e:
    print('TypeError')


def gen():
    yield 'a,b'
    raise ValueError('boom')


try:
    print(list(csv.reader(gen())))
except ValueError as e:
    print('ValueError', e)
