// interp/modules/tracemalloc.cc - _tracemalloc: the interface tracemalloc.py builds on,
// over a heap that records no allocation sites. Tracing can be switched on and off, but
// it traces no block: snapshots are empty and no object has an allocation traceback. The
// warnings module asks it whether tracing is on, to suggest turning it on in the report of
// a warning about an object (an unawaited coroutine), as CPython's report does.
#include "interp/modules/module_support.h"
#include "interp/modules/source_module.h"

namespace interp {

namespace {

const char kSource[] = R"py(
"""Allocation tracing for tracemalloc (this heap records no allocation sites)."""

_tracing = False
_frames = 1


def _count(n):
    import operator
    n = operator.index(n)
    if not 1 <= n <= 65535:
        raise ValueError("the number of frames must be in range [1; 65535]")
    return n


def start(nframe=1, /):
    """Starts tracing (records nothing here), keeping up to nframe frames per block."""
    global _tracing, _frames
    _frames = _count(nframe)
    _tracing = True


def stop():
    """Stops tracing and forgets the traces."""
    global _tracing
    _tracing = False


def is_tracing():
    """Whether tracing is on."""
    return _tracing


def get_traceback_limit():
    """How many frames a trace keeps (start()'s nframe)."""
    return _frames


def get_traced_memory():
    """(current, peak) size of the traced blocks, in bytes."""
    return (0, 0)


def get_tracemalloc_memory():
    """Bytes the tracing itself uses."""
    return 0


def reset_peak():
    """Sets the peak size of traced blocks to the current size."""


def clear_traces():
    """Forgets the traces recorded so far."""


def _get_traces():
    return []


def _get_object_traceback(obj):
    return None
)py";

} // namespace

Value make_tracemalloc_module(Thread& t) {
  Value m = new_module(t, "_tracemalloc", nullptr, 0);
  return m ? run_module_source(t, m, kSource, "<_tracemalloc>") : Value();
}

} // namespace interp
