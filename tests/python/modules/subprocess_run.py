# subprocess.run, check_output, Popen.communicate and the errors a user sees.
import subprocess
import sys

r = subprocess.run(["echo", "hi"], capture_output=True, text=True)
print(repr(r.stdout), repr(r.stderr), r.returncode)
print(r.args)

print(subprocess.check_output(["sh", "-c", "echo a; echo b >&2"], stderr=subprocess.STDOUT))

# stdin fed from input= (communicate writes it while reading the output).
r = subprocess.run(["cat"], input=b"data", capture_output=True)
print(r.stdout, r.stderr, r.returncode)
r = subprocess.run(["tr", "a-z", "A-Z"], input="hello\nworld\n", stdout=subprocess.PIPE, text=True)
print(repr(r.stdout), r.stderr)

# More input than a pipe holds at once, so writing and reading must interleave.
big = b"x" * 200000 + b"\n"
r = subprocess.run(["cat"], input=big, capture_output=True)
print(len(r.stdout), r.stdout == big)

p = subprocess.Popen(["sh", "-c", "echo out; echo err >&2; exit 3"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate()
print(out, err, p.returncode)

p = subprocess.Popen(["sh", "-c", "exit 7"])
print(p.returncode, p.wait(), p.returncode, p.poll())

try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e, e.returncode, e.cmd)

try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 2"])
except subprocess.CalledProcessError as e:
    print("CalledProcessError:", e.returncode, e.output)

try:
    subprocess.run(["nosuchprog"])
except FileNotFoundError as e:
    print("FileNotFoundError:", e, e.errno, e.filename)

print(subprocess.call(["sh", "-c", "exit 5"]))
print(subprocess.getoutput("echo one; echo two"))
print(subprocess.getstatusoutput("echo x; exit 4"))

# A child running this interpreter's own sys.executable is left out: the expected
# output comes from CPython, whose executable prints something else.
r = subprocess.run("echo $((6*7))", shell=True, capture_output=True, text=True)
print(r.stdout.strip())

with subprocess.Popen(["printf", "a\\nb\\nc"], stdout=subprocess.PIPE, text=True) as p:
    print(p.stdout.readlines())
print(p.returncode)

# Timeouts: the child is killed and TimeoutExpired carries what was read so far.
try:
    subprocess.run(["sleep", "2"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.cmd)
try:
    subprocess.run(["sh", "-c", "echo x; sleep 2"], timeout=0.3, capture_output=True)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired:", e.output)
p = subprocess.Popen(["sleep", "2"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired:
    print("wait timed out")
p.kill()
print(p.wait())
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)
