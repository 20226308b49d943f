# Floor division and modulo of ints of every sign and size (tagged and big), in-place
# forms included; sum() over bools; list item assignment with negative and bad indexes.
vals = [7, -7, 1, -1, 0, 3, -3, 2**61, -2**62, 2**62 - 1, 10**20]
out = []
for a in vals:
    for b in vals:
        if b:
            out.append((a // b, a % b, divmod(a, b)))
        x = a; x //= (b or 1); x %= 97
        out.append(x)
print(len(out), out)
print(sum([True, False, True] * 5), sum([1.5, True, 2]), sum([True, 2**62]), sum([], start=True))
l = [0] * 10
l[-1] = 5; l[3] = 2
try:
    l[10] = 1
except IndexError as e:
    print(e)
print(l)
