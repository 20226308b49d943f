# reversed() of a range whose bounds or step go beyond 64 bits (it raised OverflowError).
for r in (range(2**64, 2**64 - 10, -3), range(0, 2**70, 2**68), range(2**63 - 3, 2**63 + 2),
          range(-2**80, 2**80, 2**78), range(2**70, 2**70), range(2**70, 0, 1),
          range(-2**65, -2**65 + 1)):
    back = list(reversed(r))
    print(len(back), back[:3], back == list(r)[::-1])
it = reversed(range(2**100))
print(next(it), next(it))
