# generator.send delivers a value as the result of yield; the first send must be None.
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


a = averager()
print(a.send(None))
print(a.send(10), a.send(20), a.send(60))
b = averager()
try:
    b.send(5)
except TypeError as e:
    print(e)
