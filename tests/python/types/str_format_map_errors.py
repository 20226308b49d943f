# str.format_map: an error the mapping raises (an IndexError from a Match's __getitem__) goes
# through as it is; only a positional field is format_map's ValueError.
import re
print('a1={a2}'.format_map({'a2': 1}))
m = re.match('(?P<a1>a)(?P<a2>b)?', 'a')
class G:
    def __getitem__(self, k): raise IndexError('no such group')
for mp in (G(), m):
    try: print('a1={a2}'.format_map(mp))
    except Exception as e: print(type(e).__name__, e)
print('{a1}'.format_map(m))
class D(dict):
    def __missing__(self, k): return k.upper()
print('{x}{y}'.format_map(D(x=1)))
for f in ['{}', '{0}', '{0.x}', '{a}{}', '{a[0]}']:
    try:
        print(f.format_map({'a': []}))
    except Exception as e:
        print(type(e).__name__, e)
