# __import__ with level > 0: the package comes from __package__, else __spec__.parent,
# else (with an ImportWarning) __name__ and __path__; CPython's errors for the rest.
import types
import warnings


def show(**kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        try:
            r = __import__(kw.pop('name', 'x'), kw.pop('globals'), {}, kw.pop('fromlist', ()), 1)
            print('imported', r)
        except Exception as e:
            print(type(e).__name__, e)
    for w in caught:
        print('  warning:', w.category.__name__, w.message)


show(name='', globals={'__package__': None, '__spec__': None, '__name__': '__main__'},
     fromlist=('foo',))
show(globals={'__name__': 'pkg.mod'})
show(globals={})
show(globals={'__package__': 3})
show(globals={'__package__': ''})
show(globals={'__spec__': types.SimpleNamespace(parent=5)})
show(globals={'__spec__': types.SimpleNamespace(parent='nopkg_here')})
show(globals={'__package__': 'nopkg_a', '__spec__': types.SimpleNamespace(parent='nopkg_b')})
show(globals={'__name__': 'nopkg_c', '__path__': []})
show(globals=5)
