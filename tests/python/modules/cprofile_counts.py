# cProfile and pstats: call counts, primitive (non-recursive) counts and who called whom,
# for Python functions and builtins (named as CPython names them). Times vary from run
# to run and are not printed.
import cProfile
import pstats


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def squares(n):
    for i in range(n):
        yield i * i


def main():
    total = fib(10) + sum(squares(5))
    items = []
    for i in range(3):
        items.append(i)
    return total + len(items)


profile = cProfile.Profile()
print(profile.runcall(main))
stats = pstats.Stats(profile)
python_functions = dict(stats.stats.items())
for (filename, line, name), (primitive, calls, _, _, callers) in sorted(
        python_functions.items(), key=lambda item: item[0][1:]):
    who = sorted(f"{caller[2]}:{counts[0]}" for caller, counts in callers.items())
    print(f"{name} line {line}: {calls} calls, {primitive} primitive, called by {who}")

with cProfile.Profile() as second:
    fib(4)
counts = {func[2]: value[1] for func, value in pstats.Stats(second).stats.items()}
print("fib(4):", counts["fib"], "calls")
total_time = sum(value[3] for value in pstats.Stats(second).stats.values())
print("times are numbers:", isinstance(total_time, float) and total_time >= 0)
