# zoneinfo over the system's tz database (/usr/share/zoneinfo, Debian's tzdata): UTC
# offsets, DST and abbreviations of Europe/Paris and America/New_York at fixed dates on
# both sides of their transitions, conversions between zones, the fold of a repeated hour,
# the cache, and the error for an unknown key. Needs sys.abiflags (sysconfig reads it).
import sys
import zoneinfo
from datetime import datetime, timedelta, timezone

print(repr(sys.abiflags))
paris = zoneinfo.ZoneInfo("Europe/Paris")
new_york = zoneinfo.ZoneInfo("America/New_York")
print(paris, paris.key, new_york.key)
print(zoneinfo.ZoneInfo("Europe/Paris") is paris, zoneinfo.ZoneInfo.no_cache("Europe/Paris") is paris)

dates = [
    datetime(2021, 1, 15, 12), datetime(2021, 3, 28, 1, 59), datetime(2021, 3, 28, 3, 0),
    datetime(2021, 7, 1, 12), datetime(2021, 10, 31, 2, 30), datetime(2021, 11, 7, 1, 30),
    datetime(2021, 3, 14, 3, 30), datetime(1970, 1, 1), datetime(2038, 6, 1), datetime(1944, 8, 25),
]
for zone in (paris, new_york):
    for d in dates:
        aware = d.replace(tzinfo=zone)
        print(zone.key, aware.isoformat(), aware.utcoffset(), aware.dst(), aware.tzname(),
              aware.astimezone(timezone.utc).isoformat())

# the repeated hour: fold picks the first or second occurrence
for zone, d in ((paris, datetime(2021, 10, 31, 2, 30)), (new_york, datetime(2021, 11, 7, 1, 30))):
    for fold in (0, 1):
        aware = d.replace(tzinfo=zone, fold=fold)
        print(zone.key, fold, aware.utcoffset(), aware.tzname(), aware.timestamp())

# conversions
utc_noon = datetime(2021, 6, 21, 12, tzinfo=timezone.utc)
print(utc_noon.astimezone(paris).isoformat(), utc_noon.astimezone(new_york).isoformat())
winter = datetime(2021, 12, 21, 23, 30, tzinfo=new_york)
print(winter.astimezone(paris).isoformat(), (winter.astimezone(paris) - winter) == timedelta(0))
t = datetime(2021, 3, 28, 0, 30, tzinfo=timezone.utc)
for i in range(4):
    local = (t + timedelta(minutes=30 * i)).astimezone(paris)
    print(local.isoformat(), local.tzname(), local.fold)
print(datetime.fromtimestamp(1_600_000_000, paris).isoformat(),
      datetime.fromtimestamp(1_600_000_000, new_york).isoformat())

print(zoneinfo.ZoneInfo("UTC").utcoffset(None), paris.utcoffset(None))
try:
    zoneinfo.ZoneInfo("Nowhere/Atlantis")
except zoneinfo.ZoneInfoNotFoundError as e:
    print(type(e).__name__, issubclass(type(e), KeyError), e)
