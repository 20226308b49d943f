# sys attributes beyond the core: api_version, float_repr_style, thread_info, call_tracing, dlopen flags, orig_argv, copyright
import os, sys
print(sys.api_version, sys.float_repr_style)
print(type(sys.thread_info).__name__, type(sys.thread_info).__module__, sys.thread_info.name, sys.thread_info.lock, len(sys.thread_info))
print(isinstance(sys.thread_info.version, str))
print(sys.call_tracing(max, (1, 5)), sys.call_tracing(sorted, ([3, 1, 2],)))
try:
    sys.call_tracing(max, [1])
except TypeError as e:
    print("TypeError", e)
print(sys.getdlopenflags() == os.RTLD_NOW)
sys.setdlopenflags(os.RTLD_NOW | os.RTLD_GLOBAL)
print(sys.getdlopenflags() == os.RTLD_NOW | os.RTLD_GLOBAL)
try:
    sys.setdlopenflags("x")
except TypeError as e:
    print("TypeError", e)
print(os.path.basename(sys.orig_argv[-1]), sys.orig_argv[1:] == sys.argv or sys.orig_argv[-len(sys.argv):] == sys.argv)
print(isinstance(sys.copyright, str) and "Copyright" in sys.copyright)
print(os.path.isfile(os.path.join(sys._stdlib_dir, "os.py")))
