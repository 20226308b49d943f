# Closures created in a loop share one cell when the variable is nonlocal in an inner helper.
def counters():
    count = 0
    fs = []
    for _ in range(3):
        def inc():
            nonlocal count
            count += 1
            return count

        fs.append(inc)
    return fs


fs = counters()
print([f() for f in fs], fs[0](), fs[0].__closure__[0] is fs[2].__closure__[0])
