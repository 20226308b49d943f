# Where assignment expressions are allowed: comprehension conditions, call arguments, f-strings (parenthesized).
print(len(s := "hello"), s)
print([y for x in range(5) if (y := x * x) % 2], y)
print(f"{(z := 7)} {z}")
data = {"k": 1}
if (val := data.get("k")) is not None:
    print("val", val)
print((w := 1, w + 1))
