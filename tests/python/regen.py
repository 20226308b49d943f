#!/usr/bin/env python3
# Regenerates the .expected file of every test program (or of those named) by running
# it under CPython 3.11, the behaviour oracle. Hand-written .expected files (first line
# "# hand-written: reason") are left alone.
import argparse
import concurrent.futures
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import suitelib  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("tests", nargs="*", help="test files or folders (default: all)")
    parser.add_argument("--oracle", default=suitelib.ORACLE)
    parser.add_argument("-j", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=20)
    args = parser.parse_args()

    tests = [t for t in suitelib.discover(args.tests or None) if not suitelib.is_hand_written(t)]
    failures = 0

    def regen(test):
        outcome = suitelib.run_test(args.oracle, test, args.timeout)
        if outcome.exit.startswith("timeout") or outcome.exit.startswith("could not"):
            return test, outcome.exit
        try:
            text = suitelib.format_expected(outcome)
        except ValueError as e:
            return test, str(e)
        path = suitelib.expected_path(test)
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return test, "written" if old is None else "changed"
        return test, None

    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for test, note in pool.map(regen, tests):
            if note in ("written", "changed"):
                print(f"{note}: {test}")
            elif note:
                failures += 1
                print(f"ERROR {test}: {note}")
    print(f"{len(tests)} regenerated, {failures} errors")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
