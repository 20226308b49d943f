# list methods: append/extend/insert/pop/remove/index/count/reverse/copy/clear and their errors.
l = [3, 1, 4]
l.append(1)
l.extend(range(2))
l.insert(0, 9)
l.insert(100, 7)
l.insert(-1, 6)
print(l, l.pop(), l.pop(0), l.index(1), l.index(1, 3), l.count(1))
l.remove(1)
l.reverse()
c = l.copy()
l.clear()
print(l, c)
for bad in (lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(5), lambda: [1, 2].pop(5)):
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print([1, 2] + [3], [0] * 3, [[]] * 2, 2 in [1, 2], [1, 2] < [1, 3], [1, 2] == [1, 2.0], [] * 5)
