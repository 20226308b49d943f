# Line editing on a terminal: an interpreter (this one: sys.executable) runs on a
# pseudo-terminal and gets keystrokes; only the lines it received are printed, not the
# terminal's bytes (which differ between readline setups).
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

folder = tempfile.mkdtemp()
env = {'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'HOME': folder, 'TERM': 'dumb',
       'INPUTRC': '/dev/null', 'LC_ALL': 'C.UTF-8'}


def start(args):
    leader, follower = os.openpty()
    proc = subprocess.Popen([sys.executable] + args, stdin=follower, stdout=follower,
                            stderr=follower, env=env, cwd=folder, close_fds=True)
    os.close(follower)
    return proc, leader


def drain(leader, seconds):
    got = b''
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([leader], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            got += chunk
    return got


def wait_until(leader, done, seconds=20):
    end = time.time() + seconds
    while time.time() < end and not done():
        drain(leader, 0.05)


def lines_of(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return f.read().splitlines()


# input() with readline imported.
program = os.path.join(folder, 'prog.py')
results = os.path.join(folder, 'results')
with open(program, 'w') as f:
    f.write('''
import readline, sys
readline.parse_and_bind('tab: complete')
words = ['apple', 'apricot', 'banana']
def completer(text, state):
    found = [w for w in words if w.startswith(text)]
    return found[state] if state < len(found) else None
readline.set_completer(completer)
out = open(sys.argv[1], 'w')
while True:
    try:
        line = input('P> ')
    except EOFError:
        out.write('EOF\\n')
        break
    out.write(repr(line) + '\\n')
    out.flush()
out.write('history %d\\n' % readline.get_current_history_length())
out.write('%r\\n' % [readline.get_history_item(i) for i in range(1, 8)])
out.close()
''')
proc, leader = start([program, results])
keys = [b'hello\r', b'\x1b[A\r', b'world\x01X\x05Y\r', b'abcd\x7f\x7f\r', b'ban\t\r',
        b'say ap\t\tr\t!\r', b'\r']
for n, k in enumerate(keys, 1):
    wait_until(leader, lambda: len(lines_of(results)) >= n - 1)
    drain(leader, 0.2)
    os.write(leader, k)
wait_until(leader, lambda: len(lines_of(results)) >= len(keys))
drain(leader, 0.2)
os.write(leader, b'\x04')
wait_until(leader, lambda: proc.poll() is not None)
proc.wait()
os.close(leader)
for line in lines_of(results):
    print(line)

# The REPL (-i, then no script at all): completion through rlcompleter
# (sys.__interactivehook__), the history saved to ~/.python_history and read back.
result = os.path.join(folder, 'repl')
output = b''


def prompts():
    return output.count(b'>>> ')


def send(keys):
    global output
    seen = prompts()
    os.write(leader, keys)
    end = time.time() + 20
    while time.time() < end and prompts() <= seen:
        output += drain(leader, 0.05)


store = b'import os; os.write(os.open(%r, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), repr(r).encode())\r'
sessions = [(['-q', '-i'], [b'impo\tmath\r', b'r = math.sq\t16)\r', store]),
            (['-q'], [b'impo\tmath\r', b'\x1b[A\x1b[A\x1b[A\x05\x7f\x7f\x7f25)\r', store])]
for args, lines in sessions:
    output = b''
    proc, leader = start(args)
    end = time.time() + 20
    while time.time() < end and prompts() == 0:
        output += drain(leader, 0.05)
    for keys in lines:
        send(keys % result if b'%' in keys else keys)
    os.write(leader, b'\x04')
    wait_until(leader, lambda: proc.poll() is not None)
    proc.wait()
    os.close(leader)
    print('exit', proc.returncode)
    print(lines_of(result))
    print([line.replace(result, 'RESULT')
           for line in lines_of(os.path.join(folder, '.python_history'))])
shutil.rmtree(folder)
