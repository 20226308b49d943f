# os.statvfs and os.fstatvfs (f_fsid an attribute only), and shutil.disk_usage over them.
import os, shutil
s = os.statvfs("/")
print(type(s).__name__, len(s), s.n_fields, s.n_sequence_fields)
print(s.f_bsize == s[0], s.f_namemax == s[9], isinstance(s.f_fsid, int), repr(s).startswith("os.statvfs_result(f_bsize="))
fd = os.open("/", os.O_RDONLY)
print(os.fstatvfs(fd).f_blocks == s.f_blocks)
os.close(fd)
usage = shutil.disk_usage("/")
print(usage._fields, usage.total == s.f_blocks * s.f_frsize, usage.used + usage.free <= usage.total)
try:
    os.statvfs("/nonexistent")
except OSError as e:
    print(e)
