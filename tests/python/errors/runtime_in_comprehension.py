# An exception inside a list comprehension shows the comprehension frame.
data = ["1", "2", "x"]
print([int(s) for s in data])
