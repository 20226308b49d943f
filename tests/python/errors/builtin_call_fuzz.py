# Every builtin function of the core modules, and every method of the builtin types, called with no, None, huge, negative and wrongly typed arguments: each raises or returns, none crashes the interpreter (math.prod() and sys.displayhook() read arguments that were not there)
import sys, importlib
mods = ['builtins', 'math', 'cmath', 'operator', 'itertools', 'sys', 'time', '_io', '_codecs', '_struct', 'binascii', 'zlib', '_random', '_collections', 'array', 'unicodedata', '_weakref', 'gc', 'marshal', '_csv', '_sha256', '_md5', '_blake2', '_sre', '_stat', 'errno', '_string', '_operator', '_contextvars', '_bz2', '_lzma', 'pyexpat']
for modname in mods:
    mod = importlib.import_module(modname)
    for name in sorted(dir(mod)):
        if name.startswith('_'): continue
        f = getattr(mod, name)
        if type(f).__name__ != 'builtin_function_or_method': continue
        if name in ('exit', '_exit', 'abort', 'kill', 'fork', 'pause', 'sleep', 'input', 'breakpoint', 'help', 'setrecursionlimit', 'settrace', 'setprofile', 'breakpointhook', 'call_tracing', 'addaudithook', 'audit', 'excepthook', 'unraisablehook', 'setswitchinterval', 'activate_stack_trampoline', 'forkpty', 'killpg', 'system', 'execv', 'execve', 'setsid', 'setpgrp', 'wait', 'waitpid', 'wait3', 'wait4', 'waitid', 'read', 'readline', 'close', 'closerange', 'dup2', 'sigwait', 'sigwaitinfo', 'sigtimedwait', 'alarm', 'setitimer', 'pthread_kill', 'raise_signal', 'interrupt_main', 'exit_thread', 'chdir', 'chroot', 'umask', 'nice', 'setuid', 'setgid', 'seteuid', 'setegid', 'setreuid', 'setregid', 'setgroups', 'initgroups', 'set_inheritable', 'set_blocking', 'write', 'putenv', 'unsetenv', 'register_at_fork', 'spawnv', 'posix_spawn', 'posix_spawnp', 'getrandom', 'urandom'):
            continue
        for args in [(), (None,), (None, None, None)]:
            try:
                f(*args)
            except BaseException as e:
                pass
    print(modname, "ok", flush=True)

samples = {int: 5, str: "ab", list: [1, 2], dict: {1: 2}, set: {1}, frozenset: frozenset({1}),
           bytes: b"ab", bytearray: bytearray(b"ab"), tuple: (1, 2), float: 1.5, complex: 1j,
           range: range(3), slice: slice(1, 2), bool: True, memoryview: memoryview(b"ab"),
           object: object(), type: int, property: property(), staticmethod: staticmethod(len),
           classmethod: classmethod(len), enumerate: enumerate([1]), zip: zip([1]), map: map(len, ["a"]),
           filter: filter(None, [1]), reversed: reversed([1])}
import os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
from call_fuzz import call_every_method
fresh_kinds = {list: lambda: [1, 2], dict: lambda: {1: 2}, set: lambda: {1}, bytearray: lambda: bytearray(b"ab")}
for cls, inst in samples.items():
    call_every_method(cls, fresh_kinds.get(cls, lambda: inst),
                      skip={"mro", "__subclasses__", "__prepare__", "__instancecheck__", "__subclasscheck__"})
print("methods of builtin types ok")
