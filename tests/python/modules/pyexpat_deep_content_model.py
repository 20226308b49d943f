# A DTD whose element content model nests 500000 groups deep raises RecursionError from Parse instead of overflowing the native stack; a shallow one still reaches ElementDeclHandler
import sys
from xml.parsers import expat

def parse(depth):
    data = (b'<!DOCTYPE root [\n<!ELEMENT root ' + b'(a, ' * depth + b'a' + b')' * depth
            + b'>\n]>\n<root/>\n')
    seen = []
    p = expat.ParserCreate()
    p.ElementDeclHandler = lambda name, model: seen.append((name, model))
    p.Parse(data, True)
    return seen

print(parse(2))
for limit in (1000, 75000):
    sys.setrecursionlimit(limit)
    try:
        parse(500_000)
    except RecursionError:
        print("RecursionError at limit", limit)
sys.setrecursionlimit(1000)
print(parse(1))
