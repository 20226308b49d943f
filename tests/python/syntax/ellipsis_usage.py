# Ellipsis literal as a placeholder, in subscripts and comparisons.
def todo():
    ...


print(todo(), ..., Ellipsis is ..., type(...).__name__, bool(...))


class S:
    def __getitem__(self, k):
        return k


print(S()[...], S()[1, ..., 2], S()[:, ...])
