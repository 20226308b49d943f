# Pattern methods read pos and endpos before they look at the subject, as CPython's argument
# parsing does: a position too large for an index is an OverflowError even where the
# subject is of the wrong kind.
import re, sys
p = re.compile('a')
for args in [(b'x', sys.maxsize + 1), (b'x', 'q'), ('x', sys.maxsize + 1), ('x', 0, sys.maxsize + 1), (b'x', 0, -sys.maxsize - 5), ('aaa', -(2**70))]:
    for m in ('match', 'search', 'fullmatch', 'findall', 'finditer'):
        try: r = getattr(p, m)(*args); print(m, 'ok', r if m != 'finditer' else list(r))
        except Exception as e: print(m, type(e).__name__, e)
