# else clauses of for and while run only when the loop ends without break.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found at", i)
            break
    else:
        print("not found")


find([1, 2, 3], 2)
find([1, 2, 3], 7)
n = 0
while n < 3:
    n += 1
    if n == 10:
        break
else:
    print("while else", n)
for i in range(5):
    if i % 2:
        continue
    print("even", i)
for _ in []:
    pass
else:
    print("empty loop else")
