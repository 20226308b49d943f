# A precision given by '*' must fit a C int, and an integer conversion's precision leaves
# room for its sign and prefix; widths are Py_ssize_t. Errors as CPython's, not MemoryError.
import sys
for f in ('%.*d', '%.*f', '%.*x', '%*d', '%*s'):
    for args in ((sys.maxsize, 1), (2**31, 1), (-2**31 - 1, 1), (2**31 - 1, 1), (2**100, 1)):
        if args[0] == 2**31 - 1 and f in ('%.*f', '%*d', '%*s'):
            continue  # a 2 GiB string
        if args[0] in (2**31, -2**31 - 1) and f in ('%*d', '%*s'):
            continue
        try:
            r = f % args
            print(f, args[0], len(r))
        except Exception as e:
            print(f, args[0], type(e).__name__, e)
print('%*d|%-*d|%.*f|%.*s' % (5, 42, -5, 42, 2, 3.14159, -3, 'abc'))
print(b'%*d|%.*f' % (4, 7, 1, 2.25))
