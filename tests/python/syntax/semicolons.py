# Several simple statements on one line separated by semicolons, and compound one-liners.
a = 1; b = 2; c = a + b; print(c)
if c: print("one-line if"); print("second statement")
for i in range(2): print("loop", i)
while False: pass
def f(): return "one-line def"
class C: x = 1; y = 2
print(f(), C.x + C.y);
