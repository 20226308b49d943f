# lzma.open / LZMAFile (text and binary, the alone format, appending a second stream,
# raw filters, seeking), tarfile's "w:xz" / "r:xz" / "r:*" and zipfile's ZIP_LZMA, all in a
# temporary directory.
import io, lzma, os, shutil, tarfile, tempfile, zipfile

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, "f.xz")
    with lzma.open(path, "wt") as f:
        f.write("line one\nline two\n")
    with lzma.open(path, "rt") as f:
        print(f.readlines())
    with lzma.open(path, "ab") as f:
        f.write(b"appended\n")
    with open(path, "rb") as f:
        raw = f.read()
    print(raw[:6], raw.count(b"\xfd7zXZ"))
    with lzma.open(path) as f:
        print([line for line in f], f.readlines())
    with lzma.open(path) as f:
        print(f.read())
        f.seek(5)
        print(f.read(8), f.tell())
    with lzma.open(path, "rb") as f, lzma.LZMAFile(path) as g:
        print(f.read(4), g.read1(3), g.readline())

    payload = bytes(range(256)) * 100
    alone = os.path.join(tmp, "f.lzma")
    with lzma.LZMAFile(alone, "w", format=lzma.FORMAT_ALONE, preset=1) as f:
        f.write(payload)
    with lzma.open(alone, "rb") as f:
        print(f.read() == payload)
    filters = [{"id": lzma.FILTER_DELTA, "dist": 1}, {"id": lzma.FILTER_LZMA2, "preset": 1}]
    rawf = os.path.join(tmp, "f.raw")
    with lzma.open(rawf, "wb", format=lzma.FORMAT_RAW, filters=filters) as f:
        f.write(payload)
    with lzma.open(rawf, "rb", format=lzma.FORMAT_RAW, filters=filters) as f:
        print(len(f.read()), f.closed)
    print(f.closed)
    bio = io.BytesIO()
    with lzma.LZMAFile(bio, "w", check=lzma.CHECK_SHA256) as f:
        for i in range(100):
            f.write(b"row %d\n" % i)
    bio.seek(0)
    with lzma.LZMAFile(bio) as f:
        lines = f.readlines()
    print(len(lines), lines[-1])
    try:
        lzma.LZMAFile(io.BytesIO(b"not compressed at all")).read()
    except lzma.LZMAError as e:
        print("LZMAError", e)
    try:
        lzma.open(path, "rb", format=lzma.FORMAT_RAW)
    except ValueError as e:
        print("ValueError", e)

    # A tar archive compressed with xz, written to a file and read back.
    tpath = os.path.join(tmp, "a.tar.xz")
    with tarfile.open(tpath, mode="w:xz") as tar:
        for name, body in (("hello.txt", b"hello tar"), ("dir/data.bin", payload)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            tar.addfile(info, io.BytesIO(body))
    with tarfile.open(tpath, mode="r:xz") as tar:
        print(tar.getnames(), tar.extractfile("hello.txt").read())
    with tarfile.open(tpath) as tar:
        print(tar.extractfile("dir/data.bin").read() == payload)
    out = os.path.join(tmp, "out")
    with tarfile.open(tpath, "r:*") as tar:
        tar.extractall(out)
    print(sorted(os.listdir(out)), open(os.path.join(out, "hello.txt"), "rb").read())

    # A zip archive with LZMA members.
    zpath = os.path.join(tmp, "a.zip")
    with zipfile.ZipFile(zpath, "w", compression=zipfile.ZIP_LZMA) as z:
        z.writestr("a.txt", "zip text " * 100)
        z.writestr("b.bin", payload)
    with zipfile.ZipFile(zpath) as z:
        print([(i.filename, i.compress_type, i.file_size) for i in z.infolist()])
        print(z.read("a.txt")[:18], z.read("b.bin") == payload, z.testzip())
        with z.open("b.bin") as member:
            print(member.read(10))
finally:
    shutil.rmtree(tmp)
print(os.path.exists(tmp))
