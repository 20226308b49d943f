"""pypy-stm's _lsprof: the profiler behind cProfile, written in Python over sys.setprofile.

It keeps CPython's statistics (calls, recursive calls, total and inline time, per caller)
for Python functions, generator steps and builtin functions (the 'c_call' events), which
are named as CPython's profiler names them ("<built-in method builtins.print>",
"<method 'append' of 'list' objects>"). The profiler's own methods are not profiled but
for the closing call of disable(), as CPython shows it.
"""

import sys
import time as _time
import types as _types

__all__ = ["Profiler", "profiler_entry", "profiler_subentry"]


class _StructSeq(tuple):
    """A tuple whose items are also attributes, as CPython's struct sequences."""

    _fields = ()

    def __new__(cls, values):
        values = tuple(values)
        if len(values) != len(cls._fields):
            raise TypeError(f"{cls.__module__}.{cls.__name__}() takes a "
                            f"{len(cls._fields)}-sequence ({len(values)}-sequence given)")
        return tuple.__new__(cls, values)

    def __getattr__(self, name):
        try:
            return self[type(self)._fields.index(name)]
        except ValueError:
            raise AttributeError(name) from None

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"{self.__module__}.{type(self).__name__}({items})"

    n_fields = n_sequence_fields = property(lambda self: len(self._fields))


class profiler_entry(_StructSeq):
    _fields = ("code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls")


class profiler_subentry(_StructSeq):
    _fields = ("code", "callcount", "reccallcount", "totaltime", "inlinetime")


profiler_entry.__module__ = profiler_subentry.__module__ = "_lsprof"


class _Stats:
    __slots__ = ("code", "callcount", "reccallcount", "totaltime", "inlinetime", "level",
                 "callees")

    def __init__(self, code):
        self.code = code
        self.callcount = self.reccallcount = 0
        self.totaltime = self.inlinetime = 0.0
        self.level = 0  # how many calls of it are running
        self.callees = {}  # key -> _Stats of the calls it made


class _Context:
    __slots__ = ("frame", "entry", "subentry", "start", "subcalls")

    def __init__(self, frame, entry, subentry, start):
        self.frame = frame
        self.entry = entry
        self.subentry = subentry
        self.start = start
        self.subcalls = 0.0


_DISABLE_LABEL = "<method 'disable' of '_lsprof.Profiler' objects>"
_BUILTINS_KEY = object()  # the context of a builtin call: no frame of its own


def _builtin_label(function):
    """How CPython's profiler names a builtin function or method."""
    name = getattr(function, "__name__", "?")
    owner = getattr(function, "__self__", None)
    if owner is not None and not isinstance(owner, type(sys)):
        for klass in type(owner).__mro__:
            if name in vars(klass):
                return repr(vars(klass)[name])
    module = getattr(function, "__module__", None)
    if module is None and isinstance(owner, type(sys)):
        module = owner.__name__
    return f"<built-in method {module}.{name}>" if module else f"<built-in method {name}>"


class Profiler:
    """Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        if timer is None:
            self._now = _time.perf_counter
        else:
            self._timer = timer
            self._timeunit = timeunit
            self._now = self._external_time
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._entries = {}
        self._stack = []

    def _external_time(self):
        # A timer that fails or gives no number counts as 0, its error going to
        # sys.unraisablehook, as CPython's profiler reports it.
        try:
            value = self._timer()
            return value * self._timeunit if self._timeunit else float(value)
        except Exception as error:
            hook_args = _types.SimpleNamespace(exc_type=type(error), exc_value=error,
                                               exc_traceback=error.__traceback__,
                                               err_msg=None, object=self._timer)
            sys.unraisablehook(hook_args)
            return 0.0

    def enable(self, subcalls=True, builtins=True):
        """enable(subcalls=True, builtins=True)

        Start collecting profiling information.
        If 'subcalls' is True, also records for each function
        statistics separated according to its current caller.
        If 'builtins' is True, records the time spent in
        built-in functions separately from their caller.
        """
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        sys.setprofile(self)

    def disable(self):
        """disable()

        Stop collecting profiling information.
        """
        sys.setprofile(None)
        now = self._now()
        while self._stack:
            self._leave(now)

    def clear(self):
        """clear()

        Clear all profiling information collected so far.
        """
        self._entries = {}
        self._stack = []

    def getstats(self):
        """list of profiler_entry objects.

        getstats() -> list of profiler_entry objects

        Return all information collected by the profiler.
        Each profiler_entry is a tuple-like object with the
        following attributes:

            code          code object
            callcount     how many times this was called
            reccallcount  how many times called recursively
            totaltime     total time in this entry
            inlinetime    inline time in this entry (not in subcalls)
            calls         details of the calls

        The calls attribute is either None or a list of
        profiler_subentry objects:

            code          called code object
            callcount     how many times this is called
            reccallcount  how many times this is called recursively
            totaltime     total time spent in this call
            inlinetime    inline time (not in further subcalls)
        """
        result = []
        for stats in self._entries.values():
            calls = None
            if stats.callees:
                calls = [profiler_subentry((sub.code, sub.callcount, sub.reccallcount,
                                            sub.totaltime, sub.inlinetime))
                         for sub in stats.callees.values()]
            result.append(profiler_entry((stats.code, stats.callcount, stats.reccallcount,
                                          stats.totaltime, stats.inlinetime, calls)))
        return result

    # ---- the events ----------------------------------------------------------------------

    def __call__(self, frame, event, arg):
        # The profile function: the profiler itself, as sys.getprofile() shows it in CPython.
        if event == "call":
            code = frame.f_code
            if code.co_filename == __file__:
                # The profiler's own frames; disable() counts, as CPython shows it.
                if code.co_name != "disable":
                    return
                code = _DISABLE_LABEL
            self._enter(frame, code, self._now())
        elif event == "return":
            if self._stack and self._stack[-1].frame is frame:
                self._leave(self._now())
        elif event == "c_call":
            if self._builtins and frame.f_code.co_filename != __file__:
                self._enter(_BUILTINS_KEY, _builtin_label(arg), self._now())
        elif event in ("c_return", "c_exception"):
            if self._stack and self._stack[-1].frame is _BUILTINS_KEY:
                self._leave(self._now())

    def _enter(self, frame, code, now):
        key = id(code) if not isinstance(code, str) else code
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Stats(code)
        subentry = None
        if self._subcalls and self._stack:
            caller = self._stack[-1].entry
            subentry = caller.callees.get(key)
            if subentry is None:
                # The entry's own label: cProfile pairs callers with callees by its id().
                subentry = caller.callees[key] = _Stats(entry.code)
            subentry.level += 1
        entry.level += 1
        self._stack.append(_Context(frame, entry, subentry, now))

    def _leave(self, now):
        context = self._stack.pop()
        total = now - context.start
        inline = total - context.subcalls
        if self._stack:
            self._stack[-1].subcalls += total
        for stats in (context.entry, context.subentry):
            if stats is None:
                continue
            stats.level -= 1
            if stats.level == 0:
                stats.totaltime += total
            else:
                stats.reccallcount += 1
            stats.inlinetime += inline
            stats.callcount += 1
