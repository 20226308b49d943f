# Python 2's "print >> stream": the TypeError names the call that was meant, as CPython's
# does; other operators and other functions keep the plain message.
import sys
for left, right in ((print, sys.stderr), (print, 1), (len, sys.stderr)):
    try:
        left >> right
    except TypeError as e:
        print(e)
try:
    print << 1
except TypeError as e:
    print(e)
x = print
try:
    x >>= 2
except TypeError as e:
    print(e)
