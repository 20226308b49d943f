# time: monotonic clocks never go backwards; struct_time fields from a fixed timestamp in UTC.
import time

a = time.monotonic()
b = time.monotonic()
print(b >= a, time.perf_counter() > 0, isinstance(time.time(), float), isinstance(time.time_ns(), int))
t = time.gmtime(86400 * 365)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday, tuple(t)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_000_000_000)))
print(time.asctime(time.gmtime(0)), time.mktime(time.localtime(1000)) == 1000.0)
time.sleep(0.01)
print(time.monotonic() - b >= 0.009, type(time.gmtime()).__name__)
print(time.strptime("2024-02-29", "%Y-%m-%d")[:3])
