#!/usr/bin/python3.11
"""Differential check of error reports (not part of the test suite): mutates 3000 small
chunks of the standard library, asks python3.11 and parse_dump for each, and prints the
kinds of disagreement. Usage: diff_errors.py <build>/tests/interp/parse/parse_dump [seed]
(writes its inputs under ./fz)."""
import ast, random, sys, os, subprocess, warnings, collections
warnings.simplefilter("ignore")
random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
PARSE_DUMP = sys.argv[1]
os.makedirs('fz', exist_ok=True)
import glob
files = sorted(glob.glob('/usr/lib/python3.11/**/*.py', recursive=True))
pieces = ["(", ")", "[", "]", "{", "}", "'", '"', "'''", "\\", "\n", "\t", "    ", ":", ",", "=", "f'{", "}", "lambda", "*", "**", "#", ":=", "->", "@", ".", "if ", "else", "not ", "yield ", "async ", "await ", "del ", "import ", "for ", " in ", "1", "x", "-", "+", "%", "~", "match ", "case ", "return ", "pass", "def ", "class "]
srcs = []
for i in range(3000):
    text = open(random.choice(files), encoding='utf-8', errors='replace').read().split('\n')
    start = random.randrange(max(1, len(text) - 20))
    s = '\n'.join(text[start:start + random.randint(1, 15)]) + '\n'
    # dedent roughly
    for _ in range(random.randint(1, 3)):
        k = random.randrange(len(s) + 1)
        op = random.randrange(4)
        if op == 0: s = s[:k] + random.choice(pieces) + s[k:]
        elif op == 1: s = s[:k] + s[k + random.randint(1, 5):]
        elif op == 2: s = s[:k]
        else: s = s[:k] + random.choice(pieces) + random.choice(pieces) + s[k:]
    srcs.append(s)
res = []
for i, s in enumerate(srcs):
    p = 'fz/%d.py' % i
    open(p, 'w', encoding='utf-8').write(s)
    try:
        t = ast.parse(s.encode('utf-8'))
        res.append(ast.dump(t, include_attributes=True))
    except SyntaxError as e:
        res.append('%s %s %s %s %s %s' % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
    except (MemoryError, RecursionError, ValueError) as e:
        res.append('OTHER')
ours = subprocess.run([PARSE_DUMP, '--attrs'] + ['fz/%d.py' % i for i in range(len(srcs))], capture_output=True, text=True).stdout.split('\n')
bad = collections.Counter(); examples = {}
nbad = 0
for i, (a, b) in enumerate(zip(res, ours)):
    if a == 'OTHER' or a == b: continue
    nbad += 1
    key = (a.split(' ', 1)[0] + ' ' + ' '.join(a.split(' ')[1:-4]))[:70] if not a.startswith('Module') else 'DUMP'
    bad[key] += 1
    examples.setdefault(key, []).append(i)
print('mismatches', nbad, 'of', len(srcs))
for k, n in bad.most_common(40):
    i = examples[k][0]
    print(n, k, '| e.g.', i, '| ours:', ours[i][:100], '| py:', res[i][-30:])
