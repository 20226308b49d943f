# Pattern.groupindex is a read-only mapping of group names to numbers.
import re
p = re.compile(r'(?i)(?P<first>a)(?P<other>b)')
print(type(p.groupindex).__name__, sorted(p.groupindex), p.groupindex['other'], dict(p.groupindex))
try:
    p.groupindex['other'] = 0
except TypeError as e:
    print("TypeError:", e)
print(p.groupindex['other'], re.compile('x').groupindex)
print(type(re.compile('x').groupindex).__name__, repr(re.compile('(?P<a>x)').groupindex))
