# Truth values of built-in objects in conditions.
values = [0, 1, -1, 0.0, 0.1, 0j, "", " ", "0", [], [0], (), ((),), {}, {0: 0}, set(), frozenset([0]),
          None, range(0), range(1), b"", b"\x00", bytearray()]
for v in values:
    print(repr(v), "truthy" if v else "falsy")
