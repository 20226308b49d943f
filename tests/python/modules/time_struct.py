# time: struct_time from fixed timestamps, calendar conversions, strftime, the timezone
# constants under a TZ set by the program, and CPython's errors for bad arguments.
import os
import time

t = time.gmtime(1_700_000_000)
print(t)
print(t.tm_zone, t.tm_gmtoff, len(t), t[0], t[-1], t[:3], type(t).__name__)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.__match_args__[-1])
print(time.gmtime(-1.5)[:6], time.gmtime(0.999)[5], time.gmtime(951782400)[:3])
print(time.asctime(time.gmtime(0)), "|", time.asctime((2024, 2, 29, 13, 5, 9, 3, 60, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %w %%", time.gmtime(1_000_000_000)))
print(time.strftime("%Z %z", time.gmtime(0)), repr(time.strftime("", time.gmtime(0))))
print(time.strftime("%y/%d/%m", (2001, 2, 3, 0, 0, 0, 0, 1, 0)))

st = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0))
print(st, st.tm_zone, st.tm_gmtoff)
st = time.struct_time((2020, 5, 17, 1, 2, 3, 6, 138, 0, "XYZ", 3600))
print(st.tm_zone, st.tm_gmtoff, tuple(st))
cls, args = st.__reduce__()
print(cls is time.struct_time, args)

os.environ["TZ"] = "EST+05EDT,M3.2.0,M11.1.0"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
winter, summer = time.localtime(1_700_000_000), time.localtime(1_690_000_000)
print(winter[:9], winter.tm_zone, winter.tm_gmtoff)
print(summer[:9], summer.tm_zone, summer.tm_gmtoff)
print(time.mktime(winter), time.mktime(summer), time.mktime((2024, 1, 1, 0, 0, 0, 0, 1, -1)))
print(time.ctime(0), "|", time.strftime("%H:%M %Z", time.localtime(0)))
os.environ["TZ"] = "UTC"
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname, time.localtime(0)[:6])
print(time.mktime(time.localtime(12345)) == 12345.0)

info = time.get_clock_info("monotonic")
print(info.implementation, info.monotonic, info.adjustable, info.resolution > 0)
print(time.get_clock_info("time").adjustable, time.get_clock_info("perf_counter").monotonic)
print(time.clock_gettime(time.CLOCK_MONOTONIC) > 0, isinstance(time.thread_time_ns(), int))

for bad in [
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime(1e30),
    lambda: time.gmtime("x"),
    lambda: time.mktime((1, 2, 3)),
    lambda: time.mktime([2020, 1, 1, 0, 0, 0, 0, 1, 0]),
    lambda: time.mktime((2020.0, 1, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.asctime((2020, 1, 1, 24, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (2020, 1, 40, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime(5),
    lambda: time.strftime("a" + chr(0) + "b"),
    lambda: time.struct_time((1, 2, 3)),
    lambda: time.struct_time((1,) * 12),
    lambda: time.struct_time(5),
    lambda: time.get_clock_info("nope"),
    lambda: time.sleep(-1),
]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
