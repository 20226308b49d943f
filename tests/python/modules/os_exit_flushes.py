# os._exit ends the process at once, but what was written and flushed before it shows.
import os
import sys

print("before _exit", flush=True)
sys.stderr.write("to stderr\n")
sys.stderr.flush()
os._exit(3)
print("never")
