# Slicing a range longer than 2**63, or with huge slice bounds, gives a range; len() of a huge range still overflows
def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


huge = range(2**90)
attempt(lambda: huge[::2])
attempt(lambda: huge[:5])
attempt(lambda: len(huge[:5]))
attempt(lambda: list(huge[:5]))
attempt(lambda: len(huge))
attempt(lambda: len(huge[::2]))
attempt(lambda: huge[::-1])
attempt(lambda: huge[2**89:])
attempt(lambda: huge[-3:])
attempt(lambda: list(huge[-3:]))
attempt(lambda: huge[10 : 2**100 : 3])
attempt(lambda: huge[::2**70])
attempt(lambda: huge[::2][::3][5])
attempt(lambda: huge[slice(None, None, 0)])
attempt(lambda: range(-(2**70), 2**70, 3**20)[5::-7])
attempt(lambda: range(0, 2**64, 2)[::3])
attempt(lambda: list(range(2**64, 2**64 + 10)[2:9:3]))
attempt(lambda: range(10)[2**100:])
attempt(lambda: range(10)[-(2**100) :: -1])
attempt(lambda: range(5)[:: -(2**70)])
attempt(lambda: list(range(5)[:: -(2**70)]))
attempt(lambda: range(5)[True:])
