# pyexpat parsers used from several threads at once (each parse runs inevitably), and
# parsers dropped and collected (their finalizer frees the C parser).
import gc
import threading
import xml.etree.ElementTree as ET
from xml.parsers import expat

results = {}


def work(n):
    total = 0
    for i in range(10):
        doc = "<r>" + "".join("<i v='%d'>%d</i>" % (j, j * n) for j in range(20)) + "</r>"
        root = ET.fromstring(doc)
        total += sum(int(e.text) for e in root) + len(root.findall("i[@v='3']"))
        p = expat.ParserCreate()
        names = []
        p.StartElementHandler = lambda name, attrs: names.append(name)
        p.Parse(doc.encode(), True)
        total += len(names)
    results[n] = total


threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))

for i in range(200):
    p = expat.ParserCreate()
    p.Parse("<a>%d</a>" % i, True)
del p
gc.collect()
print("collected")
