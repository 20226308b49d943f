# slice objects: attributes, indices(), use with custom __getitem__, and defaults.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(4), slice(5).indices(3))
print("abcdefgh"[s], [0, 1, 2, 3][slice(-2, None)], slice(1, 2) == slice(1, 2))
try:
    slice(0, 5, 0).indices(3)
except ValueError as e:
    print(e)


class Show:
    def __getitem__(self, k):
        return k


sh = Show()
print(sh[1:2], sh[::], sh[1:2, 3], sh[..., 1:], sh[:, None])
