# A bound method's __doc__ is its function's, None included; unittest's verbose
# output prints it under each test name.
import io
import unittest


class C:
    def plain(self):
        pass

    def documented(self):
        """First line.

        More text."""

    @classmethod
    def cm(cls):
        "class doc"

    @classmethod
    def cm_plain(cls):
        pass


c = C()
print(repr(c.plain.__doc__), repr(c.documented.__doc__), repr(C.cm.__doc__), repr(C.cm_plain.__doc__))
c.plain.__func__.__doc__ = "set later"
print(repr(c.plain.__doc__))


class T(unittest.TestCase):
    def test_a(self):
        pass

    def test_b(self):
        """Checks b."""


s = io.StringIO()
unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(T))
print("\n".join(s.getvalue().splitlines()[:3]))
print(T("test_a").shortDescription(), T("test_b").shortDescription())
