# An exception gets its __context__ where it is raised, not again on each call it passes
# out of: raised in a generator after throw(), raised through natives (map, sorted,
# generator.throw) while the caller handles another exception, and contextlib.ExitStack's
# chains, which depend on it.
from contextlib import ExitStack, contextmanager


def chain(exc):
    names = []
    while exc is not None:
        names.append(repr(exc))
        exc = exc.__context__
    return " <- ".join(names)


def raises_in_finally(exc):
    try:
        yield
    finally:
        raise exc


def raises_in_except(exc):
    try:
        yield
    except Exception:
        raise exc


for make in (raises_in_finally, raises_in_except):
    try:
        raise KeyError("handled by the caller")
    except KeyError:
        gen = make(ValueError("from the generator"))
        next(gen)
        try:
            gen.throw(TypeError("thrown in"))
        except Exception as e:
            print(make.__name__, chain(e))


def converts(x):
    try:
        return {}[x]
    except KeyError:
        raise LookupError("converted")


try:
    raise OSError("outer")
except OSError:
    for call in (lambda: list(map(converts, [1])), lambda: sorted([1, 2], key=converts)):
        try:
            call()
        except LookupError as e:
            print(chain(e))
    try:
        int("x")
    except ValueError as e:
        print(chain(e))
    try:
        list(map(lambda x: 1 / x, [0]))
    except ZeroDivisionError as e:
        print(chain(e))


@contextmanager
def fails_with(exc):
    try:
        yield
    finally:
        raise exc


try:
    with ExitStack() as stack:
        stack.enter_context(fails_with(Exception(4)))
        stack.enter_context(fails_with(Exception(3)))
        stack.enter_context(fails_with(Exception(2)))
        raise Exception(1)
except Exception as e:
    print(chain(e))

try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        stack.callback(lambda: {}["k"])
        raise IndexError("first")
except Exception as e:
    print(chain(e))


def suspended_in_handler():
    try:
        raise KeyError("the generator's own")
    except KeyError:
        yield


gen = suspended_in_handler()
next(gen)
try:
    raise OSError("caller's")
except OSError:
    try:
        gen.throw(RuntimeError("thrown"))
    except RuntimeError as e:
        print(chain(e))
