#!/usr/bin/env python3
# Runs the Python behaviour suite (or the tests named) under an interpreter and compares
# each result with its .expected file: one line per failing test, then "N passed, N
# failed[, N skipped]". Exit status 1 on any failure.
import argparse
import concurrent.futures
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import suitelib  # noqa: E402


def read_skips():
    """skip.txt: one test path per line followed by the reason; '#' starts a comment."""
    skips = {}
    path = os.path.join(suitelib.ROOT, "skip.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                test, _, reason = line.partition(" ")
                skips[os.path.normpath(test)] = reason.strip()
    return skips


def default_impl(interp):
    # Decided from the interpreter's name, never by asking it: a wrong
    # sys.implementation must not pick its own expectations.
    return "cpython" if os.path.basename(interp).startswith("python") else "pypy_stm"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tests", nargs="*", help="test files or folders (default: all)")
    parser.add_argument("--interp", default=os.path.join(suitelib.ROOT, "..", "..", "build", "threading", "pypy-stm"))
    parser.add_argument("--impl", help="implementation name for hand-written variants (default: from --interp)")
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("-v", "--verbose", action="store_true", help="print a unified diff under each failure")
    parser.add_argument("--no-skip", action="store_true", help="also run the tests listed in skip.txt")
    parser.add_argument("--exclude", action="append", default=[], metavar="TEST",
                        help="leave this test out (repeatable); for runs under test settings that make it too slow")
    args = parser.parse_args()

    interp = os.path.abspath(args.interp) if os.sep in args.interp else args.interp
    impl = args.impl or default_impl(interp)
    skips = {} if args.no_skip else read_skips()
    tests = suitelib.discover(args.tests or None)
    excluded = {os.path.normpath(os.path.join(suitelib.ROOT, e)) for e in args.exclude}
    tests = [t for t in tests if os.path.normpath(os.path.join(suitelib.ROOT, t)) not in excluded]
    to_run = [t for t in tests if os.path.normpath(t) not in skips]
    skipped = len(tests) - len(to_run)

    def check(test):
        if not os.path.exists(suitelib.expected_path(test)):
            return test, "no .expected file (run regen.py)", []
        _, variants = suitelib.read_expected(test)
        exp = variants.get(impl) or variants.get(None)
        if exp is None:
            return test, f"no expectation for implementation {impl}", []
        outcome = suitelib.run_test(interp, test, args.timeout)
        problem = suitelib.compare(exp, outcome)
        return test, problem, suitelib.full_diff(exp, outcome) if problem and args.verbose else []

    passed = failed = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for test, problem, diff in pool.map(check, to_run):
            if problem:
                failed += 1
                if len(problem) > 300:
                    problem = problem[:300] + "..."
                print(f"FAIL {test}: {problem}", flush=True)
                for line in diff:
                    print("    " + line)
            else:
                passed += 1
    summary = f"{passed} passed, {failed} failed"
    if skipped:
        summary += f", {skipped} skipped"
    print(summary)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
