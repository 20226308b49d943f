# sys.audit calls the hooks sys.addaudithook added, with the event name and arguments;
# a hook raising RuntimeError refuses later hooks.
import sys

events = []


def hook(event, args):
    if event.startswith("my."):
        events.append((event, args))


sys.addaudithook(hook)
sys.audit("my.event", 1, "two")
sys.audit("my.other")
print(events)
try:
    sys.audit(5)
except TypeError as e:
    print("TypeError", e)


def veto(event, args):
    if event == "sys.addaudithook":
        raise RuntimeError("no more hooks")


sys.addaudithook(veto)
sys.addaudithook(lambda e, a: events.append("never"))
sys.audit("my.last")
print(events[-1], "never" in events)
import tempfile
with tempfile.TemporaryDirectory() as d:
    print(type(d).__name__)
