# String building and dict use: word counts over generated text, joins and formatting.
import sys

def run(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    counts = {}
    parts = []
    for i in range(n):
        w = words[i % 8] + str(i % 13)
        counts[w] = counts.get(w, 0) + 1
        if i % 50 == 0:
            parts.append(f"{w}:{counts[w]}")
    text = ",".join(parts)
    return len(counts), len(text), text[:40].upper()

print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 600000))
