# Building a set from a dict, set.difference/symmetric_difference_update with a dict,
# and dict.fromkeys of a set, frozenset or dict reuse the hashes the containers keep:
# the keys' __hash__ does not run again.
class H(int):
    count = 0

    def __hash__(self):
        H.count += 1
        return int.__hash__(self)


d = dict.fromkeys(map(H, range(10)))
print(H.count)
for make in (set, frozenset):
    H.count = 0
    s = make(d)
    print(make.__name__, sorted(s), sorted(s.difference(d)), H.count)
    if hasattr(s, 'symmetric_difference_update'):
        s.symmetric_difference_update(d)
    d2 = dict.fromkeys(set(d))
    d3 = dict.fromkeys(frozenset(d), 123)
    d4 = dict.fromkeys(d, 1)
    print(H.count, sorted(s), d3 == dict.fromkeys(range(10), 123), sorted(d2), sorted(d4.items())[:2])


class Sub(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)


H.count = 0
print(sorted(Sub.fromkeys(set(d), 1).items())[:3], H.count)
s = {H(1), H(2)}
H.count = 0
print(sorted(s - {H(1): 0}), sorted(s ^ {H(3): 0}), H.count)
