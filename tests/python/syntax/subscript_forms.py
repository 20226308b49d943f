# Subscript forms: tuples, slices with and without steps, and starred items in subscripts.
class S:
    def __getitem__(self, k):
        return k


s = S()
print(s[1], s[1,], s[1, 2], s[1:2], s[1:2:3], s[::], s[:], s[1:, :2], s[()], s[(1)])
print(s[*[1, 2]], s[0, *[1]])
