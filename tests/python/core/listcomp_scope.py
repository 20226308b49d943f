# Comprehensions have their own scope: the loop variable does not leak; nested loops and conditions order.
i = "outer"
squares = [i * i for i in range(5)]
print(squares, i)
pairs = [(a, b) for a in range(3) for b in range(a) if (a + b) % 2]
print(pairs)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[k] for k in range(3) for row in matrix if row[k] % 2 == 0])
