# warnings.warn(stacklevel=2) and logging name the line of the caller: a function call, an import statement, __import__, a call with *args, an operator method (+, <), and sys._getframe(1).f_lineno inside a callee
import logging, os, sys, warnings
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "pkgs"))
warnings.simplefilter("always")
warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: print(
    f"{category.__name__} at line {lineno}: {message}")

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)

def caller_line():
    return sys._getframe(1).f_lineno

first = 1
old_api()
second = 2
import deprecated_mod
sys.modules.pop("deprecated_mod")
third = [
    __import__("deprecated_mod")]
old_api(*())
print("caller on line", caller_line())
print("caller on line",
      caller_line())
class Money:
    def __add__(self, other):
        warnings.warn("adding Money", FutureWarning, stacklevel=2)
        return self
    def __lt__(self, other):
        return sys._getframe(1).f_lineno
m = Money()
m = (m +
     1)
print("compared on line", m < 2)
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)s line %(lineno)d: %(message)s"))
log = logging.getLogger("lines")
log.addHandler(handler)
log.warning("logged")
