# The shared machinery of the Python behaviour suite: finding the test programs,
# running one under an interpreter, reducing its output to what is compared, and
# reading/writing .expected files. regen.py and run.py both use it, so that the
# expected results and the comparison are produced by the very same code.
import json
import os
import re
import signal
import subprocess
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.abspath(__file__))
ORACLE = "/usr/bin/python3.11"
HAND_WRITTEN = "# hand-written:"
# Folders that hold helpers for the tests rather than tests.
HELPER_DIRS = {"pkgs", "__pycache__", "data"}

# A shell starts a background job with SIGINT ignored, and an ignored signal stays ignored
# across exec: the programs would then see SIG_IGN where a terminal's run sees Python's
# handler. A handled signal is reset to its default at exec, so every program starts alike.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@dataclass
class Outcome:
    """What a run produced, reduced to the compared form."""

    exit: str
    stdout: str
    stderr: str


@dataclass
class Expectation:
    """One accepted outcome; a section may be a regular expression."""

    exit: str = "0"
    stdout: str = ""
    stderr: str = ""
    regex: set = field(default_factory=set)  # names of sections that are regexes


def discover(selection=None):
    """Test ids (paths relative to ROOT): area/x.py, or cli/x.cli under cli/."""
    roots = selection or [d for d in sorted(os.listdir(ROOT)) if os.path.isdir(os.path.join(ROOT, d))]
    found = []
    for sel in roots:
        # A selection may be given relative to the current directory or to ROOT.
        path = os.path.abspath(sel) if os.path.exists(sel) else os.path.join(ROOT, sel)
        if not os.path.exists(path):
            raise SystemExit(f"no such test or folder: {sel}")
        if os.path.isfile(path):
            found.append(os.path.relpath(path, ROOT))
            continue
        for dirpath, dirnames, filenames in os.walk(path):
            dirnames[:] = sorted(d for d in dirnames if d not in HELPER_DIRS)
            rel = os.path.relpath(dirpath, ROOT)
            if rel == ".":
                continue
            in_cli = rel.split(os.sep)[0] == "cli"
            for name in sorted(filenames):
                if name.endswith(".cli") if in_cli else name.endswith(".py"):
                    found.append(os.path.join(rel, name))
    return sorted(set(found))


def expected_path(test):
    return os.path.join(ROOT, os.path.splitext(test)[0] + ".expected")


