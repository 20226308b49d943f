# sys.modules maps names to loaded modules; builtins and sys are always there.
import sys
import math

print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["math"] is math)
print(type(sys.modules).__name__, sys.modules["__main__"].__name__)
fake = type(sys)("fake_module")
fake.attr = "from fake"
sys.modules["fake_module"] = fake
import fake_module

print(fake_module.attr, fake_module.__name__, type(fake).__name__)
