# str and bytes hashes follow PYTHONHASHSEED as in CPython: random per process when unset
# or "random", CPython's own values for a given seed, and a fatal error for a bad seed.
import os
import subprocess
import sys

code = "print(hash('spam'), hash(b'spam'), hash('\\u20ac' * 3), hash(''))"


def run(seed):
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)
    if seed is not None:
        env["PYTHONHASHSEED"] = seed
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


for seed in ("0", "42", "4294967295"):
    print(seed, run(seed).stdout.strip())
for seed in (None, "random"):
    outputs = {run(seed).stdout for _ in range(4)}
    print(seed, "differ between runs:", len(outputs) > 1)
for seed in ("abc", "-1", "4294967296"):
    p = run(seed)
    print(seed, p.returncode, p.stderr.splitlines()[0])
