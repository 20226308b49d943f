#!/usr/bin/env python3
# A long allocation-heavy program must run in bounded memory: pypy-stm allocates well over
# a gigabyte of short-lived objects here, and its peak RSS must stay far below that (the
# collector runs and gives pages back). usage: rss_bounded.py PYPY_STM
import subprocess
import sys
import time

PROGRAM = """
total = 0
for i in range(120000):
    lst = [(j, str(j), [j]) for j in range(20)]
    total += len(lst)
print(total)
"""
LIMIT_KB = 200 * 1024

proc = subprocess.Popen([sys.argv[1], "-c", PROGRAM], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
peak = 0
while proc.poll() is None:
    try:
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
    except OSError:
        pass
    time.sleep(0.05)
out, err = proc.communicate()
if proc.returncode != 0 or out.decode().strip() != "2400000":
    print(f"FAIL: exit {proc.returncode}, output {out!r}, stderr {err.decode()[-500:]}")
    sys.exit(1)
print(f"peak RSS {peak} KB (limit {LIMIT_KB} KB)")
if peak > LIMIT_KB:
    print("FAIL: RSS grew with the allocation instead of staying bounded")
    sys.exit(1)
