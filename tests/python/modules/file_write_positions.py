# Positions of files that only write: tell, seek, truncate, append, and what another reader
# sees before and after flush() and close().
import os
import tempfile
p = os.path.join(tempfile.mkdtemp(), 'positions.txt')
f = open(p, 'w')
f.write('hello\n')
print(repr(open(p).read()))   # still buffered in CPython
f.flush()
print(repr(open(p).read()))
print(f.tell())
f.write('world\n')
f.seek(0)
f.write('J')
f.close()
print(repr(open(p).read()))
with open(p, 'wb') as b:
    b.write(b'abcdef')
    b.seek(2)
    b.write(b'XY')
    print(b.tell())
print(open(p, 'rb').read())
with open(p, 'a') as a:
    print(a.tell())
    a.write('tail')
    print(a.tell())
print(open(p).read())
with open(p, 'w') as f:
    f.writelines(['%d\n' % i for i in range(5)])
    f.truncate(4)
print(repr(open(p).read()))
f = open(p, 'w')
f.write('x' * 100)
del f
import gc; gc.collect()
os.remove(p)
print("done")
