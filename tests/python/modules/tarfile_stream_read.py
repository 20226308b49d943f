# Members of a tar archive read as a stream ("r|gz", "r|*"): extractfile() works over
# tarfile's _Stream, which cannot say whether it seeks.
import io
import tarfile

data = io.BytesIO()
with tarfile.open(fileobj=data, mode="w:gz") as tar:
    for name, text in [("a.txt", b"alpha\n" * 3), ("dir/b.txt", b"beta"), ("c.bin", bytes(range(10)))]:
        info = tarfile.TarInfo(name)
        info.size = len(text)
        tar.addfile(info, io.BytesIO(text))
for mode in ("r|gz", "r|*", "r:gz"):
    data.seek(0)
    with tarfile.open(fileobj=data, mode=mode) as tar:
        for member in tar:
            f = tar.extractfile(member)
            print(mode, member.name, member.size, f.read(), f.readable())
