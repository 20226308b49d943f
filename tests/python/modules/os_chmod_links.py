# os.chmod: follow_symlinks=False on a link is NotImplementedError on Linux (no lchmod),
# a regular file's mode still changes that way, and dir_fd names the directory.
import os
import stat
import tempfile

with tempfile.TemporaryDirectory() as d:
    target = os.path.join(d, "target")
    open(target, "w").close()
    link = os.path.join(d, "link")
    os.symlink(target, link)
    try:
        os.chmod(link, 0o600, follow_symlinks=False)
    except NotImplementedError as e:
        print("NotImplementedError:", e)
    os.chmod(link, 0o640)
    print(oct(stat.S_IMODE(os.stat(target).st_mode)))
    os.chmod(target, 0o604, follow_symlinks=False)
    print(oct(stat.S_IMODE(os.stat(target).st_mode)))
    fd = os.open(d, os.O_RDONLY)
    try:
        os.chmod("target", 0o700, dir_fd=fd)
        print(oct(stat.S_IMODE(os.stat(target).st_mode)))
        try:
            os.chmod("missing", 0o700, dir_fd=fd)
        except FileNotFoundError as e:
            print("FileNotFoundError:", e.filename)
    finally:
        os.close(fd)
