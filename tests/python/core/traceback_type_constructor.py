# types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) with its argument checks;
# an exception carrying a made traceback prints it; property.__set_name__'s arguments.
import sys
import traceback
import types

frame = sys._getframe()
for args in [("no", frame, 1, 2), (None, "no", 1, 2), (None, frame, "no", 2), (None, frame, 1)]:
    try:
        types.TracebackType(*args)
    except TypeError as e:
        print("TypeError:", e)
tb = types.TracebackType(None, frame, 4, 7)
print(tb.tb_lasti, tb.tb_lineno, tb.tb_next, tb.tb_frame is frame)
outer = types.TracebackType(tb, frame, 0, 3)
print(outer.tb_next is tb)
try:
    raise ValueError("made").with_traceback(outer)
except ValueError as e:
    lines = traceback.format_tb(e.__traceback__)
    print(len(lines), e.__traceback__.tb_next is outer)

p = property()
for n in (0, 1, 3):
    try:
        p.__set_name__(*[0] * n)
    except TypeError as e:
        print("TypeError:", e)