def clean_env(extra=None):
    """A fixed environment: no inherited PYTHON* settings, fixed hash seed and locale."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    env.pop("PYENV_VERSION", None)
    if extra:
        env.update(extra)
    return env


FILE_LINE = re.compile(r'^(?P<lead>[ |+]*)File "(?P<path>[^"]*)", line (?P<line>\d+)(?P<rest>.*)$')
# A warning as the warnings module prints it: "path:line: Category: message".
WARNING_LINE = re.compile(r'^(?P<path>/[^:]*):(?P<line>\d+): (?P<rest>\w*Warning: .*)$')


def content_column(line):
    """Column of the first character after the indentation and exception-group bars."""
    return len(line) - len(line.lstrip(" |"))


def reduce_stderr(text):
    """Tracebacks keep their File lines (path cut to the base name, as in warning lines) and everything that is
    not indented below a File line (exception lines, chaining notes); source lines and
    carets go, because they depend on how each interpreter locates columns."""
    out = []
    frame_column = None
    for line in text.splitlines():
        m = FILE_LINE.match(line)
        if m:
            base = os.path.basename(m.group("path"))
            out.append(f'{m.group("lead")}File "{base}", line {m.group("line")}{m.group("rest")}')
            frame_column = content_column(line)
            continue
        if frame_column is not None and content_column(line) > frame_column:
            continue
        frame_column = None
        m = WARNING_LINE.match(line)
        if m:  # the path depends on where the suite runs: keep its base name
            line = f'{os.path.basename(m.group("path"))}:{m.group("line")}: {m.group("rest")}'
        out.append(line.rstrip())
    return "\n".join(out) + ("\n" if out else "")


def decode(data):
    return data.decode("utf-8", errors="backslashreplace")


def run_test(interp, test, timeout):
    """Runs one test and returns its reduced Outcome."""
    path = os.path.join(ROOT, test)
    cwd = os.path.dirname(path)
    stdin = b""
    extra_env = None
    if test.endswith(".cli"):
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        argv = [interp] + spec["args"]
        stdin = spec.get("stdin", "").encode("utf-8")
        extra_env = spec.get("env")
    else:
        argv = [interp, os.path.basename(path)]
    try:
        proc = subprocess.run(
            argv,
            cwd=cwd,
            input=stdin,
            capture_output=True,
            timeout=timeout,
            env=clean_env(extra_env),
        )
    except subprocess.TimeoutExpired as e:
        return Outcome(f"timeout after {timeout}s", decode(e.stdout or b""), reduce_stderr(decode(e.stderr or b"")))
    except OSError as e:
        return Outcome(f"could not start: {e}", "", "")
    stdout = decode(proc.stdout)
    stderr = decode(proc.stderr)
    if test.endswith(".cli"):
        # Usage messages name the interpreter as it was invoked,
        # and missing files by their absolute path.
        for text, placeholder in ((interp, "<interp>"), (cwd, "<cwd>")):
            stdout = stdout.replace(text, placeholder)
            stderr = stderr.replace(text, placeholder)
    return Outcome(str(proc.returncode), stdout, reduce_stderr(stderr))


# --- .expected files -------------------------------------------------------------
#
#   exit 0
#   --- stdout
#   <the text>
#   --- stderr
#   <the text>
#
# A section header may end in " noeol" (the text has no final newline) and, in
# hand-written files, in " re" (the text is a regular expression that must match the
# whole output). A hand-written file starts with "# hand-written: reason" and may hold
# one expectation per implementation, each introduced by "[impl NAME]".


def format_section(name, text):
    if text and not text.endswith("\n"):
        return f"--- {name} noeol\n{text}\n"
    return f"--- {name}\n{text}"


def format_expected(outcome):
    for text in (outcome.stdout, outcome.stderr):
        for line in text.splitlines():
            if line.startswith("--- std") or line.startswith("[impl "):
                raise ValueError(f"output line {line!r} would be read as a section header")
    return f"exit {outcome.exit}\n" + format_section("stdout", outcome.stdout) + format_section("stderr", outcome.stderr)


def parse_one(lines):
    exp = Expectation()
    section = None
    bodies = {"stdout": [], "stderr": []}
    flags = {"stdout": set(), "stderr": set()}
    for line in lines:
        if section is None and line.startswith("exit "):
            exp.exit = line[5:].strip()
        elif line.startswith("--- stdout") or line.startswith("--- stderr"):
            words = line[4:].split()
            section = words[0]
            flags[section] = set(words[1:])
        elif section is not None:
            bodies[section].append(line)
    for name in ("stdout", "stderr"):
        text = "".join(l + "\n" for l in bodies[name])
        if "noeol" in flags[name] and text.endswith("\n"):
            text = text[:-1]
        if "re" in flags[name]:
            exp.regex.add(name)
        setattr(exp, name, text)
    return exp


def read_expected(test):
    """Returns (is_hand_written, {impl name or None: Expectation})."""
    with open(expected_path(test), encoding="utf-8") as f:
        lines = f.read().splitlines()
    hand = bool(lines) and lines[0].startswith(HAND_WRITTEN)
    while hand and lines and lines[0].startswith("#"):
        lines = lines[1:]
    variants = {}
    current = None
    chunk = []
    for line in lines:
        m = re.match(r"^\[impl (\S+)\]$", line)
        if m:
            if chunk:
                variants[current] = parse_one(chunk)
            current, chunk = m.group(1), []
        else:
            chunk.append(line)
    if chunk or not variants:
        variants[current] = parse_one(chunk)
    return hand, variants


def is_hand_written(test):
    try:
        with open(expected_path(test), encoding="utf-8") as f:
            return f.readline().startswith(HAND_WRITTEN)
    except FileNotFoundError:
        return False


def section_matches(exp, name, actual):
    wanted = getattr(exp, name)
    if name in exp.regex:
        return re.fullmatch(wanted, actual, re.DOTALL) is not None
    return wanted == actual


def first_difference(wanted, actual):
    w, a = wanted.splitlines(), actual.splitlines()
    for i in range(max(len(w), len(a))):
        wl = w[i] if i < len(w) else "<end>"
        al = a[i] if i < len(a) else "<end>"
        if wl != al:
            return f"line {i + 1}: expected {wl!r}, got {al!r}"
    return "final newline differs"


def compare(exp, outcome):
    """None when the outcome is accepted, else a one-line description of the difference."""
    problems = []
    if exp.exit != outcome.exit:
        problems.append(f"exit: expected {exp.exit}, got {outcome.exit}")
    for name in ("stdout", "stderr"):
        actual = getattr(outcome, name)
        if not section_matches(exp, name, actual):
            if name in exp.regex:
                problems.append(f"{name}: does not match /{getattr(exp, name).strip()}/, got {actual[:80]!r}")
            else:
                problems.append(f"{name} {first_difference(getattr(exp, name), actual)}")
    return "; ".join(problems) or None


def full_diff(exp, outcome):
    import difflib

    lines = []
    for name in ("stdout", "stderr"):
        wanted, actual = getattr(exp, name), getattr(outcome, name)
        if not section_matches(exp, name, actual):
            lines.extend(
                difflib.unified_diff(
                    wanted.splitlines(), actual.splitlines(), f"expected {name}", f"actual {name}", lineterm="", n=2
                )
            )
    return lines
