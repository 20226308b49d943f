# '%%' is a literal percent only right after the '%': with a key, flags, a width or a
# precision in between, '%' is a conversion that takes an argument and is then refused.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: '%%' % ())
show(lambda: '100%%' % ())
show(lambda: '% %s' % 1)
show(lambda: '% %s' % (1, 2))
show(lambda: '%5%' % ())
show(lambda: '%-%' % ())
show(lambda: '%.3%' % ())
show(lambda: 'x%05%' % (1,))
show(lambda: '%(a)%' % {'a': 1})
show(lambda: 'é%(a)%' % {'a': 1})
show(lambda: b'% %s' % 1)
show(lambda: b'%5%' % ())
show(lambda: bytearray(b'ab%(k)%') % {b'k': 1})
