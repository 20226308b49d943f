# pwd, grp and resource as CPython has them: lookups, struct sequences, errors and limits.
import pwd, grp, resource
print(pwd.getpwuid(0)); print(pwd.getpwnam('root')); print(len(pwd.getpwall())>0, type(pwd.getpwall()))
for f,a in ((pwd.getpwuid,123456),(pwd.getpwnam,'nosuchuser'),(pwd.getpwuid,'x'),(pwd.getpwnam,3),(grp.getgrgid,123456),(grp.getgrnam,'nosuchgroup'),(grp.getgrgid,'x'),(grp.getgrnam,3),(pwd.getpwuid,-5),(pwd.getpwuid,2**40)):
    try: f(a)
    except Exception as e: print(type(e).__name__, repr(e))
print(grp.getgrgid(0)); print(grp.getgrnam('root'))
print(pwd.struct_passwd.__module__, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields, grp.struct_group.n_fields)
print(resource.getrlimit(resource.RLIMIT_NOFILE) == resource.getrlimit(7), resource.RLIM_INFINITY, resource.getpagesize())
r = resource.getrusage(resource.RUSAGE_SELF); print(type(r), r.n_fields, r.n_sequence_fields, type(r.ru_utime), type(r.ru_maxrss))
print(resource.error)
for args in ((99,), ('x',)):
    try: resource.getrlimit(*args)
    except Exception as e: print(type(e).__name__, e)
try: resource.getrusage(99)
except Exception as e: print(type(e).__name__, e)
try: resource.setrlimit(resource.RLIMIT_NOFILE, (1,))
except Exception as e: print(type(e).__name__, e)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
try: resource.setrlimit(resource.RLIMIT_NOFILE, (hard + 1, hard + 1))
except Exception as e: print(type(e).__name__, e)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft - 1, hard)); print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft - 1, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft - 1, hard))
print(sorted(n for n in dir(resource) if n.startswith('R')))
import os.path, getpass, pathlib, shutil, tarfile
print(os.path.expanduser("~root"), getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
