# unittest (which imports signal) runs a small TestCase: passes, a failure, an error, a
# skip and an expected failure, reported to a StringIO.
import io
import unittest


class Arithmetic(unittest.TestCase):
    def setUp(self):
        self.values = [3, 1, 2]

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0

    def test_in(self):
        self.assertIn(2, self.values)
        self.assertTrue(self.values)

    def test_failure(self):
        self.assertEqual(sum(self.values), 7)

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertEqual(1, 2)


suite = unittest.defaultTestLoader.loadTestsFromTestCase(Arithmetic)
print(suite.countTestCases())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
print([test.id().split(".")[-1] for test, _ in result.failures])
print([test.id().split(".")[-1] for test, _ in result.errors])
print(result.failures[0][1].splitlines()[-1])
print(result.errors[0][1].splitlines()[-1])
text = stream.getvalue()
print("FAILED (failures=1, errors=1, skipped=1, expected failures=1)" in text)


class Fine(unittest.TestCase):
    def test_ok(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)


program = unittest.main(defaultTest="Fine", argv=["prog"], exit=False,
                        testRunner=unittest.TextTestRunner(stream=io.StringIO()))
print(program.result.testsRun, program.result.wasSuccessful())

# What unittest does to a traceback: tb_next may be cut.
try:
    def inner():
        raise ValueError("x")
    inner()
except ValueError as e:
    tb = e.__traceback__
    print(tb.tb_next is not None)
    tb.tb_next = None
    print(tb.tb_next)
    for bad in [1, tb]:
        try:
            tb.tb_next = bad
        except (TypeError, ValueError) as err:
            print(type(err).__name__, err)
    try:
        del tb.tb_next
    except TypeError as err:
        print(err)
