# Bytes from the system that are not UTF-8 (file names, command-line arguments) become
# str with surrogateescape, as os.fsdecode makes them, and encode back to the same bytes.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    for raw in (b"plain.txt", b"\xff\xfe.txt", b"caf\xc3\xa9.txt", b"\xed\xa0\x80.bin"):
        fd = os.open(os.path.join(os.fsencode(d), raw), os.O_CREAT | os.O_WRONLY)
        os.close(fd)
    names = sorted(os.listdir(d))
    print(ascii(names))
    print([os.fsencode(n) for n in names])
    print(sorted(os.listdir(os.fsencode(d))))
    with open(os.path.join(d, "\udcfa\udcfb.dat"), "w") as f:
        f.write("via a surrogate-escaped name")
    print(os.path.exists(os.path.join(os.fsencode(d), b"\xfa\xfb.dat")))
    try:
        open(os.path.join(d, "\ud800.txt"), "w")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
    os.chdir(d)
    print(ascii(os.path.basename(os.getcwd())) == ascii(os.path.basename(d)))
    os.chdir("/")

arg = b"\xff\xc3\xff\xc3\xa9\xed\xa0\x80 ok"
out = subprocess.run([os.fsencode(sys.executable), b"-c",
                      b"import sys, os; print(ascii(sys.argv[1]), os.fsencode(sys.argv[1]))", arg],
                     capture_output=True, text=True)
print(out.stdout.strip(), out.returncode)
