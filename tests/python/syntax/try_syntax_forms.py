# All try statement forms: except without type, tuples of types, except* with tuple, try/finally only.
def f(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup", type(e).__name__
    except ArithmeticError:
        return "arith"
    except:
        return "bare"


print(f(KeyError), f(IndexError), f(ZeroDivisionError), f(ValueError))
try:
    raise ExceptionGroup("g", [KeyError(1), IndexError(2)])
except* (KeyError, IndexError) as eg:
    print(len(eg.exceptions))
try:
    pass
finally:
    print("bare finally")
